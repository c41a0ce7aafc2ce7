'use strict';
// Checks for the `querystring` module. Prints one result per line; querystring.test.out was
// generated with real Node.js v20.

const qs = require('querystring');

function show(label, fn) {
  let result;
  try {
    const value = fn();
    result = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) result = `null-proto ${result}`;
  } catch (err) {
    result = `throws ${err.name} ${err.code} ${err.message}`;
  }
  console.log(`${label} => ${result}`);
}

// --- parse -------------------------------------------------------------------

const parseInputs = [
  'a=1&b=2&a=3&a=4', 'a', 'a=', '=b', '=', '&&&', 'a&&b', 'a=1=2', 'a+b=c+d', 'a%20b=%zz%41',
  'x=%E4%zz', 'x=é%zz', 'x=é%zz+', 'x=%C3%A9', '%41b=c=é%', '%41%42=é%', '%C3%A9 ~==é%',
  '__proto__=1&constructor=2&toString=3', 'a=%', 'a=%2', 'a=%2G', 'a=%%41', '%\u0100=%\u0101',
  'a=\ud800', 'a=%F0%9F%98%80&b=😀', 'q=1;2&r', 'trailing=1&', '&leading=1',
];
for (const input of parseInputs) show(`parse(${JSON.stringify(input)})`, () => qs.parse(input));

show('parse custom separators', () => qs.parse('a:1;b:2;;c', ';', ':'));
show('parse multi-char separators', () => qs.parse('foo=>bar&&bar=>baz', '&&', '=>'));
show('parse separators without backtracking', () => qs.parse('a==>b&&&c=>d', '&&', '=>'));
show('parse falsy separators', () => qs.parse('a=1&b=2', '', null));
show('parse number separators', () => qs.parse('a0b1c0d', 1, 0));
for (const maxKeys of [1, 2, 0, -1, 1.5, NaN, Infinity]) {
  show(`parse maxKeys ${maxKeys}`, () => qs.parse('a=1&&b=2&c=3&d=4', null, null, { maxKeys }));
}
show('parse custom decoder', () => qs.parse('a+b=c%20d&e=f&g=', null, null, { decodeURIComponent: (s) => `<${s}>` }));
show('parse throwing decoder', () => qs.parse('a=%41%zz', null, null, {
  decodeURIComponent: () => { throw new Error('no'); },
}));
show('parse non-strings', () => [qs.parse(5), qs.parse(''), qs.parse(), qs.parse(null), qs.parse({})]);
show('parse result prototype', () => Object.getPrototypeOf(qs.parse('a=1')));
{
  const original = qs.unescape;
  qs.unescape = (s) => s.toUpperCase();
  show('parse uses replaced unescape', () => qs.parse('ab=cd'));
  qs.unescape = original;
}

// --- stringify ---------------------------------------------------------------

show('stringify basic', () => qs.stringify({ a: 1, b: 'x y', c: ['1', 2, true], d: '' }));
show('stringify value types', () => qs.stringify({
  s: 's', n: 1.5, z: -0, nan: NaN, inf: Infinity, t: true, f: false, nul: null, undef: undefined,
  obj: {}, fn() {}, big: 10n, sym: Symbol('x'), empty: [],
}));
show('stringify escaping', () => qs.stringify({ 'k é': ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~€😀' }));
show('stringify separators', () => qs.stringify({ a: 1, b: [2, 3] }, ';', ':'));
show('stringify multi-char separators', () => qs.stringify({ foo: 'bar', bar: 'baz' }, ', ', '==>'));
show('stringify custom encoder', () => qs.stringify({ aa: 'bb', n: 2, t: true }, null, null, {
  encodeURIComponent: (v) => `[${typeof v}:${v}]`,
}));
show('stringify non-objects', () => [qs.stringify('abc'), qs.stringify(5), qs.stringify(null), qs.stringify()]);
show('stringify array', () => qs.stringify(['a', 'b']));
show('stringify lone surrogate', () => qs.stringify({ a: '\ud800' }));
show('encode/decode aliases', () => [qs.encode === qs.stringify, qs.decode === qs.parse]);

// --- escape / unescape ---------------------------------------------------------

const escapeInputs = ['test', 'a b&c=d', "-_.!~*'()", 'Ŋōđĕ', '😀', '\ud801test', '\udc00x', '\ud800',
  '\u0000\u007f\u0080'];
for (const input of escapeInputs) show(`escape(${JSON.stringify(input)})`, () => qs.escape(input));
show('escape(5)', () => qs.escape(5));
show('escape({})', () => qs.escape({}));
show('escape([5, 10])', () => qs.escape([5, 10]));
show('escape(toString)', () => qs.escape({ toString: () => 'to string', valueOf: () => 10 }));
show('escape(valueOf)', () => qs.escape({ toString: 5, valueOf: () => 'value of' }));
show('escape(null)', () => qs.escape(null));

const unescapeInputs = ['a%20b', 'a+b', '%41%42', '%', '%4', '%zz', '%E4%zz', 'é%zz', '%C3%A9', '%F0%9F%98%80',
  '%ED%A0%80', 'a%%'];
for (const input of unescapeInputs) {
  show(`unescape(${JSON.stringify(input)})`, () => qs.unescape(input));
  show(`unescape(${JSON.stringify(input)}, true)`, () => qs.unescape(input, true));
}
show('unescapeBuffer', () => [
  [...qs.unescapeBuffer('a%41+b', true)], [...qs.unescapeBuffer('a%41+b')], [...qs.unescapeBuffer('%zz%4')],
  [...qs.unescapeBuffer('é')],
]);
show('module keys', () => Object.keys(qs));
