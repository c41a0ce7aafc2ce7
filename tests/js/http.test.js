// http: a server and a client talking over 127.0.0.1. Prints one result per line; node prints
// the same. (The case of response header names a client sees is not compared.)
'use strict';
const http = require('http');
const { Readable, pipeline } = require('stream');

const log = (...values) => console.log(...values);

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function fetchText(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ res, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function pick(headers, names) {
  return names.map((name) => `${name}=${headers[name]}`).join(' ');
}

async function basics() {
  const server = http.createServer((req, res) => {
    const { method, url, httpVersion } = req;
    if (url === '/json') {
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Multi': ['a', 'b'] });
      res.end(JSON.stringify({ method, url, httpVersion, agent: req.headers['x-client'] }));
    } else if (url === '/stream') {
      res.setHeader('Content-Type', 'text/plain');
      res.write('one,');
      res.write(Buffer.from('two,'));
      setTimeout(() => res.end('three'), 5);
    } else if (url === '/echo') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => res.end(`${req.method} ${body.length} ${body.slice(0, 12)} complete=${req.complete}`));
    } else if (url === '/status') {
      res.statusCode = 404;
      res.statusMessage = 'Nowhere';
      res.end();
    } else {
      res.end('head or other');
    }
  });
  const port = await listen(server);
  const base = { host: '127.0.0.1', port };

  const json = await fetchText({ ...base, path: '/json', headers: { 'X-Client': 'test' } });
  log(json.res.statusCode, json.res.statusMessage, json.text);
  log(pick(json.res.headers, ['content-type', 'x-multi', 'content-length', 'connection', 'keep-alive']), typeof json.res.headers.date);

  const streamed = await fetchText({ ...base, path: '/stream' });
  log(streamed.text, pick(streamed.res.headers, ['transfer-encoding', 'content-length']));

  const posted = await fetchText({ ...base, path: '/echo', method: 'POST' }, 'x'.repeat(100000));
  log(posted.text);

  const status = await fetchText({ ...base, path: '/status' });
  log(status.res.statusCode, status.res.statusMessage, JSON.stringify(status.text));

  const head = await fetchText({ ...base, path: '/', method: 'HEAD' });
  log('HEAD', head.res.statusCode, JSON.stringify(head.text), head.res.headers['content-length']);

  await new Promise((resolve) => server.close(resolve));
  log('closed');
}

async function serverErrors() {
  const server = http.createServer((req, res) => {
    for (const attempt of [
      () => res.setHeader('X-Bad', 'a\nb'),
      () => res.setHeader('Bad Name', 'x'),
      () => res.setHeader('X-Undefined', undefined),
      () => res.writeHead(1000),
    ]) {
      try {
        attempt();
      } catch (error) {
        log(error.code, error.message);
      }
    }
    res.end('done', () => log('end callback'));
    res.on('finish', () => log('finish, writableEnded', res.writableEnded, 'headersSent', res.headersSent));
    try {
      res.setHeader('X-Late', '1');
    } catch (error) {
      log(error.code, error.message);
    }
    res.on('error', (error) => log('error event', error.code));
    res.write('late', (error) => log('write callback', error.code));
  });
  const port = await listen(server);
  const { text } = await fetchText({ host: '127.0.0.1', port });
  log('client got', text);
  await new Promise((resolve) => server.close(resolve));
}

async function keepAlive() {
  const seen = new Set();
  const server = http.createServer((req, res) => {
    seen.add(req.socket);
    res.end(req.url);
  });
  const port = await listen(server);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results = await Promise.all(
    [1, 2, 3, 4].map((n) => fetchText({ host: '127.0.0.1', port, path: `/${n}`, agent }).then(({ text }) => text)),
  );
  log('keep-alive answers', results.join(' '), 'server sockets', seen.size);
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
}

async function pipedResponse() {
  const server = http.createServer((req, res) => {
    pipeline(Readable.from(['a', 'b', 'c']), res, (error) => log('pipeline done', error === undefined || error === null));
  });
  const port = await listen(server);
  const { text } = await fetchText({ host: '127.0.0.1', port });
  log('piped', text);
  await new Promise((resolve) => server.close(resolve));
}

async function clientErrors() {
  const probe = http.createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  const refused = await new Promise((resolve) => http.get({ host: '127.0.0.1', port }).on('error', resolve));
  log(refused.code, refused.message === `connect ECONNREFUSED 127.0.0.1:${port}`);
  for (const attempt of [
    () => http.request({ method: 'BAD METHOD' }),
    () => http.request({ path: '/a b' }),
    () => http.request('ftp://example.com/'),
  ]) {
    try {
      attempt();
    } catch (error) {
      log(error.code, error.message);
    }
  }

  const server = http.createServer((req, res) => res.write('partial'));
  const serverPort = await listen(server);
  const destroyed = http.get({ host: '127.0.0.1', port: serverPort }, (res) => {
    res.on('error', (error) => log('response error', error.code, error.message));
    res.once('data', () => destroyed.destroy());
  });
  destroyed.on('close', () => log('request close'));
  await new Promise((resolve) => destroyed.on('close', resolve));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  log('server closed with closeAllConnections');
}

// Node's socketPath option (how clients reach Docker's API): the server here is a plain net
// server answering by hand, so only the client is under test.
async function unixSocketClient() {
  const net = require('net');
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-http-unix-'));
  const socketPath = path.join(dir, 'api.sock');
  const server = net.createServer((connection) =>
    connection.once('data', (request) => {
      const target = request.toString().split(' ')[1];
      connection.end(`HTTP/1.1 200 OK\r\nContent-Length: ${target.length}\r\nConnection: close\r\n\r\n${target}`);
    }),
  );
  await new Promise((resolve) => server.listen(socketPath, resolve));
  const { res, text } = await fetchText({ socketPath, path: '/containers/json' });
  log('over a unix socket:', res.statusCode, text);
  const missing = await new Promise((resolve) => http.get({ socketPath: path.join(dir, 'none.sock') }).on('error', resolve));
  log(missing.code, missing.syscall);
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true });
}

// An idle keep-alive connection is closed by the server after keepAliveTimeout; a bodiless
// request emits 'close' once its response is done.
async function keepAliveTimeout() {
  const server = http.createServer((req, res) => {
    req.on('close', () => log('request close after the response, complete:', req.complete));
    res.end('x');
  });
  server.keepAliveTimeout = 200;
  const port = await listen(server);
  const socket = require('net').connect(port, '127.0.0.1');
  socket.write('GET / HTTP/1.1\r\nHost: t\r\n\r\n');
  socket.resume();
  const started = Date.now();
  await new Promise((resolve) => socket.on('end', resolve));
  log('idle connection closed by the server after keepAliveTimeout:', Date.now() - started >= 150);
  socket.destroy();
  await new Promise((resolve) => server.close(resolve));
}

// Sends raw bytes on a new connection; resolves with everything the server wrote before closing.
function rawExchange(port, text) {
  return new Promise((resolve) => {
    const socket = require('net').connect(port, '127.0.0.1');
    let answer = '';
    const started = Date.now();
    socket.setEncoding('latin1');
    socket.on('data', (data) => (answer += data));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    socket.write(text);
  });
}

// server.listen(path) and listen({ path }): the address is the path, the file goes on close.
async function unixSocketServer() {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-http-server-'));
  const socketPath = path.join(dir, 'server.sock');
  const server = http.createServer((req, res) => res.end(`${req.method} ${req.url} ${typeof req.socket.remoteAddress}`));
  await new Promise((resolve) => server.listen(socketPath, resolve));
  log('unix server address is its path:', server.address() === socketPath, 'file exists:', fs.existsSync(socketPath));
  const { res, text } = await fetchText({ socketPath, path: '/over-unix' });
  log('unix server answered:', res.statusCode, text);
  await new Promise((resolve) => server.close(resolve));
  log('socket file removed on close:', !fs.existsSync(socketPath));
  const second = http.createServer((req, res) => res.end('again'));
  await new Promise((resolve) => second.listen({ path: socketPath }, resolve));
  const taken = http.createServer();
  const error = await new Promise((resolve) => taken.on('error', resolve).listen(socketPath));
  log('listen({ path }):', second.address() === socketPath, 'path in use:', error.code, error.syscall);
  await new Promise((resolve) => second.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
}

// server.setTimeout / server.timeout (idle sockets) and requestTimeout (408).
async function serverTimeouts() {
  const server = http.createServer((req, res) => res.end('x'));
  let timedOut = false;
  server.setTimeout(150, (socket) => {
    timedOut = true;
    socket.destroy();
  });
  const port = await listen(server);
  const idle = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: t\r\n\r\n');
  log('server.timeout', server.timeout, 'idle socket reported to the server:', timedOut, idle.answer.startsWith('HTTP/1.1 200'), idle.ms >= 100);
  await new Promise((resolve) => server.close(resolve));

  const unheard = http.createServer((req, res) => setTimeout(() => res.end('late'), 1000));
  unheard.timeout = 150;
  const unheardPort = await listen(unheard);
  const cut = await rawExchange(unheardPort, 'GET / HTTP/1.1\r\nHost: t\r\n\r\n');
  log('without a timeout listener the socket is destroyed:', JSON.stringify(cut.answer), cut.ms < 900);
  unheard.closeAllConnections();
  await new Promise((resolve) => unheard.close(resolve));

  const slow = http.createServer({ requestTimeout: 300, connectionsCheckingInterval: 50 }, (req, res) => {
    req.resume();
    req.on('end', () => res.end('never'));
  });
  log('requestTimeout', slow.requestTimeout, 'default', http.createServer().requestTimeout);
  const slowPort = await listen(slow);
  const late = await rawExchange(slowPort, 'POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\npart');
  log('a body that never completes:', late.answer.split('\r\n')[0], late.ms < 2000);
  await new Promise((resolve) => slow.close(resolve));
}

// rawHeaders in the order sent, trailers of chunked requests, maxHeadersCount, and requests
// Node refuses. Names are compared lower-cased: hyper does not hand over the case the client
// used, and it groups repeated names, so repeats here are adjacent.
async function requestHeads() {
  const server = http.createServer((req, res) => {
    const seen = { raw: req.rawHeaders.slice(), names: Object.keys(req.headers).length };
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ ...seen, rawTrailers: req.rawTrailers, trailers: req.trailers })));
  });
  const port = await listen(server);
  const body = ({ answer }) => JSON.parse(answer.split('\r\n\r\n')[1]);
  const chunked = body(await rawExchange(port, 'POST / HTTP/1.1\r\nHost: t\r\nX-MiXeD: 1\r\nX-MIXED: 3\r\nx-other: 2\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Trail: one\r\nx-trail: two\r\nOther-T: 3\r\n\r\n'));
  const lowerNames = (raw) => raw.map((item, at) => (at % 2 === 0 ? item.toLowerCase() : item));
  log('rawHeaders', JSON.stringify(lowerNames(chunked.raw)));
  log('rawTrailers', JSON.stringify(lowerNames(chunked.rawTrailers)), 'trailers', JSON.stringify(chunked.trailers));
  const plain = body(await rawExchange(port, 'POST / HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi'));
  log('without trailers', JSON.stringify(plain.rawTrailers), JSON.stringify(plain.trailers));
  const many = 'GET / HTTP/1.1\r\nHost: t\r\n' + Array.from({ length: 150 }, (_, i) => `X-H${i}: ${i}\r\n`).join('') + 'Connection: close\r\n\r\n';
  const manyHeads = body(await rawExchange(port, many));
  log('150 headers:', manyHeads.raw.length / 2, manyHeads.names);
  server.maxHeadersCount = 3;
  const limited = body(await rawExchange(port, 'GET / HTTP/1.1\r\nHost: t\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nConnection: close\r\n\r\n'));
  log('maxHeadersCount 3:', limited.raw.length / 2, 'raw,', limited.names, 'in headers');
  const errors = [];
  server.on('clientError', (error, socket) => {
    errors.push(error.code);
    socket.destroy();
  });
  // Content-Length beside chunked, which Node also refuses, is served by hyper (chunked wins,
  // then the connection closes): tests/http_abuse covers it.
  for (const refused of [
    'FOO / HTTP/1.1\r\nHost: t\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\nab',
    'POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\nab',
  ]) {
    await rawExchange(port, refused);
  }
  log('refused with clientError:', errors.join(' '));
  const noHost = await rawExchange(port, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
  log('HTTP/1.1 without Host:', noHost.answer.split('\r\n')[0]);
  await new Promise((resolve) => server.close(resolve));
}

// What the server's common path makes cheap (lazy request state, headers built on demand,
// one tick for many 'finish' events, Connection headers added by the ops) must not change what
// an app sees.
async function fastPaths() {
  const events = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/order') {
      res.on('prefinish', () => events.push('res prefinish'));
      res.on('finish', () => events.push('res finish'));
      res.on('close', () => events.push('res close'));
      req.on('close', () => events.push('req close'));
      res.end('ordered', () => events.push('end callback'));
      events.push(`after end: writableEnded=${res.writableEnded} writableFinished=${res.writableFinished} statusMessage=${res.statusMessage}`);
    } else if (req.url === '/late') {
      res.end('late');
      setTimeout(() => log('headers asked late:', req.headers['x-late'], req.rawHeaders.length, 'complete', req.complete), 5);
    } else if (req.url === '/read-late') {
      setTimeout(async () => {
        let body = '';
        for await (const chunk of req) body += chunk;
        res.end(`read late: ${body} complete=${req.complete}`);
      }, 10);
    } else if (req.url === '/write-end') {
      res.write('one,');
      res.end('two', () => log('write-end finished', res.writableFinished));
    } else if (req.url === '/sized') {
      res.setHeader('Content-Length', 6);
      res.write('abc');
      res.end('def');
    } else if (req.url === '/headers') {
      res.setHeader('X-B', '1');
      res.setHeader('X-A', '2');
      res.setHeader('x-b', '3');
      res.appendHeader('X-A', '4');
      res.removeHeader('X-C');
      res.setHeader('X-C', '5');
      res.removeHeader('x-c');
      log('server header names', res.getHeaderNames().join(','), res.getRawHeaderNames().join(','), JSON.stringify(res.getHeaders()));
      log('has', res.hasHeader('X-B'), res.hasHeader('x-c'), 'get', JSON.stringify(res.getHeader('x-a')));
      res.end();
    } else if (req.url === '/close') {
      res.setHeader('Connection', 'close');
      res.end('closing');
    } else if (req.url === '/throws') {
      res.on('finish', () => {
        throw new Error('thrown from finish');
      });
      res.end('thrower');
    } else {
      res.on('finish', () => log('other response finished'));
      res.end('other');
    }
  });
  const port = await listen(server);
  const base = { host: '127.0.0.1', port };

  await fetchText({ ...base, path: '/order' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  log(events.join(' | '));

  await fetchText({ ...base, path: '/late', headers: { 'X-Late': 'yes' } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  log((await fetchText({ ...base, path: '/read-late', method: 'POST' }, 'posted body')).text);

  const written = await fetchText({ ...base, path: '/write-end' });
  log(written.text, pick(written.res.headers, ['transfer-encoding', 'content-length']));
  const sized = await fetchText({ ...base, path: '/sized' });
  log(sized.text, pick(sized.res.headers, ['transfer-encoding', 'content-length']));
  const head = await fetchText({ ...base, path: '/write-end', method: 'HEAD' });
  log('HEAD after write', JSON.stringify(head.text), pick(head.res.headers, ['transfer-encoding', 'content-length']));

  const headers = await fetchText({ ...base, path: '/headers' });
  log('client headers', pick(headers.res.headers, ['x-a', 'x-b', 'x-c']));

  const closing = await fetchText({ ...base, path: '/close' });
  log('app-set Connection:', closing.res.headers.connection, closing.res.headers['keep-alive']);
  server.keepAliveTimeout = 0;
  const noTimeout = await fetchText({ ...base, path: '/other' });
  log('keepAliveTimeout 0:', noTimeout.res.headers.connection, noTimeout.res.headers['keep-alive']);
  server.keepAliveTimeout = 2500;
  const shortTimeout = await fetchText({ ...base, path: '/other' });
  log('keepAliveTimeout 2500:', shortTimeout.res.headers['keep-alive']);

  const caught = new Promise((resolve) => process.once('uncaughtException', (error) => resolve(error.message)));
  const answers = await Promise.all([fetchText({ ...base, path: '/throws' }), fetchText({ ...base, path: '/other' })]);
  log('uncaught:', await caught, 'answers:', answers.map(({ text }) => text).join(' '));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => server.close(resolve));
}

function tables() {
  log(http.STATUS_CODES[200], http.STATUS_CODES[404], http.STATUS_CODES[418], http.METHODS.includes('PATCH'), http.METHODS.length);
  log(http.maxHeaderSize, typeof http.globalAgent, http.globalAgent.keepAlive);
  try {
    http.validateHeaderName('x y');
  } catch (error) {
    log(error.code);
  }
  try {
    http.validateHeaderValue('x', 'a\rb');
  } catch (error) {
    log(error.code);
  }
  log(new http.Server() instanceof require('net').Server);
}

(async () => {
  tables();
  await basics();
  await serverErrors();
  await keepAlive();
  await pipedResponse();
  await clientErrors();
  await unixSocketClient();
  await keepAliveTimeout();
  await unixSocketServer();
  await serverTimeouts();
  await requestHeads();
  await fastPaths();
})();
