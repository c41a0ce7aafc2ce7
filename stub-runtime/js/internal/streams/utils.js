// Shared pieces of the stream modules: Node's stream errors, default buffer limits, the
// predicates that read a stream's state, the destroy machinery and `finished` (end-of-stream).
'use strict';
const { nodeError, received } = require('internal/errors');

// ---------------------------------------------------------------------------------------------
// Errors shaped like Node's.

// Node lists expected types as `of type string or an instance of Buffer or Uint8Array`.
function describeExpected(types) {
  const plain = [];
  const instances = [];
  for (const type of types) {
    if (/^[a-z]/.test(type)) plain.push(type);
    else instances.push(type);
  }
  const join = (list) => (list.length > 2 ? `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}` : list.join(' or '));
  const parts = [];
  if (plain.length) parts.push(`of type ${join(plain)}`);
  if (instances.length) parts.push(`an instance of ${join(instances)}`);
  return parts.join(' or ');
}

const errors = {
  invalidArgType(name, types, value) {
    const what = name.includes('.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" ${what} must be ${describeExpected([].concat(types))}.${received(value)}`);
  },
  invalidArgValue(name, value, reason = 'is invalid') {
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${require('util').inspect(value)}`);
  },
  writeAfterEnd: () => nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  pushAfterEof: () => nodeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  unshiftAfterEnd: () => nodeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'),
  destroyed: (method) => nodeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${method} after a stream was destroyed`),
  alreadyFinished: (method) => nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${method} after a stream was finished`),
  prematureClose: () => nodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  multipleCallback: () => nodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  nullValues: () => nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  notImplemented: (method) => nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${method} method is not implemented`),
  cannotPipe: () => nodeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'),
  missingArgs: (name) => nodeError(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`),
  unknownEncoding: (enc) => nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`),
  invalidReturnValue: (expected, name, value) => nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${expected} to be returned from the "${name}" function but got ${value === null ? 'null' : typeof value}.`),
  outOfRange: (name, range, value) => nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${value}`),
  invalidHighWaterMark: (name, value) => nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The property '${name}' is invalid. Received ${require('util').inspect(value)}`),
};

// The stack starts where the stream machinery was called, not inside these helpers.
for (const [key, make] of Object.entries(errors)) {
  errors[key] = function streamError(...args) {
    const error = make(...args);
    if (typeof Error.captureStackTrace === 'function') {
      const base = Object.getPrototypeOf(error).name;
      Object.defineProperty(error, 'name', { value: `${base} [${error.code}]`, configurable: true, writable: true });
      Error.captureStackTrace(error, streamError);
      void error.stack;
      delete error.name;
    }
    return error;
  };
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// When a second error arrives while one is pending, Node keeps both in an AggregateError.
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const error = new AggregateError([outer, inner], outer.message);
    error.code = outer.code;
    return error;
  }
  return inner || outer;
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'function', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw errors.invalidArgType(name, 'object', value);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw errors.invalidArgType(name, 'AbortSignal', signal);
  }
}

// ---------------------------------------------------------------------------------------------
// Buffer limits: 16 KiB of bytes or 16 objects, changeable process-wide.

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  if (!Number.isInteger(value) || value < 0) throw errors.outOfRange('value', '>= 0', value);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

// The limit from `highWaterMark` or, for one side of a duplex, `readableHighWaterMark` etc.
function getHighWaterMark(options, duplexKey, isDuplex, objectMode) {
  let value = options.highWaterMark;
  let name = 'highWaterMark';
  if (value == null && isDuplex) {
    value = options[duplexKey];
    name = duplexKey;
  }
  if (value == null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(value) || value < 0) throw errors.invalidHighWaterMark(`options.${name}`, value);
  return Math.floor(value);
}

// ---------------------------------------------------------------------------------------------
// What state a stream is in, read from its `_readableState`/`_writableState` (or guessed for
// streams that are not built on these classes).

function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || (state && state.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const state = stream._writableState;
  if (state && state.errored) return false;
  if (!state || typeof state.ended !== 'boolean') return null;
  return state.ended;
}

function isWritableFinished(stream, strict) {
  const state = stream._writableState;
  if (!state || state.errored) return false;
  return !!(state.finished || (strict === false && state.ended === true && state.length === 0));
}

function isReadableFinished(stream, strict) {
  const state = stream._readableState;
  if (!state || state.errored) return false;
  return !!(state.endEmitted || (strict === false && state.ended === true && state.length === 0));
}

function isReadable(stream) {
  if (stream && typeof stream.readable !== 'boolean') return null;
  if (!stream) return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && typeof stream.writable !== 'boolean') return null;
  if (!stream) return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isErrored(stream) {
  return !!(stream && (stream.errored || stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errorEmitted) ||
    (stream._writableState && stream._writableState.errorEmitted) ||
    (stream._readableState && stream._readableState.errored) ||
    (stream._writableState && stream._writableState.errored)));
}

function isDisturbed(stream) {
  return !!(stream && (stream.readableDidRead || stream.readableAborted ||
    (stream._readableState && (stream._readableState.dataEmitted || stream._readableState.endEmitted))));
}

function isClosed(stream) {
  const w = stream._writableState;
  const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) return !!((w && w.closed) || (r && r.closed));
  return null;
}

// A stream built on these classes that will emit 'close' by itself once done.
function willEmitClose(stream) {
  const state = stream._writableState || stream._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}

function isRequest(stream) {
  return stream && stream.setHeader && typeof stream.abort === 'function';
}

// ---------------------------------------------------------------------------------------------
// Destroying: shared by Readable, Writable and Duplex. 'error' (once) comes before 'close'.

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const state = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!state.constructed) {
    this.once(kDestroyHook, (er) => runDestroy(this, aggregateTwoErrors(er, err), cb));
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

const kDestroyHook = Symbol('kDestroy');

function recordError(err, w, r) {
  if (!err) return;
  void err.stack;
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function runDestroy(self, err, cb) {
  let called = false;
  function onDestroy(error) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    recordError(error, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(error);
    if (error) process.nextTick(emitErrorCloseNT, self, error);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (error) {
    onDestroy(error);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

// Reports an error found by the stream machinery: destroys the stream when it auto-destroys,
// otherwise just records and emits it.
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    void err.stack;
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Runs `_construct` (if any) before any read, write or destroy.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstructHook, cb);
  if (stream.listenerCount(kConstructHook) > 1) return;
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err ?? errors.multipleCallback());
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroyHook, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstructHook);
  }
  try {
    stream._construct((err) => process.nextTick(onConstruct, err));
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

const kConstructHook = Symbol('kConstruct');

// Brings a stream back to its just-made state (used by old code that reuses streams).
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  for (const s of [r, w]) {
    if (!s) continue;
    s.constructed = true;
    s.closed = false;
    s.closeEmitted = false;
    s.destroyed = false;
    s.errored = null;
    s.errorEmitted = false;
  }
  if (r) {
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finalCalled = false;
    w.prefinished = false;
    w.finished = w.writable === false;
  }
}

// Destroys any stream-like object, as pipeline does when a stage fails.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();
  if (isRequest(stream)) stream.abort();
  else if (isRequest(stream.req)) stream.req.abort();
  else if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
  else if (err) process.nextTick((s, e) => s.emit('error', e), stream, err);
  else process.nextTick((s) => s.emit('close'), stream);
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}
const kIsDestroyed = Symbol('kIsDestroyed');

function isFinished(stream) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if (isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream)) return false;
  if (isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// finished(stream, [options], callback): calls back once the stream is done, with an error if
// it failed or closed before finishing ("Premature close").

function nop() {}

function once(fn) {
  let called = false;
  return function onceWrapper(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = once(callback);
  if (!isNodeStream(stream)) {
    if (stream && (typeof stream.getReader === 'function' || typeof stream.getWriter === 'function')) {
      throw errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    throw errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  let emitsClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;
  let writableFinished = isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  let readableFinished = isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  const onerror = (err) => callback.call(stream, err);

  let closed = isClosed(stream);
  const onclose = () => {
    closed = true;
    const errored = (wState && wState.errored) || (rState && rState.errored);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
      if (!isReadableFinished(stream, false)) return callback.call(stream, errors.prematureClose());
    }
    if (writable && !writableFinished) {
      if (!isWritableFinished(stream, false)) return callback.call(stream, errors.prematureClose());
    }
    callback.call(stream);
  };

  const onclosed = () => {
    closed = true;
    const errored = (wState && wState.errored) || (rState && rState.errored);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    callback.call(stream);
  };

  const onrequest = () => stream.req.on('finish', onfinish);

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!emitsClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    // Old-style writable without state: 'end'/'close' are the only signals.
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (!emitsClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!emitsClose) process.nextTick(onclosed);
  } else if (!readable && (!emitsClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!emitsClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, new AbortError(undefined, { cause: options.signal.reason }));
    };
    if (options.signal.aborted) {
      process.nextTick(abort);
    } else {
      const original = callback;
      options.signal.addEventListener('abort', abort, { once: true });
      callback = once((...args) => {
        options.signal.removeEventListener('abort', abort);
        original.apply(stream, args);
      });
    }
  }
  return cleanup;
}

function finishedPromise(stream, opts) {
  return new Promise((resolve, reject) => {
    eos(stream, opts, (err) => (err ? reject(err) : resolve()));
  });
}

// Duplex registers itself when duplex.js loads. Until then nothing can be a Duplex, so a plain
// Readable or Writable (process.stdin, process.stdout) does not load the other half to ask.
let Duplex = null;
function registerDuplex(DuplexClass) {
  Duplex = DuplexClass;
}
function isDuplexStream(stream) {
  return Duplex !== null && stream instanceof Duplex;
}

module.exports = {
  nodeError, errors, AbortError, aggregateTwoErrors, validateFunction, validateObject, validateAbortSignal,
  getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark,
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isIterable, isDestroyed, isWritableEnded,
  isWritableFinished, isReadableFinished, isReadable, isWritable, isErrored, isDisturbed, isClosed, isFinished,
  destroy, errorOrDestroy, construct, undestroy, destroyer, kDestroyHook, eos, finishedPromise, once, nop,
  registerDuplex, isDuplexStream,
};
