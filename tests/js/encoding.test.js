'use strict';
// WHATWG TextEncoder / TextDecoder, reached through util as a Node app would.
const util = require('util');

const { TextEncoder, TextDecoder } = util;

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

const bytes = (...list) => new Uint8Array(list);
const codes = (text) => Array.from(text, (ch) => ch.codePointAt(0).toString(16)).join(' ');

// --- TextEncoder
const encoder = new TextEncoder();
check('encoder encoding', () => encoder.encoding);
check('encode', () => encoder.encode('héllo €😀'));
check('encode lone surrogates', () => encoder.encode('a\ud800b\udc00'));
check('encode default', () => encoder.encode());
check('encode coerces', () => [encoder.encode(null), encoder.encode(5), encoder.encode(undefined)]);
check('encodeInto', () => {
  const dest = new Uint8Array(5);
  return [encoder.encodeInto('a€b', dest), dest];
});
check('encodeInto partial', () => [encoder.encodeInto('a€b', new Uint8Array(3)), encoder.encodeInto('😀x', new Uint8Array(4)),
  encoder.encodeInto('😀x', new Uint8Array(3)), encoder.encodeInto('', new Uint8Array(2))]);
check('encodeInto bad dest', () => encoder.encodeInto('a', []));
check('inspect encoder', () => util.inspect(encoder));
check('encoder tag', () => Object.prototype.toString.call(encoder));

// --- TextDecoder construction
for (const label of ['utf8', 'UTF-8', ' unicode-1-1-utf-8 ', 'utf-16le', 'utf-16', 'utf-16be', 'latin1', 'ascii',
  'windows-1252', 'iso-8859-1', 'bogus', '', undefined]) {
  check(`label ${JSON.stringify(label)}`, () => new TextDecoder(label).encoding);
}
check('defaults', () => {
  const d = new TextDecoder();
  return [d.encoding, d.fatal, d.ignoreBOM];
});
check('options', () => {
  const d = new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'yes' });
  return [d.fatal, d.ignoreBOM];
});
check('null options', () => new TextDecoder('utf8', null).fatal);
check('bad options', () => new TextDecoder('utf8', 5));
check('call without new', () => {
  try {
    TextDecoder();
  } catch (error) {
    return error instanceof TypeError; // the message is the engine's own
  }
  return false;
});
check('inspect decoder', () => util.inspect(new TextDecoder('utf-16le', { fatal: true })));
check('decoder tag', () => Object.prototype.toString.call(new TextDecoder()));
check('invalid this', () => TextDecoder.prototype.decode.call({}));
check('invalid this getter', () => Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call({}));

// --- UTF-8 decoding
const utf8 = new TextDecoder();
check('decode', () => utf8.decode(bytes(0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
check('decode nothing', () => [utf8.decode(), utf8.decode(undefined), utf8.decode(new Uint8Array(0))]);
check('decode replacement', () => codes(utf8.decode(bytes(0x41, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80,
  0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80, 0xff, 0xfe, 0xe0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80))));
check('decode truncated end', () => codes(utf8.decode(bytes(0x41, 0xf0, 0x9f, 0x98))));
check('decode BOM', () => [utf8.decode(bytes(0xef, 0xbb, 0xbf, 0x41)), utf8.decode(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf)).length]);
check('decode ignoreBOM', () => codes(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes(0xef, 0xbb, 0xbf, 0x41))));
check('decode views', () => [utf8.decode(new Uint16Array([0x4241])), utf8.decode(new DataView(bytes(0x43, 0x44).buffer, 1)),
  utf8.decode(bytes(0x45).buffer), utf8.decode(new Uint8Array(bytes(0x46, 0x47, 0x48).buffer, 1, 1))]);
check('decode bad input', () => utf8.decode('abc'));
check('decode null input', () => utf8.decode(null));
check('decode long', () => {
  const text = 'ab€😀'.repeat(5000);
  return utf8.decode(encoder.encode(text)) === text;
});

// Streaming: characters and the BOM may be split across chunks.
check('stream split char', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0xe2), { stream: true }), d.decode(bytes(0x82), { stream: true }), d.decode(bytes(0xac, 0x41))];
});
check('stream split BOM', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0xef, 0xbb), { stream: true }), d.decode(bytes(0xbf, 0x41), { stream: true }),
    d.decode(bytes(0xef, 0xbb, 0xbf, 0x42))];
});
check('stream BOM resets', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0xef, 0xbb, 0xbf, 0x41)), d.decode(bytes(0xef, 0xbb, 0xbf, 0x42))];
});
check('stream BOM only at start', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0x41), { stream: true }), codes(d.decode(bytes(0xef, 0xbb, 0xbf, 0x42)))];
});
check('stream invalid', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0xe2), { stream: true }), d.decode(bytes(0x41), { stream: true }),
    d.decode(bytes(0xf0, 0x9f)), d.decode(bytes(0x41))].map(codes);
});
check('stream surrogate lead', () => {
  const d = new TextDecoder();
  return [d.decode(bytes(0xed), { stream: true }), d.decode(bytes(0xa0), { stream: true }), d.decode(bytes(0x80))].map(codes);
});
check('stream every byte', () => {
  const d = new TextDecoder();
  const all = encoder.encode('a€😀é');
  let out = '';
  for (const b of all) out += d.decode(bytes(b), { stream: true });
  return out + d.decode();
});

// Fatal mode.
const fatal = new TextDecoder('utf-8', { fatal: true });
check('fatal invalid', () => fatal.decode(bytes(0xff)));
check('fatal valid', () => fatal.decode(bytes(0x61, 0xc3, 0xa9)));
check('fatal truncated', () => fatal.decode(bytes(0xe2, 0x82)));
check('fatal stream then end', () => {
  const d = new TextDecoder('utf-8', { fatal: true });
  d.decode(bytes(0xe2), { stream: true });
  return d.decode();
});
check('fatal reusable', () => {
  try {
    fatal.decode(bytes(0xe2, 0x82));
  } catch {
    // expected
  }
  return fatal.decode(bytes(0x41));
});

// --- UTF-16 and single-byte
check('utf-16le', () => new TextDecoder('utf-16le').decode(bytes(0x41, 0, 0x3d, 0xd8, 0x00, 0xde)));
check('utf-16le BOM', () => new TextDecoder('utf-16le').decode(bytes(0xff, 0xfe, 0x41, 0)));
check('utf-16le lone surrogate', () => codes(new TextDecoder('utf-16le').decode(bytes(0x41, 0, 0x3d, 0xd8))));
check('utf-16le odd byte', () => codes(new TextDecoder('utf-16le').decode(bytes(0x41, 0, 0x42))));
check('utf-16le stream', () => {
  const d = new TextDecoder('utf-16le');
  return [d.decode(bytes(0x3d), { stream: true }), d.decode(bytes(0xd8, 0x00), { stream: true }), d.decode(bytes(0xde))];
});
check('utf-16le fatal', () => new TextDecoder('utf-16le', { fatal: true }).decode(bytes(0x00, 0xd8)));
check('utf-16be', () => codes(new TextDecoder('utf-16be').decode(bytes(0xfe, 0xff, 0, 0x41, 0xd8))));
check('windows-1252', () => {
  // Node 20 decodes plain Latin-1 until a decoder has streamed, then uses the windows-1252 table.
  const d = new TextDecoder('windows-1252');
  const input = bytes(0x41, 0x80, 0x9f, 0xe9, 0xff);
  return [codes(d.decode(input)), codes(d.decode(input, { stream: true })), codes(d.decode(input))];
});
check('latin1 stream', () => {
  const d = new TextDecoder('latin1');
  return [d.decode(bytes(0xe9), { stream: true }), d.decode(bytes(0xea))];
});

// --- prototype shape
check('decoder members', () => Object.getOwnPropertyNames(TextDecoder.prototype).sort());
check('encoder members', () => Object.getOwnPropertyNames(TextEncoder.prototype).sort());
