'use strict';
// Checks for the `url` module: the WHATWG URL parser, URL and URLSearchParams, and the legacy
// url.parse/format/resolve API. Prints one result per line; url.test.out was generated with
// real Node.js v20. Cases avoid anything that depends on the working directory.

const url = require('url');
const util = require('util');
const { URL, URLSearchParams } = url;

// url.parse warns (DEP0170) about some inputs; the warning text holds the pid.
process.noDeprecation = true;

function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    const extra = ['input', 'base'].filter((key) => key in err).map((key) => ` ${key}=${JSON.stringify(err[key])}`);
    return `throws ${err.name} ${err.code} ${err.message}${extra.join('')}`;
  }
}

function show(label, fn) {
  const result = attempt(fn);
  console.log(`${label} => ${typeof result === 'string' ? result : JSON.stringify(result)}`);
}

const COMPONENTS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];
const components = (u) => COMPONENTS.map((key) => `${key}=${JSON.stringify(u[key])}`).join(' ');

// --- WHATWG parsing ---------------------------------------------------------

const parseCases = [
  ['https://user:pw@example.com:8080/p/a/t/h?query=string#hash'],
  ['HTTP://EXAMPLE.COM:80/a/./b/../c'],
  ['  \t http://ex\nample.com/ \u0000'],
  ['http://example.com/a%2e/%2E%2e/b'],
  ['http:\\\\example.com\\a\\b'],
  ['http://0x7f.1/'],
  ['http://0177.0.0.1/'],
  ['http://4294967295/'],
  ['http://4294967296/'],
  ['http://1.2.3.4.5/'],
  ['http://1.2.3.09/'],
  ['http://[1:0:0:0:1:0:0:0]/'],
  ['http://[::ffff:192.168.0.1]:443/'],
  ['http://[::1'],
  ['http://[1::2::3]/'],
  ['https://例え.テスト/パス?クエリ#断片'],
  ['http://Bücher.example/'],
  ['http://xn--nxasmq6b.com/'],
  ['http://xn--a.com/'],
  ['http://ex ample.com/'],
  ['http://a%41b.com/'],
  ['http://%zz/'],
  ['sc://ñ.test/x y?a b#c d'],
  ['sc://a b/'],
  ['mailto:someone@example.com?subject=hi there'],
  ['javascript:alert(1)  '],
  ['data:text/plain,hello world#frag'],
  ['file:///C|/Windows/../System32'],
  ['file://localhost/etc/passwd'],
  ['file://host.example/share/file'],
  ['file:c:\\foo\\bar'],
  ['blob:https://example.com:443/uuid'],
  ['ws://example.com:80/'],
  ['wss://example.com:443/chat'],
  ['ftp://user@ftp.example.com:21/file'],
  ['http://example.com:65536/'],
  ['http://example.com:0x50/'],
  ['http://@example.com/'],
  ['http://:@example.com/'],
  ['http://a@b@c/'],
  ['http://example.com/?a=\'b\'&c="d"'],
  ['sc://example.com/?a=\'b\''],
  ['http://example.com/#a`b c'],
  ['web+demo:/.//not-a-host/'],
  ['non-special://host/..//p'],
  ['//foo/bar', 'https://example.org/base'],
  ['?x=1', 'http://example.com/dir/file?y#z'],
  ['#frag', 'http://example.com/dir/file?y'],
  ['../up/./here', 'http://example.com/a/b/c'],
  ['/abs', 'file:///C:/dir/file'],
  ['C|/x', 'file:///D:/dir/'],
  ['x', 'mailto:opaque'],
  ['#x', 'mailto:opaque'],
  ['relative'],
  ['http://example.com', 'not a url'],
  [''],
  ['http://'],
  ['http://example.com/\ud800'],
];
for (const [input, base] of parseCases) {
  const label = base === undefined ? `new URL(${JSON.stringify(input)})` : `new URL(${JSON.stringify(input)}, ${JSON.stringify(base)})`;
  show(label, () => components(base === undefined ? new URL(input) : new URL(input, base)));
}
show('new URL()', () => new URL());
show('URL.canParse(x)', () => [URL.canParse('x'), URL.canParse('x', 'http://a/'), URL.canParse('http://a', 'bad')]);
show('URL.parse', () => [URL.parse('nope'), URL.parse('/p', 'http://a/').href]);
show('URL.length', () => [URL.length, URL.canParse.length, URLSearchParams.length]);

// --- setters ---------------------------------------------------------------

const setterCases = [
  ['http://a/', 'protocol', 'https'],
  ['http://a/', 'protocol', 'foo'],
  ['foo://a/', 'protocol', 'http'],
  ['http://a:443/', 'protocol', 'https:extra'],
  ['http://u@a/', 'protocol', 'file'],
  ['file:///x', 'protocol', 'http'],
  ['http://a/', 'username', 'us er:@/'],
  ['http://a/', 'password', 'p@ss:w/rd'],
  ['file:///x', 'username', 'nope'],
  ['mailto:x', 'password', 'nope'],
  ['http://a/', 'host', 'b.example:8080'],
  ['http://a/', 'host', 'b.example:99999'],
  ['http://a:90/', 'host', 'c'],
  ['http://a/', 'host', ''],
  ['sc://a/', 'host', ''],
  ['http://a/', 'host', 'x y'],
  ['mailto:x', 'host', 'a'],
  ['http://a/', 'hostname', 'b:80'],
  ['http://a/', 'hostname', 'ÉXAMPLE.org'],
  ['file://h/p', 'hostname', 'localhost'],
  ['http://a/', 'port', '8080'],
  ['http://a/', 'port', '80'],
  ['http://a:99/', 'port', ''],
  ['http://a:99/', 'port', '12abc'],
  ['http://a:99/', 'port', 'abc'],
  ['http://a:99/', 'port', '65536'],
  ['http://a:99/', 'port', '\n\t'],
  ['file:///x', 'port', '1'],
  ['http://a/b', 'pathname', 'c d/../e/%2e/f?g#h'],
  ['http://a/b', 'pathname', ''],
  ['sc://a/b', 'pathname', ''],
  ['mailto:x', 'pathname', '/y'],
  ['file:///C:/a', 'pathname', '/../..'],
  ['http://a/', 'search', '?q=1 2&r=\''],
  ['http://a/?x', 'search', ''],
  ['http://a/', 'search', '??'],
  ['sc:opaque  ?q', 'search', ''],
  ['http://a/', 'hash', '#a b`c'],
  ['http://a/#x', 'hash', ''],
  ['sc:opaque  #h', 'hash', ''],
  ['http://a/', 'href', 'https://b/c'],
  ['http://a/', 'href', 'not a url'],
];
for (const [href, key, value] of setterCases) {
  show(`new URL(${JSON.stringify(href)}).${key} = ${JSON.stringify(value)}`, () => {
    const u = new URL(href);
    u[key] = value;
    return components(u);
  });
}
show('origin is read-only', () => {
  const u = new URL('http://a/');
  return Object.getOwnPropertyDescriptor(URL.prototype, 'origin').set === undefined && u.origin;
});

// --- URL API surface -------------------------------------------------------

{
  const u = new URL('https://user:pw@example.com:8080/p?q=1#h');
  show('toString/toJSON', () => [u.toString(), u.toJSON(), JSON.stringify({ u }), `${u}`]);
  show('searchParams identity', () => u.searchParams === u.searchParams);
  show('Object.keys(url)', () => Object.keys(u));
  show('prototype keys', () => Object.keys(URL.prototype));
  show('toStringTag', () => [Object.prototype.toString.call(u), Object.prototype.toString.call(u.searchParams)]);
  show('getter on wrong receiver', () => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}));
  show('inspect', () => util.inspect(u));
  show('inspect nested', () => util.inspect({ a: { b: u } }));
  show('inspect too deep', () => util.inspect({ a: { b: { c: u } } }));
  show('inspect depth 0', () => util.inspect(u, { depth: 0 }));
  class MyURL extends URL {}
  show('subclass inspect', () => util.inspect(new MyURL('http://x/')).split('\n')[0]);
}

// --- searchParams are live -------------------------------------------------

{
  const u = new URL('https://example.org/?a=1&b=2&a=3');
  const params = u.searchParams;
  params.append('c', 'x y');
  show('append updates href', () => u.href);
  params.delete('a');
  show('delete updates href', () => u.href);
  u.search = '?z=9';
  show('search updates params', () => [...params]);
  params.delete('z');
  show('emptied params', () => [u.href, u.search]);
  const tilde = new URL('https://example.org?foo=~bar');
  tilde.searchParams.sort();
  show('sort reserializes', () => tilde.search);
  const opaque = new URL('sc:x  ?a=1');
  opaque.searchParams.delete('a');
  show('opaque path trailing spaces', () => opaque.href);
}

// --- URLSearchParams -------------------------------------------------------

const paramInits = [
  'a=1&b=2&a=3', '?x=1', '??x=1', '&&a&=&b=c=d&', 'a+b=c+d', 'q=%20%2B%zz', 'e=%C3%A9&bad=%C3%28',
  'latin=%C3é', 'name', '=value', '', '%4+1', 'a=%F0%9F%98%80',
];
for (const init of paramInits) {
  show(`new URLSearchParams(${JSON.stringify(init)})`, () => {
    const p = new URLSearchParams(init);
    return [[...p], p.toString(), p.size];
  });
}
show('from record', () => new URLSearchParams({ a: 1, b: [2, 3], c: null, 'd e': undefined }).toString());
show('from iterable', () => new URLSearchParams([['a', 'b'], new Set(['c', 'd'])]).toString());
show('from URLSearchParams', () => new URLSearchParams(new URLSearchParams('x=1&y=2')).toString());
show('from Map', () => new URLSearchParams(new Map([['k', 'v']])).toString());
show('bad tuple', () => new URLSearchParams([['a']]));
show('non-iterable pair', () => new URLSearchParams([1]));
show('bad iterator', () => new URLSearchParams({ [Symbol.iterator]: 5 }));
show('lone surrogates', () => new URLSearchParams([['\ud800', '\udc00x']]).toString());
show('serializer set', () => new URLSearchParams({ k: ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é€😀' }).toString());

{
  const p = new URLSearchParams('a=1&b=2&a=3&c=4');
  show('get', () => [p.get('a'), p.get('zz'), p.getAll('a'), p.getAll('zz')]);
  show('has', () => [p.has('a'), p.has('a', '3'), p.has('a', '9'), p.has('zz')]);
  p.set('a', 'only');
  show('set', () => p.toString());
  p.delete('c', 'nope');
  show('delete with other value', () => p.toString());
  p.delete('c', '4');
  show('delete with value', () => p.toString());
  p.append('Z', '1');
  p.append('b', '0');
  p.append('\u00e9', 'e');
  p.append('A', 'first');
  p.sort();
  show('sort is stable', () => p.toString());
  show('keys', () => [...p.keys()]);
  show('values', () => [...p.values()]);
  show('entries', () => [...p.entries()]);
  show('iterator is entries', () => URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries);
  const seen = [];
  p.forEach(function each(value, key, self) { seen.push(`${key}:${value}:${self === p}:${this}`); }, 'ctx');
  show('forEach', () => seen);
  show('inspect', () => util.inspect(p));
  show('inspect empty', () => util.inspect(new URLSearchParams()));
  show('inspect long', () => util.inspect(new URLSearchParams({ long: 'x'.repeat(80), more: 'y' })));
  show('inspect iterator', () => [util.inspect(p.keys()), util.inspect(p.entries())]);
  const it = p.values();
  it.next();
  show('inspect iterator after next', () => util.inspect(it));
  show('iterator toStringTag', () => Object.prototype.toString.call(p.keys()));
  show('missing args', () => [
    attempt(() => p.append('a')), attempt(() => p.get()), attempt(() => p.set('x')),
    attempt(() => p.forEach()), attempt(() => p.forEach(1)),
  ]);
  show('wrong this', () => URLSearchParams.prototype.toString.call(undefined));
  show('wrong this (size)', () => Object.getOwnPropertyDescriptor(URLSearchParams.prototype, 'size').get.call({}));
}

{
  // Entries appended while iterating are visited.
  const p = new URLSearchParams('a=1');
  const visited = [];
  for (const [key] of p) {
    visited.push(key);
    if (visited.length < 3) p.append(`k${visited.length}`, 'v');
  }
  show('live iteration', () => visited);
}

// --- domainToASCII / domainToUnicode --------------------------------------

const domains = ['español.com', 'xn--espaol-zwa.com', '中文.com', 'EXAMPLE.com', 'a b', 'xn--iñvalid.com', '',
  '127.1', 'a/b', 'a:80', '[::1]', 'ΒΌΛΟΣ.gr', 'faß.de', 'ＡＢＣ．ｃｏｍ', 'مثال.إختبار', 'a\u200db'];
for (const domain of domains) {
  show(`domainToASCII(${JSON.stringify(domain)})`, () => url.domainToASCII(domain));
  show(`domainToUnicode(${JSON.stringify(domain)})`, () => url.domainToUnicode(domain));
}
show('domainToASCII()', () => url.domainToASCII());

// --- file URLs -------------------------------------------------------------

const filePaths = ['/foo', '/dir/', '/a b', '/a?b#c', '/100%', '/back\\slash', '/tab\there', '/new\nline',
  '/cr\rhere', '/fóóbàr', '/€', '/🚀', '/a/../b/./c', '//double'];
for (const p of filePaths) show(`pathToFileURL(${JSON.stringify(p)})`, () => url.pathToFileURL(p).href);
show('pathToFileURL(5)', () => url.pathToFileURL(5));
const windowsPaths = ['C:\\foo bar\\x', 'C:\\dir\\', 'C:\\a[b]^c|d~e%f#g', '\\\\nas\\My Docs\\File.doc',
  '\\\\?\\UNC\\srv\\share\\f', '\\\\\\no-server', '\\\\host', '\\\\ÄB\\s'];
for (const p of windowsPaths) {
  show(`pathToFileURL(${JSON.stringify(p)}, { windows: true })`, () => url.pathToFileURL(p, { windows: true }).href);
}
const windowsFileUrls = ['file:///C:/foo%20bar/', 'file://nas/share/f', 'file://xn--b-zfa/s', 'file:///C:/a%5Cb',
  'file:///C:/a%2Fb', 'file:///a/b'];
for (const f of windowsFileUrls) {
  show(`fileURLToPath(${JSON.stringify(f)}, { windows: true })`, () => url.fileURLToPath(f, { windows: true }));
}
const fileUrls = ['file:///foo', 'file:///a%20b', 'file://localhost/etc/x', 'file:///a%2Fb', 'file:///a%2fb',
  'file:///%E2%82%AC', 'file://host/a', 'https://a/b', 'not a url'];
for (const f of fileUrls) show(`fileURLToPath(${JSON.stringify(f)})`, () => url.fileURLToPath(f));
show('fileURLToPath(URL)', () => url.fileURLToPath(new URL('file:///x%20y')));
for (const bad of [null, undefined, 1, {}, true]) show(`fileURLToPath(${String(bad)})`, () => url.fileURLToPath(bad));

// --- urlToHttpOptions ------------------------------------------------------

show('urlToHttpOptions', () => url.urlToHttpOptions(new URL('http://a:b@[::1]:90/p?q#h')));
show('urlToHttpOptions no port', () => url.urlToHttpOptions(new URL('https://user@x.com/')));
show('urlToHttpOptions keys', () => Object.keys(url.urlToHttpOptions(new URL('https://x.com/'))));

// --- legacy url.parse ------------------------------------------------------

const legacyInputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  'HTTP://WWW.EXAMPLE.COM/A/B',
  '  http://example.com/ws \n',
  'http://a\\b\\c?d\\e#f\\g',
  '/path/to/file?x=1&y=2',
  '//host/path',
  'mailto:user@example.com',
  'javascript:alert("hi")',
  'file:///etc/passwd',
  'http://[::1]:3000/x',
  'http://bücher.de/',
  'http://a.com:80x/',
  'http://ex ample.com/',
  'http://a"b/',
  'http://google.com" onload="alert(42)/',
  'http://x.com/path with spaces/and"quotes',
  'http://user%40host:pa%3Ass@example.com/',
  'http://a.com?',
  'http://a.com#',
  'svn+ssh://foo/bar',
  'HTTP:a/b',
  'coap://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:61616/s',
  'x:y:z',
  `http://${'a'.repeat(256)}/`,
  '?only=query',
  '#only-hash',
  '',
];
for (const input of legacyInputs) {
  show(`url.parse(${JSON.stringify(input)})`, () => url.parse(input));
}
show('url.parse with query', () => url.parse('http://a/b?x=1&y=2&x=3', true));
show('url.parse query prototype', () => Object.getPrototypeOf(url.parse('/a?b=c', true).query));
show('url.parse empty query', () => url.parse('http://a/b', true).query);
show('url.parse slashesDenoteHost', () => url.parse('//host/path', false, true));
show('url.parse(Url)', () => {
  const parsed = url.parse('http://a/');
  return url.parse(parsed) === parsed;
});
show('url.parse(5)', () => url.parse(5));
show('url.parse bad auth', () => url.parse('http://%zz@a/'));
show('url.parse forbidden host', () => url.parse('http://a[b/c'));
show('Url instance', () => util.inspect(url.parse('http://a/b')));
show('new Url()', () => util.inspect(new url.Url()));

// --- legacy url.format -----------------------------------------------------

const formatObjects = [
  { protocol: 'http', host: 'a.com', pathname: 'x/y', search: 'q', hash: 'h' },
  { protocol: 'https:', hostname: '::1', port: 8080, pathname: '/' },
  { protocol: 'file', pathname: '/etc/hosts' },
  { protocol: 'mailto', auth: 'user', hostname: 'example.com' },
  { protocol: 'http', auth: 'a:b:c@d', host: 'h' },
  { protocol: 'http', hostname: 'a', query: { x: [1, 2], y: 'z w' } },
  { protocol: 'http', hostname: 'a', pathname: '/p#q?r', search: '?s#t' },
  { slashes: true, host: 'a', pathname: 'b' },
  { pathname: '/a', query: 'ignored string' },
  {},
];
for (const obj of formatObjects) show(`url.format(${JSON.stringify(obj)})`, () => url.format(obj));
show('url.format(string)', () => url.format('HTTP://A.com/x y?q'));
{
  const u = new URL('http://user:pw@xn--bcher-kva.de:8080/p?q=1#frag');
  show('url.format(URL)', () => url.format(u));
  show('url.format(URL, options)', () => url.format(u, { auth: false, fragment: false, search: false, unicode: true }));
  show('url.format(URL, {})', () => url.format(u, {}));
  show('url.format(URL, 5)', () => url.format(u, 5));
  show('url.format(URL, [])', () => url.format(u, []));
}
show('url.format(5)', () => url.format(5));
show('url.format(null)', () => url.format(null));
show('Url.prototype.format', () => url.parse('http://a/b?c#d').format());

// --- legacy url.resolve ----------------------------------------------------

const resolveCases = [
  ['/one/two/three', 'four'],
  ['http://example.com/', '/one'],
  ['http://example.com/one', '/two'],
  ['http://example.com/a/b/c', '../../d'],
  ['http://example.com/a/b/c', './'],
  ['http://a/b/c/d;p?q', 'g;x?y#s'],
  ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', '?y'],
  ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', '../../../g'],
  ['http://a/b/c/d;p?q', 'http:g'],
  ['http://u:p@a/b', 'https://c/d'],
  ['http://u:p@a/b', '/x'],
  ['mailto:a@b.com', 'mailto:c@d.com'],
  ['mailto:user@example.org', 'mailto:another.host.com'],
  ['mailto:a@b.com', 'other'],
  ['https://registry.npmjs.org', '@foo/bar'],
  ['foo/bar', '../../../baz'],
  ['http://localhost', 'file:///Users/foo'],
];
for (const [from, to] of resolveCases) show(`url.resolve(${JSON.stringify(from)}, ${JSON.stringify(to)})`, () => url.resolve(from, to));
show('url.resolveObject', () => url.resolveObject('http://a/b/c', '../d?e'));
show('url.resolveObject empty source', () => url.resolveObject('', 'foo'));

show('module keys', () => Object.keys(url));
show('URL is url.URL', () => url.URL === URL && url.URLSearchParams === URLSearchParams);
