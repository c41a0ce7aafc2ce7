// node:querystring: the legacy application/x-www-form-urlencoded helpers. Unlike
// URLSearchParams they leave more characters unescaped (! ' ( ) * ~) and decode leniently.
'use strict';

const HEX = '0123456789ABCDEF';

// ASCII characters querystring.escape leaves as they are: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const UNESCAPED = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  UNESCAPED[ch.charCodeAt(0)] = 1;
}

const percentByte = (byte) => `%${HEX[byte >> 4]}${HEX[byte & 15]}`;

function uriMalformed() {
  const error = new URIError('URI malformed');
  error.code = 'ERR_INVALID_URI';
  return error;
}

// Node pairs any surrogate with the code unit after it, whatever that unit is; only a surrogate
// at the very end of the string is an error.
function escapeString(str) {
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code < 0x80 && UNESCAPED[code] === 1) continue;
    if (lastPos < i) out += str.slice(lastPos, i);
    if (code < 0x80) {
      out += percentByte(code);
    } else if (code < 0x800) {
      out += percentByte(0xc0 | (code >> 6)) + percentByte(0x80 | (code & 0x3f));
    } else if (code < 0xd800 || code >= 0xe000) {
      out += percentByte(0xe0 | (code >> 12)) + percentByte(0x80 | ((code >> 6) & 0x3f)) +
        percentByte(0x80 | (code & 0x3f));
    } else {
      i++;
      if (i >= str.length) throw uriMalformed();
      const codePoint = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      out += percentByte(0xf0 | (codePoint >> 18)) + percentByte(0x80 | ((codePoint >> 12) & 0x3f)) +
        percentByte(0x80 | ((codePoint >> 6) & 0x3f)) + percentByte(0x80 | (codePoint & 0x3f));
    }
    lastPos = i + 1;
  }
  if (lastPos === 0) return str;
  return lastPos < str.length ? out + str.slice(lastPos) : out;
}

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return escapeString(str);
}

const hexValue = (code) => {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
};

// Decodes %XX escapes (and '+' when decodeSpaces) into bytes; other characters keep only their
// low byte, as Node's does.
function unescapeBytes(s, decodeSpaces) {
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x2b && decodeSpaces) {
      bytes.push(0x20);
      continue;
    }
    if (code === 0x25 && i < s.length - 2) {
      const high = hexValue(s.charCodeAt(i + 1));
      const low = hexValue(s.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    bytes.push(code & 0xff);
  }
  return bytes;
}

function unescapeBuffer(s, decodeSpaces) {
  const bytes = unescapeBytes(`${s}`, decodeSpaces);
  return typeof globalThis.Buffer === 'function' ? globalThis.Buffer.from(bytes) : Uint8Array.from(bytes);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return require('internal/whatwg_url').utf8Decode(unescapeBytes(`${s}`, decodeSpaces));
  }
}

// ---------------------------------------------------------------------------
// stringify

function stringifyPrimitive(value) {
  switch (typeof value) {
    case 'string': return value;
    case 'number': return Number.isFinite(value) ? `${value}` : '';
    case 'bigint': return `${value}`;
    case 'boolean': return value ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  // Read at call time: apps may replace querystring.escape / unescape.
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = encode(stringifyPrimitive(key)) + eq;
    if (Array.isArray(value)) {
      for (const item of value) fields.push(prefix + encode(stringifyPrimitive(item)));
    } else {
      fields.push(prefix + encode(stringifyPrimitive(value)));
    }
  }
  return fields.join(sep);
}

// ---------------------------------------------------------------------------
// parse

const isHexChar = (ch) => hexValue(ch.charCodeAt(0)) >= 0;

function decodeText(text, decode) {
  try {
    return decode(text);
  } catch {
    return module.exports.unescape(text, true);
  }
}

function addPair(result, key, value) {
  if (result[key] === undefined) {
    result[key] = value;
  } else if (Array.isArray(result[key])) {
    result[key].push(value);
  } else {
    result[key] = [result[key], value];
  }
}

// A single pass over the text, with Node's observable quirks: separators are matched without
// backtracking (with eq "=>", "a==>b" has no split), and once the key is known to need decoding,
// escapes later in the key count for the value. With the default decoder, keys and values are
// only decoded when they hold a well-formed %XX, and '+' becomes a space; a custom decoder sees
// every non-empty key and value, with '+' as '%20'.
class PairScanner {
  constructor(text, sep, eq, decode, custom, pairs) {
    this.text = text;
    this.sep = sep;
    this.eq = eq;
    this.decode = decode;
    this.custom = custom;
    this.plus = custom ? '%20' : ' ';
    this.pairsLeft = pairs;
    this.result = { __proto__: null };
    this.lastPos = 0;
    this.sepIndex = 0;
    this.startPair();
  }

  startPair() {
    this.key = '';
    this.value = '';
    this.keyEncoded = this.custom;
    this.valueEncoded = this.custom;
    this.escapeProgress = 0;
    this.eqIndex = 0;
  }

  get inKey() {
    return this.eqIndex < this.eq.length;
  }

  // Returns false once maxKeys pairs have been counted.
  emitPair() {
    const key = this.key !== '' && this.keyEncoded ? decodeText(this.key, this.decode) : this.key;
    const value = this.value !== '' && this.valueEncoded ? decodeText(this.value, this.decode) : this.value;
    addPair(this.result, key, value);
    return --this.pairsLeft !== 0;
  }

  // Tracks "%XX" sequences; returns true when one completes.
  sawEscapeChar(ch) {
    if (ch === '%') {
      this.escapeProgress = 1;
      return false;
    }
    if (this.escapeProgress > 0) {
      if (isHexChar(ch)) return ++this.escapeProgress === 3;
      this.escapeProgress = 0;
    }
    return false;
  }

  appendPlus(i) {
    const chunk = this.text.slice(this.lastPos, i) + this.plus;
    if (this.inKey) this.key += chunk;
    else this.value += chunk;
    this.lastPos = i + 1;
  }

  // Handles the end of a separator ending at i; returns false to stop (maxKeys reached).
  endOfSeparator(i) {
    const end = i - this.sep.length + 1;
    if (this.inKey) {
      if (this.lastPos < end) {
        this.key += this.text.slice(this.lastPos, end);
      } else if (this.key === '') {
        // An empty piece between separators still counts towards maxKeys.
        this.lastPos = i + 1;
        this.sepIndex = 0;
        this.eqIndex = 0;
        return --this.pairsLeft !== 0;
      }
    } else if (this.lastPos < end) {
      this.value += this.text.slice(this.lastPos, end);
    }
    if (!this.emitPair()) return false;
    this.startPair();
    this.lastPos = i + 1;
    this.sepIndex = 0;
    return true;
  }

  // Key characters; returns true when the character is fully handled.
  keyChar(ch, i) {
    if (ch === this.eq[this.eqIndex]) {
      if (++this.eqIndex === this.eq.length) {
        const end = i - this.eq.length + 1;
        if (this.lastPos < end) this.key += this.text.slice(this.lastPos, end);
        this.escapeProgress = 0;
        this.lastPos = i + 1;
      }
      return true;
    }
    this.eqIndex = 0;
    if (!this.keyEncoded) {
      const wasEscape = ch === '%' || (this.escapeProgress > 0 && isHexChar(ch));
      if (this.sawEscapeChar(ch)) this.keyEncoded = true;
      if (wasEscape) return true;
    }
    if (ch === '+') {
      this.appendPlus(i);
      return true;
    }
    return false;
  }

  run() {
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === this.sep[this.sepIndex]) {
        if (++this.sepIndex === this.sep.length && !this.endOfSeparator(i)) return this.result;
        continue;
      }
      this.sepIndex = 0;
      if (this.inKey && this.keyChar(ch, i)) continue;
      if (ch === '+') {
        this.value += text.slice(this.lastPos, i) + this.plus;
        this.lastPos = i + 1;
      } else if (!this.valueEncoded && this.sawEscapeChar(ch)) {
        this.valueEncoded = true;
      }
    }
    if (this.lastPos < text.length) {
      if (this.inKey) this.key += text.slice(this.lastPos);
      else this.value += text.slice(this.lastPos);
    } else if (this.eqIndex === 0 && this.key === '') {
      return this.result;
    }
    this.emitPair();
    return this.result;
  }
}

function parse(qs, sep, eq, options) {
  if (typeof qs !== 'string' || qs.length === 0) return { __proto__: null };
  // Counting down to zero: 0 or a negative maxKeys (-1 here) never reaches it.
  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') pairs = options.maxKeys > 0 ? options.maxKeys : -1;
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const scanner = new PairScanner(qs, sep ? `${sep}` : '&', eq ? `${eq}` : '=', decode, decode !== unescape, pairs);
  return scanner.run();
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
