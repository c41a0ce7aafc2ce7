// Node's `buffer` module: `Buffer` (a Uint8Array with Node's methods), `Blob`, `File`, `atob`,
// `btoa` and friends. The string codecs live in internal/encoding.
'use strict';

const encoding = require('internal/encoding');
const {
  errors, isUint8Array, isArrayBufferView, isAnyArrayBuffer, bytesOf, normalizeEncoding,
} = encoding;

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
let INSPECT_MAX_BYTES = 50;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

// ---------------------------------------------------------------------------
// The classes. Every Buffer is a FastBuffer: a plain Uint8Array subclass whose prototype is
// Buffer.prototype. `Buffer` itself stays a function so that the legacy `Buffer(x)` call works.

class FastBuffer extends Uint8Array {}

function Buffer(arg, encodingOrOffset, length) {
  warnBufferConstructor();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errors.invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);
// Typed array methods that create new arrays (map, filter, subarray...) build FastBuffers,
// which does not warn like `new Buffer()`.
Object.defineProperty(Buffer, Symbol.species, { get: () => FastBuffer, configurable: true });

let warnedConstructor = false;
// DEP0005, once, and only for calls made outside node_modules (as Node does).
function warnBufferConstructor() {
  if (warnedConstructor) return;
  const frames = String(new Error().stack).split('\n').slice(1);
  const caller = frames.find((line) => /\(file:|at file:/.test(line));
  if (caller !== undefined && caller.includes('/node_modules/')) return;
  warnedConstructor = true;
  const proc = globalThis.process;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning('Buffer() is deprecated due to security and usability issues. Please use the ' +
      'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
}

// ---------------------------------------------------------------------------
// Argument checks with Node's messages.

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if ((min !== undefined && value < min) || (max !== undefined && value > max) ||
      ((min !== undefined || max !== undefined) && Number.isNaN(value))) {
    const bounds = [min !== undefined ? `>= ${min}` : '', max !== undefined ? `<= ${max}` : ''];
    const range = bounds.filter(Boolean).join(' && ');
    throw errors.outOfRange(name, range, value);
  }
}

// Offsets and lengths: integers in [min, max].
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  validateOffset(value, name, min, max);
}

// buf.write() checks its string late and briefly, as Node's native code does.
function validateWriteString(value) {
  if (typeof value !== 'string') throw errors.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
}

function validateBufferArg(value, name) {
  if (!isUint8Array(value)) throw errors.invalidArgType(name, ['Buffer', 'Uint8Array'], value);
}

// ---------------------------------------------------------------------------
// Per-encoding operations on strings and buffers.

function makeOps(name, byteLength, write, slice) {
  return { name, byteLength, write, slice };
}

const encodingOps = {
  utf8: makeOps('utf8', encoding.utf8ByteLength,
    (buf, str, offset, length) => encoding.utf8Write(str, buf, offset, offset + length)[1],
    encoding.utf8Decode),
  utf16le: makeOps('utf16le', (str) => str.length * 2,
    (buf, str, offset, length) => encoding.utf16leWrite(str, buf, offset, offset + length),
    encoding.utf16leDecode),
  latin1: makeOps('latin1', (str) => str.length,
    (buf, str, offset, length) => encoding.latin1Write(str, buf, offset, offset + length),
    encoding.latin1Decode),
  ascii: makeOps('ascii', (str) => str.length,
    (buf, str, offset, length) => encoding.latin1Write(str, buf, offset, offset + length),
    encoding.asciiDecode),
  base64: makeOps('base64', encoding.base64ByteLength,
    (buf, str, offset, length) => encoding.base64Write(str, buf, offset, offset + length),
    (buf, start, end) => encoding.base64Encode(buf, start, end, false)),
  base64url: makeOps('base64url', encoding.base64ByteLength,
    (buf, str, offset, length) => encoding.base64Write(str, buf, offset, offset + length),
    (buf, start, end) => encoding.base64Encode(buf, start, end, true)),
  hex: makeOps('hex', (str) => str.length >>> 1,
    (buf, str, offset, length) => encoding.hexWrite(str, buf, offset, offset + length),
    encoding.hexEncode),
};

// The operations for an encoding argument converted to a string; undefined if unknown
// (unlike normalizeEncoding, '' and null are not taken to mean UTF-8 here).
function getEncodingOps(enc) {
  const text = `${enc}`;
  if (text === '') return undefined;
  const name = normalizeEncoding(text);
  return name === undefined ? undefined : encodingOps[name];
}

// ---------------------------------------------------------------------------
// Allocation. Small buffers are carved out of a shared pool, as in Node, so `buf.buffer` may be
// larger than the buffer and `buf.byteOffset` non-zero.

let poolSize;
let pool;
let poolOffset;

function createPool() {
  poolSize = Buffer.poolSize;
  pool = new ArrayBuffer(poolSize);
  poolOffset = 0;
}

// Keeps pool slices 8-byte aligned so other typed arrays can view them.
function alignPool() {
  if (poolOffset % 8 !== 0) poolOffset += 8 - (poolOffset % 8);
}

function usesPool(size) {
  return size < Buffer.poolSize >>> 1;
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (!usesPool(size)) return new FastBuffer(size);
  if (pool === undefined || size > poolSize - poolOffset) createPool();
  const buf = new FastBuffer(pool, poolOffset, size);
  poolOffset += size;
  alignPool();
  return buf;
}

function fromString(string, enc) {
  let ops = encodingOps.utf8;
  if (typeof enc === 'string' && enc.length !== 0) {
    ops = getEncodingOps(enc);
    if (ops === undefined) throw errors.unknownEncoding(enc);
  }
  if (string.length === 0) return new FastBuffer();
  if (ops === encodingOps.utf8 && encoding.nativeUtf8) {
    // The native encoder returns fresh memory of the exact size: use it as is.
    const bytes = encoding.utf8Encode(string);
    return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const length = ops.byteLength(string);
  if (!usesPool(length)) {
    const buf = new FastBuffer(length);
    const written = ops.write(buf, string, 0, length);
    return written === length ? buf : new FastBuffer(buf.buffer, 0, written);
  }
  if (pool === undefined || length > poolSize - poolOffset) createPool();
  const buf = new FastBuffer(pool, poolOffset, length);
  const written = ops.write(buf, string, 0, length);
  poolOffset += written;
  alignPool();
  return written === length ? buf : new FastBuffer(pool, buf.byteOffset, written);
}

function fromArrayLike(source) {
  const length = source.length;
  if (length <= 0) return new FastBuffer();
  if (!usesPool(length)) return new FastBuffer(source);
  const buf = allocate(length);
  buf.set(source, 0);
  return buf;
}

function fromArrayBuffer(arrayBuffer, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = arrayBuffer.byteLength - byteOffset;
  if (maxLength < 0) throw errors.bufferOutOfBounds('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw errors.bufferOutOfBounds('length');
    } else {
      length = 0; // NaN and negatives
    }
  }
  return new FastBuffer(arrayBuffer, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// ---------------------------------------------------------------------------
// Static methods.

Buffer.poolSize = 8 * 1024;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    // Boxed strings and other wrappers convert through their primitive value.
    const primitive = typeof value.valueOf === 'function' ? value.valueOf() : undefined;
    if (primitive != null && primitive !== value && (typeof primitive === 'string' || typeof primitive === 'object')) {
      return from(primitive, encodingOrOffset, length);
    }
    const buf = fromObject(value);
    if (buf !== undefined) return buf;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const text = value[Symbol.toPrimitive]('string');
      if (typeof text === 'string') return fromString(text, encodingOrOffset);
    }
  }
  throw errors.invalidArgType('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) throw errors.invalidArgType('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end = viewLength;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    }
    view = Object.getPrototypeOf(Uint8Array.prototype).slice.call(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const buf = allocate(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

Buffer.alloc = function alloc(size, fill, enc) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) return fillBuffer(new FastBuffer(size), fill, 0, size, enc);
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

Buffer.isBuffer = function isBuffer(value) {
  return value instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  validateBufferArg(buf1, 'buf1');
  validateBufferArg(buf2, 'buf2');
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.isEncoding = function isEncoding(enc) {
  return typeof enc === 'string' && enc.length !== 0 && normalizeEncoding(enc) !== undefined;
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw errors.invalidArgType('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (const item of list) if (item.length) length += item.length;
  } else {
    validateOffset(length, 'length');
  }
  const result = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isUint8Array(item)) throw errors.invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
    pos += copyBytes(item, result, pos, 0, item.length);
  }
  if (pos < length) Uint8Array.prototype.fill.call(result, 0, pos, length); // pooled memory may hold old data
  return result;
};

Buffer.byteLength = function byteLength(string, enc) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw errors.invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  const ops = enc ? getEncodingOps(enc) : undefined;
  return (ops || encodingOps.utf8).byteLength(string);
};

// ---------------------------------------------------------------------------
// Byte-level helpers.

// Lexicographic comparison of two byte ranges: -1, 0 or 1.
function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  const count = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < count; i++) {
    const x = a[aStart + i];
    const y = b[bStart + i];
    if (x !== y) return x < y ? -1 : 1;
  }
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  return aLength === bLength ? 0 : aLength < bLength ? -1 : 1;
}

// Copies as much of source[sourceStart..sourceEnd) as fits at target[targetStart..]; returns
// the number of bytes copied. Works on any views (by bytes) and overlapping ranges.
function copyBytes(source, target, targetStart, sourceStart, sourceEnd) {
  const from = bytesOf(source);
  const to = bytesOf(target);
  const count = Math.min(sourceEnd - sourceStart, to.length - targetStart, from.length - sourceStart);
  if (count <= 0) return 0;
  if (sourceStart === 0 && count === from.length) to.set(from, targetStart);
  else to.set(from.subarray(sourceStart, sourceStart + count), targetStart);
  return count;
}

// Node's loose integer conversion for copy(): a safe integer (floored) or the default.
function toInteger(value, fallback) {
  value = +value;
  if (!Number.isNaN(value) && value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER) {
    return value % 1 === 0 ? value : Math.floor(value);
  }
  return fallback;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(source)) throw errors.invalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (!ArrayBuffer.isView(target)) throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw errors.outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw errors.outOfRange('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw errors.outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyBytes(source, target, targetStart, sourceStart, sourceEnd);
}

// The bytes `value` stands for when filling or searching, in encoding `enc` (a normalized name).
function encodeString(value, enc) {
  switch (enc) {
    case 'utf8': return encoding.utf8Encode(value);
    case 'utf16le': return encoding.utf16leEncode(value);
    case 'latin1':
    case 'ascii': return encoding.latin1Encode(value);
    case 'hex': return encoding.hexDecode(value);
    default: return encoding.base64Decode(value);
  }
}

// Repeats `pattern` over buf[start..end).
function fillPattern(buf, pattern, start, end) {
  const total = end - start;
  const first = Math.min(pattern.length, total);
  buf.set(first === pattern.length ? pattern : pattern.subarray(0, first), start);
  // Double the filled prefix until the range is full.
  for (let filled = first; filled < total; filled *= 2) {
    buf.copyWithin(start + filled, start, start + Math.min(filled, total - filled));
  }
}

function fillBuffer(buf, value, offset, end, enc) {
  let name;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      enc = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      enc = end;
      end = buf.length;
    }
    name = enc === undefined || enc === null || enc === '' ? 'utf8' : typeof enc === 'string' ? normalizeEncoding(enc) : undefined;
    if (name === undefined) {
      if (typeof enc !== 'string') throw errors.invalidArgType('encoding', 'string', enc);
      throw errors.unknownEncoding(enc);
    }
    if (value.length === 0) {
      value = 0; // an empty string fills with zeros
    } else if (value.length === 1 && (name === 'latin1' || (name === 'utf8' && value.charCodeAt(0) < 0x80))) {
      value = value.charCodeAt(0);
    }
  } else if (typeof value === 'boolean') {
    value = Number(value);
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  } else {
    fillPattern(buf, patternOf(value, name), offset, end);
  }
  return buf;
}

// The bytes a fill repeats: an encoded string or a copy of a view (it may overlap the target).
// Anything else fills with its number value's low byte, like Node's uint32 conversion.
function patternOf(value, name) {
  let pattern;
  if (typeof value === 'string') pattern = encodeString(value, name);
  else if (isArrayBufferView(value)) pattern = encoding.copyOf(value);
  else return Uint8Array.of((value >>> 0) & 255);
  if (pattern.length === 0) throw errors.invalidArgValue('value', value);
  return pattern;
}

// Where a search starts (Node's rules for negative and out-of-range offsets); -1 for no match.
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

function matchesAt(haystack, needle, at) {
  for (let j = 1; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}

// Byte search from `start`; `step` 2 keeps UTF-16 matches on unit boundaries.
function searchBytes(haystack, needle, start, forward, step) {
  const last = haystack.length - needle.length;
  if (forward) {
    for (let i = start; i <= last;) {
      const found = Uint8Array.prototype.indexOf.call(haystack, needle[0], i);
      if (found === -1 || found > last) return -1;
      if ((step === 1 || found % 2 === 0) && matchesAt(haystack, needle, found)) return found;
      i = found + 1;
    }
    return -1;
  }
  for (let i = Math.min(start, last); i >= 0;) {
    const found = Uint8Array.prototype.lastIndexOf.call(haystack, needle[0], i);
    if (found === -1) return -1;
    if ((step === 1 || found % 2 === 0) && matchesAt(haystack, needle, found)) return found;
    i = found - 1;
  }
  return -1;
}

function indexOfBytes(buf, needle, offset, ucs2, forward) {
  const haystack = bytesOf(buf);
  const start = searchStart(haystack.length, offset, needle.length, forward);
  if (needle.length === 0) return start;
  if (haystack.length === 0 || start <= -1) return -1;
  if (forward && needle.length + start > haystack.length) return -1;
  if (!ucs2) return searchBytes(haystack, needle, start, forward, 1);
  if (haystack.length < 2 || needle.length < 2) return -1;
  // UTF-16 searches whole units: the needle's odd byte is dropped and the start rounds down.
  const units = needle.length & ~1;
  const from = start - (start % 2);
  return searchBytes(haystack.subarray(0, haystack.length & ~1), needle.subarray(0, units), from, forward, 2);
}

function bidirectionalIndexOf(buf, value, byteOffset, enc, forward) {
  validateBufferArg(buf, 'buffer');
  if (typeof byteOffset === 'string') {
    enc = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buf.length;
  byteOffset = Math.trunc(byteOffset);

  if (typeof value === 'number') {
    const start = searchStart(buf.length, byteOffset, 1, forward);
    if (start <= -1 || buf.length === 0) return -1;
    const byte = (value >>> 0) & 255;
    return forward ? Uint8Array.prototype.indexOf.call(buf, byte, start)
      : Uint8Array.prototype.lastIndexOf.call(buf, byte, start);
  }
  const ops = enc === undefined ? encodingOps.utf8 : getEncodingOps(enc);
  if (typeof value === 'string') {
    if (ops === undefined) throw errors.unknownEncoding(enc);
    return indexOfBytes(buf, encodeString(value, ops.name), byteOffset, ops.name === 'utf16le', forward);
  }
  if (isUint8Array(value)) {
    return indexOfBytes(buf, value, byteOffset, ops !== undefined && ops.name === 'utf16le', forward);
  }
  throw errors.invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
}

// Node's clamping for slice()/subarray() bounds.
function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) return Math.max(offset + length, 0);
  return Math.min(offset, length);
}

function swapBytes(buf, size) {
  if (buf.length % size !== 0) {
    throw errors.nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size * 8}-bits`);
  }
  for (let i = 0; i < buf.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}

// ---------------------------------------------------------------------------
// Prototype methods.

const proto = Buffer.prototype;

function defineMethods(target, methods) {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(target, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
}

Object.defineProperty(proto, 'parent', {
  enumerable: true,
  get() {
    return this instanceof Buffer ? this.buffer : undefined;
  },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true,
  get() {
    return this instanceof Buffer ? this.byteOffset : undefined;
  },
});

function bufferToString(enc, start, end) {
  if (arguments.length === 0) return encoding.utf8Decode(this, 0, this.length);
  const length = this.length;
  if (start <= 0) start = 0;
  else if (start >= length) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > length) end = length;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (enc === undefined) return encoding.utf8Decode(this, start, end);
  const ops = getEncodingOps(enc);
  if (ops === undefined) throw errors.unknownEncoding(enc);
  return ops.slice(this, start, end);
}

function inspectBuffer(recurseTimes, ctx, inspect) {
  const shown = Math.min(INSPECT_MAX_BYTES, this.length);
  let text = encoding.hexEncode(this, 0, shown).replace(/(.{2})(?!$)/g, '$1 ');
  const remaining = this.length - INSPECT_MAX_BYTES;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) text += inspectExtras(this, ctx, inspect);
  return `<${this.constructor.name} ${text}>`;
}

// Own properties besides the indices, e.g. `<Buffer 61, foo: 1>`.
function inspectExtras(buf, ctx, inspect) {
  const extras = Object.create(null);
  let found = false;
  // A typed array lists its indices first, so the other keys follow them.
  const keys = Reflect.ownKeys(buf);
  for (let i = buf.length; i < keys.length; i++) {
    const key = keys[i];
    if (!ctx.showHidden && !Object.prototype.propertyIsEnumerable.call(buf, key)) continue;
    extras[key] = buf[key];
    found = true;
  }
  if (!found) return '';
  if (typeof inspect !== 'function') inspect = require('util').inspect;
  const shown = inspect(extras, { ...ctx, breakLength: Infinity, compact: true });
  // Drop the "[Object: null prototype] {" ... "}" wrapper, keeping the entries.
  const body = shown.slice(shown.indexOf('{') + 1, shown.lastIndexOf('}')).trim();
  return `${buf.length !== 0 ? ', ' : ''}${body}`;
}

defineMethods(proto, {
  copy(target, targetStart, sourceStart, sourceEnd) {
    return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
  },

  toString: bufferToString,

  equals(otherBuffer) {
    validateBufferArg(otherBuffer, 'otherBuffer');
    if (this === otherBuffer) return true;
    if (this.byteLength !== otherBuffer.byteLength) return false;
    return compareBytes(this, 0, this.length, otherBuffer, 0, otherBuffer.length) === 0;
  },

  inspect: inspectBuffer,

  compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    validateBufferArg(target, 'target');
    if (arguments.length === 1) return compareBytes(this, 0, this.length, target, 0, target.length);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
  },

  indexOf(value, byteOffset, enc) {
    return bidirectionalIndexOf(this, value, byteOffset, enc, true);
  },

  lastIndexOf(value, byteOffset, enc) {
    return bidirectionalIndexOf(this, value, byteOffset, enc, false);
  },

  includes(value, byteOffset, enc) {
    return this.indexOf(value, byteOffset, enc) !== -1;
  },

  fill(value, offset, end, enc) {
    return fillBuffer(this, value, offset, end, enc);
  },

  write(string, offset, length, enc) {
    if (offset === undefined) {
      validateWriteString(string);
      return encodingOps.utf8.write(this, string, 0, this.length);
    }
    if (length === undefined && typeof offset === 'string') {
      enc = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        enc = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    const ops = !enc || enc === 'utf8' ? encodingOps.utf8 : getEncodingOps(enc);
    if (ops === undefined) throw errors.unknownEncoding(enc);
    validateWriteString(string);
    return ops.write(this, string, offset, length);
  },

  toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  },

  subarray(start, end) {
    const length = this.length;
    start = adjustOffset(start, length);
    end = end !== undefined ? adjustOffset(end, length) : length;
    return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
  },

  slice(start, end) {
    return this.subarray(start, end);
  },

  swap16() {
    return swapBytes(this, 2);
  },

  swap32() {
    return swapBytes(this, 4);
  },

  swap64() {
    return swapBytes(this, 8);
  },

  toLocaleString: bufferToString,
});
Object.defineProperty(inspectBuffer, 'name', { value: 'inspect' });
Object.defineProperty(proto, customInspect, { value: inspectBuffer, writable: true, enumerable: true, configurable: true });

// Legacy per-encoding methods: buf.latin1Slice(start, end), buf.hexWrite(string, offset, length)...
for (const [name, ops] of Object.entries(encodingOps)) {
  const prefix = name === 'utf16le' ? 'ucs2' : name;
  defineMethods(proto, {
    [`${prefix}Slice`](start = 0, end = this.length) {
      if (start > end) return '';
      if (start < 0 || end > this.length) throw errors.nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
      return ops.slice(this, start, end);
    },
    [`${prefix}Write`](string, offset = 0, length = this.length - offset) {
      if (offset > this.length) throw errors.bufferOutOfBounds('offset');
      return ops.write(this, string, offset, Math.min(length, this.length - offset));
    },
  });
}

// ---------------------------------------------------------------------------
// Reading and writing numbers.

// The error for an offset (or byteLength) that does not leave room for the value.
function boundsError(value, last, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw errors.outOfRange(type || 'offset', 'an integer', value);
  }
  if (last < 0) throw errors.bufferOutOfBounds();
  throw errors.outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${last}`, value);
}

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength - 1] === undefined) {
    boundsError(offset, buf.length - byteLength);
  }
}

// Integers of 1 to 6 bytes; `signed` values use two's complement.
function readInteger(buf, offset, byteLength, littleEndian, signed) {
  checkBounds(buf, offset, byteLength);
  let value = 0;
  for (let i = 0; i < byteLength; i++) {
    const byte = buf[littleEndian ? offset + byteLength - 1 - i : offset + i];
    value = value * 256 + byte;
  }
  if (signed && value >= 2 ** (8 * byteLength - 1)) value -= 2 ** (8 * byteLength);
  return value;
}

function rangeText(min, max, byteLength) {
  const n = typeof min === 'bigint' ? 'n' : '';
  if (byteLength <= 4) return `>= ${min}${n} and <= ${max}${n}`;
  const bits = byteLength * 8;
  if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
  return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
}

function checkValue(value, min, max, byteLength) {
  if (value > max || value < min) throw errors.outOfRange('value', rangeText(min, max, byteLength), value);
}

// Stores the low `byteLength` bytes of `value` (already range-checked).
function storeInteger(buf, value, offset, byteLength, littleEndian) {
  let low = value;
  // Above 32 bits, split so each part stays exact: the bit operators work on 32 bits.
  let high = byteLength > 4 ? Math.floor(value * 2 ** -32) : 0;
  for (let i = 0; i < byteLength; i++) {
    const at = littleEndian ? offset + i : offset + byteLength - 1 - i;
    if (i < 4) {
      buf[at] = low;
      low = low >>> 8;
    } else {
      buf[at] = high;
      high = high >>> 8;
    }
  }
  return offset + byteLength;
}

function writeInteger(buf, value, offset, byteLength, littleEndian, signed) {
  const bits = 8 * byteLength;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  value = +value;
  if (byteLength === 1) {
    // One byte: Node checks the offset's type before the value.
    validateNumber(offset, 'offset');
    checkValue(value, min, max, byteLength);
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  } else {
    checkValue(value, min, max, byteLength);
    checkBounds(buf, offset, byteLength);
  }
  return storeInteger(buf, value, offset, byteLength, littleEndian);
}

function checkByteLength(byteLength) {
  if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) return;
  boundsError(byteLength, 6, 'byteLength');
}

const floatScratch = new Float64Array(1);
const float32Scratch = new Float32Array(floatScratch.buffer, 0, 1);
const scratchBytes = new Uint8Array(floatScratch.buffer);
const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function loadScratch(buf, offset, size, littleEndian) {
  for (let i = 0; i < size; i++) {
    scratchBytes[littleEndian === hostLittleEndian ? i : size - 1 - i] = buf[offset + i];
  }
}

function storeScratch(buf, offset, size, littleEndian) {
  for (let i = 0; i < size; i++) {
    buf[offset + i] = scratchBytes[littleEndian === hostLittleEndian ? i : size - 1 - i];
  }
  return offset + size;
}

function readFloat(buf, offset, size, littleEndian) {
  checkBounds(buf, offset, size);
  loadScratch(buf, offset, size, littleEndian);
  return size === 4 ? float32Scratch[0] : floatScratch[0];
}

function writeFloat(buf, value, offset, size, littleEndian) {
  value = +value;
  checkBounds(buf, offset, size);
  if (size === 4) float32Scratch[0] = value;
  else floatScratch[0] = value;
  return storeScratch(buf, offset, size, littleEndian);
}

function readBig(buf, offset, littleEndian, signed) {
  checkBounds(buf, offset, 8);
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    value = (value << 8n) | BigInt(buf[littleEndian ? offset + 7 - i : offset + i]);
  }
  return signed ? BigInt.asIntN(64, value) : value;
}

function writeBig(buf, value, offset, littleEndian, signed) {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  checkValue(value, min, max, 8);
  checkBounds(buf, offset, 8);
  if (typeof value !== 'bigint' && typeof value !== 'object') {
    // What Node (V8) reports for the BigInt arithmetic below; QuickJS words it differently.
    throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
  }
  let low = Number(value & 0xffffffffn);
  let high = Number((value >> 32n) & 0xffffffffn);
  for (let i = 0; i < 8; i++) {
    const at = littleEndian ? offset + i : offset + 7 - i;
    if (i < 4) {
      buf[at] = low;
      low >>>= 8;
    } else {
      buf[at] = high;
      high >>>= 8;
    }
  }
  return offset + 8;
}

const numberMethods = {};
for (const [suffix, littleEndian] of [['LE', true], ['BE', false]]) {
  for (const [bits, size] of [[16, 2], [32, 4]]) {
    numberMethods[`readUInt${bits}${suffix}`] = function (offset = 0) {
      return readInteger(this, offset, size, littleEndian, false);
    };
    numberMethods[`readInt${bits}${suffix}`] = function (offset = 0) {
      return readInteger(this, offset, size, littleEndian, true);
    };
    numberMethods[`writeUInt${bits}${suffix}`] = function (value, offset = 0) {
      return writeInteger(this, value, offset, size, littleEndian, false);
    };
    numberMethods[`writeInt${bits}${suffix}`] = function (value, offset = 0) {
      return writeInteger(this, value, offset, size, littleEndian, true);
    };
  }
  numberMethods[`readUInt${suffix}`] = function (offset, byteLength) {
    if (offset === undefined) throw errors.invalidArgType('offset', 'number', offset);
    checkByteLength(byteLength);
    return readInteger(this, offset, byteLength, littleEndian, false);
  };
  numberMethods[`readInt${suffix}`] = function (offset, byteLength) {
    if (offset === undefined) throw errors.invalidArgType('offset', 'number', offset);
    checkByteLength(byteLength);
    return readInteger(this, offset, byteLength, littleEndian, true);
  };
  numberMethods[`writeUInt${suffix}`] = function (value, offset, byteLength) {
    checkByteLength(byteLength);
    return writeInteger(this, value, offset, byteLength, littleEndian, false);
  };
  numberMethods[`writeInt${suffix}`] = function (value, offset, byteLength) {
    checkByteLength(byteLength);
    return writeInteger(this, value, offset, byteLength, littleEndian, true);
  };
  numberMethods[`readFloat${suffix}`] = function (offset = 0) {
    return readFloat(this, offset, 4, littleEndian);
  };
  numberMethods[`readDouble${suffix}`] = function (offset = 0) {
    return readFloat(this, offset, 8, littleEndian);
  };
  numberMethods[`writeFloat${suffix}`] = function (value, offset = 0) {
    return writeFloat(this, value, offset, 4, littleEndian);
  };
  numberMethods[`writeDouble${suffix}`] = function (value, offset = 0) {
    return writeFloat(this, value, offset, 8, littleEndian);
  };
  numberMethods[`readBigUInt64${suffix}`] = function (offset = 0) {
    return readBig(this, offset, littleEndian, false);
  };
  numberMethods[`readBigInt64${suffix}`] = function (offset = 0) {
    return readBig(this, offset, littleEndian, true);
  };
  numberMethods[`writeBigUInt64${suffix}`] = function (value, offset = 0) {
    return writeBig(this, value, offset, littleEndian, false);
  };
  numberMethods[`writeBigInt64${suffix}`] = function (value, offset = 0) {
    return writeBig(this, value, offset, littleEndian, true);
  };
}
numberMethods.readUInt8 = function (offset = 0) {
  validateNumber(offset, 'offset');
  const value = this[offset];
  if (value === undefined) boundsError(offset, this.length - 1);
  return value;
};
numberMethods.readInt8 = function (offset = 0) {
  const value = numberMethods.readUInt8.call(this, offset);
  return value >= 0x80 ? value - 0x100 : value;
};
numberMethods.writeUInt8 = function (value, offset = 0) {
  return writeInteger(this, value, offset, 1, true, false);
};
numberMethods.writeInt8 = function (value, offset = 0) {
  return writeInteger(this, value, offset, 1, true, true);
};

for (const [name, fn] of Object.entries(numberMethods)) {
  Object.defineProperty(fn, 'name', { value: name });
  const methods = { [name]: fn };
  // readUint8 and friends are the same functions under the lower-case spelling.
  if (name.includes('UInt')) methods[name.replace('UInt', 'Uint')] = fn;
  defineMethods(proto, methods);
}

// ---------------------------------------------------------------------------
// Blob and File.

function blobPartBytes(part) {
  if (part instanceof Blob) return blobBytes(part);
  if (isAnyArrayBuffer(part) || isArrayBufferView(part)) return encoding.copyOf(part);
  return encoding.utf8Encode(`${part}`);
}

// A MIME type keeps only printable ASCII, in lower case; anything else makes it ''.
function normalizeType(type) {
  const text = `${type}`;
  return /[^\u0020-\u007e]/.test(text) ? '' : text.toLowerCase();
}

const blobData = new WeakMap();

// A Blob's contents and type, kept out of reach of user code.
function blobRecord(blob) {
  const record = blobData.get(blob);
  if (record === undefined) throw errors.invalidThis('Blob');
  return record;
}

function blobBytes(blob) {
  return blobRecord(blob).bytes;
}

function joinParts(parts) {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw errors.invalidArgType('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw errors.invalidArgType('options', 'object', options);
    }
    const endings = options == null || options.endings === undefined ? 'transparent' : `${options.endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw errors.invalidArgValue('options.endings', endings);
    }
    const parts = [];
    for (let part of sources) {
      if (endings === 'native' && typeof part === 'string') part = part.replace(/\r\n|\r/g, '\n');
      parts.push(blobPartBytes(part));
    }
    const type = options == null || options.type === undefined ? '' : normalizeType(options.type);
    blobData.set(this, { bytes: joinParts(parts), type });
  }

  get size() {
    return blobBytes(this).length;
  }

  get type() {
    return blobRecord(this).type;
  }

  slice(start = 0, end = undefined, contentType = '') {
    const bytes = blobBytes(this);
    const size = bytes.length;
    const clamp = (value, fallback) => {
      if (value === undefined) return fallback;
      value = Math.trunc(+value) || 0;
      return value < 0 ? Math.max(size + value, 0) : Math.min(value, size);
    };
    const from = clamp(start, 0);
    const to = clamp(end, size);
    const blob = new Blob();
    blobData.set(blob, { bytes: bytes.slice(from, Math.max(from, to)), type: normalizeType(contentType) });
    return blob;
  }

  arrayBuffer() {
    try {
      return Promise.resolve(blobBytes(this).slice().buffer);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  bytes() {
    try {
      return Promise.resolve(blobBytes(this).slice());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  text() {
    try {
      return Promise.resolve(new encoding.TextDecoder().decode(blobBytes(this)));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  stream() {
    const bytes = blobBytes(this).slice();
    if (typeof globalThis.ReadableStream !== 'function') {
      throw errors.nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The stream() method is not implemented');
    }
    return new globalThis.ReadableStream({
      type: 'bytes',
      start(controller) {
        if (bytes.length > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    if (typeof inspect !== 'function') inspect = require('util').inspect;
    const fields = { size: this.size, type: this.type };
    if (this instanceof File) Object.assign(fields, { name: this.name, lastModified: this.lastModified });
    const nested = { ...options, depth: options == null || options.depth == null ? null : options.depth - 1 };
    return `${this instanceof File ? 'File' : 'Blob'} ${inspect(fields, nested)}`;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

const fileData = new WeakMap();

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      throw errors.nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    }
    super(fileBits, options);
    const lastModified = options != null && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
    fileData.set(this, { name: `${fileName}`, lastModified: Math.trunc(lastModified) || 0 });
  }

  get name() {
    const data = fileData.get(this);
    if (data === undefined) throw errors.invalidThis('File');
    return data.name;
  }

  get lastModified() {
    const data = fileData.get(this);
    if (data === undefined) throw errors.invalidThis('File');
    return data.lastModified;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });
// WebIDL members are enumerable.
for (const Class of [Blob, File]) {
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (key === 'constructor') continue;
    Object.defineProperty(Class.prototype, key, { ...Object.getOwnPropertyDescriptor(Class.prototype, key), enumerable: true });
  }
}

// ---------------------------------------------------------------------------
// atob, btoa and the other module functions.

function invalidCharacter(message) {
  if (typeof globalThis.DOMException === 'function') return new globalThis.DOMException(message, 'InvalidCharacterError');
  const error = new Error(message);
  error.name = 'InvalidCharacterError';
  error.code = 5;
  return error;
}

function btoa(input) {
  if (arguments.length === 0) throw errors.missingArgs('input');
  const text = `${input}`;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw invalidCharacter('Invalid character');
  }
  return encoding.base64Encode(encoding.latin1Encode(text));
}

const BASE64_ALPHABET = /[A-Za-z0-9+/]/;
const ASCII_WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

// The WHATWG "forgiving base64" decode: whitespace is ignored, padding only at the end.
function atob(input) {
  if (arguments.length === 0) throw errors.missingArgs('input');
  const text = `${input}`;
  let dataChars = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (ASCII_WHITESPACE.has(unit)) continue;
    dataChars++;
    if (unit === 0x3d) {
      padding++;
      if (padding > 2) throw invalidCharacter('Invalid character');
    } else if (padding > 0 || !BASE64_ALPHABET.test(text[i])) {
      throw invalidCharacter('Invalid character');
    }
  }
  let remainder = dataChars % 4;
  if (remainder === 0) remainder = (dataChars - padding) % 4;
  else if (padding > 0) throw invalidCharacter('Invalid character');
  if (remainder === 1) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  return encoding.latin1Decode(encoding.base64Decode(text));
}

function validateBinaryInput(input) {
  if (!isArrayBufferView(input) && !isAnyArrayBuffer(input) || input instanceof DataView) {
    throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  return bytesOf(input);
}

function isUtf8(input) {
  return encoding.isUtf8(validateBinaryInput(input));
}

function isAscii(input) {
  return encoding.isAscii(validateBinaryInput(input));
}

// Re-encodes text between the encodings ICU would convert in Node; characters the target
// cannot hold become '?'.
function transcode(source, fromEncoding, toEncoding) {
  validateBufferArg(source, 'source');
  const from = normalizeEncoding(fromEncoding);
  const to = normalizeEncoding(toEncoding);
  const supported = ['utf8', 'utf16le', 'latin1', 'ascii'];
  if (!supported.includes(from) || !supported.includes(to)) {
    const error = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    error.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    throw error;
  }
  let text = encodingOps[from].slice(source, 0, source.length);
  if (from === 'ascii') text = text.replace(/[\u0080-\uffff]/g, '\ufffd');
  if (to === 'latin1' || to === 'ascii') {
    const limit = to === 'latin1' ? 0xff : 0x7f;
    text = Array.from(text, (ch) => (ch.codePointAt(0) > limit ? '?' : ch)).join('');
  }
  return fromString(text, to);
}

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
}
SlowBuffer.prototype = Buffer.prototype;
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function resolveObjectURL() {
  return undefined;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: undefined, // replaced by the accessor below
  Blob,
  resolveObjectURL,
  File,
};
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  enumerable: true,
  configurable: true,
  get() {
    return INSPECT_MAX_BYTES;
  },
  set(value) {
    validateNumber(value, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = value;
  },
});
