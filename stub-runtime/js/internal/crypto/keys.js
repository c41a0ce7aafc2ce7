// KeyObject, as far as secret keys go: createSecretKey() and what createHmac() needs from it.
// Asymmetric keys (createPublicKey, createPrivateKey) are not implemented.
'use strict';
const { Buffer } = require('buffer');
const { errors, validateString, isArrayBufferView, isAnyArrayBuffer, bytesOf, cryptoError } = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');
const kMaterial = Symbol('kMaterial');
// The constructor's second argument must come from here, as Node's must be a native handle.
const kHandle = Symbol('kHandle');

const KEY_TYPES = ['secret', 'public', 'private'];

class KeyObject {
  constructor(type, handle) {
    if (!KEY_TYPES.includes(type)) throw errors.invalidArgValue('type', type);
    if (handle === null || typeof handle !== 'object' || handle[kHandle] !== true) {
      throw errors.invalidArgType('handle', 'object', handle);
    }
    Object.defineProperty(this, kKeyType, { value: type, enumerable: true, configurable: false });
    Object.defineProperty(this, kMaterial, { value: handle.material });
  }

  get type() {
    return this[kKeyType];
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw errors.invalidArgType('otherKeyObject', 'KeyObject', otherKeyObject);
    const mine = this[kMaterial];
    const theirs = otherKeyObject[kMaterial];
    return otherKeyObject.type === this.type && mine.length === theirs.length && mine.every((byte, i) => byte === theirs[i]);
  }

  get [Symbol.toStringTag]() {
    return 'KeyObject';
  }
}

class SecretKeyObject extends KeyObject {
  get symmetricKeySize() {
    return this[kMaterial].length;
  }

  export(options) {
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
      const { format } = options;
      if (format === 'jwk') return { kty: 'oct', k: Buffer.from(this[kMaterial]).toString('base64url') };
      if (format !== undefined && format !== 'buffer') {
        throw errors.invalidArgValue('options.format', format, "must be one of: undefined, 'buffer', 'jwk'");
      }
    }
    return Buffer.from(this[kMaterial]);
  }
}

/** createSecretKey(key[, encoding]): the bytes are copied, so later changes to `key` don't show. */
function createSecretKey(key, encoding) {
  let material;
  if (typeof key === 'string') {
    if (encoding !== undefined && encoding !== 'buffer') validateString(encoding, 'encoding');
    material = Buffer.from(key, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  } else if (isArrayBufferView(key) || isAnyArrayBuffer(key)) {
    material = Buffer.from(bytesOf(key));
  } else {
    throw errors.invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return new SecretKeyObject('secret', { [kHandle]: true, material: new Uint8Array(material) });
}

/** A secret key's bytes, or undefined if `key` is not a KeyObject. Other key types are refused. */
function secretKeyMaterial(key) {
  if (!(key instanceof KeyObject)) return undefined;
  if (key.type !== 'secret') {
    throw cryptoError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
  }
  return key[kMaterial];
}

module.exports = { KeyObject, SecretKeyObject, createSecretKey, secretKeyMaterial };
