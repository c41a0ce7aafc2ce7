// zlib: round-trips through the runtime's own compressor, decoding of data made by real node,
// streams, options checks and Node-shaped errors. Compressed bytes are never printed, since
// another deflate implementation may choose different (equally valid) encodings.
'use strict';
const zlib = require('zlib');

const text = 'hello hello hello zlib world '.repeat(20);
// Produced by node v20: deflateSync(text), gzipSync(text), deflateRawSync(text), and two
// gzip members ('abc', 'def') concatenated.
const fromNode = {
  deflate: 'eJzLSM3JyVfIQCKrcjKTFMrzi3JSUIRHJUclcUgCAEjD1iU=',
  gzip: 'H4sIAAAAAAAAA8tIzcnJV8hAIqtyMpMUyvOLclJQhEclRyVxSAIAe+wKREQCAAA=',
  raw: 'y0jNyclXyEAiq3IykxTK84tyUlCERyVHJXFIAgA=',
  twoMembers: 'H4sIAAAAAAAAA0tMSgYAwkEkNQMAAAAfiwgAAAAAAAADS0lNAwBh4cQMAwAAAA==',
};
const b64 = (s) => Buffer.from(s, 'base64');

function showError(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.message);
  }
}

// Decoding node's output.
console.log('inflate node', zlib.inflateSync(b64(fromNode.deflate)).toString() === text);
console.log('gunzip node', zlib.gunzipSync(b64(fromNode.gzip)).toString() === text);
console.log('inflateRaw node', zlib.inflateRawSync(b64(fromNode.raw)).toString() === text);
console.log('unzip gzip', zlib.unzipSync(b64(fromNode.gzip)).toString() === text);
console.log('unzip zlib', zlib.unzipSync(b64(fromNode.deflate)).toString() === text);
console.log('gunzip members', zlib.gunzipSync(b64(fromNode.twoMembers)).toString());
console.log('gunzip trailing zeros', zlib.gunzipSync(Buffer.concat([b64(fromNode.gzip), Buffer.alloc(5)])).length);

// Round-trips of every pair, at several levels and with different input types.
const pairs = [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['deflateSync', 'unzipSync'], ['gzipSync', 'unzipSync']];
for (const [pack, unpack] of pairs) {
  for (const level of [0, 1, 6, 9, -1]) {
    const back = zlib[unpack](zlib[pack](text, { level }));
    console.log(pack, unpack, level, back.toString() === text);
  }
}
const bytes = new Uint8Array([1, 2, 3, 250, 251, 252]);
console.log('typed array', [...zlib.inflateSync(zlib.deflateSync(bytes))].join(','));
console.log('array buffer', [...zlib.inflateSync(zlib.deflateSync(bytes.buffer))].join(','));
console.log('empty', zlib.inflateSync(zlib.deflateSync('')).length, zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(0))).length);
const big = Buffer.alloc(300000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
console.log('big', zlib.gunzipSync(zlib.gzipSync(big)).equals(big));

// Format-determined header fields.
const gz = zlib.gzipSync('x');
console.log('gzip header', gz[0], gz[1], gz[2], gz[3], gz.readUInt32LE(gz.length - 4));
const df = zlib.deflateSync('x');
console.log('zlib header', df[0], (df[0] * 256 + df[1]) % 31);

// Errors.
showError('garbage inflate', () => zlib.inflateSync(Buffer.from('garbage data here')));
showError('garbage gunzip', () => zlib.gunzipSync(Buffer.from('garbage data here')));
showError('truncated inflate', () => zlib.inflateSync(b64(fromNode.deflate).subarray(0, 10)));
showError('truncated gunzip', () => zlib.gunzipSync(b64(fromNode.gzip).subarray(0, 20)));
const badCrc = Buffer.from(b64(fromNode.gzip));
badCrc[badCrc.length - 6] ^= 1;
showError('gunzip trailing garbage', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from('hello')])));
showError('gunzip bad second member', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('a'), Buffer.from([0x1f, 0x8b, 0xff, 0xff]), Buffer.alloc(10)])));
showError('bad crc', () => zlib.gunzipSync(badCrc));
showError('bad type', () => zlib.deflateSync(5));
showError('bad level', () => zlib.deflateSync('x', { level: 20 }));
showError('bad level type', () => zlib.createGzip({ level: 'high' }));

// Brotli: node's output decoded, round-trips, errors.
const brotliText = 'hello brotli '.repeat(10);
console.log('brotli node', zlib.brotliDecompressSync(b64('G4EA+B2pU5+7cC1WhiYnQdjoki3tLQKMBn6Z8Qs=')).toString() === brotliText);
for (const quality of [0, 5, 11]) {
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: quality };
  console.log('brotli round-trip', quality, zlib.brotliDecompressSync(zlib.brotliCompressSync(big, { params })).equals(big));
}
console.log('brotli empty', zlib.brotliDecompressSync(zlib.brotliCompressSync('')).length);
showError('brotli truncated', () => zlib.brotliDecompressSync(b64('G4EA+B2pU5+7cC1WhiYnQdjoki3tLQKMBn6Z8Qs=').subarray(0, 6)));

// Constants.
console.log('constants', zlib.constants.Z_SYNC_FLUSH, zlib.constants.Z_BEST_COMPRESSION, zlib.constants.GUNZIP, zlib.constants.BROTLI_DEFAULT_QUALITY);
console.log('top-level', zlib.Z_DEFAULT_COMPRESSION, zlib.Z_BUF_ERROR, Object.keys(zlib).includes('Z_OK'));
console.log('codes', zlib.codes.Z_DATA_ERROR, zlib.codes['-5']);

// Callback forms and streams, run in order.
function step(i) {
  const steps = [
    (next) => zlib.deflate(text, (err, out) => {
      zlib.inflate(out, (err2, back) => {
        console.log('callback round-trip', err, err2, back.toString() === text);
        next();
      });
    }),
    (next) => zlib.gzip(text, { level: 9 }, (err, out) => {
      zlib.unzip(out, (err2, back) => {
        console.log('callback gzip/unzip', err, err2, back.toString() === text);
        next();
      });
    }),
    (next) => zlib.inflate(Buffer.from('nonsense'), (err) => {
      console.log('callback error', err.code, err.errno, err.message);
      next();
    }),
    (next) => {
      const gzip = zlib.createGzip();
      const gunzip = zlib.createGunzip();
      const parts = [];
      gunzip.on('data', (chunk) => parts.push(chunk));
      gunzip.on('end', () => {
        console.log('stream round-trip', Buffer.concat(parts).toString() === text + text, gzip.bytesWritten);
        next();
      });
      gzip.pipe(gunzip);
      gzip.write(text);
      gzip.end(text);
    },
    (next) => {
      const inflate = new zlib.Inflate();
      const parts = [];
      inflate.on('data', (chunk) => parts.push(chunk));
      inflate.on('end', () => {
        console.log('stream node data', Buffer.concat(parts).toString() === text);
        next();
      });
      const data = b64(fromNode.deflate);
      for (let i = 0; i < data.length; i += 3) inflate.write(data.subarray(i, i + 3));
      inflate.end();
    },
    (next) => {
      const deflate = zlib.createDeflate();
      const parts = [];
      deflate.on('data', (chunk) => parts.push(chunk));
      deflate.write('first part ');
      deflate.flush(() => {
        // After a flush, everything written so far can be decoded.
        const sofar = Buffer.concat(parts);
        const partial = zlib.inflateSync(sofar, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        console.log('flush', partial.toString());
        deflate.end('second part');
        deflate.on('end', () => {
          console.log('after flush', zlib.inflateSync(Buffer.concat(parts)).toString());
          next();
        });
      });
    },
    (next) => {
      const gunzip = zlib.createGunzip();
      gunzip.on('error', (err) => {
        console.log('stream error', err.code, err.errno, err.message);
        next();
      });
      gunzip.on('data', () => {});
      gunzip.end(b64(fromNode.gzip).subarray(0, 15));
    },
    (next) => {
      const compress = zlib.createBrotliCompress();
      const decompress = zlib.createBrotliDecompress();
      const parts = [];
      decompress.on('data', (chunk) => parts.push(chunk));
      decompress.on('end', () => {
        console.log('brotli stream', Buffer.concat(parts).toString() === brotliText + text);
        next();
      });
      compress.pipe(decompress);
      compress.write(brotliText);
      compress.end(text);
    },
    (next) => {
      const unzip = zlib.createUnzip();
      const parts = [];
      unzip.on('data', (chunk) => parts.push(chunk));
      unzip.on('end', () => {
        console.log('unzip stream', Buffer.concat(parts).toString());
        next();
      });
      unzip.end(zlib.deflateSync('streamed unzip'));
    },
    (next) => zlib.brotliCompress(text, (err, out) => {
      zlib.brotliDecompress(out, (err2, back) => {
        console.log('brotli callback', err, err2, back.toString() === text);
        next();
      });
    }),
    (next) => {
      const s = zlib.Gzip();
      console.log('without new', s instanceof zlib.Gzip, typeof s.pipe);
      s.close(() => {
        console.log('closed');
        next();
      });
    },
  ];
  if (i < steps.length) steps[i](() => step(i + 1));
}
step(0);
