// The Web Crypto API as Node exposes it (`crypto.webcrypto`, `crypto.subtle`): Crypto with
// getRandomValues and randomUUID, and SubtleCrypto with digest(). The other SubtleCrypto
// methods (keys, signing, encryption) are not implemented.
'use strict';
const { ops } = require('internal/core');
const { errors, cryptoError, isArrayBufferView, bytesOf } = require('internal/crypto/util');

// Lets this file make instances while `new Crypto()` from outside fails, as in Node.
const kConstruct = Symbol('kConstruct');

const illegalConstructor = () => cryptoError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');

// The digests SubtleCrypto knows, by their Web Crypto names (matched without case).
const DIGESTS = new Map([['SHA-1', 'sha1'], ['SHA-256', 'sha256'], ['SHA-384', 'sha384'], ['SHA-512', 'sha512']]);

function domException(message, name) {
  return new DOMException(message, name);
}

/** The digest an AlgorithmIdentifier (a name, or an object with one) asks for. */
function digestName(algorithm) {
  let name = algorithm;
  if (algorithm !== null && typeof algorithm === 'object') {
    if (algorithm.name === undefined) {
      throw cryptoError(TypeError, 'ERR_MISSING_OPTION', "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' because 'name' is required in 'Algorithm'.");
    }
    name = algorithm.name;
  }
  const wanted = String(name).toUpperCase();
  const digest = DIGESTS.get(wanted);
  if (digest === undefined) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  return digest;
}

/**
 * A BufferSource's bytes. The spec wants them copied at call time: the op that receives them
 * copies them, and it is called before the method's first await.
 */
function bufferSourceBytes(data, method, position) {
  if (!isArrayBufferView(data) && !(data instanceof ArrayBuffer)) {
    throw cryptoError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `Failed to execute '${method}' on 'SubtleCrypto': ${position} argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  }
  return bytesOf(data);
}

function requireArguments(method, count, given) {
  if (given < count) {
    throw cryptoError(TypeError, 'ERR_MISSING_ARGS',
      `Failed to execute '${method}' on 'SubtleCrypto': ${count} arguments required, but only ${given} present.`);
  }
}

/** The bytes as an ArrayBuffer of exactly their length. */
function toArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.slice().buffer;
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstruct) throw illegalConstructor();
  }

  async digest(algorithm, data) {
    if (!(this instanceof SubtleCrypto)) throw errors.invalidThis('SubtleCrypto');
    requireArguments('digest', 2, arguments.length);
    const bytes = bufferSourceBytes(data, 'digest', '2nd');
    const digest = digestName(algorithm);
    // Hashing runs on a blocking thread; the promise settles through the event loop.
    return toArrayBuffer(await ops.op_crypto_digest_async(digest, bytes));
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

const subtle = new SubtleCrypto(kConstruct);

class Crypto {
  constructor(token) {
    if (token !== kConstruct) throw illegalConstructor();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw errors.invalidThis('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw errors.invalidThis('Crypto');
    return require('crypto').getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw errors.invalidThis('Crypto');
    return require('crypto').randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

const webcrypto = new Crypto(kConstruct);

module.exports = { Crypto, SubtleCrypto, webcrypto, subtle };
