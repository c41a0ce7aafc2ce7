// `crypto`: so far the random functions (randomBytes, randomFill(Sync), randomInt, randomUUID,
// getRandomValues), from the operating system's generator. Hashes, ciphers and keys come later.
'use strict';
const { ops } = require('internal/core');
const { Buffer } = require('buffer');

const MAX_BYTES = 2 ** 31 - 1;

function typeError(code, message) {
  const error = new TypeError(message);
  error.code = code;
  return error;
}

function rangeError(message) {
  const error = new RangeError(message);
  error.code = 'ERR_OUT_OF_RANGE';
  return error;
}

function checkSize(size) {
  if (typeof size !== 'number') throw typeError('ERR_INVALID_ARG_TYPE', `The "size" argument must be of type number. Received ${typeof size}`);
  if (!Number.isInteger(size) || size < 0 || size > MAX_BYTES) {
    throw rangeError(`The value of "size" is out of range. It must be >= 0 && <= ${MAX_BYTES}. Received ${size}`);
  }
}

function viewOf(buffer) {
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer || buffer instanceof SharedArrayBuffer) return new Uint8Array(buffer);
  throw typeError('ERR_INVALID_ARG_TYPE', 'The "buf" argument must be an instance of ArrayBuffer or ArrayBufferView.');
}

function randomFillSync(buffer, offset = 0, size) {
  const view = viewOf(buffer);
  const bytesPerElement = ArrayBuffer.isView(buffer) ? (buffer.BYTES_PER_ELEMENT ?? 1) : 1;
  const start = offset * bytesPerElement;
  const end = size === undefined ? view.length : start + size * bytesPerElement;
  if (start < 0 || start > view.length) throw rangeError(`The value of "offset" is out of range.`);
  if (end > view.length) throw rangeError(`The value of "size + offset" is out of range.`);
  ops.op_crypto_random_fill(view.subarray(start, end));
  return buffer;
}

function randomFill(buffer, offset, size, callback) {
  const args = [offset, size, callback];
  const done = args.find((arg) => typeof arg === 'function');
  const numbers = args.filter((arg) => typeof arg === 'number');
  if (done === undefined) throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function.');
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
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min || max - min > 2 ** 48) {
    throw rangeError(`The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
  }
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

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    // Node throws the WebCrypto DOMException here, not its usual argument error.
    const error = new Error('The data argument must be an integer-type TypedArray');
    error.name = 'TypeMismatchError';
    error.code = 17;
    throw error;
  }
  if (array.byteLength > 65536) {
    const error = new Error(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
    error.name = 'QuotaExceededError';
    throw error;
  }
  return randomFillSync(array);
}

const webcrypto = { getRandomValues, randomUUID };

module.exports = { randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues, webcrypto, pseudoRandomBytes: randomBytes };
