'use strict';
// string_decoder: characters split across chunks, per encoding, and the decoder's state.
const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const util = require('util');

function show(value) {
  return typeof value === 'string' ? JSON.stringify(value) : util.inspect(value);
}

function check(label, fn) {
  let line;
  try {
    line = show(fn());
  } catch (error) {
    line = `threw ${error.name} ${error.code} ${JSON.stringify(error.message)}`;
  }
  console.log(`${label}: ${line}`);
}

// Feeds the chunks one by one, recording each result and the state after it, then end().
function run(encoding, chunks) {
  const decoder = new StringDecoder(encoding);
  const out = [];
  for (const chunk of chunks) {
    out.push(decoder.write(Buffer.from(chunk)), `${decoder.lastNeed}/${decoder.lastTotal}`);
  }
  out.push(decoder.end());
  return out;
}

for (const encoding of ['utf8', 'utf-8', 'UCS2', 'utf16le', 'binary', 'latin1', 'ascii', 'hex', 'base64', 'base64url', undefined, null, '']) {
  check(`encoding ${JSON.stringify(encoding)}`, () => new StringDecoder(encoding).encoding);
}
check('unknown encoding', () => new StringDecoder('bogus'));
check('inspect', () => util.inspect(new StringDecoder('hex')));

// UTF-8.
check('utf8 whole', () => run('utf8', [[0xe2, 0x82, 0xac, 0x61]]));
check('utf8 split euro', () => run('utf8', [[0xe2], [0x82], [0xac]]));
check('utf8 split emoji', () => run('utf8', [[0xf0, 0x9f], [0x98], [0x80, 0x41]]));
check('utf8 interrupted', () => run('utf8', [[0xe2], [0x61]]));
check('utf8 interrupted late', () => run('utf8', [[0xe2], [0x82, 0xe2]]));
check('utf8 truncated at end', () => run('utf8', [[0x61, 0xe2, 0x82]]));
check('utf8 surrogate lead', () => run('utf8', [[0xed, 0xa0]]));
check('utf8 surrogate split', () => run('utf8', [[0xed], [0xa0], [0x80]]));
check('utf8 overlong', () => run('utf8', [[0xf8, 0x80]]));
check('utf8 stray continuations', () => run('utf8', [[0x80, 0x80, 0x80]]));
check('utf8 four continuation', () => run('utf8', [[0xf0, 0x80, 0x80]]));
check('utf8 lastChar', () => {
  const decoder = new StringDecoder('utf8');
  decoder.write(Buffer.from([0xe2, 0x82]));
  return [decoder.lastChar, decoder.lastNeed, decoder.lastTotal];
});
check('utf8 end with chunk', () => {
  const decoder = new StringDecoder('utf8');
  return [decoder.end(Buffer.from([0xe2])), decoder.end()];
});
check('utf8 every byte', () => {
  const decoder = new StringDecoder('utf8');
  let out = '';
  for (const byte of Buffer.from('a€😀é\u0800')) out += decoder.write(Buffer.from([byte]));
  return out + decoder.end();
});

// UTF-16LE.
check('utf16le split unit', () => run('utf16le', [[0x61], [0x00, 0x62], [0x00]]));
check('utf16le split pair', () => run('utf16le', [[0x3d, 0xd8], [0x4d, 0xdc]]));
check('utf16le odd pair', () => run('utf16le', [[0x3d, 0xd8, 0x3d], [0xd8, 0x4d, 0xdc]]));
check('utf16le lone high', () => run('utf16le', [[0x3d, 0xd8], [0x61, 0x00]]));
check('utf16le pending at end', () => run('utf16le', [[0x3d, 0xd8, 0x4d]]));
check('utf16le lastChar', () => {
  const decoder = new StringDecoder('utf16le');
  decoder.write(Buffer.from([0x41]));
  return [decoder.lastChar, decoder.lastNeed, decoder.lastTotal];
});

// base64 and the single-byte encodings.
check('base64 groups', () => run('base64', [[1, 2, 3, 4], [5], [6, 7]]));
check('base64 end padding', () => [run('base64', [[0x61]]), run('base64', [[0x61, 0x61]])]);
check('base64url', () => run('base64url', [[0xfb], [0xff], [0xfe, 0x01]]));
check('hex', () => run('hex', [[1, 2], [0xff]]));
check('latin1', () => run('latin1', [[0xe2, 0x41]]));
check('ascii', () => run('ascii', [[0xe2, 0x41]]));

// Arguments.
check('write string', () => new StringDecoder().write('abc'));
check('write typed arrays', () => {
  const decoder = new StringDecoder('utf8');
  return [decoder.write(new Uint8Array([0x41])), decoder.write(new Uint16Array([0x4342])),
    decoder.write(new DataView(new Uint8Array([0x44]).buffer))];
});
check('write number', () => new StringDecoder().write(5));
check('write null', () => new StringDecoder().write(null));
check('text', () => {
  const decoder = new StringDecoder('utf8');
  decoder.write(Buffer.from([0xe2]));
  return decoder.text(Buffer.from('abc'), 1);
});
check('end plain', () => new StringDecoder().end(Buffer.from('ab')));
check('prototype', () => Object.getOwnPropertyNames(StringDecoder.prototype));
check('own keys', () => Object.keys(new StringDecoder('utf8')));
