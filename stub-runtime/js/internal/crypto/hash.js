// Hash and Hmac (createHash, createHmac), the one-shot crypto.hash() and getHashes(). The
// digest state lives in Rust (ops/crypto.rs) under a numeric id; these objects wrap it with
// Node's argument checks, encodings and stream behaviour.
//
// Each op call costs about as much as hashing a short string, so the commonest use,
// `createHash(a).update(text).digest(enc)`, is answered by one op: a string given to the first
// update() is held here, and if digest() comes next, the two go to Rust together. Anything else
// (a second update, a buffer, copy(), the stream side) starts the Rust state first.
'use strict';
const { ops } = require('internal/core');
const { Buffer } = require('buffer');
const { LazyTransform } = require('internal/crypto/lazy_transform');
const {
  errors, validateString, validateUint32, asBuffer, cryptoError, opensslError, unsupportedDigest,
  isLegacyDigest, isArrayBufferView, isAnyArrayBuffer, bytesOf, normalizeEncoding,
} = require('internal/crypto/util');

// Results of the ops that create states or describe digests (see ops/crypto.rs).
const UNKNOWN_DIGEST = -1;
const BAD_OUTPUT_LENGTH = -2;
const NO_SUCH_HASH = -4;
const XOF = 0;

const kState = Symbol('kState');

const DATA_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];
const NO_KEY = new Uint8Array(0);

// The names getHashes() lists: Node's list, less the digests this runtime lacks (BLAKE2, SM3,
// MD5-SHA1).
const HASH_NAMES = [
  'RSA-MD5', 'RSA-RIPEMD160', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256', 'RSA-SHA3-224',
  'RSA-SHA3-256', 'RSA-SHA3-384', 'RSA-SHA3-512', 'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/224',
  'RSA-SHA512/256', 'id-rsassa-pkcs1-v1_5-with-sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-256',
  'id-rsassa-pkcs1-v1_5-with-sha3-384', 'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5',
  'md5WithRSAEncryption', 'ripemd', 'ripemd160', 'ripemd160WithRSA', 'rmd160', 'sha1',
  'sha1WithRSAEncryption', 'sha224', 'sha224WithRSAEncryption', 'sha256', 'sha256WithRSAEncryption',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'sha384', 'sha384WithRSAEncryption', 'sha512',
  'sha512-224', 'sha512-224WithRSAEncryption', 'sha512-256', 'sha512-256WithRSAEncryption',
  'sha512WithRSAEncryption', 'shake128', 'shake256', 'ssl3-md5', 'ssl3-sha1',
];

// ---------------------------------------------------------------------------------------------
// Errors.

const hashFinalized = () => cryptoError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
const updateFailed = () => cryptoError(Error, 'ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed');
const notXof = () =>
  opensslError('error:030000B2:digital envelope routines::not XOF or invalid length',
    'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH', 'digital envelope routines', 'not XOF or invalid length');

function unknownDigest(name, message) {
  return isLegacyDigest(name) ? unsupportedDigest() : message();
}

// Digest names already looked up: UNKNOWN_DIGEST is never stored, so the map stays as small as
// the set of valid names a program uses.
const digestInfos = new Map();

/** UNKNOWN_DIGEST, XOF, or the output length of the digest called `name`. */
function digestInfo(name) {
  let info = digestInfos.get(name);
  if (info === undefined) {
    info = ops.op_crypto_digest_info(name);
    if (info !== UNKNOWN_DIGEST) digestInfos.set(name, info);
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// The state behind each object. It goes through three phases:
//   IDLE: no Rust state yet; `pending` may hold the one string given to update() so far.
//   LIVE: `id` names a Rust state (ops/crypto.rs), which a finalizer frees if the object dies.
//   DONE: the digest was taken; a Hash remembers it (`digest`), an Hmac has nothing left.

const IDLE = 0;
const LIVE = 1;
const DONE = 2;

// A hash dropped before it was digested gives its Rust state back when collected.
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((id) => ops.op_crypto_hash_drop(id))
  : null;

/**
 * A fresh state. `key` is an HMAC's key (null for a hash). `keepDigest`: a Hash answers digest()
 * with the digest its stream side already produced (and the reverse); an Hmac answers with nothing.
 */
function newState(algorithm, outputLength, key, keepDigest) {
  return {
    phase: IDLE, id: 0, pending: null, pendingEncoding: undefined, finalized: false,
    digest: null, digestEncoding: 'buffer', algorithm, outputLength, key, keepDigest,
  };
}

/**
 * The id of the Rust side of `owner`'s state, creating it (and feeding it what is pending) if
 * need be. (The state does not point back at its owner: that cycle would delay collecting it.)
 */
function liveId(owner) {
  const state = owner[kState];
  if (state.phase !== IDLE) return state.id;
  const id = state.key === null
    ? ops.op_crypto_hash_new(state.algorithm, state.outputLength)
    : ops.op_crypto_hmac_new(state.algorithm, state.key);
  // The name and length were checked on construction.
  if (id < 0) throw new Error('Digest method not supported');
  state.phase = LIVE;
  state.id = id;
  registry?.register(owner, id, state);
  if (state.pending !== null) {
    const pending = state.pending;
    state.pending = null;
    feed(id, pending, state.pendingEncoding);
  }
  return id;
}

// Encodings the Rust side writes itself (see op_crypto_hash_digest_text); all are lossless.
const TEXT_DIGESTS = new Map([['hex', 1], ['base64', 2], ['base64url', 3]]);

/** Whether a string can go to Rust as it is (UTF-8, no lone surrogates). */
const isPlainText = (text, encoding) => (normalizeEncoding(encoding) ?? 'utf8') === 'utf8' && text.isWellFormed();

/** The digest of an idle state in a single op: text when `text` (a TEXT_DIGESTS code), else bytes. */
function digestAtOnce(state, text) {
  const hmac = state.key !== null;
  const key = hmac ? state.key : NO_KEY;
  const data = state.pending ?? '';
  return text === undefined
    ? ops.op_crypto_hash_once(state.algorithm, state.outputLength, hmac, key, data)
    : ops.op_crypto_hash_once_text(state.algorithm, state.outputLength, hmac, key, data, text);
}

/** The digest of a live state, as digestAtOnce gives it; the Rust state is freed. */
function digestOfLive(state, text) {
  const digest = text === undefined ? ops.op_crypto_hash_digest(state.id) : ops.op_crypto_hash_digest_text(state.id, text);
  registry?.unregister(state);
  state.id = 0;
  return digest;
}

/** Finishes `owner`'s state, or recalls what finishing it gave; returns the digest in `encoding`. */
function finish(owner, encoding) {
  const state = owner[kState];
  if (state.phase === DONE) return encodeDigest(storedDigest(state), encoding);
  const text = TEXT_DIGESTS.get(encoding);
  let digest;
  if (state.phase === IDLE && (state.pending === null || isPlainText(state.pending, state.pendingEncoding))) {
    digest = digestAtOnce(state, text);
  } else {
    liveId(owner);
    digest = digestOfLive(state, text);
  }
  state.phase = DONE;
  state.pending = null;
  if (state.keepDigest) {
    state.digest = digest;
    state.digestEncoding = encoding;
  }
  return text === undefined ? encodeDigest(digest, encoding) : digest;
}

/** The bytes a finished Hash produced (kept as text when it was asked for as text). */
function storedDigest(state) {
  if (typeof state.digest === 'string') return Buffer.from(state.digest, state.digestEncoding);
  return state.digest ?? new Uint8Array(0);
}

/** Checks a string's encoding as Node does before hashing it. */
function checkStringEncoding(data, encoding) {
  if (normalizeEncoding(encoding) === 'hex' && data.length % 2 !== 0) {
    throw errors.invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

/** Feeds a string (in `encoding`) or a view to a live state. */
function feed(id, data, encoding) {
  if (typeof data !== 'string') return ops.op_crypto_hash_update(id, bytesOf(data));
  // Strings go to Rust as they are, unless they need converting: another encoding, or a lone
  // surrogate that Node's UTF-8 encoder replaces with U+FFFD.
  if (isPlainText(data, encoding)) return ops.op_crypto_hash_update_str(id, data);
  return ops.op_crypto_hash_update(id, Buffer.from(data, normalizeEncoding(encoding) ?? 'utf8'));
}

/** Adds data to `owner`'s state in any phase; false once the digest is taken. */
function add(owner, data, encoding) {
  const state = owner[kState];
  if (typeof data === 'string') checkStringEncoding(data, encoding);
  if (state.phase === DONE) return false;
  // Strings are immutable, so the first one can wait; a buffer could change meanwhile.
  if (state.phase === IDLE && state.pending === null && typeof data === 'string') {
    state.pending = data;
    state.pendingEncoding = encoding;
    return true;
  }
  return feed(liveId(owner), data, encoding);
}

/** The encoding digest() was asked for: Node ignores names it does not know and returns bytes. */
function digestEncoding(outputEncoding) {
  if (!outputEncoding) return 'buffer';
  return normalizeEncoding(String(outputEncoding)) ?? 'buffer';
}

function encodeDigest(bytes, encoding) {
  const buffer = asBuffer(bytes);
  return encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

/** `options.outputLength` when given, checked as Node does; -1 when not. */
function outputLengthOf(options) {
  if (options === null || typeof options !== 'object' || options.outputLength === undefined) return -1;
  validateUint32(options.outputLength, 'options.outputLength');
  return options.outputLength;
}

// Methods go on with defineProperty: assignment would reach LazyTransform's stand-in prototype.
function defineMethods(prototype, methods) {
  for (const [name, value] of Object.entries(methods)) {
    Object.defineProperty(prototype, name, { value, writable: true, enumerable: true, configurable: true });
  }
}

/**
 * A writable `kState` on the prototype, so that constructors can assign the field: without it,
 * the assignment would look for a setter all the way down to LazyTransform's stand-in.
 */
function shadowState(prototype) {
  Object.defineProperty(prototype, kState, { value: null, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// Shared methods.

function update(data, encoding) {
  const state = this[kState];
  if (state.finalized) throw hashFinalized();
  if (typeof data !== 'string' && !isArrayBufferView(data)) throw errors.invalidArgType('data', DATA_TYPES, data);
  // After the stream side took the digest, a Hash ignores more data; an Hmac refuses it.
  if (!add(this, data, encoding) && !state.keepDigest) throw updateFailed();
  return this;
}

function _transform(chunk, encoding, callback) {
  if (!add(this, chunk, encoding) && !this[kState].keepDigest) {
    callback(updateFailed());
    return;
  }
  callback();
}

function _flush(callback) {
  // A copy, so that the reader cannot alter what digest() returns later.
  this.push(Buffer.from(finish(this, 'buffer')));
  callback();
}

// ---------------------------------------------------------------------------------------------
// Hash.

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  // Hash.prototype.copy passes the original in place of the algorithm.
  const source = algorithm instanceof Hash ? algorithm[kState] : null;
  if (source === null) validateString(algorithm, 'algorithm');
  const outputLength = outputLengthOf(options);
  if (source === null) {
    const info = digestInfo(algorithm);
    if (info === UNKNOWN_DIGEST) throw unknownDigest(algorithm, () => new Error('Digest method not supported'));
    if (info !== XOF && outputLength !== -1 && outputLength !== info) throw notXof();
    this[kState] = newState(algorithm, outputLength, null, true);
  } else {
    if (source.phase === DONE) throw hashFinalized();
    const id = ops.op_crypto_hash_copy(liveId(algorithm), outputLength);
    if (id === BAD_OUTPUT_LENGTH) throw notXof();
    if (id === NO_SUCH_HASH) throw hashFinalized();
    const state = newState(source.algorithm, outputLength, null, true);
    this[kState] = state;
    state.phase = LIVE;
    state.id = id;
    registry?.register(this, id, state);
  }
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);
shadowState(Hash.prototype);

defineMethods(Hash.prototype, {
  update,
  copy(options) {
    if (this[kState].finalized) throw hashFinalized();
    return new Hash(this, options);
  },
  digest(outputEncoding) {
    const state = this[kState];
    if (state.finalized) throw hashFinalized();
    // The encoding is read first: a throwing toString() leaves the hash usable, as in Node.
    const encoding = digestEncoding(outputEncoding);
    state.finalized = true;
    return finish(this, encoding);
  },
  _transform,
  _flush,
});

// ---------------------------------------------------------------------------------------------
// Hmac.

const KEY_TYPES = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];

/** The bytes of an HMAC key, in memory of their own: a string in `encoding`, a buffer, a KeyObject. */
function keyBytes(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, normalizeEncoding(encoding) ?? 'utf8');
  if (isArrayBufferView(key) || isAnyArrayBuffer(key)) return Uint8Array.prototype.slice.call(bytesOf(key));
  if (key !== null && typeof key === 'object') {
    const material = require('internal/crypto/keys').secretKeyMaterial(key);
    if (material !== undefined) return material;
  }
  throw errors.invalidArgType('key', KEY_TYPES, key);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options !== null && typeof options === 'object' && options.encoding !== undefined) {
    validateString(options.encoding, 'options.encoding');
    encoding = options.encoding;
  }
  const bytes = keyBytes(key, encoding);
  const info = digestInfo(hmac);
  if (info === UNKNOWN_DIGEST) {
    throw unknownDigest(hmac, () => cryptoError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`));
  }
  // OpenSSL has no HMAC over SHAKE, and says so without a reason.
  if (info === XOF) throw new Error('error:00000000:lib(0)::reason(0)');
  this[kState] = newState(hmac, -1, bytes, false);
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
shadowState(Hmac.prototype);

defineMethods(Hmac.prototype, {
  update,
  digest(outputEncoding) {
    const state = this[kState];
    const wanted = outputEncoding || 'buffer';
    // A finished Hmac answers with nothing rather than throwing.
    if (state.finalized) return wanted === 'buffer' ? Buffer.alloc(0) : '';
    const encoding = digestEncoding(wanted);
    state.finalized = true;
    return finish(this, encoding);
  },
  _transform,
  _flush,
});

// ---------------------------------------------------------------------------------------------
// The functions.

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

/** crypto.hash(algorithm, data[, outputEncoding]): a digest in one call, hex by default. */
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) throw errors.invalidArgType('input', DATA_TYPES, input);
  let encoding = 'buffer';
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    encoding = normalizeEncoding(outputEncoding);
    if (encoding === undefined) throw errors.invalidArgValue('outputEncoding', outputEncoding);
  }
  if (digestInfo(algorithm) === UNKNOWN_DIGEST) {
    throw unknownDigest(algorithm, () => new Error(`Digest method ${algorithm} is not supported`));
  }
  // A state on a bare object: it never outlives this call.
  const holder = { [kState]: newState(algorithm, -1, null, false) };
  add(holder, input, 'utf8');
  return finish(holder, encoding);
}

function getHashes() {
  return HASH_NAMES.slice();
}

module.exports = { Hash, Hmac, createHash, createHmac, hash, getHashes };
