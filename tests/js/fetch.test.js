// fetch, Headers, Request, Response and FormData, checked against a local http server.
'use strict';
const http = require('http');
const https = require('https');
const net = require('net');
const zlib = require('zlib');
const util = require('util');

function show(label, value) {
  console.log(label, util.inspect(value, { depth: 4, breakLength: 120 }));
}

function error(label, e) {
  if (!(e instanceof Error)) {
    console.log(label, 'threw', util.inspect(e));
    return;
  }
  const cause = e && e.cause ? ` cause=${e.cause.name}:${e.cause.message}${e.cause.code ? `:${e.cause.code}` : ''}` : '';
  console.log(label, 'threw', e && e.name, JSON.stringify(e && e.message) + cause);
}

async function check(label, fn) {
  try {
    show(label, await fn());
  } catch (e) {
    error(label, e);
  }
}

// Multipart boundaries are random: shown with the digits masked.
const mask = (text) => text.replace(/formdata-undici-\d+/g, 'formdata-undici-N');

async function headersTests() {
  await check('headers bad name', () => new Headers({ 'a b': 'c' }));
  await check('headers bad pair', () => new Headers([['a']]));
  await check('headers triple', () => new Headers([['a', 'b', 'c']]));
  await check('headers number', () => new Headers(5));
  await check('headers null', () => new Headers(null));
  await check('headers newline', () => new Headers({ a: 'x\ny' }));
  await check('headers trims', () => new Headers({ a: ' x\t ' }).get('a'));
  await check('headers nul', () => new Headers({ a: 'x\0y' }));
  await check('headers latin1', () => new Headers({ a: 'é' }).get('a'));
  await check('headers wide', () => new Headers({ a: '\u0100' }));
  await check('headers set bad', () => new Headers().set('a b', 'x'));
  await check('headers get bad', () => new Headers().get('a b'));
  await check('headers has bad', () => new Headers().has('a b'));
  await check('headers delete bad', () => new Headers().delete('a b'));
  await check('headers append cr', () => new Headers().append('x', 'y\r'));
  await check('headers append 1 arg', () => new Headers().append('x'));
  await check('headers get 0 args', () => new Headers().get());
  await check('headers illegal', () => Headers.prototype.get.call({}, 'a'));
  await check('headers number value', () => new Headers({ a: 1 }).get('A'));
  await check('headers array value', () => new Headers({ a: ['x', 'y'] }).get('A'));
  const h = new Headers([['b', '2'], ['A', '1'], ['set-cookie', 'c=1'], ['Set-Cookie', 'd=2'], ['a', '3'], ['C', 'x']]);
  show('headers entries', [...h]);
  show('headers keys', [...h.keys()]);
  show('headers values', [...h.values()]);
  show('headers get', [h.get('a'), h.get('set-cookie'), h.getSetCookie(), h.has('B'), h.get('zz')]);
  h.forEach(function (value, key, object) {
    console.log('forEach', key, value, object === h, this === undefined ? 'no this' : String(this));
  }, 'T');
  h.delete('A');
  show('headers after delete', [...h.entries()]);
  h.set('Set-Cookie', 'e=3');
  show('headers after set', [[...h], h.getSetCookie()]);
  show('headers copy', [new Headers(h) !== h, [...new Headers(h)], [...new Headers(new Map([['m', '1']]))]]);
  const iterator = h[Symbol.iterator]();
  show('headers iterator', [Object.prototype.toString.call(iterator), iterator.next(), h.entries === h[Symbol.iterator]]);
  const live = new Headers({ a: '1', b: '2', c: '3' });
  for (const [key] of live) {
    console.log('live', key);
    if (key === 'a') live.delete('b');
  }
  show('headers inspect', new Headers({ 'X-Up': 'a', 'set-cookie': 'x' }));
  show('headers tag', [Object.prototype.toString.call(h), String(h)]);
  show('headers proto', Object.getOwnPropertyNames(Headers.prototype));
  await check('headers forEach none', () => new Headers().forEach());
  await check('headers forEach number', () => new Headers({ a: 'b' }).forEach(5));
  await check('headers immutable', () => Response.error().headers.set('a', 'b'));
}

async function requestResponseTests() {
  await check('request relative', () => new Request('/rel'));
  await check('request GET body', () => new Request('http://a/', { method: 'GET', body: 'x' }));
  await check('request CONNECT', () => new Request('http://a/', { method: 'CONNECT' }));
  await check('request TRACE', () => new Request('http://a/', { method: 'TRACE' }));
  await check('request bad method', () => new Request('http://a/', { method: 'bad method' }));
  await check('request post normalised', () => new Request('http://a/', { method: 'pOsT' }).method);
  await check('request custom method', () => new Request('http://a/', { method: 'custom' }).method);
  await check('request credentials', () => new Request('http://u:p@a/'));
  await check('request fragment', () => new Request('http://a/#frag').url);
  await check('request redirect enum', () => new Request('http://a/', { redirect: 'bogus' }));
  await check('request navigate', () => new Request('http://a/', { mode: 'navigate' }));
  await check('request signal', () => new Request('http://a/', { signal: 5 }));
  await check('request init number', () => new Request('http://a', 5));
  await check('request window', () => new Request('http://a', { window: 1 }));
  await check('request referrer', () => [new Request('http://a', { referrer: '' }).referrer, new Request('http://a', { referrer: 'http://b/x' }).referrer]);
  await check('request duplex', () => new Request('http://a/', { duplex: 'full' }));
  await check('request no args', () => new Request());
  // (The signal is left out: AbortSignal's own inspection is another module's business.)
  await check('request inspect', () => util.inspect(new Request('http://a.com/x', { method: 'post', body: 'x' })).replace(/,\n  signal: [\s\S]*\n\}$/, '\n}'));
  await check('request from request', () => {
    const r = new Request('http://a/', { method: 'POST', body: 'abc' });
    const r2 = new Request(r);
    return [r.bodyUsed, r2.bodyUsed, r2.method];
  });
  await check('request used', async () => {
    const r = new Request('http://a/', { method: 'POST', body: 'abc' });
    await r.text();
    return new Request(r);
  });
  await check('request read twice', async () => {
    const r = new Request('http://a/', { method: 'POST', body: 'abc' });
    await r.text();
    return r.text();
  });
  await check('request clone used', async () => {
    const r = new Request('http://a/', { method: 'POST', body: 'abc' });
    await r.text();
    return r.clone();
  });
  await check('request clone', async () => {
    const r = new Request('http://a/', { method: 'POST', body: 'abc', headers: { x: '1' } });
    const c = r.clone();
    return [await c.text(), await r.text(), [...c.headers]];
  });
  await check('request headers replaced', () => {
    const r = new Request('http://a/', { method: 'POST', body: 'x', headers: { a: '1' } });
    return [...new Request(r, { headers: { b: '2' } }).headers];
  });
  await check('request signal follows', () => {
    const c = new AbortController();
    const r = new Request('http://a/', { signal: c.signal });
    c.abort();
    return [r.signal.aborted, r.signal === c.signal];
  });
  // Node's list also has a stray 'attribute' member (an undici slip), left out here.
  await check('request proto', () => Object.getOwnPropertyNames(Request.prototype).filter((name) => name !== 'attribute'));

  await check('response json', () => new Response('{"a":1}').json());
  await check('response bad json', () => new Response('{bad').json().catch((e) => e.name));
  await check('response status 99', () => new Response('x', { status: 99 }));
  await check('response 204 body', () => new Response('x', { status: 204 }));
  await check('response 204 null', () => new Response(null, { status: 204 }).status);
  await check('response statusText', () => new Response('x', { statusText: 'a\nb' }));
  await check('response redirect', () => Response.redirect('http://a/b', 301).headers.get('location'));
  await check('response redirect 200', () => Response.redirect('http://a/b', 200));
  await check('response redirect relative', () => Response.redirect('/rel'));
  await check('response redirect default', () => Response.redirect('http://a/').status);
  await check('response error', () => {
    const r = Response.error();
    return [r.type, r.status, r.ok, r.statusText, r.body, r.url];
  });
  await check('response static json', async () => {
    const r = Response.json({ a: 1 }, { status: 202, headers: { x: 'y' } });
    return [r.status, [...r.headers], await r.text()];
  });
  await check('response json symbol', () => Response.json(Symbol('s')));
  await check('response urlencoded', async () => {
    const r = new Response(new URLSearchParams('a=1&b=2&a=3'));
    return [r.headers.get('content-type'), [...(await r.formData())]];
  });
  await check('response formData no type', () => new Response('a=1').formData());
  await check('response formData urlencoded', async () => {
    const r = new Response('a=1&b=%20x+y', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return [...(await r.formData())];
  });
  await check('response bytes body', async () => {
    const r = new Response(new Uint8Array([1, 2, 3]));
    return [r.headers.get('content-type'), new Uint8Array(await r.arrayBuffer())];
  });
  await check('response dataview body', () => new Response(new DataView(new Uint8Array([104, 105]).buffer)).text());
  await check('response arraybuffer body', () => new Response(new Uint8Array([104, 105]).buffer).text());
  await check('response blob body', async () => {
    const r = new Response(new Blob(['x'], { type: 'A/B' }));
    const b = await r.blob();
    return [r.headers.get('content-type'), b.type, b.size, await b.text()];
  });
  await check('response bodyUsed', async () => {
    const r = new Response('hi');
    return [r.bodyUsed, await r.text(), r.bodyUsed];
  });
  await check('response empty', async () => {
    const r = new Response();
    return [r.body, r.bodyUsed, await r.text(), r.bodyUsed, await r.text(), r.status, r.statusText, r.ok];
  });
  await check('response keeps type', () => new Response('x', { headers: { 'content-type': 'foo/bar' } }).headers.get('content-type'));
  await check('response clone', () => new Response('x').clone().text());
  await check('response clone used', async () => {
    const r = new Response('x');
    await r.text();
    return r.clone();
  });
  await check('response number body', () => new Response(5).text());
  await check('response object body', () => new Response({}).text());
  await check('response status 200.5', () => new Response('x', { status: 200.5 }).status);
  await check('response status string', () => new Response('x', { status: '201' }).status);
  await check('response status 600', () => new Response('x', { status: 600 }));
  await check('response bytes()', () => new Response('x').bytes());
  await check('response inspect', () => new Response('hi', { status: 201, headers: { x: 'y' } }));
  await check('response proto', () => Object.getOwnPropertyNames(Response.prototype));
  await check('response statics', () => Object.getOwnPropertyNames(Response));
  await check('lengths', () => [fetch.name, fetch.length, Headers.length, Request.length, Response.length, FormData.length]);
  await check('async iterable body', () => {
    async function* parts() {
      yield 'a';
      yield new Uint8Array([98]);
    }
    return new Response(parts()).text();
  });
  await check('blob from text type', async () => (await new Response('x', { headers: { 'content-type': 'text/html' } }).blob()).type);
}

async function streamTests() {
  const r = new Response('abc');
  const body = r.body;
  const reader = body.getReader();
  show('stream locked', [body.locked, r.bodyUsed]);
  const pending = reader.read();
  show('stream used after read', r.bodyUsed);
  show('stream reads', [await pending, await reader.read(), await reader.read()]);
  reader.releaseLock();
  await reader.closed.catch((e) => console.log('closed after release:', e.message));
  const r2 = new Response('abc');
  r2.text();
  show('text marks used', [r2.bodyUsed, r2.body.locked]);
  const r3 = new Response('xyz');
  r3.body.getReader();
  await check('locked text', () => r3.text());
  await check('locked clone', () => r3.clone());
  try {
    r3.body.getReader();
  } catch (e) {
    console.log('second reader', e.name, e.code, e.message);
  }
  const r4 = new Response('q');
  await r4.body.cancel();
  show('cancelled used', r4.bodyUsed);
  await check('cancelled text', () => r4.text());
  const r5 = new Response('tee');
  const [a, b] = r5.body.tee();
  show('tee', [r5.body.locked, r5.bodyUsed, await new Response(a).text(), await new Response(b).text()]);
  const r6 = new Response('hello');
  for await (const chunk of r6.body) {
    show('for await chunk', chunk);
    break;
  }
  show('after break', [r6.body.locked, r6.bodyUsed, r6.body]);
  show('fresh stream', new Response('').body);
  show('empty reads', [await new Response(new Uint8Array(0)).body.getReader().read(), await new Response('').body.getReader().read()]);
  show('stream proto', Object.getOwnPropertyNames(Object.getPrototypeOf(new Response('').body)));
  const rr = new Response('x').body.getReader();
  show('reader', [Object.getOwnPropertyNames(Object.getPrototypeOf(rr)), Object.prototype.toString.call(rr)]);
  show('clone of stream-backed', await (async () => {
    const original = new Response(new Response('streamed').body);
    const copy = original.clone();
    return [await original.text(), await copy.text()];
  })());
}

async function formDataTests() {
  await check('formdata arg', () => new FormData(5));
  await check('formdata undefined', () => new FormData(undefined));
  await check('formdata append 1', () => new FormData().append('a'));
  await check('formdata append 3 string', () => new FormData().append('a', 'b', 'c'));
  await check('formdata values', () => {
    const f = new FormData();
    f.append('a', new Blob(['x']));
    f.append('b', new Blob(['x']), 'n');
    f.append('c', new File(['y'], 'orig', { type: 'q/r' }), 'renamed');
    f.append('d', new File(['y'], 'orig'));
    f.append('e', 5);
    f.append('e', {});
    return [...f].map(([k, v]) => [k, typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size]]);
  });
  await check('formdata set/get', () => {
    const f = new FormData();
    f.append('a', '1');
    f.append('b', '2');
    f.append('a', '3');
    f.set('a', '4');
    return [...f, f.get('a'), f.getAll('b'), f.has('c'), f.get('c'), f.getAll('c')];
  });
  await check('formdata delete', () => {
    const f = new FormData();
    f.append('a', '1');
    f.append('b', '2');
    f.append('a', '3');
    f.delete('a');
    return [...f.keys(), ...f.values()];
  });
  await check('formdata multipart', async () => {
    const f = new FormData();
    f.append('a\r\n"x', 'l1\nl2\rl3\r\nl4');
    f.append('f', new Blob(['z']), 'q"\n.txt');
    const r = new Response(f);
    return [mask(r.headers.get('content-type')), mask(await r.text())];
  });
  await check('formdata forEach', () => {
    const f = new FormData();
    f.append('a', '1');
    f.forEach((v, k, o) => console.log('formdata each', v, k, o === f));
    return Object.prototype.toString.call(f[Symbol.iterator]());
  });
  await check('formdata roundtrip', async () => {
    const f = new FormData();
    f.append('a', 'b');
    f.append('f', new Blob(['zz'], { type: 'x/y' }), 'n.txt');
    const parsed = await new Response(f).formData();
    return [...parsed].map(([k, v]) => [k, typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size]]);
  });
  await check('formdata parse multipart', async () => {
    const body = '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nval\r\n--XX\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\nContent-Type: app/bin\r\n\r\nBIN\r\n--XX--\r\n';
    const f = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=XX' } }).formData();
    return [...f].map(([k, v]) => [k, typeof v === 'string' ? v : [v.name, v.type, v.size]]);
  });
  await check('formdata garbage', () => new Response('garbage', { headers: { 'content-type': 'multipart/form-data; boundary=XX' } }).formData());
  await check('formdata no boundary', () => new Response('garbage', { headers: { 'content-type': 'multipart/form-data' } }).formData());
  await check('formdata inspect', () => {
    const f = new FormData();
    f.append('x', 'y');
    f.append('x', 'z');
    return f;
  });
  await check('formdata illegal', () => FormData.prototype.get.call({}, 'a'));
  await check('formdata get 0', () => new FormData().get());
  await check('formdata proto', () => Object.getOwnPropertyNames(FormData.prototype));
}

// ---------------------------------------------------------------------------------------------
// Against a local server.

let onHang = null;

function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    switch (url.pathname) {
      case '/r':
        res.writeHead(Number(url.searchParams.get('s')), { location: url.searchParams.get('to') });
        return res.end('redirect body');
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/noloc':
        res.writeHead(302);
        return res.end('noloc');
      case '/gz':
        res.writeHead(200, { 'content-encoding': 'gzip' });
        return res.end(zlib.gzipSync('zipped!'));
      case '/df':
        res.writeHead(200, { 'content-encoding': 'deflate' });
        return res.end(zlib.deflateSync('deflated!'));
      case '/br':
        res.writeHead(200, { 'content-encoding': 'br' });
        return res.end(zlib.brotliCompressSync('brotli!'));
      case '/unknown-coding':
        res.writeHead(200, { 'content-encoding': 'zstd-ish' });
        return res.end('raw');
      case '/badgz':
        res.writeHead(200, { 'content-encoding': 'gzip' });
        return res.end('notgzip');
      case '/chunks':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        setTimeout(() => {
          res.write('b');
          res.end('c');
        }, 10);
        return undefined;
      case '/status':
        res.writeHead(404, 'Nope Here', { 'x-multi': ['1', '2'], 'set-cookie': ['a=1', 'b=2'] });
        return res.end('nf');
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"ok":true}');
      case '/form':
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
        return res.end('x=1&y=2');
      case '/hang':
        if (onHang) onHang();
        return undefined;
      case '/partial':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        if (onHang) onHang();
        return undefined;
      default: {
        const sent = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          const name = req.rawHeaders[i].toLowerCase();
          if (name !== 'host') sent.push(mask(`${name}: ${req.rawHeaders[i + 1]}`));
        }
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ method: req.method, url: req.url, body: mask(body), headers: sent.sort() }));
      }
    }
  });
}

async function networkTests(base) {
  const other = base.replace('127.0.0.1', 'localhost');
  const strip = (text) => text.split(base).join('B').split(other).join('O');
  const fetched = async (label, promise) => {
    try {
      const r = await promise;
      const text = await r.text();
      console.log(label, r.status, JSON.stringify(r.statusText), r.ok, r.redirected, r.type, strip(r.url), strip(text));
      return r;
    } catch (e) {
      error(label, e);
      return null;
    }
  };
  await fetched('get', fetch(`${base}/echo?b=1`));
  await fetched('post text', fetch(`${base}/echo`, { method: 'POST', body: 'hello' }));
  await fetched('put params', fetch(`${base}/echo`, { method: 'put', body: new URLSearchParams({ a: '1 2' }) }));
  const fd = new FormData();
  fd.append('a', 'b');
  fd.append('f', new Blob(['xyz'], { type: 'text/plain' }), 'f.txt');
  await fetched('post formdata', fetch(`${base}/echo`, { method: 'POST', body: fd }));
  await fetched('post bytes', fetch(`${base}/echo`, { method: 'POST', body: new Uint8Array([65, 66]) }));
  await fetched('post blob', fetch(`${base}/echo`, { method: 'POST', body: new Blob(['blob'], { type: 'x/y' }) }));
  await fetched('post empty', fetch(`${base}/echo`, { method: 'POST' }));
  await fetched('delete', fetch(`${base}/echo`, { method: 'DELETE' }));
  await fetched('own headers', fetch(`${base}/echo`, { method: 'PATCH', headers: { 'User-Agent': 'me', accept: 'text/html', 'X-Two': ['1', '2'] } }));
  await fetched('headers object', fetch(`${base}/echo`, { headers: new Headers([['x-a', '1'], ['x-a', '2']]) }));
  await fetched('header pairs', fetch(`${base}/echo`, { headers: [['x-b', '3']] }));
  async function* generate() {
    yield 'x';
    yield new Uint8Array([121]);
  }
  await fetched('iterable no duplex', fetch(`${base}/echo`, { method: 'POST', body: generate() }));
  await fetched('iterable', fetch(`${base}/echo`, { method: 'POST', body: generate(), duplex: 'half' }));
  await fetched('stream body', fetch(`${base}/echo`, { method: 'POST', body: new Response('from a response').body, duplex: 'half' }));
  const request = new Request(`${base}/echo`, { method: 'POST', body: 'req body' });
  await fetched('request object', fetch(request));
  console.log('request used after fetch', request.bodyUsed);
  await fetched('request override', fetch(new Request(`${base}/echo`, { method: 'POST', body: 'req body' }), { method: 'PUT' }));
  await fetched('url object', fetch(new URL(`${base}/echo?u=1`)));

  await fetched('301 post', fetch(`${base}/r?s=301&to=/echo`, { method: 'POST', body: 'data', headers: { authorization: 'x' } }));
  await fetched('302 post', fetch(`${base}/r?s=302&to=/echo`, { method: 'POST', body: 'data' }));
  await fetched('303 put', fetch(`${base}/r?s=303&to=/echo`, { method: 'PUT', body: 'data' }));
  await fetched('307 post', fetch(`${base}/r?s=307&to=/echo`, { method: 'POST', body: 'data' }));
  await fetched('308 fragment', fetch(`${base}/r?s=308&to=${encodeURIComponent('/echo?q=1#frag')}`, { method: 'POST', body: 'data' }));
  await fetched('cross origin', fetch(`${base}/r?s=302&to=${encodeURIComponent(`${other}/echo`)}`, { headers: { authorization: 'x', cookie: 'c=1' } }));
  await fetched('loop', fetch(`${base}/loop`));
  await fetched('no location', fetch(`${base}/noloc`));
  const manual = await fetched('manual', fetch(`${base}/r?s=302&to=/echo`, { redirect: 'manual' }));
  show('manual location', manual && manual.headers.get('location'));
  await fetched('redirect error', fetch(`${base}/r?s=302&to=/echo`, { redirect: 'error' }));
  await fetched('bad location', fetch(`${base}/r?s=302&to=${encodeURIComponent('http://[')}`));
  await fetched('ftp location', fetch(`${base}/r?s=302&to=${encodeURIComponent('ftp://x/')}`));
  await fetched('stream redirect', fetch(`${base}/r?s=307&to=/echo`, { method: 'POST', body: generate(), duplex: 'half' }));

  await fetched('gzip', fetch(`${base}/gz`));
  await fetched('deflate', fetch(`${base}/df`));
  await fetched('brotli', fetch(`${base}/br`));
  await fetched('unknown coding', fetch(`${base}/unknown-coding`));
  await fetched('bad gzip', fetch(`${base}/badgz`));
  await fetched('head', fetch(`${base}/gz`, { method: 'HEAD' }));

  const status = await fetch(`${base}/status`);
  show('status headers', [...status.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));
  show('status', [status.status, status.statusText, status.ok, status.headers.getSetCookie(), await status.text()]);
  await check('fetched headers immutable', () => status.headers.set('a', 'b'));
  const json = await fetch(`${base}/json`);
  show('json', [json.headers.get('content-type'), await json.json(), json.bodyUsed]);
  await check('json again', () => json.json());
  show('form', [...(await (await fetch(`${base}/form`)).formData())]);
  const blob = await (await fetch(`${base}/json`)).blob();
  show('blob', [blob.type, blob.size]);
  show('arrayBuffer', new Uint8Array(await (await fetch(`${base}/json`)).arrayBuffer()).length);
  const cloned = await fetch(`${base}/chunks`);
  const copy = cloned.clone();
  show('clone', [await cloned.text(), await copy.text()]);
  const chunked = await fetch(`${base}/chunks`);
  const parts = [];
  for await (const chunk of chunked.body) parts.push(Buffer.from(chunk).toString());
  show('for await body', [parts.join(''), chunked.bodyUsed]);
  const read = await fetch(`${base}/chunks`);
  const reader = read.body.getReader();
  const kinds = [];
  for (let step = await reader.read(); !step.done; step = await reader.read()) kinds.push(step.value.constructor.name);
  show('reader body', [kinds[0], read.bodyUsed, read.body.locked]);
  await check('read after reader', () => read.text());
  // The server's headers are left out: their order is the server's business.
  show('inspect fetched', util.inspect(await fetch(`${base}/json`)).replace(/headers: Headers \{[^}]*\}/, 'headers: ...').split(base).join('B'));

  // Aborts.
  await check('pre-aborted', () => fetch(`${base}/echo`, { signal: AbortSignal.abort('why') }));
  const controller = new AbortController();
  onHang = () => controller.abort(new Error('stop'));
  await check('abort in flight', () => fetch(`${base}/hang`, { signal: controller.signal }));
  const midway = new AbortController();
  onHang = null;
  const partial = await fetch(`${base}/partial`, { signal: midway.signal });
  const partialText = partial.text();
  midway.abort(new Error('stop reading'));
  await check('abort during body', () => partialText);
  const plain = new AbortController();
  const plainFetch = fetch(`${base}/hang`, { signal: plain.signal });
  onHang = () => plain.abort();
  try {
    await plainFetch;
  } catch (e) {
    show('default abort', [e === plain.signal.reason, e.name, e.message]);
  }
  onHang = null;
  await check('timeout', () => fetch(`${base}/hang`, { signal: AbortSignal.timeout(20) }));

  // Failures.
  await check('bad url', () => fetch('nope'));
  await check('no args', () => fetch());
  await check('bad port', () => fetch('http://127.0.0.1:1/'));
  await check('ftp', () => fetch('ftp://x/'));
  await check('about', () => fetch('about:blank'));
  await check('file', () => fetch('file:///etc/passwd'));
  await check('data', async () => {
    const r = await fetch('data:text/plain;base64,aGk=');
    return [r.status, r.statusText, r.type, r.url, [...r.headers], await r.text()];
  });
  await check('data plain', async () => {
    const r = await fetch('data:,x%20y');
    return [r.headers.get('content-type'), await r.text()];
  });
  const closed = await new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  try {
    await fetch(`http://127.0.0.1:${closed}/`);
  } catch (e) {
    show('refused', [e.name, e.message, e.cause.code, e.cause.syscall, e.cause.address, e.cause.port === closed]);
  }
}

// A self-signed certificate for localhost and 127.0.0.1, valid until 2126.
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEr3cDoDi0Je0df2e
Iv2yXVuwR3MO4LsnV2ZdUWvFoh2hRANCAAQ3TWGsw7HzolC7ORiSFAYm6R133+9M
8jEovruY6bIk8dGb22uek5T7rWCVZ7PO2qjefo1lkInL50F1w9D5q/EM
-----END PRIVATE KEY-----
`;
const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUXcb+lG/5x9Xud4dnF55gMT5akGswCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNTE4MTQyOFoYDzIxMjYxMTAx
MTgxNDI4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ3TWGsw7HzolC7ORiSFAYm6R133+9M8jEovruY6bIk8dGb22uek5T7
rWCVZ7PO2qjefo1lkInL50F1w9D5q/EMo28wbTAdBgNVHQ4EFgQUZXnMmTwso+xY
Cwjag1FSBPL+k3swHwYDVR0jBBgwFoAUZXnMmTwso+xYCwjag1FSBPL+k3swDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgHQWubJRRWbNrUGubRBjg8qBMH/CORZwPdkmVkOjV/KoCIBWi
Rj1bxwGUyGd5TQYeM1x6wI9e/bPUoq/gV89n6H3Y
-----END CERTIFICATE-----
`;

async function httpsTests(httpBase) {
  const server = https.createServer({ key: TLS_KEY, cert: TLS_CERT }, handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const base = `https://localhost:${server.address().port}`;
  const strip = (text) => text.split(base).join('S');
  const rejected = await fetch(`${base}/json`).then(() => 'accepted', (e) => `${e.name}: ${e.message}`);
  console.log('https untrusted', rejected);
  // The certificate is self-signed: trust it as Node does when told to.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const r = await fetch(`${base}/echo?s=1`, { method: 'POST', body: 'over tls' });
  const echoed = JSON.parse(await r.text());
  show('https', [r.status, r.type, strip(r.url), echoed.method, echoed.url, echoed.body]);
  const gz = await fetch(`${base}/gz`);
  show('https gzip', await gz.text());
  const hop = await fetch(`${httpBase}/r?s=302&to=${encodeURIComponent(`${base}/json`)}`);
  show('http to https', [hop.status, hop.redirected, hop.type, strip(hop.url), await hop.json()]);
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
}

async function main() {
  await headersTests();
  await requestResponseTests();
  await streamTests();
  await formDataTests();
  const server = http.createServer(handle);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The server must not keep the process alive once the tests are done.
  server.unref();
  await networkTests(`http://127.0.0.1:${server.address().port}`);
  await httpsTests(`http://127.0.0.1:${server.address().port}`);
  server.closeAllConnections();
  console.log('done');
}

main();
