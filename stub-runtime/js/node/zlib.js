// Node's `zlib`: deflate/inflate, gzip/gunzip, raw deflate and auto-detecting unzip as Transform
// streams and one-call helpers. The compression itself runs in Rust (ops/zlib.rs, the `flate2`
// crate); this file is the Node-shaped surface: options, stream plumbing and error shapes.
'use strict';

const ops = require('internal/core').ops;
const { Transform } = require('internal/streams/duplex');
const { Buffer } = require('buffer');
const { nodeError, invalidArgType } = require('internal/errors');

const constants = Object.freeze({
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4880,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
});

/** Return codes both ways, name -> number and number -> name, as `zlib.codes`. */
const codes = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR',
  'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}
Object.freeze(codes);

// ---------------------------------------------------------------------------------------------
// Errors and option checks.

/** Turns an op's failure (zlib's message) into Node's Error with `code` and `errno`. */
function zlibError(opError) {
  const message = opError && opError.message !== undefined ? opError.message : String(opError);
  const error = new Error(message);
  if (message === 'Decompression failed' || message === 'Compression failed') {
    // The brotli crate does not say which format rule broke, so no brotli errno is given.
    error.code = 'ERR_BROTLI_DECOMPRESSION_FAILED';
    return error;
  }
  const code = message === 'unexpected end of file' ? 'Z_BUF_ERROR'
    : message === 'Missing dictionary' ? 'Z_NEED_DICT' : 'Z_DATA_ERROR';
  error.errno = constants[code];
  error.code = code;
  return error;
}

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
}

/** An optional numeric option: its default when absent, else checked against [min, max]. */
function numberOption(options, key, min, max, fallback) {
  const value = options[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number') throw invalidArgType(`options.${key}`, 'of type number', value);
  if (!Number.isFinite(value)) {
    throw outOfRange(`options.${key}`, 'a finite number', value);
  }
  if (value < min || value > max) throw outOfRange(`options.${key}`, `>= ${min} and <= ${max}`, value);
  return value;
}

const FLUSH_VALUES = [0, 1, 2, 3, 4, 5];

function flushOption(options, key, fallback) {
  const value = numberOption(options, key, 0, 5, fallback);
  return FLUSH_VALUES.includes(value) ? value : fallback;
}

/** Input of the one-call helpers and writes as a Buffer. */
function toBuffer(data, name) {
  if (typeof data === 'string') return Buffer.from(data);
  if (Buffer.isBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  throw invalidArgType(name,
    'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', data);
}

// ---------------------------------------------------------------------------------------------
// Streams.

function isBrotli(mode) {
  return mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE;
}

/** Brotli operations as the zlib flush values the Rust side takes (process/flush/finish). */
const BROTLI_TO_ZLIB_FLUSH = [0, 2, 4, 4];

/** The quality from `options.params`, keyed by BROTLI_PARAM_QUALITY (11 by default). */
function brotliQuality(options) {
  const params = options.params;
  if (params === undefined || params === null) return 11;
  if (typeof params !== 'object') throw invalidArgType('options.params', 'of type object', params);
  const quality = params[constants.BROTLI_PARAM_QUALITY];
  if (quality === undefined) return 11;
  if (typeof quality !== 'number' || quality < 0 || quality > 11) {
    throw nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM',
      `${constants.BROTLI_PARAM_QUALITY} is not a valid Brotli parameter`);
  }
  return quality;
}

/**
 * Checks windowBits, memLevel and strategy (decoders also take windowBits 0: "use the
 * header's"); returns the strategy. flate2's rust backend always uses its own window and memory.
 */
function checkZlibTuning(options, mode) {
  const headerWindow = mode === constants.GUNZIP || mode === constants.UNZIP || mode === constants.INFLATE;
  numberOption(options, 'windowBits', headerWindow ? 0 : 8, 15, 15);
  numberOption(options, 'memLevel', 1, 9, 8);
  return numberOption(options, 'strategy', 0, 4, 0);
}

/** The shared base of all the zlib Transform streams; `mode` picks the algorithm. */
class ZlibBase extends Transform {
  constructor(options, mode) {
    options = options == null ? {} : options;
    const chunkSize = numberOption(options, 'chunkSize', 64, Infinity, 16 * 1024);
    const level = isBrotli(mode) ? brotliQuality(options) : numberOption(options, 'level', -1, 9, -1);
    const strategy = isBrotli(mode) ? 0 : checkZlibTuning(options, mode);
    super({ ...options, readableHighWaterMark: options.readableHighWaterMark || chunkSize });
    this._id = ops.op_zlib_new(mode, level);
    this._mode = mode;
    this._level = level;
    this._strategy = strategy;
    this._chunkSize = chunkSize;
    const finish = isBrotli(mode) ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH;
    this._defaultFlush = flushOption(options, 'flush', 0);
    this._finishFlush = flushOption(options, 'finishFlush', finish);
    this.bytesWritten = 0;
    this._closed = false;
  }

  get _handle() {
    return this._closed ? null : this._id;
  }

  /** Runs `chunk` through the Rust stream; returns output or throws a Node-shaped error. */
  _process(chunk, flush) {
    if (this._closed) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
    let output;
    try {
      output = ops.op_zlib_write(this._id, chunk, isBrotli(this._mode) ? BROTLI_TO_ZLIB_FLUSH[flush] : flush);
    } catch (error) {
      throw zlibError(error);
    }
    this.bytesWritten += chunk.length;
    return Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  }

  _transform(chunk, encoding, callback) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    let output;
    try {
      output = this._process(chunk, this._defaultFlush);
    } catch (error) {
      this._release();
      callback(error);
      return;
    }
    if (output.length > 0) this.push(output);
    callback();
  }

  _flush(callback) {
    let output;
    try {
      output = this._process(Buffer.alloc(0), this._finishFlush);
    } catch (error) {
      this._release();
      callback(error);
      return;
    }
    if (output.length > 0) this.push(output);
    callback();
  }

  /** Flushes what is buffered (Z_FULL_FLUSH by default) without ending the stream. */
  flush(kind, callback) {
    if (typeof kind === 'function' || kind === undefined) {
      callback = kind;
      kind = isBrotli(this._mode) ? constants.BROTLI_OPERATION_FLUSH : constants.Z_FULL_FLUSH;
    }
    if (this.writableFinished || this._closed) {
      if (callback) process.nextTick(callback);
      return;
    }
    // Write an empty chunk after whatever is queued, so the flush keeps the data's order.
    const marker = Buffer.alloc(0);
    marker._zlibFlush = kind;
    this.write(marker, () => { if (callback) callback(); });
  }

  _write(chunk, encoding, callback) {
    if (chunk && chunk._zlibFlush !== undefined) {
      let output;
      try {
        output = this._process(chunk, chunk._zlibFlush);
      } catch (error) {
        callback(error);
        return;
      }
      if (output.length > 0) this.push(output);
      callback();
      return;
    }
    super._write(chunk, encoding, callback);
  }

  /**
   * Changes level and strategy. A change first flushes what is written, as Node does; the Rust
   * backend keeps the stream's original settings, so the new ones are only recorded.
   */
  params(level, strategy, callback) {
    numberOption({ level }, 'level', -1, 9, -1);
    numberOption({ strategy }, 'strategy', 0, 4, 0);
    const changed = this._level !== level || this._strategy !== strategy;
    this._level = level;
    this._strategy = strategy;
    if (changed) this.flush(constants.Z_SYNC_FLUSH, callback);
    else if (callback) process.nextTick(callback);
  }

  reset() {
    ops.op_zlib_close(this._id);
    this._id = ops.op_zlib_new(this._mode, this._level);
  }

  _release() {
    if (!this._closed) {
      this._closed = true;
      ops.op_zlib_close(this._id);
    }
  }

  close(callback) {
    if (callback) this.once('close', callback);
    this.destroy();
  }

  _destroy(error, callback) {
    this._release();
    callback(error);
  }
}

function streamClass(name, mode) {
  const cls = {
    [name]: class extends ZlibBase {
      constructor(options) {
        super(options, mode);
      }
    },
  }[name];
  // Node lets these be called without `new`.
  const callable = function (options) {
    if (!new.target) return new callable(options);
    return Reflect.construct(cls, [options], new.target);
  };
  Object.defineProperty(callable, 'name', { value: name });
  callable.prototype = cls.prototype;
  Object.setPrototypeOf(callable, cls);
  cls.prototype.constructor = callable;
  return callable;
}

const Deflate = streamClass('Deflate', constants.DEFLATE);
const Inflate = streamClass('Inflate', constants.INFLATE);
const Gzip = streamClass('Gzip', constants.GZIP);
const Gunzip = streamClass('Gunzip', constants.GUNZIP);
const DeflateRaw = streamClass('DeflateRaw', constants.DEFLATERAW);
const InflateRaw = streamClass('InflateRaw', constants.INFLATERAW);
const Unzip = streamClass('Unzip', constants.UNZIP);
const BrotliCompress = streamClass('BrotliCompress', constants.BROTLI_ENCODE);
const BrotliDecompress = streamClass('BrotliDecompress', constants.BROTLI_DECODE);

// ---------------------------------------------------------------------------------------------
// One-call helpers.

/** `deflateSync(buffer, options)` and friends: the whole input through one stream at once. */
function syncHelper(mode) {
  return function (buffer, options) {
    const input = toBuffer(buffer, 'buffer');
    options = options == null ? {} : options;
    const brotli = isBrotli(mode);
    const level = brotli ? brotliQuality(options) : numberOption(options, 'level', -1, 9, -1);
    numberOption(options, 'chunkSize', 64, Infinity, 16 * 1024);
    let finishFlush = flushOption(options, 'finishFlush', brotli ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH);
    if (brotli) finishFlush = BROTLI_TO_ZLIB_FLUSH[finishFlush];
    let output;
    try {
      output = ops.op_zlib_oneshot(mode, level, finishFlush, input);
    } catch (error) {
      throw zlibError(error);
    }
    const result = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
    if (options.info) return { buffer: result, engine: new (CLASS_OF_MODE[mode])(options) };
    return result;
  };
}

/** `deflate(buffer, options, callback)` and friends: the sync work, reported asynchronously. */
function asyncHelper(syncFn) {
  return function (buffer, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
    let result;
    try {
      result = syncFn(buffer, options);
    } catch (error) {
      if (error.code && error.code.startsWith('ERR_')) throw error;
      process.nextTick(callback, error);
      return;
    }
    process.nextTick(callback, null, result);
  };
}

const CLASS_OF_MODE = {
  [constants.DEFLATE]: Deflate, [constants.INFLATE]: Inflate, [constants.GZIP]: Gzip,
  [constants.GUNZIP]: Gunzip, [constants.DEFLATERAW]: DeflateRaw,
  [constants.INFLATERAW]: InflateRaw, [constants.UNZIP]: Unzip,
  [constants.BROTLI_ENCODE]: BrotliCompress, [constants.BROTLI_DECODE]: BrotliDecompress,
};

const deflateSync = syncHelper(constants.DEFLATE);
const inflateSync = syncHelper(constants.INFLATE);
const gzipSync = syncHelper(constants.GZIP);
const gunzipSync = syncHelper(constants.GUNZIP);
const deflateRawSync = syncHelper(constants.DEFLATERAW);
const inflateRawSync = syncHelper(constants.INFLATERAW);
const unzipSync = syncHelper(constants.UNZIP);
const brotliCompressSync = syncHelper(constants.BROTLI_ENCODE);
const brotliDecompressSync = syncHelper(constants.BROTLI_DECODE);

module.exports = {
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate: asyncHelper(deflateSync), deflateSync,
  gzip: asyncHelper(gzipSync), gzipSync,
  deflateRaw: asyncHelper(deflateRawSync), deflateRawSync,
  unzip: asyncHelper(unzipSync), unzipSync,
  inflate: asyncHelper(inflateSync), inflateSync,
  gunzip: asyncHelper(gunzipSync), gunzipSync,
  inflateRaw: asyncHelper(inflateRawSync), inflateRawSync,
  brotliCompress: asyncHelper(brotliCompressSync), brotliCompressSync,
  brotliDecompress: asyncHelper(brotliDecompressSync), brotliDecompressSync,
  createDeflate: (options) => new Deflate(options),
  createInflate: (options) => new Inflate(options),
  createDeflateRaw: (options) => new DeflateRaw(options),
  createInflateRaw: (options) => new InflateRaw(options),
  createGzip: (options) => new Gzip(options),
  createGunzip: (options) => new Gunzip(options),
  createUnzip: (options) => new Unzip(options),
  createBrotliCompress: (options) => new BrotliCompress(options),
  createBrotliDecompress: (options) => new BrotliDecompress(options),
  constants,
  codes,
};

// The legacy top-level Z_* names, read-only and hidden from enumeration as in Node.
for (const name of Object.keys(constants)) {
  if (name.startsWith('Z_')) {
    Object.defineProperty(module.exports, name, { value: constants[name], enumerable: false });
  }
}
