// Node's `crypto`: random values from the operating system's generator (here), hashes and HMACs
// (internal/crypto/hash), PBKDF2 and scrypt (internal/crypto/kdf), secret KeyObjects
// (internal/crypto/keys) and the Web Crypto object (internal/crypto/webcrypto). The parts
// below the random functions load on first use, so `require('crypto')` stays cheap. Ciphers,
// signatures and asymmetric keys are not implemented.
'use strict';
const { ops } = require('internal/core');
const { Buffer } = require('buffer');
const { errors, isAnyArrayBuffer } = require('internal/encoding');

const MAX_BYTES = 2 ** 31 - 1;

function checkSize(size) {
  if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  if (!Number.isInteger(size) || size < 0 || size > MAX_BYTES) {
    throw errors.outOfRange('size', `>= 0 && <= ${MAX_BYTES}`, size);
  }
}

function viewOf(buffer) {
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (isAnyArrayBuffer(buffer)) return new Uint8Array(buffer);
  throw errors.invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buffer);
}

function randomFillSync(buffer, offset = 0, size) {
  const view = viewOf(buffer);
  if (typeof offset !== 'number') throw errors.invalidArgType('offset', 'number', offset);
  if (size !== undefined && typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  const bytesPerElement = ArrayBuffer.isView(buffer) ? (buffer.BYTES_PER_ELEMENT ?? 1) : 1;
  const start = offset * bytesPerElement;
  const end = size === undefined ? view.length : start + size * bytesPerElement;
  if (start < 0 || start > view.length) throw errors.outOfRange('offset', `>= 0 && <= ${view.length}`, offset);
  if (end > view.length) throw errors.outOfRange('size + offset', `<= ${view.length}`, end);
  ops.op_crypto_random_fill(view.subarray(start, end));
  return buffer;
}

function randomFill(buffer, offset, size, callback) {
  const args = [offset, size, callback];
  const done = args.find((arg) => typeof arg === 'function');
  const numbers = args.filter((arg) => typeof arg === 'number');
  if (done === undefined) throw errors.invalidArgType('callback', 'function', callback);
  randomFillSync(buffer, ...numbers);
  process.nextTick(done, null, buffer);
}

function randomBytes(size, callback) {
  checkSize(size);
  const bytes = randomFillSync(Buffer.alloc(size));
  if (typeof callback !== 'function') return bytes;
  process.nextTick(callback, null, bytes);
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') [min, max, callback] = [0, min, max];
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min) {
    throw errors.outOfRange('max', `greater than the value of "min" (${min})`, max);
  }
  if (max - min > 2 ** 48 - 1) throw errors.outOfRange('max - min', `<= ${2 ** 48 - 1}`, max - min);
  // Rejection sampling over 48 random bits keeps every value equally likely.
  const range = max - min;
  const limit = 2 ** 48 - (2 ** 48 % range);
  const bytes = new Uint8Array(6);
  let value;
  do {
    ops.op_crypto_random_fill(bytes);
    value = bytes.reduce((total, byte) => total * 256 + byte, 0);
  } while (value >= limit);
  const result = min + (value % range);
  if (typeof callback !== 'function') return result;
  process.nextTick(callback, null, result);
}

function randomUUID() {
  const bytes = new Uint8Array(16);
  ops.op_crypto_random_fill(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Node throws Web Crypto's DOMExceptions here, not its usual argument errors.
function domException(message, name) {
  return new DOMException(message, name);
}

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (array.byteLength > 65536) {
    throw domException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`, 'QuotaExceededError');
  }
  return randomFillSync(array);
}

// ---------------------------------------------------------------------------------------------
// Comparing secrets.

function checkComparable(value, name) {
  if (!ArrayBuffer.isView(value) && !isAnyArrayBuffer(value)) {
    // Node's native check: no "Received ..." tail.
    throw errors.nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  }
  return ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value);
}

function timingSafeEqual(buf1, buf2) {
  const a = checkComparable(buf1, 'buf1');
  const b = checkComparable(buf2, 'buf2');
  if (a.length !== b.length) {
    throw errors.nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  return ops.op_crypto_timing_safe_equal(a, b);
}

module.exports = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
  pseudoRandomBytes: randomBytes,
  prng: randomBytes,
  rng: randomBytes,
  timingSafeEqual,
  // No FIPS mode here, as in a stock Node build.
  getFips: () => 0,
};

// ---------------------------------------------------------------------------------------------
// The parts loaded on first use. Each export starts as an accessor and becomes a plain value
// once read (or assigned, e.g. by a test mocking it).

const LAZY_PARTS = {
  'internal/crypto/hash': ['createHash', 'createHmac', 'Hash', 'Hmac', 'hash', 'getHashes'],
  'internal/crypto/kdf': ['pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync'],
  'internal/crypto/keys': ['createSecretKey', 'KeyObject'],
  'internal/crypto/webcrypto': ['webcrypto', 'subtle'],
};

function defineValue(name, value) {
  Object.defineProperty(module.exports, name, { value, writable: true, enumerable: true, configurable: true });
}

for (const [id, names] of Object.entries(LAZY_PARTS)) {
  for (const name of names) {
    Object.defineProperty(module.exports, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = require(id)[name];
        defineValue(name, value);
        return value;
      },
      set(value) {
        defineValue(name, value);
      },
    });
  }
}
