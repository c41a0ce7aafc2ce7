// net: servers, connections, half-close, errors, unix sockets, timeouts and a slow peer.
// Prints one result per line; node prints the same.
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const log = (...values) => console.log(...values);

function listen(server, ...args) {
  return new Promise((resolve) => server.listen(...args, () => resolve(server.address())));
}

function closed(emitter) {
  return new Promise((resolve) => emitter.once('close', resolve));
}

async function echo() {
  const server = net.createServer((socket) => {
    log('server: connection from', socket.remoteAddress, socket.remoteFamily, typeof socket.remotePort);
    socket.on('data', (data) => socket.write(data.toString().toUpperCase()));
    socket.on('end', () => {
      log('server: end, bytesRead', socket.bytesRead);
      socket.end('bye');
    });
  });
  const address = await listen(server, 0, '127.0.0.1');
  log('listening', address.address, address.family, typeof address.port, server.listening);
  const client = net.connect(address.port, '127.0.0.1');
  log('pending', client.pending, client.connecting, client.readyState);
  let received = '';
  client.setEncoding('utf8');
  client.on('connect', () => {
    log('client: connect', client.remoteAddress, client.remotePort === address.port, client.readyState);
    client.write('hello ');
    client.end('world');
  });
  client.on('data', (data) => (received += data));
  client.on('end', () => log('client: end', JSON.stringify(received)));
  const hadError = await closed(client);
  log('client: close', hadError, 'bytesWritten', client.bytesWritten, 'bytesRead', client.bytesRead, client.destroyed);
  await new Promise((resolve) => server.close(resolve));
  log('server closed', server.listening, server.address());
}

async function errors() {
  const probe = net.createServer();
  const { port } = await listen(probe, 0, '127.0.0.1');
  await new Promise((resolve) => probe.close(resolve));
  const refused = await new Promise((resolve) => net.connect(port, '127.0.0.1').on('error', resolve));
  log(refused.code, refused.syscall, refused.address, refused.port === port, refused.errno, refused.message === `connect ECONNREFUSED 127.0.0.1:${port}`);

  const first = net.createServer();
  const taken = await listen(first, 0, '127.0.0.1');
  const second = net.createServer();
  const inUse = await new Promise((resolve) => second.listen(taken.port, '127.0.0.1').on('error', resolve));
  log(inUse.code, inUse.syscall, inUse.message === `listen EADDRINUSE: address already in use 127.0.0.1:${taken.port}`);
  first.close();

  try {
    net.connect(70000, '127.0.0.1');
  } catch (error) {
    log(error.code, error.message);
  }
  const closedServer = net.createServer();
  closedServer.close((error) => log('close when not listening:', error.code));
  await new Promise((resolve) => setImmediate(resolve));
}

async function writeAfterEnd() {
  const server = net.createServer((socket) => socket.resume());
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.on('connect', resolve));
  client.end();
  client.on('error', (error) => log('error event:', error.code));
  const error = await new Promise((resolve) => client.write('late', resolve));
  log('write after end:', error.code);
  client.destroy();
  server.close();
}

async function halfOpen() {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let text = '';
    socket.on('data', (data) => (text += data));
    socket.on('end', () => {
      log('server: client finished sending', JSON.stringify(text), 'still writable', socket.writable);
      setTimeout(() => socket.end('late reply'), 10);
    });
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  client.end('question');
  let reply = '';
  client.on('data', (data) => (reply += data));
  await closed(client);
  log('client got', JSON.stringify(reply));
  server.close();
}

async function unixSocket() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-net-'));
  const socketPath = path.join(dir, 'server.sock');
  const server = net.createServer((socket) => socket.end('over unix'));
  await listen(server, socketPath);
  log('unix address is the path:', server.address() === socketPath, fs.statSync(socketPath).isSocket());
  const text = await new Promise((resolve) => {
    let data = '';
    net.connect(socketPath).on('data', (chunk) => (data += chunk)).on('end', () => resolve(data));
  });
  log('unix:', text);
  await new Promise((resolve) => server.close(resolve));
  log('socket file removed on close:', !fs.existsSync(socketPath));
  const missing = await new Promise((resolve) => net.connect(path.join(dir, 'none.sock')).on('error', resolve));
  log(missing.code, missing.syscall, missing.message === `connect ENOENT ${path.join(dir, 'none.sock')}`);
  fs.rmSync(dir, { recursive: true });
}

async function timeout() {
  const server = net.createServer(() => {});
  const { port } = await listen(server, 0, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1');
  client.setTimeout(30, () => {
    log('timeout fired, destroyed:', client.destroyed);
    client.destroy();
  });
  await closed(client);
  log('closed after timeout');
  await new Promise((resolve) => server.close(resolve));
}

// A peer that never reads must not hold up another connection on the same server.
async function slowPeer() {
  const server = net.createServer((socket) => {
    socket.on('error', () => {}); // the slow peer resets its connection at the end
    socket.once('data', (data) => {
      if (data.toString() === 'slow') socket.write(Buffer.alloc(8 * 1024 * 1024));
      else socket.end('fast reply');
    });
  });
  const { port } = await listen(server, 0, '127.0.0.1');
  const slow = net.connect(port, '127.0.0.1', () => slow.write('slow'));
  slow.pause();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const reply = await new Promise((resolve) => {
    const fast = net.connect(port, '127.0.0.1', () => fast.write('fast'));
    fast.setEncoding('utf8').on('data', resolve);
  });
  log('fast client served while slow one stalls:', reply);
  slow.destroy();
  server.close();
}

async function counting() {
  const server = net.createServer();
  const { port } = await listen(server, 0, '127.0.0.1');
  const clients = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
  await new Promise((resolve) => {
    let seen = 0;
    server.on('connection', () => ++seen === 2 && resolve());
  });
  const count = await new Promise((resolve) => server.getConnections((error, n) => resolve(n)));
  log('connections', count);
  let closedEmitted = false;
  server.close(() => (closedEmitted = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  log('close waits for open connections:', closedEmitted === false);
  for (const client of clients) client.destroy();
  await closed(server);
  log('server close after last connection');
}

function unrefServer() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => log('unref server does not keep the process alive'));
  server.unref();
}

function ipChecks() {
  log(net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('fe80::1%eth0'), net.isIP('1.2.3'), net.isIPv4('10.0.0.1'), net.isIPv6('10.0.0.1'));
  log(typeof net.Socket, typeof net.Stream, new net.Socket() instanceof require('stream').Duplex);
}

(async () => {
  ipChecks();
  await echo();
  await errors();
  await writeAfterEnd();
  await halfOpen();
  await unixSocket();
  await timeout();
  await slowPeer();
  await counting();
  unrefServer();
})();
