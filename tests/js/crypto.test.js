// crypto's hashes, HMACs, key derivation, timingSafeEqual and webcrypto digests: known-answer
// vectors (FIPS 180 examples, RFC 4231, RFC 2202, RFC 6070, RFC 7914), encodings, streams and
// Node's errors. Random values are covered by crypto_random.test.js.
const crypto = require('crypto');
const stream = require('stream');

const show = (label, fn) => {
  try {
    const value = fn();
    console.log(label, Buffer.isBuffer(value) ? `<buffer ${value.toString('hex')}>` : value);
  } catch (error) {
    console.log(label, 'throws', error.name, error.code, JSON.stringify(error.message));
  }
};

const hex = (algorithm, data, options) => crypto.createHash(algorithm, options).update(data).digest('hex');

// ---------------------------------------------------------------------------------------------
// Hash: every algorithm on the FIPS example input and on nothing.

const ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'shake128', 'shake256', 'ripemd160'];
for (const algorithm of ALGORITHMS) {
  show(`${algorithm} abc`, () => hex(algorithm, 'abc'));
  show(`${algorithm} empty`, () => crypto.createHash(algorithm).digest('hex'));
}
show('sha256 million a', () => {
  const hash = crypto.createHash('sha256');
  const chunk = 'a'.repeat(1000);
  for (let i = 0; i < 1000; i++) hash.update(chunk);
  return hash.digest('hex');
});

for (const name of ['SHA256', 'RSA-SHA256', 'sha256WithRSAEncryption', 'sha-256', 'SHA2-256', '2.16.840.1.101.3.4.2.1',
  'RSA-SHA1-2', 'ssl3-md5', 'rmd160', 'sha-512/224', 'SHAKE-128', 'sha512/224', 'sha256 ', '', 'blake3']) {
  show(`alias ${JSON.stringify(name)}`, () => hex(name, 'abc').slice(0, 16));
}

// Output encodings.
for (const encoding of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ucs2', 'utf16le', 'HEX', 'Base64', 'buffer', 'bogus', undefined, 5]) {
  show(`digest ${String(encoding)}`, () => {
    const digest = crypto.createHash('md5').update('abc').digest(encoding);
    return typeof digest === 'string' ? JSON.stringify(digest) : digest;
  });
}

// Input encodings and types.
for (const encoding of ['utf8', 'utf-8', 'UTF8', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le', 'bogus', '', null]) {
  show(`update é ${JSON.stringify(encoding)}`, () => crypto.createHash('sha1').update('é', encoding).digest('hex'));
}
show('update hex', () => crypto.createHash('sha1').update('616263', 'hex').digest('hex'));
show('update HEX', () => crypto.createHash('sha1').update('616263', 'HEX').digest('hex'));
show('update hex odd', () => crypto.createHash('sha1').update('abc', 'hex'));
show('update hex invalid', () => crypto.createHash('sha1').update('zz', 'hex').digest('hex'));
show('update base64', () => crypto.createHash('sha1').update('YWJj', 'base64').digest('hex'));
show('update lone surrogate', () => crypto.createHash('sha1').update('a\ud800b').digest('hex'));
show('update emoji', () => crypto.createHash('sha1').update('😀').digest('hex'));
show('update Uint16Array', () => crypto.createHash('sha1').update(new Uint16Array([0x6261, 0x63])).digest('hex'));
show('update DataView', () => crypto.createHash('sha1').update(new DataView(new Uint8Array([120, 97, 98, 99, 120]).buffer, 1, 3)).digest('hex'));
show('update subarray', () => crypto.createHash('sha1').update(Buffer.from('xabcx').subarray(1, 4)).digest('hex'));
show('update ArrayBuffer', () => crypto.createHash('sha1').update(new ArrayBuffer(3)));
show('update number', () => crypto.createHash('sha1').update(5));
show('update null', () => crypto.createHash('sha1').update(null));
show('update chains', () => {
  const hash = crypto.createHash('sha1');
  return hash.update('a') === hash && hash.update('b').update('c').digest('hex');
});

// State errors and copy().
show('digest twice', () => {
  const hash = crypto.createHash('sha1');
  hash.digest();
  return hash.digest();
});
show('update after digest', () => {
  const hash = crypto.createHash('sha1');
  hash.digest();
  return hash.update('x');
});
show('copy after digest', () => {
  const hash = crypto.createHash('sha1');
  hash.digest();
  return hash.copy();
});
show('digest throwing encoding', () => {
  const hash = crypto.createHash('sha1').update('abc');
  try {
    hash.digest({ toString() { throw new Error('boom'); } });
  } catch (error) {
    return `${error.message} then ${hash.digest('hex')}`;
  }
});
show('copy', () => {
  const hash = crypto.createHash('sha256').update('a');
  const copy = hash.copy();
  hash.update('b');
  copy.update('c');
  return `${hash.digest('hex').slice(0, 16)} ${copy.digest('hex').slice(0, 16)} ${copy instanceof crypto.Hash}`;
});
show('copy shake length', () => {
  const hash = crypto.createHash('shake256', { outputLength: 4 }).update('a');
  return `${hash.copy().digest('hex')} ${hash.copy({ outputLength: 8 }).digest('hex')} ${hash.digest('hex')}`;
});
show('shake outputLength 5', () => hex('shake128', 'abc', { outputLength: 5 }));
show('shake outputLength 0', () => hex('shake128', 'abc', { outputLength: 0 }));
show('shake outputLength 100', () => hex('shake256', 'abc', { outputLength: 100 }));
show('sha256 outputLength 32', () => hex('sha256', 'abc', { outputLength: 32 }).slice(0, 16));
show('sha256 outputLength 5', () => crypto.createHash('sha256', { outputLength: 5 }));
show('outputLength string', () => crypto.createHash('shake128', { outputLength: 'x' }));
show('outputLength negative', () => crypto.createHash('shake128', { outputLength: -1 }));
show('outputLength fraction', () => crypto.createHash('shake128', { outputLength: 1.5 }));
show('outputLength null', () => crypto.createHash('shake128', { outputLength: null }));
show('options string', () => hex('sha1', 'abc', 'foo'));
show('createHash no algorithm', () => crypto.createHash());
show('createHash number', () => crypto.createHash(5));
show('createHash unknown', () => crypto.createHash('nope'));
show('createHash md4', () => crypto.createHash('md4'));
show('md4 error fields', () => {
  try {
    crypto.createHash('md4');
  } catch (error) {
    return JSON.stringify(Object.entries(error));
  }
});
show('Hash without new', () => crypto.Hash('sha1') instanceof crypto.Hash);
show('Hash keys', () => Object.keys(crypto.createHash('sha1')).join(','));

// crypto.hash() and getHashes().
show('hash default', () => crypto.hash('sha1', 'abc'));
show('hash base64', () => crypto.hash('sha1', 'abc', 'base64'));
show('hash buffer', () => crypto.hash('sha1', 'abc', 'buffer'));
show('hash HEX', () => crypto.hash('sha1', 'abc', 'HEX'));
show('hash Buffer input', () => crypto.hash('md5', Buffer.from('abc')));
show('hash shake', () => crypto.hash('shake128', 'abc'));
show('hash bad encoding', () => crypto.hash('sha1', 'abc', 'bogus'));
show('hash null encoding', () => crypto.hash('sha1', 'abc', null));
show('hash bad input', () => crypto.hash('sha1', 5));
show('hash ArrayBuffer', () => crypto.hash('sha1', new ArrayBuffer(1)));
show('hash unknown', () => crypto.hash('nope', 'abc'));
show('hash number algorithm', () => crypto.hash(5, 'abc'));
show('getHashes', () => {
  const names = crypto.getHashes();
  return ['sha1', 'sha256', 'sha512', 'md5', 'RSA-SHA256', 'sha3-256', 'shake256'].every((name) => names.includes(name));
});

// ---------------------------------------------------------------------------------------------
// Hmac: RFC 4231 (SHA-2) and RFC 2202 (MD5, SHA-1).

const RFC4231 = [
  ['0b'.repeat(20), Buffer.from('Hi There')],
  [Buffer.from('Jefe').toString('hex'), Buffer.from('what do ya want for nothing?')],
  ['aa'.repeat(20), Buffer.alloc(50, 0xdd)],
  ['0102030405060708090a0b0c0d0e0f10111213141516171819', Buffer.alloc(50, 0xcd)],
  ['0c'.repeat(20), Buffer.from('Test With Truncation')],
  ['aa'.repeat(131), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First')],
  ['aa'.repeat(131), Buffer.from('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.')],
];
RFC4231.forEach(([key, data], index) => {
  for (const algorithm of ['sha224', 'sha256', 'sha384', 'sha512']) {
    show(`rfc4231 case ${index + 1} ${algorithm}`, () => {
      const digest = crypto.createHmac(algorithm, Buffer.from(key, 'hex')).update(data).digest('hex');
      return index === 4 ? digest.slice(0, 32) : digest;
    });
  }
});
const RFC2202 = [
  ['0b'.repeat(16), '0b'.repeat(20), 'Hi There'],
  ['4a656665', '4a656665', 'what do ya want for nothing?'],
  ['aa'.repeat(80), 'aa'.repeat(80), 'Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data'],
];
RFC2202.forEach(([md5Key, sha1Key, data], index) => {
  show(`rfc2202 case ${index + 1} md5`, () => crypto.createHmac('md5', Buffer.from(md5Key, 'hex')).update(data).digest('hex'));
  show(`rfc2202 case ${index + 1} sha1`, () => crypto.createHmac('sha1', Buffer.from(sha1Key, 'hex')).update(data).digest('hex'));
});
for (const algorithm of ['sha3-256', 'sha512-256', 'ripemd160', 'RSA-SHA1', 'SHA1']) {
  show(`hmac ${algorithm}`, () => crypto.createHmac(algorithm, 'key').update('The quick brown fox').digest('hex'));
}

// Keys of every kind.
const hmacHex = (key, options) => crypto.createHmac('sha256', key, options).update('data').digest('hex').slice(0, 16);
show('hmac key string', () => hmacHex('key'));
show('hmac key Buffer', () => hmacHex(Buffer.from('key')));
show('hmac key ArrayBuffer', () => hmacHex(new Uint8Array([107, 101, 121]).buffer));
show('hmac key Uint16Array', () => hmacHex(new Uint16Array([1, 2])));
show('hmac key DataView', () => hmacHex(new DataView(new ArrayBuffer(2))));
show('hmac key empty', () => hmacHex(''));
show('hmac key KeyObject', () => hmacHex(crypto.createSecretKey(Buffer.from('key'))));
show('hmac key hex encoding', () => hmacHex('6b6579', { encoding: 'hex' }));
show('hmac key encoding number', () => hmacHex('key', { encoding: 5 }));
show('hmac key null', () => hmacHex(null));
show('hmac key number', () => hmacHex(5));
show('hmac key object', () => hmacHex({}));
show('hmac name null', () => crypto.createHmac(null));
show('hmac unknown', () => crypto.createHmac('sha7', 'key'));
show('hmac md4', () => crypto.createHmac('md4', 'key'));
show('hmac shake', () => crypto.createHmac('shake128', 'key'));
show('Hmac without new', () => crypto.Hmac('sha1', 'key') instanceof crypto.Hmac);
show('hmac digest twice', () => {
  const hmac = crypto.createHmac('sha1', 'key').update('data');
  const first = hmac.digest('hex');
  return `${first} ${JSON.stringify(hmac.digest('hex'))} ${hmac.digest().length} ${JSON.stringify(hmac.digest('bogus'))}`;
});
show('hmac update after digest', () => {
  const hmac = crypto.createHmac('sha1', 'key');
  hmac.digest();
  return hmac.update('x');
});
show('hmac has no copy', () => typeof crypto.createHmac('sha1', 'key').copy);
show('hmac digest ucs2', () => crypto.createHmac('sha256', 'w00t').digest('ucs2') === crypto.createHmac('sha256', 'w00t').digest().toString('ucs2'));

// Secret KeyObjects.
show('secret key', () => {
  const key = crypto.createSecretKey(Buffer.from('abc'));
  return [key.type, key.symmetricKeySize, key.export().toString(), JSON.stringify(key.export({ format: 'jwk' })),
    key.equals(crypto.createSecretKey('abc')), key.equals(crypto.createSecretKey('abd')), key instanceof crypto.KeyObject,
    Object.prototype.toString.call(key)].join(' ');
});
show('secret key hex', () => crypto.createSecretKey('6b6579', 'hex').export().toString());
show('secret key copies', () => {
  const bytes = Buffer.from('abc');
  const key = crypto.createSecretKey(bytes);
  bytes[0] = 0;
  return key.export().toString();
});
show('secret key number', () => crypto.createSecretKey(5));
show('secret key bad format', () => crypto.createSecretKey(Buffer.from('a')).export({ format: 'pem' }));
show('secret key equals number', () => crypto.createSecretKey(Buffer.from('a')).equals(5));
show('KeyObject constructor', () => new crypto.KeyObject('secret', {}));

// ---------------------------------------------------------------------------------------------
// PBKDF2: RFC 6070 (HMAC-SHA1), and SHA-256 results checked against Node.

const RFC6070 = [
  ['password', 'salt', 1, 20],
  ['password', 'salt', 2, 20],
  ['password', 'salt', 4096, 20],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25],
  ['pass\0word', 'sa\0lt', 4096, 16],
];
RFC6070.forEach(([password, salt, iterations, keylen], index) => {
  show(`rfc6070 case ${index + 1}`, () => crypto.pbkdf2Sync(password, salt, iterations, keylen, 'sha1').toString('hex'));
});
for (const digest of ['sha256', 'sha512', 'md5', 'sha3-256', 'RSA-SHA1', 'SHA256']) {
  show(`pbkdf2 ${digest}`, () => crypto.pbkdf2Sync('password', 'salt', 3, 40, digest).toString('hex'));
}
show('pbkdf2 buffers', () => crypto.pbkdf2Sync(new ArrayBuffer(2), new Uint16Array([1]), 1, 8, 'sha256').toString('hex'));
show('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1'));
show('pbkdf2 no digest', () => crypto.pbkdf2Sync('p', 's', 1, 20));
show('pbkdf2 digest first', () => crypto.pbkdf2Sync(5, 5, 0, -1, undefined));
show('pbkdf2 bad digest', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'nope'));
show('pbkdf2 md4', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'md4'));
show('pbkdf2 async md4', () => crypto.pbkdf2('p', 's', 1, 20, 'md4', () => {}));
show('pbkdf2 shake', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'shake128'));
show('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'));
show('pbkdf2 iterations fraction', () => crypto.pbkdf2Sync('p', 's', 1.5, 20, 'sha1'));
show('pbkdf2 iterations string', () => crypto.pbkdf2Sync('p', 's', '1', 20, 'sha1'));
show('pbkdf2 iterations huge', () => crypto.pbkdf2Sync('p', 's', 2 ** 31, 20, 'sha1'));
show('pbkdf2 keylen negative', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
show('pbkdf2 keylen NaN', () => crypto.pbkdf2Sync('p', 's', 1, NaN, 'sha1'));
show('pbkdf2 password number', () => crypto.pbkdf2Sync(5, 's', 1, 20, 'sha1'));
show('pbkdf2 salt number', () => crypto.pbkdf2Sync('p', 5, 1, 20, 'sha1'));
show('pbkdf2 no callback', () => crypto.pbkdf2('p', 's', 1, 20, 'sha1'));
show('pbkdf2 async bad digest', () => crypto.pbkdf2('p', 's', 1, 20, 'nope', () => {}));

// ---------------------------------------------------------------------------------------------
// scrypt: RFC 7914 section 12 (the fourth vector needs 1 GiB and is left out).

show('rfc7914 case 1', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
show('rfc7914 case 2', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
show('rfc7914 case 3', () => crypto.scryptSync('pleaseletmein', 'SodiumChloride', 64, { N: 16384, r: 8, p: 1 }).toString('hex'));
show('scrypt defaults', () => crypto.scryptSync('password', 'salt', 16).toString('hex'));
show('scrypt long names', () => crypto.scryptSync('p', 's', 16, { cost: 16, blockSize: 2, parallelization: 2 }).toString('hex'));
show('scrypt zero means default', () => crypto.scryptSync('p', 's', 16, { N: 0, r: 0, p: 0, maxmem: 0 }).toString('hex'));
show('scrypt options null', () => crypto.scryptSync('p', 's', 16, null).toString('hex'));
show('scrypt options number', () => crypto.scryptSync('p', 's', 16, 5).toString('hex'));
show('scrypt keylen 0', () => crypto.scryptSync('p', 's', 0, { N: 16 }));
show('scrypt N and cost', () => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
show('scrypt r and blockSize', () => crypto.scryptSync('p', 's', 16, { r: 1, blockSize: 1 }));
show('scrypt N 15', () => crypto.scryptSync('p', 's', 16, { N: 15 }));
show('scrypt N 1', () => crypto.scryptSync('p', 's', 16, { N: 1 }));
show('scrypt N 2^20', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
show('scrypt N 2^15', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 15 }));
show('scrypt N 2^15 r 1', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 15, r: 1 }).length);
show('scrypt N 2^16 r 1', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 16, r: 1, maxmem: 2 ** 40 }));
show('scrypt p 2^30', () => crypto.scryptSync('p', 's', 16, { p: 2 ** 30 }));
show('scrypt p 2^25', () => crypto.scryptSync('p', 's', 16, { N: 16, r: 1, p: 2 ** 25, maxmem: 2 ** 50 }));
show('scrypt maxmem tight', () => crypto.scryptSync('p', 's', 16, { N: 16, r: 8, p: 1, maxmem: 128 * 8 * 18 + 1023 }));
show('scrypt maxmem exact', () => crypto.scryptSync('p', 's', 16, { N: 16, r: 8, p: 1, maxmem: 128 * 8 * 18 + 1024 }).length);
show('scrypt N string', () => crypto.scryptSync('p', 's', 16, { N: 'x' }));
show('scrypt N fraction', () => crypto.scryptSync('p', 's', 16, { N: 1.5 }));
show('scrypt N 2^32', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 32 }));
show('scrypt parallelization negative', () => crypto.scryptSync('p', 's', 16, { parallelization: -1 }));
show('scrypt maxmem negative', () => crypto.scryptSync('p', 's', 16, { maxmem: -1 }));
show('scrypt maxmem huge', () => crypto.scryptSync('p', 's', 16, { maxmem: 2 ** 53 }));
show('scrypt keylen string', () => crypto.scryptSync('p', 's', 'x'));
show('scrypt keylen huge', () => crypto.scryptSync('p', 's', 2 ** 31));
show('scrypt password number', () => crypto.scryptSync(5, 's', 16));
show('scrypt no callback', () => crypto.scrypt('p', 's', 16));
show('scrypt options as callback', () => crypto.scrypt('p', 's', 16, { N: 3 }));
show('scrypt async bad N', () => crypto.scrypt('p', 's', 16, { N: 3 }, () => {}));

// ---------------------------------------------------------------------------------------------
// timingSafeEqual.

show('tse equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
show('tse differ', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
show('tse empty', () => crypto.timingSafeEqual(Buffer.alloc(0), new Uint8Array(0)));
show('tse mixed views', () => crypto.timingSafeEqual(new Uint16Array([0x6261]), Buffer.from('ab')));
show('tse ArrayBuffer', () => crypto.timingSafeEqual(new ArrayBuffer(4), new DataView(new ArrayBuffer(4))));
show('tse length', () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('abc')));
show('tse string', () => crypto.timingSafeEqual('ab', Buffer.from('ab')));
show('tse second', () => crypto.timingSafeEqual(Buffer.from('ab'), 'ab'));

// ---------------------------------------------------------------------------------------------
// webcrypto (synchronous parts).

const { webcrypto, subtle } = crypto;
show('webcrypto shape', () => [Object.prototype.toString.call(webcrypto), Object.prototype.toString.call(subtle),
  subtle === webcrypto.subtle, webcrypto === crypto.webcrypto, typeof subtle.digest].join(' '));
show('webcrypto getRandomValues', () => webcrypto.getRandomValues(new Uint8Array(4)).length);
show('webcrypto getRandomValues unbound', () => {
  const { getRandomValues } = webcrypto;
  return getRandomValues(new Uint8Array(1));
});
show('webcrypto randomUUID', () => webcrypto.randomUUID().length);
show('webcrypto new Crypto', () => new webcrypto.constructor());
show('getRandomValues float', () => crypto.getRandomValues(new Float32Array(1)));

// ---------------------------------------------------------------------------------------------
// The asynchronous parts, one after another so the output order is fixed.

function pipeInto(target, chunks) {
  return new Promise((resolve) => {
    const source = new stream.PassThrough();
    let output = '';
    source.pipe(target).setEncoding('hex').on('data', (chunk) => { output += chunk; }).on('end', () => resolve(output));
    for (const chunk of chunks) source.write(chunk);
    source.end();
  });
}

const callbackResult = (start) => new Promise((resolve) => {
  start((error, key) => resolve(error ? `error ${error.name} ${error.message}` : key.toString('hex')));
});

async function settle(label, promise) {
  try {
    const value = await promise;
    console.log(label, value instanceof ArrayBuffer ? `<ArrayBuffer ${Buffer.from(value).toString('hex')}>` : value);
  } catch (error) {
    console.log(label, 'rejects', error.name, error.code, JSON.stringify(error.message));
  }
}

async function asyncChecks() {
  const hash = crypto.createHash('sha256');
  console.log('hash is Transform', hash instanceof stream.Transform, hash instanceof stream.Writable);
  await settle('hash pipe', pipeInto(hash, ['ab', 'c']));
  console.log('digest after pipe', hash.digest('hex'));
  await settle('sha3 pipe', pipeInto(crypto.createHash('sha3-512'), ['aoeu']));
  const hmac = crypto.createHmac('sha256', 'key');
  await settle('hmac pipe', pipeInto(hmac, ['The quick ', 'brown fox']));
  console.log('hmac digest after pipe', JSON.stringify(hmac.digest('hex')));
  show('hmac update after pipe', () => hmac.update('x'));

  for (const create of [() => crypto.createHash('sha1'), () => crypto.createHmac('sha1', 'key')]) {
    const early = create().update('abc');
    early.digest('latin1');
    early.end();
    console.log('digest then end', early.constructor.name, early.read()?.toString('hex'));
  }

  const written = crypto.createHash('md5', { encoding: 'base64' });
  written.write('abc');
  written.end();
  console.log('write/end/read', written.read());

  await settle('pbkdf2 callback', callbackResult((done) => crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', done)));
  await settle('pbkdf2 callback shake', callbackResult((done) => crypto.pbkdf2('password', 'salt', 2, 20, 'shake256', done)));
  await settle('pbkdf2 callback md4', callbackResult((done) => crypto.pbkdf2('password', 'salt', 2, 20, 'md4', done)));
  await settle('scrypt callback', callbackResult((done) => crypto.scrypt('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }, done)));
  await settle('scrypt callback no options', callbackResult((done) => crypto.scrypt('password', 'salt', 16, done)));
  const buffers = await new Promise((resolve) => crypto.pbkdf2('p', 's', 1, 4, 'sha1', (error, key) => resolve(Buffer.isBuffer(key))));
  console.log('pbkdf2 gives Buffer', buffers);

  for (const name of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'sha-256']) {
    await settle(`subtle ${name}`, subtle.digest(name, Buffer.from('abc')));
  }
  await settle('subtle object name', subtle.digest({ name: 'SHA-1' }, new Uint8Array([1])));
  await settle('subtle ArrayBuffer', subtle.digest('SHA-256', new ArrayBuffer(1)));
  await settle('subtle DataView', subtle.digest('SHA-256', new DataView(new ArrayBuffer(2), 1)));
  await settle('subtle MD5', subtle.digest('MD5', new Uint8Array(1)));
  await settle('subtle SHA256', subtle.digest('SHA256', new Uint8Array(1)));
  await settle('subtle no name', subtle.digest({}, new Uint8Array(1)));
  await settle('subtle string data', subtle.digest('SHA-256', 'abc'));
  await settle('subtle one argument', subtle.digest('SHA-256'));
  await settle('subtle unbound', subtle.digest.call(undefined, 'SHA-256', new Uint8Array(1)));
  console.log('subtle returns Promise', subtle.digest('SHA-1', new Uint8Array(0)) instanceof Promise);
  const error = await subtle.digest('X', new Uint8Array(1)).catch((e) => e);
  console.log('subtle error is DOMException', error instanceof DOMException, error.name, error.code);
}

asyncChecks();
