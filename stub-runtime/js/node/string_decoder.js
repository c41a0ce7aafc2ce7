// Node's `string_decoder`: turns a stream of byte chunks into text without splitting characters
// (UTF-8 sequences, UTF-16 units and pairs, base64 groups) across chunk boundaries.
'use strict';

const { Buffer } = require('buffer');
const encoding = require('internal/encoding');

const { errors } = encoding;

// The decoder's state lives in a 7-byte Buffer laid out as Node's: the unfinished character
// (bytes 0-3), how many bytes it still needs, how many it has, and the encoding's id.
const kNativeDecoder = Symbol('kNativeDecoder');
const kIncompleteEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;
const ENCODING_IDS = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };

function normalize(enc) {
  const name = encoding.normalizeEncoding(enc);
  if (name === undefined) throw errors.unknownEncoding(enc);
  return name;
}

function decodeRange(enc, bytes, start, end) {
  switch (enc) {
    case 'utf8': return encoding.utf8Decode(bytes, start, end);
    case 'utf16le': return encoding.utf16leDecode(bytes, start, end);
    case 'latin1': return encoding.latin1Decode(bytes, start, end);
    case 'ascii': return encoding.asciiDecode(bytes, start, end);
    case 'hex': return encoding.hexEncode(bytes, start, end);
    case 'base64': return encoding.base64Encode(bytes, start, end, false);
    default: return encoding.base64Encode(bytes, start, end, true);
  }
}

// For UTF-8 data ending in a non-ASCII byte: [bytes to hold back, bytes still missing]. Like
// Node, this looks only at the lead byte's announced length; invalid input is left to the
// decoder's replacement characters.
function utf8Tail(data, start, end) {
  for (let i = end - 1, held = 1; ; i--, held++) {
    const byte = data[i];
    if ((byte & 0xc0) === 0x80) {
      if (held >= 4 || i === start) return [0, 0];
      continue;
    }
    let total;
    if ((byte & 0xe0) === 0xc0) total = 2;
    else if ((byte & 0xf0) === 0xe0) total = 3;
    else if ((byte & 0xf8) === 0xf0) total = 4;
    else return [0, 0];
    return held >= total ? [0, 0] : [held, total - held];
  }
}

// What to hold back at the end of a chunk: [bytes to keep, bytes missing].
function tailOf(enc, data, start, end) {
  if (enc === 'utf8') return data[end - 1] & 0x80 ? utf8Tail(data, start, end) : [0, 0];
  if (enc === 'utf16le') {
    if ((end - start) % 2 === 1) return [1, 1];
    return (data[end - 1] & 0xfc) === 0xd8 ? [2, 2] : [0, 0]; // a high surrogate
  }
  const keep = (end - start) % 3; // base64: whole 3-byte groups only
  return [keep, keep > 0 ? 3 - keep : 0];
}

// Completes the character left unfinished by the previous chunk; returns [text, bytes used].
function finishPending(state, enc, data) {
  let used = 0;
  if (enc === 'utf8') {
    // A byte that cannot continue the character ends it early; it starts the next one.
    const limit = Math.min(data.length, state[kMissingBytes]);
    for (let i = 0; i < limit; i++) {
      if ((data[i] & 0xc0) !== 0x80) {
        state.set(data.subarray(0, i), state[kBufferedBytes]);
        state[kBufferedBytes] += i;
        state[kMissingBytes] = 0;
        used = i;
        break;
      }
    }
  }
  const take = Math.min(data.length - used, state[kMissingBytes]);
  state.set(data.subarray(used, used + take), state[kBufferedBytes]);
  used += take;
  state[kMissingBytes] -= take;
  state[kBufferedBytes] += take;
  if (state[kMissingBytes] !== 0) return ['', used];
  const text = decodeRange(enc, state, 0, state[kBufferedBytes]);
  state[kBufferedBytes] = 0;
  return [text, used];
}

function decodeChunk(state, enc, data) {
  if (enc === 'ascii' || enc === 'latin1' || enc === 'hex') return decodeRange(enc, data, 0, data.length);
  let prefix = '';
  let start = 0;
  if (state[kMissingBytes] > 0) [prefix, start] = finishPending(state, enc, data);
  if (start === data.length) return prefix;
  const [keep, missing] = tailOf(enc, data, start, data.length);
  const end = data.length - keep;
  if (keep > 0) state.set(data.subarray(end), 0);
  state[kBufferedBytes] = keep;
  state[kMissingBytes] = missing;
  return end > start ? prefix + decodeRange(enc, data, start, end) : prefix;
}

// What is left at end(): UTF-8 leftovers become replacement characters, a lone UTF-16 byte is
// dropped, base64 gets its padding.
function flush(state, enc) {
  if (enc === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const text = decodeRange(enc, state, 0, state[kBufferedBytes]);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return text;
}

function StringDecoder(enc) {
  this.encoding = normalize(enc);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = ENCODING_IDS[this.encoding];
}

function defineMethods(methods) {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(StringDecoder.prototype, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
}

defineMethods({
  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw errors.invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    return decodeChunk(this[kNativeDecoder], this.encoding, encoding.bytesOf(buf));
  },

  end(buf) {
    let text = '';
    if (buf !== undefined) text = this.write(buf);
    if (this[kNativeDecoder][kBufferedBytes] > 0) text += flush(this[kNativeDecoder], this.encoding);
    return text;
  },

  // Decodes `buf` from `offset`, forgetting any unfinished character.
  text(buf, offset) {
    this[kNativeDecoder][kMissingBytes] = 0;
    this[kNativeDecoder][kBufferedBytes] = 0;
    return this.write(buf.slice(offset));
  },
});

const getters = {
  lastChar() {
    return this[kNativeDecoder].subarray(0, kIncompleteEnd);
  },
  lastNeed() {
    return this[kNativeDecoder][kMissingBytes];
  },
  lastTotal() {
    return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
  },
};
for (const [name, get] of Object.entries(getters)) {
  Object.defineProperty(StringDecoder.prototype, name, { get, enumerable: true, configurable: true });
}

module.exports = { StringDecoder };
