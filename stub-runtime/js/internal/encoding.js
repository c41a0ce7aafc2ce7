// Text <-> bytes: the codecs behind `buffer` and `string_decoder` (UTF-8, UTF-16LE, Latin-1,
// ASCII, base64, base64url, hex), the WHATWG `TextEncoder` / `TextDecoder`, and the Node-shaped
// errors these modules throw.
'use strict';
const { received, labelStack } = require('internal/errors');

// ---------------------------------------------------------------------------
// Errors shaped like Node's: a `code` property and a "Name [CODE]: message" header.

let inspectFn;
function inspect(value, options) {
  // util is loaded on first use: most errors never need it.
  if (inspectFn === undefined) inspectFn = require('util').inspect;
  return inspectFn(value, options);
}

function nodeError(Base, code, message) {
  const error = new Base(message);
  Object.defineProperty(error, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(error, 'toString', {
    value() {
      return `${this.name} [${code}]: ${this.message}`;
    },
    enumerable: false,
    writable: true,
    configurable: true,
  });
  // The stack's first line names the code too, as Node prints it.
  labelStack(error, `${error.name} [${code}]`);
  return error;
}

// How Node describes the offending value at the end of an ERR_INVALID_ARG_TYPE message.

const PRIMITIVE_TYPES = new Set(['string', 'function', 'number', 'object', 'boolean', 'bigint', 'symbol']);

// "a, b, or c" / "a or b" / "a".
function listWords(words, conjunction = 'or') {
  if (words.length > 2) return `${words.slice(0, -1).join(', ')}, ${conjunction} ${words[words.length - 1]}`;
  return words.join(` ${conjunction} `);
}

// "must be of type string or an instance of Buffer or Uint8Array", from a list mixing primitive
// type names, class names and free-form descriptions.
function describeExpected(expected) {
  const types = [];
  const instances = [];
  const other = [];
  for (const item of Array.isArray(expected) ? expected : [expected]) {
    if (PRIMITIVE_TYPES.has(item)) types.push(item.toLowerCase());
    else if (/^[A-Z][a-zA-Z0-9_$]*$/.test(item)) instances.push(item);
    else other.push(item);
  }
  const parts = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${listWords(types)}`);
  if (instances.length > 0) parts.push(`an instance of ${listWords(instances)}`);
  if (other.length > 0) {
    if (other.length > 1) parts.push(`one of ${listWords(other)}`);
    else parts.push(`${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`);
  }
  return parts.join(' or ');
}

function argumentLabel(name) {
  if (name.endsWith(' argument')) return `The ${name}`;
  return `The "${name}" ${name.includes('.') ? 'property' : 'argument'}`;
}

// Underscores every three digits, as Node prints large out-of-range numbers.
function groupDigits(text) {
  let out = '';
  let i = text.length;
  const stop = text[0] === '-' ? 1 : 0;
  for (; i >= stop + 4; i -= 3) out = `_${text.slice(i - 3, i)}${out}`;
  return `${text.slice(0, i)}${out}`;
}

function describeOutOfRange(value) {
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) return groupDigits(String(value));
  if (typeof value === 'bigint') {
    const text = String(value);
    return `${value > 2n ** 32n || value < -(2n ** 32n) ? groupDigits(text) : text}n`;
  }
  return inspect(value);
}

const errors = {
  invalidArgType(name, expected, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `${argumentLabel(name)} must be ${describeExpected(expected)}.${received(value)}`);
  },
  invalidArgValue(name, value, reason = 'is invalid') {
    let shown = inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    const kind = name.includes('.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${shown}`);
  },
  outOfRange(name, range, value) {
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be ${range}. Received ${describeOutOfRange(value)}`);
  },
  bufferOutOfBounds(name) {
    const message = name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds';
    return nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', message);
  },
  unknownEncoding(encoding) {
    return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
  },
  missingArgs(name) {
    return nodeError(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
  },
  invalidThis(type) {
    return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
  },
  nodeError,
};

// ---------------------------------------------------------------------------
// Type checks that cannot be fooled by a forged prototype or Symbol.toStringTag.

const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sharedByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get
  : undefined;

const isUint8Array = (value) => typedArrayTag.call(value) === 'Uint8Array';
const isArrayBufferView = (value) => ArrayBuffer.isView(value);

function isAnyArrayBuffer(value) {
  if (value === null || typeof value !== 'object') return false;
  for (const getter of [arrayBufferByteLength, sharedByteLength]) {
    if (getter === undefined) continue;
    try {
      getter.call(value);
      return true;
    } catch {
      // not this kind of buffer
    }
  }
  return false;
}

// The bytes of any ArrayBufferView or ArrayBuffer, as a Uint8Array over the same memory.
function bytesOf(source) {
  if (isUint8Array(source)) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

// A copy of the bytes in fresh memory. (Buffer#slice would share memory, so the typed-array
// method is used even when `source` is a Buffer.)
function copyOf(source) {
  return Uint8Array.prototype.slice.call(bytesOf(source));
}

// ---------------------------------------------------------------------------
// Native helpers. deno_core's built-in ops convert UTF-8 and Latin-1 far faster than JS loops;
// each use below is checked to match Node (lone surrogates become U+FFFD, invalid input is
// replaced per WHATWG). Without them (e.g. when this file is tested under Node) the JS codecs
// do all the work.

let core = null;
try {
  core = require('internal/core');
  if (typeof core.encode !== 'function' || typeof core.decode !== 'function' ||
      typeof core.encodeBinaryString !== 'function' || typeof core.byteLength !== 'function') core = null;
} catch {
  core = null;
}

// ---------------------------------------------------------------------------
// Building strings from code units without overflowing the argument limit of apply().

const CHUNK = 0x2000;

function codeUnitsToString(units, start = 0, end = units.length) {
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, start === 0 && end === units.length ? units : units.subarray(start, end));
  let out = '';
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, end)));
  }
  return out;
}

// A reusable scratch area for decoders that produce code units one by one.
const scratch = new Uint16Array(CHUNK);

class UnitWriter {
  constructor() {
    this.text = '';
    this.length = 0;
  }

  push(unit) {
    if (this.length === CHUNK) this.flush();
    scratch[this.length++] = unit;
  }

  flush() {
    if (this.length > 0) this.text += String.fromCharCode.apply(null, scratch.subarray(0, this.length));
    this.length = 0;
  }

  finish() {
    this.flush();
    return this.text;
  }
}

// ---------------------------------------------------------------------------
// UTF-8.

// Bytes of `str` in UTF-8, lone surrogates counting as U+FFFD (3 bytes).
function utf8ByteLength(str) {
  if (core !== null) return core.byteLength(str);
  let length = str.length;
  for (let i = 0; i < str.length; i++) {
    const unit = str.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      length += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < str.length &&
        (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2; // a pair: 2 units, 4 bytes
      i++;
    } else {
      length += 2;
    }
  }
  return length;
}

// Writes whole characters of `str` as UTF-8 into `dest[pos..limit)`. Returns [units read,
// bytes written]; a character that does not fit entirely is not started.
function utf8Write(str, dest, pos, limit) {
  if (core !== null) return utf8WriteNative(str, dest, pos, limit);
  return utf8WriteJs(str, dest, pos, limit);
}

// Encodes natively, then keeps the longest prefix that ends on a character boundary.
function utf8WriteNative(str, dest, pos, limit) {
  const encoded = core.encode(str);
  let count = encoded.length;
  if (count > limit - pos) {
    count = Math.max(limit - pos, 0);
    while (count > 0 && (encoded[count] & 0xc0) === 0x80) count--;
  }
  dest.set(count === encoded.length ? encoded : encoded.subarray(0, count), pos);
  if (count === encoded.length) return [str.length, count];
  // UTF-16 units consumed: one per character, two for those encoded in four bytes.
  let units = 0;
  for (let i = 0; i < count; i++) {
    const byte = encoded[i];
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return [units, count];
}

function utf8WriteJs(str, dest, pos, limit) {
  const start = pos;
  let i = 0;
  for (; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (pos >= limit) break;
      dest[pos++] = code;
      continue;
    }
    let units = 1;
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        units = 2;
      } else {
        code = 0xfffd;
      }
    }
    if (code < 0x800) {
      if (pos + 2 > limit) break;
      dest[pos++] = 0xc0 | (code >> 6);
    } else if (code < 0x10000) {
      if (pos + 3 > limit) break;
      dest[pos++] = 0xe0 | (code >> 12);
      dest[pos++] = 0x80 | ((code >> 6) & 0x3f);
    } else {
      if (pos + 4 > limit) break;
      dest[pos++] = 0xf0 | (code >> 18);
      dest[pos++] = 0x80 | ((code >> 12) & 0x3f);
      dest[pos++] = 0x80 | ((code >> 6) & 0x3f);
    }
    dest[pos++] = 0x80 | (code & 0x3f);
    i += units - 1;
  }
  return [i, pos - start];
}

function utf8Encode(str) {
  if (core !== null) return core.encode(str);
  const bytes = new Uint8Array(utf8ByteLength(str));
  utf8Write(str, bytes, 0, bytes.length);
  return bytes;
}

// The accepted range of the second byte after each lead byte (WHATWG "UTF-8 decoder"); later
// continuation bytes are always 0x80..0xBF.
function sequenceOf(lead) {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  return null;
}

// Length of the valid but unfinished sequence that ends `bytes[start..end)`, 0 if none: the
// bytes a streaming decoder keeps for the next chunk.
function utf8PendingLength(bytes, start, end) {
  for (let back = 1; back <= 3 && end - back >= start; back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const seq = sequenceOf(byte);
    if (seq === null || seq[0] < back) return 0;
    if (back > 1 && (bytes[end - back + 1] < seq[1] || bytes[end - back + 1] > seq[2])) return 0;
    return back;
  }
  return 0;
}

const FATAL = Symbol('invalid UTF-8');

// Decodes UTF-8 per WHATWG: each maximal invalid subpart becomes one U+FFFD. With `fatal`,
// returns FATAL at the first error instead. A byte order mark is kept as U+FEFF.
function utf8Decode(bytes, start = 0, end = bytes.length, fatal = false) {
  if (core !== null && !fatal) return utf8DecodeNative(bytes, start, end);
  return utf8DecodeJs(bytes, start, end, fatal);
}

const isBomAt = (bytes, i, end) => i + 2 < end && bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;

function utf8DecodeNative(bytes, start, end) {
  if (start >= end) return '';
  // The native decoder drops a leading BOM, which Buffer#toString must keep.
  let boms = '';
  while (isBomAt(bytes, start, end)) {
    boms += '\ufeff';
    start += 3;
  }
  const view = isUint8Array(bytes) ? bytes : bytesOf(bytes);
  return boms + core.decode(start === 0 && end === view.length ? view : view.subarray(start, end));
}

function utf8DecodeJs(bytes, start, end, fatal) {
  let i = start;
  // Plain ASCII needs no state machine.
  while (i < end && bytes[i] < 0x80) i++;
  if (i === end) return codeUnitsToString(bytes, start, end);
  const out = new UnitWriter();
  if (i > start) out.text = codeUnitsToString(bytes, start, i);
  while (i < end) {
    const lead = bytes[i];
    if (lead < 0x80) {
      out.push(lead);
      i++;
      continue;
    }
    const seq = sequenceOf(lead);
    if (seq === null) {
      if (fatal) return FATAL;
      out.push(0xfffd);
      i++;
      continue;
    }
    const [needed, lower, upper] = seq;
    let code = lead & (0x3f >> needed);
    let taken = 0;
    while (taken < needed) {
      const next = i + 1 + taken;
      if (next >= end) break;
      const byte = bytes[next];
      if (taken === 0 ? byte < lower || byte > upper : (byte & 0xc0) !== 0x80) break;
      code = (code << 6) | (byte & 0x3f);
      taken++;
    }
    if (taken < needed) {
      if (fatal) return FATAL;
      out.push(0xfffd);
      i += 1 + taken;
      continue;
    }
    i += 1 + needed;
    if (code >= 0x10000) {
      code -= 0x10000;
      out.push(0xd800 | (code >> 10));
      out.push(0xdc00 | (code & 0x3ff));
    } else {
      out.push(code);
    }
  }
  return out.finish();
}

function isUtf8(bytes) {
  return utf8DecodeJs(bytes, 0, bytes.length, true) !== FATAL;
}

function isAscii(bytes) {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Single-byte and UTF-16LE.

function latin1Decode(bytes, start = 0, end = bytes.length) {
  if (core !== null && end - start > 64) {
    const view = isUint8Array(bytes) ? bytes : bytesOf(bytes);
    return core.encodeBinaryString(start === 0 && end === view.length ? view : view.subarray(start, end));
  }
  return codeUnitsToString(bytes, start, end);
}

// Node's "ascii" decoding drops the high bit.
function asciiDecode(bytes, start = 0, end = bytes.length) {
  let i = start;
  while (i < end && bytes[i] < 0x80) i++;
  if (i === end) return latin1Decode(bytes, start, end);
  const out = new UnitWriter();
  for (let j = start; j < end; j++) out.push(bytes[j] & 0x7f);
  return out.finish();
}

// Each unit's low byte: how Node writes Latin-1 and ASCII.
function latin1Write(str, dest, pos, limit) {
  const count = Math.min(str.length, limit - pos);
  for (let i = 0; i < count; i++) dest[pos + i] = str.charCodeAt(i);
  return count;
}

function latin1Encode(str) {
  const bytes = new Uint8Array(str.length);
  latin1Write(str, bytes, 0, bytes.length);
  return bytes;
}

const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// UTF-16LE; an odd trailing byte is ignored.
function utf16leDecode(bytes, start = 0, end = bytes.length) {
  const count = (end - start) >>> 1;
  if (count === 0) return '';
  if (hostLittleEndian && isUint8Array(bytes)) {
    // View the bytes as code units directly (copying first if they are not 2-byte aligned).
    const offset = bytes.byteOffset + start;
    const units = offset % 2 === 0 ? new Uint16Array(bytes.buffer, offset, count)
      : new Uint16Array(Uint8Array.prototype.slice.call(bytes, start, start + 2 * count).buffer);
    return codeUnitsToString(units);
  }
  const out = new UnitWriter();
  for (let i = start; i + 1 < end; i += 2) out.push(bytes[i] | (bytes[i + 1] << 8));
  return out.finish();
}

function utf16beDecode(bytes, start = 0, end = bytes.length) {
  const out = new UnitWriter();
  for (let i = start; i + 1 < end; i += 2) out.push((bytes[i] << 8) | bytes[i + 1]);
  return out.finish();
}

// Whole units only: returns the number of bytes written.
function utf16leWrite(str, dest, pos, limit) {
  const count = Math.min(str.length, (limit - pos) >>> 1);
  for (let i = 0; i < count; i++) {
    const unit = str.charCodeAt(i);
    dest[pos + 2 * i] = unit & 0xff;
    dest[pos + 2 * i + 1] = unit >>> 8;
  }
  return count * 2;
}

function utf16leEncode(str) {
  const bytes = new Uint8Array(str.length * 2);
  utf16leWrite(str, bytes, 0, bytes.length);
  return bytes;
}

// ---------------------------------------------------------------------------
// Hex.

// Hex digit values by byte; -1 for the rest.
const HEX_VALUES = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUES['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUES['0123456789ABCDEF'.charCodeAt(i)] = i;
}

// Each unit's low byte, which is all Node reads of hex and base64 text.
function lowBytes(str) {
  if (core !== null) {
    const encoded = core.encode(str);
    if (encoded.length === str.length) return encoded; // pure ASCII: the bytes are the units
  }
  return latin1Encode(str);
}

const HEX_DIGITS = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));

// Builds the digits as bytes, then makes one string of them.
function hexEncode(bytes, start = 0, end = bytes.length) {
  if (end <= start) return '';
  const out = new Uint8Array((end - start) * 2);
  for (let i = start, j = 0; i < end; i++, j += 2) {
    const byte = bytes[i];
    out[j] = HEX_DIGITS[byte >> 4];
    out[j + 1] = HEX_DIGITS[byte & 15];
  }
  return latin1Decode(out);
}

// Pairs of hex digits up to the first pair that is not one; returns the bytes written.
function hexWrite(str, dest, pos, limit) {
  const count = Math.min(str.length >>> 1, limit - pos);
  const units = lowBytes(str);
  for (let i = 0; i < count; i++) {
    const high = HEX_VALUES[units[2 * i]];
    const low = HEX_VALUES[units[2 * i + 1]];
    if (high < 0 || low < 0) return i;
    dest[pos + i] = (high << 4) | low;
  }
  return count;
}

function hexDecode(str) {
  const bytes = new Uint8Array(str.length >>> 1);
  const written = hexWrite(str, bytes, 0, bytes.length);
  return written === bytes.length ? bytes : bytes.subarray(0, written);
}

// ---------------------------------------------------------------------------
// Base64 and base64url.

const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Decoding accepts both alphabets, as Node does.
const BASE64_VALUES = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  BASE64_VALUES[BASE64_CHARS.charCodeAt(i)] = i;
  BASE64_VALUES[BASE64URL_CHARS.charCodeAt(i)] = i;
}

const BASE64_CODES = new Uint8Array([...BASE64_CHARS].map((c) => c.charCodeAt(0)));
const BASE64URL_CODES = new Uint8Array([...BASE64URL_CHARS].map((c) => c.charCodeAt(0)));

// Builds the characters as bytes, then makes one string of them.
function base64Encode(bytes, start = 0, end = bytes.length, url = false) {
  const codes = url ? BASE64URL_CODES : BASE64_CODES;
  const length = end - start;
  if (length <= 0) return '';
  const tail = length % 3;
  const out = new Uint8Array(Math.floor(length / 3) * 4 + (tail === 0 ? 0 : url ? tail + 1 : 4));
  let i = start;
  let j = 0;
  for (const last = end - tail; i < last; i += 3, j += 4) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[j] = codes[n >> 18];
    out[j + 1] = codes[(n >> 12) & 63];
    out[j + 2] = codes[(n >> 6) & 63];
    out[j + 3] = codes[n & 63];
  }
  if (tail !== 0) {
    const n = (bytes[i] << 16) | (tail === 2 ? bytes[i + 1] << 8 : 0);
    out[j] = codes[n >> 18];
    out[j + 1] = codes[(n >> 12) & 63];
    if (tail === 2) out[j + 2] = codes[(n >> 6) & 63];
    if (!url) {
      if (tail === 1) out[j + 2] = 0x3d;
      out[j + 3] = 0x3d;
    }
  }
  return latin1Decode(out);
}

// The size Node reserves for decoding: trailing '=' are not data.
function base64ByteLength(str) {
  let length = str.length;
  if (length > 0 && str.charCodeAt(length - 1) === 0x3d) length--;
  if (length > 1 && str.charCodeAt(length - 1) === 0x3d) length--;
  return (length * 3) >>> 2;
}

// Node's lenient decoding: characters outside both alphabets are skipped, the first '=' ends
// the data, and a lone leftover character is dropped. Returns the bytes written.
function base64Write(str, dest, pos, limit) {
  const start = pos;
  const units = lowBytes(str);
  let i = 0;
  // Fast path: whole groups of four alphabet characters.
  for (; i + 4 <= units.length && pos + 3 <= limit; i += 4) {
    const a = BASE64_VALUES[units[i]];
    const b = BASE64_VALUES[units[i + 1]];
    const c = BASE64_VALUES[units[i + 2]];
    const d = BASE64_VALUES[units[i + 3]];
    if ((a | b | c | d) < 0) break;
    dest[pos++] = (a << 2) | (b >> 4);
    dest[pos++] = ((b & 15) << 4) | (c >> 2);
    dest[pos++] = ((c & 3) << 6) | d;
  }
  // The rest one character at a time, skipping junk and stopping at '='.
  let acc = 0;
  let count = 0;
  for (; i < units.length && pos < limit; i++) {
    const value = BASE64_VALUES[units[i]];
    if (value < 0) {
      if (units[i] === 0x3d) break;
      continue;
    }
    acc = (acc << 6) | value;
    if (++count === 4) {
      dest[pos++] = acc >> 16;
      if (pos < limit) dest[pos++] = (acc >> 8) & 0xff;
      if (pos < limit) dest[pos++] = acc & 0xff;
      acc = 0;
      count = 0;
    }
  }
  if (count === 2 && pos < limit) {
    dest[pos++] = acc >> 4;
  } else if (count === 3 && pos < limit) {
    dest[pos++] = acc >> 10;
    if (pos < limit) dest[pos++] = (acc >> 2) & 0xff;
  }
  return pos - start;
}

function base64Decode(str) {
  const bytes = new Uint8Array(base64ByteLength(str));
  const written = base64Write(str, bytes, 0, bytes.length);
  return written === bytes.length ? bytes : bytes.subarray(0, written);
}

// ---------------------------------------------------------------------------
// Encoding names.

// Node's canonical name for an encoding argument, or undefined if it is not one.
function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  if (typeof encoding !== 'string') return undefined;
  const name = encoding.toLowerCase();
  switch (name) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
    case 'base64url':
    case 'hex':
    case 'ascii':
      return name;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// WHATWG Encoding: TextEncoder and TextDecoder.

const ENCODING_LABELS = new Map();
function addLabels(name, labels) {
  for (const label of labels) ENCODING_LABELS.set(label, name);
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
  'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
  'windows-1252', 'x-cp1252']);

function encodingForLabel(label) {
  return ENCODING_LABELS.get(`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase());
}

const customInspect = Symbol.for('nodejs.util.inspect.custom');

class TextEncoder {
  get encoding() {
    if (!(this instanceof TextEncoder)) throw errors.invalidThis('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!(this instanceof TextEncoder)) throw errors.invalidThis('TextEncoder');
    return utf8Encode(`${input}`);
  }

  encodeInto(source, destination) {
    if (!(this instanceof TextEncoder)) throw errors.invalidThis('TextEncoder');
    if (!isUint8Array(destination)) throw errors.invalidArgType('dest', 'Uint8Array', destination);
    const [read, written] = utf8Write(`${source}`, destination, 0, destination.length);
    return { read, written };
  }

  [customInspect](depth, options, inspectValue) {
    if (typeof depth === 'number' && depth < 0) return this;
    return inspectValue({ encoding: this.encoding }, options);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

const decoderState = new WeakMap();

function stateOf(decoder) {
  const state = decoderState.get(decoder);
  if (state === undefined) throw errors.invalidThis('TextDecoder');
  return state;
}

// Bytes to decode: the pending tail of the previous streamed chunk followed by `input`.
function withPending(state, input) {
  const bytes = input === undefined ? new Uint8Array(0) : bytesOf(input);
  if (state.pending.length === 0) return bytes;
  const joined = new Uint8Array(state.pending.length + bytes.length);
  joined.set(state.pending, 0);
  joined.set(bytes, state.pending.length);
  return joined;
}

// The number of trailing bytes a streaming decode must hold back for the next call.
function pendingLength(encoding, bytes) {
  if (encoding === 'utf-8') return utf8PendingLength(bytes, 0, bytes.length);
  if (encoding === 'windows-1252') return 0;
  // UTF-16: an odd byte, and a high surrogate that may be followed by its pair.
  let keep = bytes.length % 2;
  const last = bytes.length - keep - 2;
  if (last >= 0) {
    const unit = encoding === 'utf-16le' ? bytes[last] | (bytes[last + 1] << 8) : (bytes[last] << 8) | bytes[last + 1];
    if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
  }
  return keep;
}

function invalidData(encoding) {
  return nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`);
}

// UTF-16 units with lone surrogates replaced (or, when fatal, rejected).
function wellFormed(text, fatal, encoding) {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  const fixed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (fatal && fixed !== text) throw invalidData(encoding);
  return fixed;
}

// windows-1252 is Latin-1 except for 0x80..0x9F, which hold typographic characters.
const WINDOWS_1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
  0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161,
  0x203a, 0x153, 0x9d, 0x17e, 0x178];

function windows1252Decode(bytes, start, end) {
  let i = start;
  while (i < end && (bytes[i] < 0x80 || bytes[i] > 0x9f)) i++;
  if (i === end) return latin1Decode(bytes, start, end);
  const out = new UnitWriter();
  for (let j = start; j < end; j++) {
    const byte = bytes[j];
    out.push(byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : byte);
  }
  return out.finish();
}

const BOMS = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

function decodeBytes(state, bytes, end) {
  const { encoding, fatal } = state;
  let start = 0;
  // Only the stream's first bytes can be a BOM. A BOM split across chunks is never decoded
  // early: its first bytes are held back as an unfinished character.
  if (!state.ignoreBOM && !state.bomSeen && end > 0) {
    state.bomSeen = true;
    const bom = BOMS[encoding];
    if (bom !== undefined && end >= bom.length && bom.every((b, i) => bytes[i] === b)) start = bom.length;
  }
  if (encoding === 'utf-8') {
    const text = utf8Decode(bytes, start, end, fatal);
    if (text === FATAL) throw invalidData(encoding);
    return text;
  }
  if (encoding === 'windows-1252') {
    // Node 20 decodes plain Latin-1 until the decoder is first used for streaming, and the
    // windows-1252 table from then on; apps see the same here.
    return state.latin1FastPath ? latin1Decode(bytes, start, end) : windows1252Decode(bytes, start, end);
  }
  const odd = (end - start) % 2 === 1;
  if (fatal && odd) throw invalidData(encoding);
  let text = encoding === 'utf-16le' ? utf16leDecode(bytes, start, end) : utf16beDecode(bytes, start, end);
  // A lone trailing byte is one error; with a lead surrogate still waiting for its pair, the
  // two together are a single error.
  const last = text.charCodeAt(text.length - 1);
  if (odd && !(last >= 0xd800 && last <= 0xdbff)) text += '\ufffd';
  return wellFormed(text, fatal, encoding);
}

class TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw errors.invalidArgType('options', 'object', options);
    }
    const encoding = encodingForLabel(label);
    if (encoding === undefined) {
      throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    decoderState.set(this, {
      encoding,
      fatal: Boolean(options && options.fatal),
      ignoreBOM: Boolean(options && options.ignoreBOM),
      latin1FastPath: encoding === 'windows-1252',
      bomSeen: false,
      pending: new Uint8Array(0),
    });
  }

  get encoding() {
    return stateOf(this).encoding;
  }

  get fatal() {
    return stateOf(this).fatal;
  }

  get ignoreBOM() {
    return stateOf(this).ignoreBOM;
  }

  decode(input = undefined, options = {}) {
    const state = stateOf(this);
    if (input !== undefined && !isArrayBufferView(input) && !isAnyArrayBuffer(input)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw errors.invalidArgType('options', 'object', options);
    }
    let stream = Boolean(options && options.stream);
    if (stream) state.latin1FastPath = false;
    const bytes = withPending(state, input);
    const keep = stream ? pendingLength(state.encoding, bytes) : 0;
    const end = bytes.length - keep;
    // Fatal errors still reset the stream, so the decoder can be reused.
    state.pending = keep > 0 ? copyOf(bytes.subarray(end)) : new Uint8Array(0);
    let text;
    try {
      text = decodeBytes(state, bytes, end);
    } catch (error) {
      // After an error the decoder starts afresh, dropping what it held back (as Node does).
      stream = false;
      throw error;
    } finally {
      if (!stream) {
        state.bomSeen = false;
        state.pending = new Uint8Array(0);
      }
    }
    return text;
  }

  [customInspect](depth, options, inspectValue) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { encoding, fatal, ignoreBOM } = stateOf(this);
    return `TextDecoder ${inspectValue({ encoding, fatal, ignoreBOM }, options)}`;
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
for (const Class of [TextEncoder, TextDecoder]) {
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(Class.prototype, key);
    descriptor.enumerable = true; // WebIDL members are enumerable
    Object.defineProperty(Class.prototype, key, descriptor);
  }
}

module.exports = {
  TextEncoder,
  TextDecoder,
  // Shared with buffer and string_decoder.
  nativeUtf8: core !== null,
  errors,
  isUint8Array,
  isArrayBufferView,
  isAnyArrayBuffer,
  bytesOf,
  copyOf,
  normalizeEncoding,
  utf8ByteLength,
  utf8Write,
  utf8Encode,
  utf8Decode,
  isUtf8,
  isAscii,
  latin1Decode,
  latin1Write,
  latin1Encode,
  asciiDecode,
  utf16leDecode,
  utf16leWrite,
  utf16leEncode,
  hexEncode,
  hexWrite,
  hexDecode,
  base64Encode,
  base64ByteLength,
  base64Write,
  base64Decode,
};
