// Key derivation: pbkdf2/pbkdf2Sync and scrypt/scryptSync. The work runs in Rust; the callback
// forms run it on a blocking thread so the event loop keeps going, as Node's thread pool does.
'use strict';
const { ops } = require('internal/core');
const {
  INT32_MAX, validateString, validateFunction, validateInteger, validateInt32, validateUint32,
  binaryLike, asBuffer, cryptoError, UNSUPPORTED, isLegacyDigest,
} = require('internal/crypto/util');

/**
 * Delivers an op's promised bytes to a Node-style callback, from the tick queue rather than a
 * promise job, so that an exception in the callback is an uncaught exception as in Node.
 */
function settle(promise, callback) {
  promise.then(
    (bytes) => process.nextTick(callback, null, asBuffer(bytes)),
    (error) => process.nextTick(callback, error),
  );
}

// ---------------------------------------------------------------------------------------------
// PBKDF2.

// What op_crypto_digest_info says of an unknown digest, and of SHAKE.
const DIGEST_UNKNOWN = -1;
const DIGEST_XOF = 0;

// Node checks the digest's type first, then the other arguments, in this order.
function pbkdf2Arguments(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = binaryLike(password, 'password');
  salt = binaryLike(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt };
}

/**
 * Checks PBKDF2's digest: throws Node's error for a name it does not know, and returns the error
 * Node reports only once deriving starts (a legacy digest, or SHAKE, which cannot key an HMAC),
 * or null when the digest will do.
 */
function pbkdf2Failure(digest) {
  const info = ops.op_crypto_digest_info(digest);
  if (info === DIGEST_UNKNOWN) {
    if (isLegacyDigest(digest)) return new Error(UNSUPPORTED);
    throw cryptoError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
  }
  return info === DIGEST_XOF ? new Error('Deriving bits failed') : null;
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt } = pbkdf2Arguments(password, salt, iterations, keylen, digest));
  const failure = pbkdf2Failure(digest);
  if (failure !== null) throw failure;
  return asBuffer(ops.op_crypto_pbkdf2_sync(digest, password, salt, iterations, keylen));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt } = pbkdf2Arguments(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const failure = pbkdf2Failure(digest);
  if (failure !== null) {
    process.nextTick(callback, failure);
    return;
  }
  settle(ops.op_crypto_pbkdf2_async(digest, password, salt, iterations, keylen), callback);
}

// ---------------------------------------------------------------------------------------------
// scrypt.

const SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };

const invalidParameter = () => cryptoError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
const invalidParams = (detail) =>
  cryptoError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', detail ? `Invalid scrypt params: ${detail}` : 'Invalid scrypt params');
const memoryExceeded = () => invalidParams('error:030000AC:digital envelope routines::memory limit exceeded');

/** One cost parameter given under either of its two names; zero or absent means the default. */
function costOption(options, name, alias) {
  let value = 0;
  if (options[name] !== undefined) {
    value = options[name];
    validateUint32(value, name);
  }
  if (options[alias] !== undefined) {
    if (options[name] !== undefined) throw invalidParameter();
    value = options[alias];
    validateUint32(value, alias);
  }
  return value;
}

/** N, r, p and maxmem from the options, with Node's defaults and type checks. */
function scryptOptions(options) {
  if (options === null || typeof options !== 'object') return { ...SCRYPT_DEFAULTS };
  const N = costOption(options, 'N', 'cost');
  const r = costOption(options, 'r', 'blockSize');
  const p = costOption(options, 'p', 'parallelization');
  let maxmem = 0;
  if (options.maxmem !== undefined) {
    maxmem = options.maxmem;
    validateInteger(maxmem, 'maxmem', 0, Number.MAX_SAFE_INTEGER);
  }
  return {
    N: N || SCRYPT_DEFAULTS.N,
    r: r || SCRYPT_DEFAULTS.r,
    p: p || SCRYPT_DEFAULTS.p,
    maxmem: maxmem || SCRYPT_DEFAULTS.maxmem,
  };
}

/**
 * The limits OpenSSL puts on scrypt (Node reports its errors): N a power of two above 1,
 * r * p < 2^30, N < 2^(16 r), the block buffer (128 r p bytes) under 2 GiB, and the buffers
 * together (128 r p + 128 r (N + 2) bytes) within maxmem. Returns log2(N).
 */
function checkScryptParams({ N, r, p, maxmem }) {
  if (N < 2 || (N & (N - 1)) !== 0) throw invalidParams();
  if (r * p >= 2 ** 30) throw memoryExceeded();
  if (16 * r < 64 && N >= 2 ** (16 * r)) throw memoryExceeded();
  const blockBytes = 128 * r * p;
  if (blockBytes > INT32_MAX) throw memoryExceeded();
  if (blockBytes + 128 * r * (N + 2) > maxmem) throw memoryExceeded();
  return Math.log2(N);
}

function scryptArguments(password, salt, keylen) {
  password = binaryLike(password, 'password');
  salt = binaryLike(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  return { password, salt };
}

function scryptSync(password, salt, keylen, options) {
  ({ password, salt } = scryptArguments(password, salt, keylen));
  const params = scryptOptions(options);
  const logN = checkScryptParams(params);
  return asBuffer(ops.op_crypto_scrypt_sync(password, salt, logN, params.r, params.p, keylen));
}

function scrypt(password, salt, keylen, options, callback) {
  // With four arguments the last is the callback, whatever it is (Node names it in errors).
  if (callback === undefined) {
    callback = options;
    options = undefined;
  }
  ({ password, salt } = scryptArguments(password, salt, keylen));
  validateFunction(callback, 'callback');
  const params = scryptOptions(options);
  const logN = checkScryptParams(params);
  settle(ops.op_crypto_scrypt_async(password, salt, logN, params.r, params.p, keylen), callback);
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync };
