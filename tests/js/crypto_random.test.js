// crypto's random functions: shapes, ranges, validation (values themselves are random).
const crypto = require('crypto');

const show = (label, fn) => {
  try {
    console.log(label, fn());
  } catch (error) {
    console.log(label, 'throws', error.name, error.code);
  }
};

show('randomBytes length', () => crypto.randomBytes(16).length);
show('randomBytes is Buffer', () => Buffer.isBuffer(crypto.randomBytes(1)));
show('randomBytes zero', () => crypto.randomBytes(0).length);
show('randomBytes bad size', () => crypto.randomBytes(-1));
show('randomBytes bad type', () => crypto.randomBytes('8'));
show('randomUUID format', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
show('randomUUID unique', () => new Set(Array.from({ length: 1000 }, () => crypto.randomUUID())).size);
show('randomInt range', () => {
  const seen = new Set();
  for (let i = 0; i < 500; i++) seen.add(crypto.randomInt(5, 8));
  return [...seen].sort().join(',');
});
show('randomInt one arg', () => crypto.randomInt(1));
show('randomInt bad range', () => crypto.randomInt(5, 5));
show('randomFillSync offset', () => {
  const buffer = Buffer.alloc(8);
  crypto.randomFillSync(buffer, 4);
  return buffer.subarray(0, 4).every((byte) => byte === 0);
});
show('getRandomValues returns same', () => {
  const array = new Uint16Array(8);
  return crypto.getRandomValues(array) === array;
});
show('getRandomValues float', () => crypto.getRandomValues(new Float64Array(2)));
show('webcrypto', () => typeof crypto.webcrypto.getRandomValues);
crypto.randomBytes(3, (error, bytes) => console.log('callback', error, bytes.length));
crypto.randomFill(new Uint8Array(5), (error, array) => console.log('randomFill callback', error, array.length));
