// The WHATWG URL Standard (https://url.spec.whatwg.org/): the basic URL parser with its state
// overrides, host parsing (domains, IPv4, IPv6, opaque hosts), serialization, the `URL` and
// `URLSearchParams` classes, and the punycode (RFC 3492) half of IDNA for non-ASCII domains.
// Where Node 20 departs from the Standard in ways apps can see (URLSearchParams decoding, the
// port setter), this follows Node.
//
// Known gap: the UTS #46 data tables are not bundled. Domains are mapped with NFKC and lower
// case plus the few exceptions listed below; validity (disallowed code points, CheckJoiners, the
// Bidi Rule) is approximated from Unicode general categories and script ranges. Common domains
// convert exactly as in Node; rare code points may be accepted or rejected differently.
'use strict';

// ---------------------------------------------------------------------------
// Errors shaped like Node's.

function codedError(Ctor, code, message) {
  const error = new Ctor(message);
  error.code = code;
  return error;
}

function invalidUrlError(input, base) {
  const error = codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  error.input = input;
  if (base !== undefined) error.base = base;
  return error;
}

function missingArgs(...names) {
  const quoted = names.map((name) => `"${name}"`);
  const list = quoted.length === 1 ? `${quoted[0]} argument` : `${quoted.join(' and ')} arguments`;
  return codedError(TypeError, 'ERR_MISSING_ARGS', `The ${list} must be specified`);
}

function describeReceived(value) {
  if (value == null) return `Received ${value}`;
  if (typeof value === 'function') return `Received function ${value.name}`;
  if (typeof value === 'object') {
    const name = value.constructor && value.constructor.name;
    return name ? `Received an instance of ${name}` : 'Received [Object: null prototype]';
  }
  let shown = typeof value === 'string' ? `'${value}'` : String(value);
  if (typeof value === 'bigint') shown += 'n';
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `Received type ${typeof value} (${shown})`;
}

function invalidArgType(name, expected, value) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expected}. ${describeReceived(value)}`);
}

// ---------------------------------------------------------------------------
// Strings, code points and UTF-8.

// WebIDL USVString conversion: lone surrogates become U+FFFD.
function toUSVString(value) {
  const str = `${value}`;
  if (!/[\ud800-\udfff]/.test(str)) return str;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const unit = str.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
    }
    out += unit >= 0xd800 && unit <= 0xdfff ? '\ufffd' : str[i];
  }
  return out;
}

function utf8Bytes(codePoint) {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  if (codePoint < 0x10000) {
    return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  }
  return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f),
    0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
}

function utf8Encode(str) {
  const bytes = [];
  for (const ch of str) {
    for (const byte of utf8Bytes(ch.codePointAt(0))) bytes.push(byte);
  }
  return bytes;
}

// The Encoding Standard's UTF-8 decoder: each maximal invalid subsequence becomes one U+FFFD.
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i];
    if (first < 0x80) {
      out += String.fromCharCode(first);
      i++;
      continue;
    }
    let needed = 0;
    let codePoint = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) {
      needed = 1;
      codePoint = first & 0x1f;
    } else if (first >= 0xe0 && first <= 0xef) {
      if (first === 0xe0) lower = 0xa0;
      if (first === 0xed) upper = 0x9f;
      needed = 2;
      codePoint = first & 0xf;
    } else if (first >= 0xf0 && first <= 0xf4) {
      if (first === 0xf0) lower = 0x90;
      if (first === 0xf4) upper = 0x8f;
      needed = 3;
      codePoint = first & 0x7;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    while (needed > 0 && j < bytes.length && bytes[j] >= lower && bytes[j] <= upper) {
      codePoint = (codePoint << 6) | (bytes[j] & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      needed--;
      j++;
    }
    out += needed === 0 ? String.fromCodePoint(codePoint) : '\ufffd';
    i = j;
  }
  return out;
}

const isHexDigit = (ch) => ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);
const isAsciiDigit = (ch) => ch !== undefined && ch >= '0' && ch <= '9';
const isAsciiAlpha = (ch) => ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
const isAsciiAlphanumeric = (ch) => isAsciiAlpha(ch) || isAsciiDigit(ch);

// The Standard's "percent-decode a string": %XX escapes in the string's UTF-8 bytes are decoded,
// then the bytes are read back as UTF-8.
function percentDecodeToString(str) {
  if (!str.includes('%')) return str;
  const bytes = utf8Encode(str);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x25 && i + 2 < bytes.length &&
        isHexDigit(String.fromCharCode(bytes[i + 1])) && isHexDigit(String.fromCharCode(bytes[i + 2]))) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(bytes[i]);
    }
  }
  return utf8Decode(out);
}

// ---------------------------------------------------------------------------
// Percent-encode sets. Each is a table over ASCII; every code point above U+007E is encoded.

function encodeSet(parent, extra) {
  const table = parent ? parent.slice() : new Uint8Array(128);
  if (!parent) {
    for (let c = 0; c < 0x20; c++) table[c] = 1;
    table[0x7f] = 1;
  }
  for (const ch of extra) table[ch.charCodeAt(0)] = 1;
  return table;
}

const C0_CONTROL_SET = encodeSet(null, '');
const FRAGMENT_SET = encodeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = encodeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = encodeSet(QUERY_SET, "'");
// Node 20's parser (ada) does not yet encode '^' in paths, unlike the newest Standard.
const PATH_SET = encodeSet(QUERY_SET, '?`{}');
const USERINFO_SET = encodeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = encodeSet(USERINFO_SET, '$%&+,');
const FORM_SET = encodeSet(COMPONENT_SET, "!'()~");

const HEX = '0123456789ABCDEF';

function percentEncodeCodePoint(ch, set, spaceAsPlus) {
  const codePoint = ch.codePointAt(0);
  if (spaceAsPlus && codePoint === 0x20) return '+';
  if (codePoint < 0x80 && set[codePoint] === 0) return ch;
  let out = '';
  for (const byte of utf8Bytes(codePoint)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  return out;
}

function percentEncodeString(str, set, spaceAsPlus = false) {
  let out = '';
  for (const ch of str) out += percentEncodeCodePoint(ch, set, spaceAsPlus);
  return out;
}

// ---------------------------------------------------------------------------
// Punycode (RFC 3492) for IDNA labels.

const PUNY = { base: 36, tMin: 1, tMax: 26, skew: 38, damp: 700, initialBias: 72, initialN: 128 };

function punyAdapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / PUNY.damp) : Math.floor(delta / 2);
  delta += Math.floor(delta / numPoints);
  let k = 0;
  const limit = ((PUNY.base - PUNY.tMin) * PUNY.tMax) >> 1;
  while (delta > limit) {
    delta = Math.floor(delta / (PUNY.base - PUNY.tMin));
    k += PUNY.base;
  }
  return k + Math.floor(((PUNY.base - PUNY.tMin + 1) * delta) / (delta + PUNY.skew));
}

function punyThreshold(k, bias) {
  if (k <= bias) return PUNY.tMin;
  if (k >= bias + PUNY.tMax) return PUNY.tMax;
  return k - bias;
}

const punyDigitChar = (digit) => String.fromCharCode(digit < 26 ? 0x61 + digit : 0x16 + digit);

function punyDigitValue(ch) {
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x16;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return PUNY.base;
}

// Encodes a label's code points; null if the numbers would overflow.
function punycodeEncode(label) {
  const codePoints = Array.from(label, (ch) => ch.codePointAt(0));
  let output = codePoints.filter((c) => c < 0x80).map((c) => String.fromCharCode(c)).join('');
  const basicCount = output.length;
  let handled = basicCount;
  if (basicCount > 0) output += '-';
  let n = PUNY.initialN;
  let delta = 0;
  let bias = PUNY.initialBias;
  while (handled < codePoints.length) {
    let next = Infinity;
    for (const c of codePoints) if (c >= n && c < next) next = c;
    delta += (next - n) * (handled + 1);
    if (delta > 0x7fffffff) return null;
    n = next;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = PUNY.base; ; k += PUNY.base) {
        const t = punyThreshold(k, bias);
        if (q < t) break;
        output += punyDigitChar(t + ((q - t) % (PUNY.base - t)));
        q = Math.floor((q - t) / (PUNY.base - t));
      }
      output += punyDigitChar(q);
      bias = punyAdapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

// Decodes the part of a label after "xn--"; null when it is not valid punycode.
function punycodeDecode(input) {
  const delimiter = input.lastIndexOf('-');
  const output = [];
  for (let i = 0; i < Math.max(delimiter, 0); i++) {
    const code = input.charCodeAt(i);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = PUNY.initialN;
  let bias = PUNY.initialBias;
  let i = 0;
  let pos = delimiter > 0 ? delimiter + 1 : 0;
  while (pos < input.length) {
    const oldI = i;
    let weight = 1;
    for (let k = PUNY.base; ; k += PUNY.base) {
      if (pos >= input.length) return null;
      const digit = punyDigitValue(input[pos++]);
      if (digit >= PUNY.base) return null;
      i += digit * weight;
      if (i > 0x7fffffff) return null;
      const t = punyThreshold(k, bias);
      if (digit < t) break;
      weight *= PUNY.base - t;
    }
    bias = punyAdapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    if (n > 0x10ffff) return null;
    i %= output.length + 1;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

// ---------------------------------------------------------------------------
// IDNA (UTS #46, approximated: see the note at the top of this file).

// Code points UTS #46 maps to nothing (soft hyphen, combining grapheme joiner, Mongolian free
// variation selectors, word joiner and invisible operators, variation selectors, BOM, shorthand
// format controls) and the full stops it maps to '.'.
const IDNA_IGNORED = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060-\u2064\ufe00-\ufe0f\ufeff]|[\u{1bca0}-\u{1bca3}\u{e0100}-\u{e01ef}]/gu;
const IDNA_DOTS = /[\u3002\uff0e\uff61]/g;

// Case folding differs from toLowerCase for capital sharp s (to "ss", as in Node 20) and for
// capital sigma (always to the non-final form).
function idnaMap(domain) {
  if (/^[\x00-\x7f]*$/.test(domain)) return domain.toLowerCase();
  return domain.replace(IDNA_IGNORED, '').replace(IDNA_DOTS, '.').replace(/\u1e9e/g, 'ss')
    .normalize('NFKC').replace(/\u03a3/g, '\u03c3').toLowerCase().normalize('NFC');
}

// Disallowed by UTS #46 (approximated by category): unassigned, controls, surrogates, private
// use, format characters other than the joiners, U+FFFD, ideographic description characters,
// and characters kept disallowed for stability although their lower case was added later.
const IDNA_DISALLOWED = /[\p{Cn}\p{Cs}\p{Co}\ufffd\u2ff0-\u2fff\u115f\u1160\u3164\uffa0]|(?![\u200c\u200d])\p{Cf}|(?! )\p{Zs}/u;
// Disallowed before mapping: kept disallowed for stability though their lower case or
// decomposition became valid later.
const IDNA_DISALLOWED_UNMAPPED = /[\u04c0\u10a0-\u10c5\u2132\u2183\u{2f868}]/u;
// Characters whose compatibility mapping contains a full stop ("\u2024", "\u2488") are disallowed.
const hasDotMapping = (ch) => ch.charCodeAt(0) >= 0x80 && ch.normalize('NFKC').includes('.');

// Virama characters (canonical combining class 9) of common scripts: ZWJ and ZWNJ are valid
// after one of these (CheckJoiners). ZWNJ is also valid between two joining letters, which is
// approximated as "between two letters of a right-to-left script".
const VIRAMAS = new RegExp(`[${[
  0x094d, 0x09cd, 0x0a4d, 0x0acd, 0x0b4d, 0x0bcd, 0x0c4d, 0x0ccd, 0x0d3b, 0x0d3c, 0x0d4d, 0x0dca,
  0x0e3a, 0x0f84, 0x1039, 0x103a, 0x1714, 0x1734, 0x17d2, 0x1a60, 0x1b44, 0x1baa, 0x1bab, 0x1bf2,
  0x1bf3, 0x2d7f, 0xa806, 0xa8c4, 0xa953, 0xa9c0, 0xaaf6, 0xabed, 0x10a3f, 0x11046, 0x1107f,
  0x110b9, 0x11133, 0x11134, 0x111c0, 0x11235, 0x112ea, 0x1134d, 0x11442, 0x114c2, 0x115bf,
  0x1163f, 0x116b6, 0x1172b, 0x11839, 0x1193d, 0x1193e, 0x119e0, 0x11a34, 0x11a47, 0x11a99,
  0x11c3f, 0x11d44, 0x11d45, 0x11d97
].map((c) => String.fromCodePoint(c)).join('')}]`, 'u');

function joiningLetterAt(chars, index, step) {
  while (chars[index] !== undefined && /\p{Mn}/u.test(chars[index])) index += step;
  return chars[index] !== undefined && RTL_RANGES.test(chars[index]) && /\p{L}/u.test(chars[index]);
}

function joinersAreValid(label) {
  const chars = Array.from(label);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\u200c' && chars[i] !== '\u200d') continue;
    if (i > 0 && VIRAMAS.test(chars[i - 1])) continue;
    if (chars[i] === '\u200c' && joiningLetterAt(chars, i - 1, -1) && joiningLetterAt(chars, i + 1, 1)) continue;
    return false;
  }
  return true;
}

// A label holds only code points UTS #46 leaves valid (approximately). Lenient mode (the legacy
// url.parse) lets ASCII control characters through.
function isValidUnicodeLabel(label, lenient = false) {
  if (!lenient && /[\x00-\x20\x7f]/.test(label)) return false;
  if (/[\x80-\x9f]/.test(label) || IDNA_DISALLOWED.test(label)) return false;
  if (Array.from(label).some(hasDotMapping)) return false;
  if (/^\p{M}/u.test(label)) return false;
  if (!joinersAreValid(label)) return false;
  return idnaMap(label) === label;
}

// The Bidi Rule (RFC 5893), with bidi classes approximated from code point ranges.
const RTL_RANGES = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const ARABIC_NUMBERS = /[\u0600-\u0605\u0660-\u0669\u066b\u066c\u06dd\u0890\u0891\u08e2]|[\u{10e60}-\u{10e7e}]/u;

function bidiClass(ch) {
  if (/[0-9\u06f0-\u06f9]/.test(ch)) return 'EN';
  if (ARABIC_NUMBERS.test(ch)) return 'AN';
  if (/[\p{Mn}\p{Me}]/u.test(ch)) return 'NSM';
  if (RTL_RANGES.test(ch)) return 'R';
  if (/[\p{L}\p{Mc}]/u.test(ch)) return 'L';
  return 'ON';
}

function satisfiesBidiRule(label) {
  const classes = Array.from(label, bidiClass);
  if (classes.length === 0) return true;
  const first = classes[0];
  if (first !== 'L' && first !== 'R') return false;
  let end = classes.length - 1;
  while (end > 0 && classes[end] === 'NSM') end--;
  const last = classes[end];
  if (first === 'R') {
    if (classes.includes('L')) return false;
    if (classes.includes('EN') && classes.includes('AN')) return false;
    return last === 'R' || last === 'EN' || last === 'AN';
  }
  if (classes.includes('R') || classes.includes('AN')) return false;
  return last === 'L' || last === 'EN';
}

function isBidiDomain(labels) {
  return labels.some((label) => Array.from(label).some((ch) => {
    const kind = bidiClass(ch);
    return kind === 'R' || kind === 'AN';
  }));
}

// UTS #46 ToASCII with the URL Standard's flags; null on failure.
function domainToAsciiInternal(domain, lenient = false) {
  if (/[^\x00-\x7f]/.test(domain) && (IDNA_DISALLOWED_UNMAPPED.test(domain) ||
      Array.from(domain.replace(IDNA_DOTS, '.')).some(hasDotMapping))) return null;
  const labels = idnaMap(domain).split('.');
  if (labels.every((label) => /^[\x00-\x7f]*$/.test(label) && !label.startsWith('xn--'))) {
    const result = labels.join('.');
    return result === '' ? null : result;
  }
  const unicodeLabels = [];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null || decoded === '' || !isValidUnicodeLabel(decoded, lenient)) return null;
      unicodeLabels.push(decoded);
    } else if (/[^\x00-\x7f]/.test(label)) {
      if (!isValidUnicodeLabel(label, lenient)) return null;
      const encoded = punycodeEncode(label);
      if (encoded === null) return null;
      unicodeLabels.push(label);
      labels[i] = `xn--${encoded}`;
    } else {
      unicodeLabels.push(label);
    }
  }
  if (isBidiDomain(unicodeLabels) && !unicodeLabels.every(satisfiesBidiRule)) return null;
  const result = labels.join('.');
  return result === '' ? null : result;
}

// UTS #46 ToUnicode: decodes each "xn--" label; null when one does not decode.
function domainToUnicodeInternal(domain) {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i].toLowerCase();
    if (!label.startsWith('xn--')) continue;
    const decoded = punycodeDecode(label.slice(4));
    if (decoded === null || decoded === '' || !isValidUnicodeLabel(decoded)) return null;
    labels[i] = decoded;
  }
  return labels.join('.');
}

// ---------------------------------------------------------------------------
// Host parsing and serialization. A host is kept in its serialized form (IPv6 in brackets).

const FORBIDDEN_HOST = /[\x00\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/;

function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return null;
    const pieces = parseIPv6(Array.from(input.slice(1, -1)));
    return pieces === null ? null : `[${serializeIPv6(pieces)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = percentDecodeToString(input);
  const asciiDomain = domainToAsciiInternal(domain);
  if (asciiDomain === null || FORBIDDEN_DOMAIN.test(asciiDomain)) return null;
  if (endsInANumber(asciiDomain)) {
    const address = parseIPv4(asciiDomain);
    return address === null ? null : serializeIPv4(address);
  }
  return asciiDomain;
}

function parseOpaqueHost(input) {
  if (FORBIDDEN_HOST.test(input)) return null;
  return percentEncodeString(input, C0_CONTROL_SET);
}

function endsInANumber(domain) {
  const parts = domain.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== null;
}

// One dotted part: decimal, 0x-prefixed hex or 0-prefixed octal; null if it is none of these.
function parseIPv4Number(part) {
  if (part === '') return null;
  let radix = 10;
  let digits = part;
  if (/^0[xX]/.test(part)) {
    radix = 16;
    digits = part.slice(2);
  } else if (part.length > 1 && part[0] === '0') {
    radix = 8;
    digits = part.slice(1);
  }
  if (digits === '') return 0;
  const valid = radix === 16 ? /^[0-9A-Fa-f]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  return parseInt(digits, radix);
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const numbers = [];
  for (const part of parts) {
    const number = parseIPv4Number(part);
    if (number === null) return null;
    numbers.push(number);
  }
  const last = numbers.pop();
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  let address = last;
  numbers.forEach((n, index) => {
    address += n * 256 ** (3 - index);
  });
  return address;
}

function serializeIPv4(address) {
  const octets = [];
  for (let i = 0; i < 4; i++) {
    octets.unshift(address % 256);
    address = Math.floor(address / 256);
  }
  return octets.join('.');
}

// Parses the text between the brackets into eight 16-bit pieces; null on failure.
function parseIPv6(cps) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let pointer = 0;
  if (cps[0] === ':') {
    if (cps[1] !== ':') return null;
    pointer += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (cps[pointer] !== undefined) {
    if (pieceIndex === 8) return null;
    if (cps[pointer] === ':') {
      if (compress !== null) return null;
      pointer++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHexDigit(cps[pointer])) {
      value = value * 16 + parseInt(cps[pointer], 16);
      pointer++;
      length++;
    }
    if (cps[pointer] === '.') {
      if (length === 0) return null;
      pointer -= length;
      if (pieceIndex > 6) return null;
      if (!parseEmbeddedIPv4(cps, pointer, address, pieceIndex)) return null;
      pieceIndex += 2;
      pointer = cps.length;
      break;
    }
    if (cps[pointer] === ':') {
      pointer++;
      if (cps[pointer] === undefined) return null;
    } else if (cps[pointer] !== undefined) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const other = compress + swaps - 1;
      [address[pieceIndex], address[other]] = [address[other], address[pieceIndex]];
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

// The dotted-decimal tail of an IPv6 address (::ffff:1.2.3.4) fills two pieces.
function parseEmbeddedIPv4(cps, pointer, address, pieceIndex) {
  let numbersSeen = 0;
  while (cps[pointer] !== undefined) {
    let piece = null;
    if (numbersSeen > 0) {
      if (cps[pointer] !== '.' || numbersSeen >= 4) return false;
      pointer++;
    }
    if (!isAsciiDigit(cps[pointer])) return false;
    while (isAsciiDigit(cps[pointer])) {
      const digit = Number(cps[pointer]);
      if (piece === null) piece = digit;
      else if (piece === 0) return false;
      else piece = piece * 10 + digit;
      if (piece > 255) return false;
      pointer++;
    }
    address[pieceIndex] = address[pieceIndex] * 0x100 + piece;
    numbersSeen++;
    if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
  }
  return numbersSeen === 4;
}

function serializeIPv6(address) {
  // The longest run of two or more zero pieces (the first, on a tie) becomes '::'.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && address[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// ---------------------------------------------------------------------------
// URL records.

const SPECIAL_SCHEMES = { 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
const isSpecialScheme = (scheme) => Object.prototype.hasOwnProperty.call(SPECIAL_SCHEMES, scheme);
const defaultPort = (scheme) => (isSpecialScheme(scheme) ? SPECIAL_SCHEMES[scheme] : null);

class URLRecord {
  constructor() {
    this.scheme = '';
    this.username = '';
    this.password = '';
    this.host = null;
    this.port = null;
    this.path = []; // A list of segments, or a string for an opaque path.
    this.query = null;
    this.fragment = null;
  }

  get special() {
    return isSpecialScheme(this.scheme);
  }

  get hasOpaquePath() {
    return typeof this.path === 'string';
  }

  get includesCredentials() {
    return this.username !== '' || this.password !== '';
  }

  get cannotHaveCredentialsOrPort() {
    return this.host === null || this.host === '' || this.scheme === 'file';
  }
}

function serializePath(url) {
  if (url.hasOpaquePath) return url.path;
  let out = '';
  for (const segment of url.path) out += `/${segment}`;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (url.includesCredentials) {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (!url.hasOpaquePath && url.path.length > 1 && url.path[0] === '') {
    // Keeps "web+demo:/.//not-a-host/" from reparsing with a host.
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url));
      if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) return serializeOrigin(inner);
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return `${url.scheme}://${url.host}${url.port === null ? '' : `:${url.port}`}`;
    default:
      return 'null';
  }
}

// ---------------------------------------------------------------------------
// The basic URL parser. Each state is a function of the parser; it returns nothing to go on,
// or DONE / FAILURE to stop. The input is a list of code points; `undefined` is EOF.

const DONE = 1;
const FAILURE = 2;

const isWindowsDriveLetter = (a, b) => isAsciiAlpha(a) && (b === ':' || b === '|');
const isNormalizedWindowsDriveLetter = (segment) =>
  segment.length === 2 && isAsciiAlpha(segment[0]) && segment[1] === ':';

function startsWithWindowsDriveLetter(cps, pointer) {
  if (!isWindowsDriveLetter(cps[pointer], cps[pointer + 1])) return false;
  const third = cps[pointer + 2];
  return third === undefined || third === '/' || third === '\\' || third === '?' || third === '#';
}

const isSingleDot = (segment) => segment === '.' || segment.toLowerCase() === '%2e';
const isDoubleDot = (segment) => {
  const lower = segment.toLowerCase();
  return lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e';
};

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) return;
  path.pop();
}

class Parser {
  constructor(cps, url, base, stateOverride) {
    this.cps = cps;
    this.url = url;
    this.base = base;
    this.override = stateOverride;
    this.state = stateOverride || schemeStartState;
    this.pointer = 0;
    this.buffer = '';
    this.atSignSeen = false;
    this.insideBrackets = false;
    this.passwordTokenSeen = false;
  }

  get c() {
    return this.cps[this.pointer];
  }

  // The code points after the current one start with `text`.
  remainingStartsWith(text) {
    for (let i = 0; i < text.length; i++) {
      if (this.cps[this.pointer + 1 + i] !== text[i]) return false;
    }
    return true;
  }

  run() {
    for (;;) {
      const result = this.state(this, this.c);
      if (result === DONE) return true;
      if (result === FAILURE) return false;
      if (this.pointer >= this.cps.length) return true;
      this.pointer++;
    }
  }
}

// A special URL also ends its components at '\'.
const isSlash = (p, c) => c === '/' || (p.url.special && c === '\\');
const endsAuthority = (p, c) => c === undefined || c === '?' || c === '#' || isSlash(p, c);

function schemeStartState(p, c) {
  if (isAsciiAlpha(c)) {
    p.buffer += c.toLowerCase();
    p.state = schemeState;
  } else if (!p.override) {
    p.state = noSchemeState;
    p.pointer--;
  } else {
    return FAILURE;
  }
}

function schemeState(p, c) {
  if (isAsciiAlphanumeric(c) || c === '+' || c === '-' || c === '.') {
    p.buffer += c.toLowerCase();
    return;
  }
  if (c !== ':') {
    if (p.override) return FAILURE;
    p.buffer = '';
    p.state = noSchemeState;
    p.pointer = -1;
    return;
  }
  const url = p.url;
  if (p.override) {
    if (url.special !== isSpecialScheme(p.buffer)) return DONE;
    if ((url.includesCredentials || url.port !== null) && p.buffer === 'file') return DONE;
    if (url.scheme === 'file' && url.host === '') return DONE;
  }
  url.scheme = p.buffer;
  if (p.override) {
    if (url.port === defaultPort(url.scheme)) url.port = null;
    return DONE;
  }
  p.buffer = '';
  if (url.scheme === 'file') {
    p.state = fileState;
  } else if (url.special && p.base !== null && p.base.scheme === url.scheme) {
    p.state = specialRelativeOrAuthorityState;
  } else if (url.special) {
    p.state = specialAuthoritySlashesState;
  } else if (p.remainingStartsWith('/')) {
    p.state = pathOrAuthorityState;
    p.pointer++;
  } else {
    url.path = '';
    p.state = opaquePathState;
  }
}

function noSchemeState(p, c) {
  const base = p.base;
  if (base === null || (base.hasOpaquePath && c !== '#')) return FAILURE;
  const url = p.url;
  if (base.hasOpaquePath) {
    url.scheme = base.scheme;
    url.path = base.path;
    url.query = base.query;
    url.fragment = '';
    p.state = fragmentState;
  } else {
    p.state = base.scheme === 'file' ? fileState : relativeState;
    p.pointer--;
  }
}

function specialRelativeOrAuthorityState(p, c) {
  if (c === '/' && p.remainingStartsWith('/')) {
    p.state = specialAuthorityIgnoreSlashesState;
    p.pointer++;
  } else {
    p.state = relativeState;
    p.pointer--;
  }
}

function pathOrAuthorityState(p, c) {
  if (c === '/') {
    p.state = authorityState;
  } else {
    p.state = pathState;
    p.pointer--;
  }
}

function copyAuthority(url, base) {
  url.username = base.username;
  url.password = base.password;
  url.host = base.host;
  url.port = base.port;
}

function relativeState(p, c) {
  const url = p.url;
  const base = p.base;
  url.scheme = base.scheme;
  if (isSlash(p, c)) {
    p.state = relativeSlashState;
    return;
  }
  copyAuthority(url, base);
  url.path = base.path.slice();
  url.query = base.query;
  if (c === '?') {
    url.query = '';
    p.state = queryState;
  } else if (c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  } else if (c !== undefined) {
    url.query = null;
    shortenPath(url);
    p.state = pathState;
    p.pointer--;
  }
}

function relativeSlashState(p, c) {
  if (p.url.special && (c === '/' || c === '\\')) {
    p.state = specialAuthorityIgnoreSlashesState;
  } else if (c === '/') {
    p.state = authorityState;
  } else {
    copyAuthority(p.url, p.base);
    p.state = pathState;
    p.pointer--;
  }
}

function specialAuthoritySlashesState(p, c) {
  p.state = specialAuthorityIgnoreSlashesState;
  if (c === '/' && p.remainingStartsWith('/')) p.pointer++;
  else p.pointer--;
}

function specialAuthorityIgnoreSlashesState(p, c) {
  if (c !== '/' && c !== '\\') {
    p.state = authorityState;
    p.pointer--;
  }
}

function authorityState(p, c) {
  if (c === '@') {
    if (p.atSignSeen) p.buffer = `%40${p.buffer}`;
    p.atSignSeen = true;
    for (const ch of p.buffer) {
      if (ch === ':' && !p.passwordTokenSeen) {
        p.passwordTokenSeen = true;
        continue;
      }
      const encoded = percentEncodeCodePoint(ch, USERINFO_SET, false);
      if (p.passwordTokenSeen) p.url.password += encoded;
      else p.url.username += encoded;
    }
    p.buffer = '';
  } else if (endsAuthority(p, c)) {
    if (p.atSignSeen && p.buffer === '') return FAILURE;
    p.pointer -= Array.from(p.buffer).length + 1;
    p.buffer = '';
    p.state = hostState;
  } else {
    p.buffer += c;
  }
}

function hostState(p, c) {
  const url = p.url;
  if (p.override && url.scheme === 'file') {
    p.pointer--;
    p.state = fileHostState;
  } else if (c === ':' && !p.insideBrackets) {
    if (p.buffer === '') return FAILURE;
    if (p.override === hostnameState) return FAILURE;
    const host = parseHost(p.buffer, !url.special);
    if (host === null) return FAILURE;
    url.host = host;
    p.buffer = '';
    p.state = portState;
  } else if (endsAuthority(p, c)) {
    p.pointer--;
    if (url.special && p.buffer === '') return FAILURE;
    if (p.override && p.buffer === '' && (url.includesCredentials || url.port !== null)) return FAILURE;
    const host = parseHost(p.buffer, !url.special);
    if (host === null) return FAILURE;
    url.host = host;
    p.buffer = '';
    p.state = pathStartState;
    if (p.override) return DONE;
  } else {
    if (c === '[') p.insideBrackets = true;
    if (c === ']') p.insideBrackets = false;
    p.buffer += c;
  }
}

// The hostname setter's state: the host state, except that a port is not allowed.
function hostnameState(p, c) {
  return hostState(p, c);
}

function portState(p, c) {
  if (isAsciiDigit(c)) {
    p.buffer += c;
    return;
  }
  if (!(endsAuthority(p, c) || p.override)) return FAILURE;
  const url = p.url;
  if (p.buffer !== '') {
    const port = parseInt(p.buffer, 10);
    if (port > 65535) return FAILURE;
    url.port = port === defaultPort(url.scheme) ? null : port;
    p.buffer = '';
  }
  if (p.override) return DONE;
  p.state = pathStartState;
  p.pointer--;
}

function fileState(p, c) {
  const url = p.url;
  const base = p.base;
  url.scheme = 'file';
  url.host = '';
  if (c === '/' || c === '\\') {
    p.state = fileSlashState;
    return;
  }
  if (base === null || base.scheme !== 'file') {
    p.state = pathState;
    p.pointer--;
    return;
  }
  url.host = base.host;
  url.path = base.path.slice();
  url.query = base.query;
  if (c === '?') {
    url.query = '';
    p.state = queryState;
  } else if (c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  } else if (c !== undefined) {
    url.query = null;
    if (!startsWithWindowsDriveLetter(p.cps, p.pointer)) shortenPath(url);
    else url.path = [];
    p.state = pathState;
    p.pointer--;
  }
}

function fileSlashState(p, c) {
  if (c === '/' || c === '\\') {
    p.state = fileHostState;
    return;
  }
  const base = p.base;
  if (base !== null && base.scheme === 'file') {
    p.url.host = base.host;
    if (!startsWithWindowsDriveLetter(p.cps, p.pointer) && base.path.length > 0 &&
        isNormalizedWindowsDriveLetter(base.path[0])) {
      p.url.path.push(base.path[0]);
    }
  }
  p.state = pathState;
  p.pointer--;
}

function fileHostState(p, c) {
  if (!(c === undefined || c === '/' || c === '\\' || c === '?' || c === '#')) {
    p.buffer += c;
    return;
  }
  p.pointer--;
  const bufferCps = Array.from(p.buffer);
  if (!p.override && bufferCps.length === 2 && isWindowsDriveLetter(bufferCps[0], bufferCps[1])) {
    // The buffer is kept: the path state takes it as the drive letter segment.
    p.state = pathState;
  } else if (p.buffer === '') {
    p.url.host = '';
    if (p.override) return DONE;
    p.state = pathStartState;
  } else {
    let host = parseHost(p.buffer, !p.url.special);
    if (host === null) return FAILURE;
    if (host === 'localhost') host = '';
    p.url.host = host;
    if (p.override) return DONE;
    p.buffer = '';
    p.state = pathStartState;
  }
}

function pathStartState(p, c) {
  const url = p.url;
  if (url.special) {
    p.state = pathState;
    if (c !== '/' && c !== '\\') p.pointer--;
  } else if (!p.override && c === '?') {
    url.query = '';
    p.state = queryState;
  } else if (!p.override && c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  } else if (c !== undefined) {
    p.state = pathState;
    if (c !== '/') p.pointer--;
  } else if (p.override && url.host === null) {
    url.path.push('');
  }
}

function pathState(p, c) {
  const url = p.url;
  const atSlash = isSlash(p, c);
  if (!(c === undefined || atSlash || (!p.override && (c === '?' || c === '#')))) {
    p.buffer += percentEncodeCodePoint(c, PATH_SET, false);
    return;
  }
  const buffer = p.buffer;
  if (isDoubleDot(buffer)) {
    shortenPath(url);
    if (!atSlash) url.path.push('');
  } else if (isSingleDot(buffer)) {
    if (!atSlash) url.path.push('');
  } else {
    let segment = buffer;
    if (url.scheme === 'file' && url.path.length === 0 && segment.length === 2 &&
        isWindowsDriveLetter(segment[0], segment[1])) {
      segment = `${segment[0]}:`;
    }
    url.path.push(segment);
  }
  p.buffer = '';
  if (c === '?') {
    url.query = '';
    p.state = queryState;
  } else if (c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  }
}

function opaquePathState(p, c) {
  const url = p.url;
  if (c === '?') {
    url.query = '';
    p.state = queryState;
  } else if (c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  } else if (c !== undefined) {
    url.path += percentEncodeCodePoint(c, C0_CONTROL_SET, false);
  }
}

function queryState(p, c) {
  if (c !== undefined && !(!p.override && c === '#')) {
    p.buffer += c;
    return;
  }
  const url = p.url;
  url.query += percentEncodeString(p.buffer, url.special ? SPECIAL_QUERY_SET : QUERY_SET);
  p.buffer = '';
  if (c === '#') {
    url.fragment = '';
    p.state = fragmentState;
  }
}

function fragmentState(p, c) {
  if (c !== undefined) p.url.fragment += percentEncodeCodePoint(c, FRAGMENT_SET, false);
}

const LEADING_TRAILING_C0_OR_SPACE = /^[\x00-\x20]+|[\x00-\x20]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;

// Parses `input` (already a USVString) against an optional base record. Without a state
// override, returns a new record or null; with one, edits `url` and returns false on failure.
function basicParse(input, base = null, url = null, stateOverride = null) {
  if (url === null) {
    url = new URLRecord();
    input = input.replace(LEADING_TRAILING_C0_OR_SPACE, '');
  }
  input = input.replace(TAB_OR_NEWLINE, '');
  const parser = new Parser(Array.from(input), url, base, stateOverride);
  const ok = parser.run();
  if (stateOverride) return ok;
  return ok ? url : null;
}

// The trailing spaces of an opaque path only survive while a query or fragment follows.
function stripTrailingSpacesFromOpaquePath(url) {
  if (!url.hasOpaquePath || url.fragment !== null || url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

// ---------------------------------------------------------------------------
// application/x-www-form-urlencoded.

// Node 20 parses URLSearchParams text with querystring's rules rather than the Standard's:
// '+' is a space, and a name or value holding a valid %XX goes through querystring.unescape,
// whose fallback (for malformed UTF-8) maps every other non-ASCII character to its low byte.
// The %XX check is a running one that a '+' does not interrupt ("%4+1" counts).
function parseFormUrlencoded(input) {
  const list = [];
  let name = null;
  let buffer = '';
  let lastPos = 0;
  let pairStart = 0;
  let encoded = false;
  let escapeProgress = 0;
  const takePart = (end) => {
    buffer += input.slice(lastPos, end);
    const text = encoded ? require('querystring').unescape(buffer) : buffer;
    buffer = '';
    encoded = false;
    escapeProgress = 0;
    lastPos = end + 1;
    return text;
  };
  const pushPair = (end) => {
    const text = takePart(end);
    list.push(name === null ? [text, ''] : [name, text]);
    name = null;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '&') {
      if (pairStart !== i) pushPair(i);
      lastPos = pairStart = i + 1;
    } else if (ch === '=' && name === null) {
      name = takePart(i);
    } else if (ch === '+') {
      buffer += `${input.slice(lastPos, i)} `;
      lastPos = i + 1;
    } else if (!encoded) {
      if (ch === '%') {
        escapeProgress = 1;
      } else if (escapeProgress > 0) {
        if (isHexDigit(ch)) encoded = ++escapeProgress === 3;
        else escapeProgress = 0;
      }
    }
  }
  if (pairStart !== input.length) pushPair(input.length);
  return list;
}

function serializeFormUrlencoded(list) {
  let out = '';
  for (const [name, value] of list) {
    if (out !== '') out += '&';
    out += `${percentEncodeString(name, FORM_SET, true)}=${percentEncodeString(value, FORM_SET, true)}`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// URLSearchParams.

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
// Private state, keyed by the public objects so only this file can reach it.
const paramsState = new WeakMap(); // URLSearchParams -> { list, url: URL state or null }
const urlState = new WeakMap(); // URL -> { record, params }
const NO_INIT = Symbol('no init');

function paramsOf(object) {
  const state = object !== null && typeof object === 'object' ? paramsState.get(object) : undefined;
  if (state === undefined) {
    throw codedError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type URLSearchParams');
  }
  return state;
}

// Writes the list back into the owning URL's query, as the Standard's "update" steps do.
function updateOwner(state) {
  const owner = state.url;
  if (owner === null) return;
  const serialized = serializeFormUrlencoded(state.list);
  owner.record.query = serialized === '' ? null : serialized;
  if (serialized === '') stripTrailingSpacesFromOpaquePath(owner.record);
}

function initFromIterable(list, init, iteratorMethod) {
  for (const pair of iteratorMethod.call(init)) {
    if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
        typeof pair[Symbol.iterator] !== 'function') {
      throw codedError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
    }
    const items = Array.from(pair);
    if (items.length !== 2) {
      throw codedError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
    }
    list.push([toUSVString(items[0]), toUSVString(items[1])]);
  }
}

function initFromRecord(list, init) {
  for (const key of Reflect.ownKeys(init)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
    if (descriptor === undefined || !descriptor.enumerable) continue;
    const name = toUSVString(key);
    const value = toUSVString(init[key]);
    // A record has one entry per key; a later duplicate (after USV conversion) overwrites.
    const existing = list.find((entry) => entry[0] === name);
    if (existing) existing[1] = value;
    else list.push([name, value]);
  }
}

function initialList(init) {
  const list = [];
  if (init === NO_INIT || init === undefined || init === null) {
    if (init === null) list.push(...parseFormUrlencoded('null'));
    return list;
  }
  if (typeof init === 'object' || typeof init === 'function') {
    const iteratorMethod = init[Symbol.iterator];
    if (iteratorMethod === undefined || iteratorMethod === null) {
      initFromRecord(list, init);
    } else if (typeof iteratorMethod !== 'function') {
      throw codedError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
    } else {
      initFromIterable(list, init, iteratorMethod);
    }
    return list;
  }
  let text = toUSVString(init);
  if (text.startsWith('?')) text = text.slice(1);
  return parseFormUrlencoded(text);
}

// Node's layout for URLSearchParams and its iterators: one line, or one entry per line (with the
// closing brace on the last) once the entries, without colour codes, exceed breakLength.
function formatEntries(ctor, items, options) {
  if (items.length === 0) return `${ctor} {}`;
  const visibleLength = (text) => text.replace(/\u001b\[\d+m/g, '').length;
  const totalLength = items.reduce((sum, item) => sum + visibleLength(item) + 2, -2);
  if (totalLength > (options.breakLength === undefined ? 80 : options.breakLength)) {
    return `${ctor} {\n  ${items.join(',\n  ')} }`;
  }
  return `${ctor} { ${items.join(', ')} }`;
}

function innerInspectOptions(depth, options) {
  const inner = { ...options };
  if (depth !== null && depth !== undefined) inner.depth = depth - 1;
  return inner;
}

class URLSearchParams {
  constructor(init = NO_INIT) {
    paramsState.set(this, { list: initialList(init), url: null });
  }

  get size() {
    return paramsOf(this).list.length;
  }

  append(name, value) {
    const state = paramsOf(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    state.list.push([toUSVString(name), toUSVString(value)]);
    updateOwner(state);
  }

  delete(name, value = undefined) {
    const state = paramsOf(this);
    if (arguments.length < 1) throw missingArgs('name');
    const key = toUSVString(name);
    if (value !== undefined) {
      const wanted = toUSVString(value);
      state.list = state.list.filter(([n, v]) => !(n === key && v === wanted));
    } else {
      state.list = state.list.filter(([n]) => n !== key);
    }
    updateOwner(state);
  }

  get(name) {
    const state = paramsOf(this);
    if (arguments.length < 1) throw missingArgs('name');
    const key = toUSVString(name);
    const entry = state.list.find(([n]) => n === key);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    const state = paramsOf(this);
    if (arguments.length < 1) throw missingArgs('name');
    const key = toUSVString(name);
    return state.list.filter(([n]) => n === key).map(([, v]) => v);
  }

  has(name, value = undefined) {
    const state = paramsOf(this);
    if (arguments.length < 1) throw missingArgs('name');
    const key = toUSVString(name);
    if (value === undefined) return state.list.some(([n]) => n === key);
    const wanted = toUSVString(value);
    return state.list.some(([n, v]) => n === key && v === wanted);
  }

  set(name, value) {
    const state = paramsOf(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    const key = toUSVString(name);
    const text = toUSVString(value);
    const index = state.list.findIndex(([n]) => n === key);
    if (index === -1) {
      state.list.push([key, text]);
    } else {
      state.list[index][1] = text;
      state.list = state.list.filter(([n], i) => i <= index || n !== key);
    }
    updateOwner(state);
  }

  sort() {
    const state = paramsOf(this);
    // Stable, comparing names by UTF-16 code units as the Standard says.
    const indexed = state.list.map((entry, index) => ({ entry, index }));
    indexed.sort((a, b) => {
      if (a.entry[0] < b.entry[0]) return -1;
      if (a.entry[0] > b.entry[0]) return 1;
      return a.index - b.index;
    });
    state.list = indexed.map(({ entry }) => entry);
    updateOwner(state);
  }

  entries() {
    return createParamsIterator(this, 'entries');
  }

  forEach(callback, thisArg = undefined) {
    const state = paramsOf(this);
    if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
    // The list is re-read each turn: the callback may change it.
    for (let i = 0; i < state.list.length; i++) {
      const [name, value] = state.list[i];
      callback.call(thisArg, value, name, this);
    }
  }

  keys() {
    return createParamsIterator(this, 'keys');
  }

  values() {
    return createParamsIterator(this, 'values');
  }

  toString() {
    return serializeFormUrlencoded(paramsOf(this).list);
  }

  [inspectSymbol](depth, options, inspect) {
    const state = paramsOf(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = innerInspectOptions(depth, options);
    const items = state.list.map(([name, value]) => `${inspect(name, inner)} => ${inspect(value, inner)}`);
    return formatEntries('URLSearchParams', items, options);
  }
}

function defineMethodsEnumerable(proto, names) {
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    descriptor.enumerable = true;
    Object.defineProperty(proto, name, descriptor);
  }
}

defineMethodsEnumerable(URLSearchParams.prototype, ['size', 'append', 'delete', 'get', 'getAll', 'has',
  'set', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString']);
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', writable: false, configurable: true, enumerable: false,
});

// The iterator walks the live list, so entries appended during iteration are seen.
const iteratorState = new WeakMap();
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

function iteratorItem(entry, kind) {
  if (kind === 'keys') return entry[0];
  if (kind === 'values') return entry[1];
  return [entry[0], entry[1]];
}

const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const state = this !== null && typeof this === 'object' ? iteratorState.get(this) : undefined;
      if (state === undefined) {
        throw codedError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type URLSearchParamsIterator');
      }
      const list = paramsState.get(state.params).list;
      if (state.index >= list.length) return { value: undefined, done: true };
      const entry = list[state.index++];
      return { value: iteratorItem(entry, state.kind), done: false };
    },
    writable: true,
    enumerable: true,
    configurable: true,
  },
  [inspectSymbol]: {
    value: function inspectIterator(depth, options, inspect) {
      const state = iteratorState.get(this);
      if (state === undefined) return this;
      if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
      const inner = innerInspectOptions(depth, options);
      const remaining = paramsState.get(state.params).list.slice(state.index);
      const items = remaining.map((entry) => inspect(iteratorItem(entry, state.kind), inner));
      return formatEntries('URLSearchParams Iterator', items, options);
    },
    writable: true,
    enumerable: false,
    configurable: true,
  },
  [Symbol.toStringTag]: {
    value: 'URLSearchParams Iterator', writable: false, enumerable: false, configurable: true,
  },
});

function createParamsIterator(params, kind) {
  paramsOf(params);
  const iterator = Object.create(URLSearchParamsIteratorPrototype);
  iteratorState.set(iterator, { params, kind, index: 0 });
  return iterator;
}

// ---------------------------------------------------------------------------
// URL.

function stateOf(object) {
  const state = object !== null && typeof object === 'object' ? urlState.get(object) : undefined;
  if (state === undefined) throw new TypeError('Receiver must be an instance of class URL');
  return state;
}

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(toUSVString(base));
    if (baseRecord === null) throw invalidUrlError(input, `${base}`);
  }
  const record = basicParse(input, baseRecord);
  if (record === null) throw invalidUrlError(input, base === undefined ? undefined : `${base}`);
  return record;
}

// Keeps the URL's searchParams list in step with a query set through the URL itself.
function refreshParams(state) {
  const query = state.record.query;
  paramsState.get(state.params).list = query === null ? [] : parseFormUrlencoded(query);
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    const text = toUSVString(input);
    const record = parseOrThrow(text, base);
    const params = new URLSearchParams();
    const state = { record, params };
    urlState.set(this, state);
    paramsState.get(params).url = state;
    refreshParams(state);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = basicParse(toUSVString(base));
      if (baseRecord === null) return false;
    }
    return basicParse(toUSVString(input), baseRecord) !== null;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static createObjectURL(obj) {
    throw invalidArgType('obj', 'an instance of Blob', obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw missingArgs('url');
  }

  toString() {
    return serializeURL(stateOf(this).record);
  }

  get href() {
    return serializeURL(stateOf(this).record);
  }

  set href(value) {
    const state = stateOf(this);
    const text = toUSVString(value);
    const record = basicParse(text);
    if (record === null) throw invalidUrlError(text);
    state.record = record;
    refreshParams(state);
  }

  get origin() {
    return serializeOrigin(stateOf(this).record);
  }

  get protocol() {
    return `${stateOf(this).record.scheme}:`;
  }

  set protocol(value) {
    const state = stateOf(this);
    basicParse(`${toUSVString(value)}:`, null, state.record, schemeStartState);
  }

  get username() {
    return stateOf(this).record.username;
  }

  set username(value) {
    const record = stateOf(this).record;
    if (record.cannotHaveCredentialsOrPort) return;
    record.username = percentEncodeString(toUSVString(value), USERINFO_SET);
  }

  get password() {
    return stateOf(this).record.password;
  }

  set password(value) {
    const record = stateOf(this).record;
    if (record.cannotHaveCredentialsOrPort) return;
    record.password = percentEncodeString(toUSVString(value), USERINFO_SET);
  }

  get host() {
    const record = stateOf(this).record;
    if (record.host === null) return '';
    return record.port === null ? record.host : `${record.host}:${record.port}`;
  }

  set host(value) {
    editHost(stateOf(this).record, toUSVString(value), hostState);
  }

  get hostname() {
    const host = stateOf(this).record.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    editHost(stateOf(this).record, toUSVString(value), hostnameState);
  }

  get port() {
    const port = stateOf(this).record.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    const record = stateOf(this).record;
    if (record.cannotHaveCredentialsOrPort) return;
    const text = toUSVString(value);
    // Node 20 also clears the port for a value of only tabs and newlines.
    if (text.replace(TAB_OR_NEWLINE, '') === '') {
      record.port = null;
      return;
    }
    basicParse(text, null, record, portState);
  }

  get pathname() {
    return serializePath(stateOf(this).record);
  }

  set pathname(value) {
    const record = stateOf(this).record;
    if (record.hasOpaquePath) return;
    const saved = record.path;
    record.path = [];
    if (!basicParse(toUSVString(value), null, record, pathStartState)) record.path = saved;
  }

  get search() {
    const query = stateOf(this).record.query;
    return query === null || query === '' ? '' : `?${query}`;
  }

  set search(value) {
    const state = stateOf(this);
    const record = state.record;
    let text = toUSVString(value);
    if (text === '') {
      record.query = null;
      paramsState.get(state.params).list = [];
      stripTrailingSpacesFromOpaquePath(record);
      return;
    }
    if (text[0] === '?') text = text.slice(1);
    record.query = '';
    basicParse(text, null, record, queryState);
    paramsState.get(state.params).list = parseFormUrlencoded(text);
  }

  get searchParams() {
    return stateOf(this).params;
  }

  get hash() {
    const fragment = stateOf(this).record.fragment;
    return fragment === null || fragment === '' ? '' : `#${fragment}`;
  }

  set hash(value) {
    const record = stateOf(this).record;
    let text = toUSVString(value);
    if (text === '') {
      record.fragment = null;
      stripTrailingSpacesFromOpaquePath(record);
      return;
    }
    if (text[0] === '#') text = text.slice(1);
    record.fragment = '';
    basicParse(text, null, record, fragmentState);
  }

  toJSON() {
    return serializeURL(stateOf(this).record);
  }

  [inspectSymbol](depth, options, inspect) {
    const state = urlState.get(this);
    if (state === undefined) return this;
    if (typeof depth === 'number' && depth < 0) return `${this.constructor.name} {}`;
    const shown = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    // Node formats the fields with the caller's options as they are (depth included).
    return `${this.constructor.name} ${inspect(shown, options)}`;
  }
}

// As in the Standard, a setter's parse edits the record in place: a failure after the host was
// parsed (an out-of-range port) keeps the new host.
function editHost(record, input, stateOverride) {
  if (record.hasOpaquePath) return;
  basicParse(input, null, record, stateOverride);
}

defineMethodsEnumerable(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password',
  'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
defineMethodsEnumerable(URL, ['canParse', 'parse', 'createObjectURL', 'revokeObjectURL']);
Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  value: 'URL', writable: false, configurable: true, enumerable: false,
});

// ---------------------------------------------------------------------------
// Helpers for `url` (the module).

function isURL(value) {
  return value !== null && typeof value === 'object' && urlState.has(value);
}

// url.domainToASCII / domainToUnicode: the hostname setter's parse of `domain`, '' on failure.
function parseDomain(domain) {
  const record = basicParse('ws://x');
  if (!basicParse(toUSVString(domain), null, record, hostnameState)) return '';
  return record.host;
}

function domainToASCII(domain) {
  if (arguments.length === 0) throw missingArgs('domain');
  return parseDomain(domain);
}

function domainToUnicode(domain) {
  if (arguments.length === 0) throw missingArgs('domain');
  const ascii = parseDomain(domain);
  if (ascii === '') return '';
  const unicode = domainToUnicodeInternal(ascii);
  return unicode === null ? '' : unicode;
}

// Serializes a URL for url.format(URL, options).
function formatURL(url, { auth, fragment, search, unicode }) {
  const record = stateOf(url).record;
  let out = `${record.scheme}:`;
  if (record.host !== null) {
    out += '//';
    if (auth && record.includesCredentials) {
      out += record.username;
      if (record.password !== '') out += `:${record.password}`;
      out += '@';
    }
    let host = record.host;
    if (unicode) host = domainToUnicodeInternal(host) ?? host;
    out += host;
    if (record.port !== null) out += `:${record.port}`;
  } else if (!record.hasOpaquePath && record.path.length > 1 && record.path[0] === '') {
    out += '/.';
  }
  out += serializePath(record);
  if (search && record.query !== null) out += `?${record.query}`;
  if (fragment && record.fragment !== null) out += `#${record.fragment}`;
  return out;
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  domainToASCII,
  domainToUnicode,
  formatURL,
  toUSVString,
  utf8Decode,
  percentEncodeString,
  punycodeEncode,
  punycodeDecode,
  domainToAsciiInternal,
  codedError,
  invalidArgType,
  invalidUrlError,
};
