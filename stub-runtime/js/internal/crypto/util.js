// Shared by the crypto modules: argument checks with Node's messages, the conversions of
// strings and buffers to bytes, and the error shapes of Node's crypto layer (its own ERR_CRYPTO_*
// codes, and the OpenSSL-style errors Node passes through).
'use strict';
const { Buffer } = require('buffer');
const { errors, isArrayBufferView, isAnyArrayBuffer, bytesOf, normalizeEncoding } = require('internal/encoding');

const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;

/** Types a key, password or salt may have, as named in Node's messages. */
const BINARY_LIKE = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function validateString(value, name) {
  if (typeof value !== 'string') throw errors.invalidArgType(name, 'string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'function', value);
}

/** An integer in [min, max], with Node's three messages (type, integer, range). */
function validateInteger(value, name, min, max) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
}

const validateInt32 = (value, name, min = -(2 ** 31)) => validateInteger(value, name, min, INT32_MAX);
const validateUint32 = (value, name) => validateInteger(value, name, 0, UINT32_MAX);

/** A string (in `encoding`), ArrayBuffer or view as a Uint8Array, for passwords and salts. */
function binaryLike(value, name, encoding) {
  if (typeof value === 'string') return Buffer.from(value, normalizeEncoding(encoding) ?? 'utf8');
  if (isArrayBufferView(value) || isAnyArrayBuffer(value)) return bytesOf(value);
  throw errors.invalidArgType(name, BINARY_LIKE, value);
}

/** A Uint8Array as a Buffer over the same memory. */
function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function cryptoError(Base, code, message) {
  return errors.nodeError(Base, code, message);
}

/** An error as Node reports one from OpenSSL: a plain Error with library/reason/code fields. */
function opensslError(message, code, library, reason, stack) {
  const error = new Error(message);
  if (stack !== undefined) error.opensslErrorStack = stack;
  Object.assign(error, { library, reason, code });
  return error;
}

const UNSUPPORTED = 'error:0308010C:digital envelope routines::unsupported';
const unsupportedDigest = () =>
  opensslError(UNSUPPORTED, 'ERR_OSSL_EVP_UNSUPPORTED', 'digital envelope routines', 'unsupported',
    ['error:03000086:digital envelope routines::initialization error', UNSUPPORTED]);

// Digests OpenSSL 3 knows but keeps in its "legacy" provider, which Node does not load: asking
// for them fails differently from asking for a name nobody knows (webpack 4 relies on this).
const LEGACY_DIGESTS = new Set(['md4', 'rsa-md4', 'md4withrsaencryption', 'whirlpool', 'mdc2', 'rsa-mdc2', 'mdc2withrsa']);
const isLegacyDigest = (name) => LEGACY_DIGESTS.has(name.toLowerCase());

module.exports = {
  errors,
  INT32_MAX,
  UINT32_MAX,
  BINARY_LIKE,
  validateString,
  validateFunction,
  validateInteger,
  validateInt32,
  validateUint32,
  binaryLike,
  asBuffer,
  cryptoError,
  opensslError,
  UNSUPPORTED,
  unsupportedDigest,
  isLegacyDigest,
  isArrayBufferView,
  isAnyArrayBuffer,
  bytesOf,
  normalizeEncoding,
};
