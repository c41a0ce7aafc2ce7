// `net`: TCP and Unix-domain sockets. A Socket is a Duplex over a connection resource of
// ops/net.rs; a Server accepts connections one op at a time and hands each out as a Socket.
'use strict';
const core = require('internal/core');
const EventEmitter = require('events');
const { Duplex } = require('stream');
const { nodeError, invalidArgType } = require('internal/errors');
const { isIP, isIPv4, isIPv6, netError, isCancelled, validatePort, normalizeListenArgs, inClusterWorker, listenTcp } = require('internal/net');
const { whenSettled } = require('internal/lifecycle');

const { ops } = core;
const READ_SIZE = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Socket.

const kRid = Symbol('rid');
const kPendingWrites = Symbol('pendingWrites');
const kReading = Symbol('reading');
const kReadPromise = Symbol('readPromise');
const kRef = Symbol('ref');
const kTimeout = Symbol('timeout');
const kServer = Symbol('server');

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  options = { ...options };
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  Duplex.call(this, { ...options, allowHalfOpen, emitClose: false, autoDestroy: true, decodeStrings: false });
  this[kRid] = undefined;
  this[kPendingWrites] = [];
  this[kReading] = false;
  this[kReadPromise] = undefined;
  this[kRef] = true;
  this[kTimeout] = null;
  this[kServer] = null;
  this.connecting = false;
  this.bytesRead = 0;
  this._bytesDispatched = 0;
  this._pendingBytes = 0;
  this._local = undefined;
  this._remote = undefined;
  this.server = null;
  this._host = null;
  if (options.noDelay) this._noDelay = true;
  if (options.keepAlive) this._keepAlive = [true, options.keepAliveInitialDelay || 0];
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

Socket.prototype._attach = function attach(opened) {
  this[kRid] = opened.rid;
  this._local = opened.local;
  this._remote = opened.remote;
  this.connecting = false;
  if (this._noDelay) ops.op_net_set_no_delay(opened.rid, true);
  if (this._keepAlive) ops.op_net_set_keep_alive(opened.rid, true, Math.floor(this._keepAlive[1] / 1000));
};

Socket.prototype.connect = function connect(...args) {
  const [options, callback] = normalizeConnectArgs(args);
  if (this.destroyed) {
    this._readableState.destroyed = false;
    this._writableState.destroyed = false;
  }
  if (callback) this.once('connect', callback);
  if (options.timeout) this.setTimeout(options.timeout);
  if (options.noDelay) this._noDelay = true;
  if (options.keepAlive) this._keepAlive = [true, options.keepAliveInitialDelay || 0];
  this.connecting = true;
  let connecting;
  let where;
  if (options.path !== undefined) {
    where = { address: String(options.path) };
    connecting = ops.op_net_connect_unix(String(options.path));
  } else {
    const port = validatePort(options.port === undefined ? undefined : options.port);
    const host = options.host || 'localhost';
    this._host = host;
    where = { address: host, port };
    connecting = ops.op_net_connect_tcp(host, port);
  }
  whenSettled(
    connecting,
    (opened) => this._onConnected(opened),
    (error) => {
      this.connecting = false;
      if (!this.destroyed) this.destroy(netError(error, where));
    },
  );
  return this;
};

Socket.prototype._onConnected = function onConnected(opened) {
  if (this.destroyed) {
    core.tryClose(opened.rid);
    return;
  }
  this._attach(opened);
  this._touch();
  this.emit('connect');
  this.emit('ready');
  const pending = this[kPendingWrites];
  this[kPendingWrites] = [];
  for (const run of pending) run();
  if (this[kReading] === 'wanted') this._startReading();
  else if (this.readable && !this.isPaused()) this.read(0);
  if (!this[kRef]) this.unref();
};

function normalizeConnectArgs(args) {
  if (args.length === 0) return [{}, null];
  let options;
  const [first] = args;
  if (first !== null && typeof first === 'object') options = { ...first };
  else if (typeof first === 'string' && !/^\d+$/.test(first)) options = { path: first };
  else {
    options = { port: first };
    if (typeof args[1] === 'string') options.host = args[1];
  }
  const last = args[args.length - 1];
  return [options, typeof last === 'function' ? last : null];
}

Socket.prototype._read = function read() {
  if (this[kRid] === undefined) {
    this[kReading] = 'wanted';
    return;
  }
  this._startReading();
};

Socket.prototype._startReading = function startReading() {
  if (this[kReading] === true) return;
  this[kReading] = true;
  this._readLoop();
};

// Reads chunk after chunk until the stream's buffer is full (push returns false) or the
// connection ends; `_read` starts it again when the consumer catches up.
Socket.prototype._readLoop = function readLoop() {
  const rid = this[kRid];
  const buffer = new Uint8Array(READ_SIZE);
  const promise = core.read(rid, buffer);
  this[kReadPromise] = promise;
  if (!this[kRef]) core.unrefOpPromise(promise);
  whenSettled(
    promise,
    (count) => {
      this[kReadPromise] = undefined;
      if (this.destroyed) return;
      if (count === 0) {
        this[kReading] = false;
        // read(0) lets 'end' out even when nobody consumes the stream, as Node does.
        this.push(null);
        this.read(0);
        return;
      }
      this.bytesRead += count;
      this._touch();
      if (this.push(Buffer.from(buffer.buffer, 0, count))) this._readLoop();
      else this[kReading] = false;
    },
    (error) => {
      this[kReadPromise] = undefined;
      this[kReading] = false;
      if (this.destroyed || isCancelled(error)) return;
      this.destroy(netError(error));
    },
  );
};

Socket.prototype._write = function write(chunk, encoding, callback) {
  if (this[kRid] === undefined) {
    this[kPendingWrites].push(() => this._write(chunk, encoding, callback));
    return;
  }
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  whenSettled(
    core.writeAll(this[kRid], bytes),
    () => {
      this._pendingBytes -= bytes.length;
      this._bytesDispatched += bytes.length;
      this._touch();
      callback();
    },
    (error) => callback(isCancelled(error) ? null : netError(error)),
  );
};

// Counts what the app hands over at once, as Node's bytesWritten does, even while connecting.
function countPending(socket, chunk, encoding) {
  if (typeof chunk === 'string') {
    socket._pendingBytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  } else if (chunk && typeof chunk.length === 'number') {
    socket._pendingBytes += chunk.byteLength !== undefined ? chunk.byteLength : chunk.length;
  }
}

Socket.prototype.write = function write(chunk, encoding, callback) {
  countPending(this, chunk, encoding);
  return Duplex.prototype.write.call(this, chunk, encoding, callback);
};

Socket.prototype.end = function end(data, encoding, callback) {
  if (typeof data !== 'function') countPending(this, data, encoding);
  Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype._final = function final(callback) {
  if (this[kRid] === undefined) {
    if (this.connecting) this[kPendingWrites].push(() => this._final(callback));
    else callback();
    return;
  }
  whenSettled(
    core.shutdown(this[kRid]),
    () => callback(),
    (error) => callback(isCancelled(error) ? null : netError(error)),
  );
};

Socket.prototype._destroy = function destroy(error, callback) {
  if (this[kTimeout]) clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  this.connecting = false;
  const rid = this[kRid];
  this[kRid] = undefined;
  if (rid !== undefined) core.tryClose(rid);
  callback(error);
  process.nextTick(() => {
    this.emit('close', Boolean(error));
    if (this[kServer]) this[kServer]._connectionClosed();
  });
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  return this.destroy();
};

Socket.prototype.setTimeout = function setSocketTimeout(ms, callback) {
  if (typeof ms !== 'number' || !(ms >= 0)) throw invalidArgType('msecs', 'of type number', ms);
  if (callback !== undefined) {
    if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
    if (ms === 0) this.removeListener('timeout', callback);
    else this.once('timeout', callback);
  }
  if (this[kTimeout]) clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  this.timeout = ms;
  if (ms > 0) {
    this[kTimeout] = setTimeout(() => this.emit('timeout'), ms);
    this[kTimeout].unref();
  }
  return this;
};

// Any traffic restarts the idle timer.
Socket.prototype._touch = function touch() {
  if (this[kTimeout]) this[kTimeout].refresh();
};

Socket.prototype.setNoDelay = function setNoDelay(enable = true) {
  this._noDelay = Boolean(enable);
  if (this[kRid] !== undefined) ops.op_net_set_no_delay(this[kRid], Boolean(enable));
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable = false, initialDelay = 0) {
  this._keepAlive = [Boolean(enable), initialDelay];
  if (this[kRid] !== undefined) ops.op_net_set_keep_alive(this[kRid], Boolean(enable), Math.floor(initialDelay / 1000));
  return this;
};

Socket.prototype.address = function address() {
  return this._local ? { ...this._local } : {};
};

Socket.prototype.ref = function ref() {
  this[kRef] = true;
  if (this[kReadPromise]) core.refOpPromise(this[kReadPromise]);
  return this;
};

Socket.prototype.unref = function unref() {
  this[kRef] = false;
  if (this[kReadPromise]) core.unrefOpPromise(this[kReadPromise]);
  return this;
};

function remote(key) {
  return function get() {
    return this._remote && this._remote.address !== '' ? this._remote[key] : undefined;
  };
}

Object.defineProperties(Socket.prototype, {
  remoteAddress: { configurable: true, get: remote('address') },
  remotePort: { configurable: true, get: remote('port') },
  remoteFamily: { configurable: true, get: remote('family') },
  localAddress: { configurable: true, get() { return this._local && this._local.address; } },
  localPort: { configurable: true, get() { return this._local && this._local.port; } },
  localFamily: { configurable: true, get() { return this._local && this._local.family; } },
  pending: { configurable: true, get() { return this[kRid] === undefined || this.connecting; } },
  bytesWritten: { configurable: true, get() { return this._bytesDispatched + Math.max(0, this._pendingBytes); } },
  readyState: {
    configurable: true,
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
  },
  _handle: { configurable: true, get() { return this[kRid] === undefined ? null : { fd: -1 }; } },
});

// ---------------------------------------------------------------------------------------------
// Server.

const kListener = Symbol('listener');

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  }
  options = options || {};
  if (connectionListener) this.on('connection', connectionListener);
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = options.keepAliveInitialDelay || 0;
  this.maxConnections = undefined;
  this._connections = 0;
  this[kListener] = undefined;
  this[kRef] = true;
  this._address = null;
  this._pipePath = null;
  this._closing = false;
  this._acceptPromise = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  get() {
    return this[kListener] !== undefined;
  },
});

// A cluster worker binds with SO_REUSEPORT so its siblings share the port, and tells the
// primary when it listens (internal/cluster/child).
Server.prototype.listen = function listen(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  if (callback) this.once('listening', callback);
  if (this.listening) throw nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  const options = normalizeListenArgs(args);
  this._closing = false;
  if (options.path !== undefined) {
    this._listenOn(() => ops.op_net_listen_unix(options.path), { address: options.path });
    if (this.listening) {
      this._pipePath = options.path;
      const mode = (options.readableAll ? 0o444 : 0) | (options.writableAll ? 0o222 : 0);
      if (mode) require('fs').chmodSync(options.path, 0o600 | mode);
    }
    return this;
  }
  listenTcp(this, options, (ip, port, backlog, reusePort) => this._listen(ops.op_net_listen_tcp(ip, port, backlog, reusePort)));
  return this;
};

Server.prototype._listenOn = function listenOn(open, where) {
  let opened;
  try {
    opened = open();
  } catch (error) {
    this._failListen(error, where);
    return;
  }
  this._listen(opened);
};

Server.prototype._failListen = function failListen(error, where) {
  process.nextTick(() => this.emit('error', netError(error, where)));
};

Server.prototype._listen = function listenWith(opened) {
  this[kListener] = opened.rid;
  this._address = opened.local;
  process.nextTick(() => {
    if (this[kListener] !== opened.rid) return;
    if (inClusterWorker()) require('internal/cluster/child')._listening(this, this.address());
    this.emit('listening');
    this._accept();
  });
};

Server.prototype._accept = function accept() {
  const rid = this[kListener];
  if (rid === undefined) return;
  const promise = ops.op_net_accept(rid);
  this._acceptPromise = promise;
  if (!this[kRef]) core.unrefOpPromise(promise);
  whenSettled(
    promise,
    (opened) => {
      this._acceptPromise = undefined;
      if (this[kListener] !== rid) {
        core.tryClose(opened.rid);
        return;
      }
      this._onConnection(opened);
      this._accept();
    },
    (error) => {
      this._acceptPromise = undefined;
      if (isCancelled(error) || this[kListener] !== rid) return;
      this.emit('error', netError(error));
    },
  );
};

Server.prototype._onConnection = function onConnection(opened) {
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    core.tryClose(opened.rid);
    this.emit('drop', { localAddress: opened.local.address, localPort: opened.local.port, remoteAddress: opened.remote.address, remotePort: opened.remote.port, remoteFamily: opened.remote.family });
    return;
  }
  const socket = new Socket({ allowHalfOpen: this.allowHalfOpen, noDelay: this.noDelay, keepAlive: this.keepAlive, keepAliveInitialDelay: this.keepAliveInitialDelay });
  socket._attach(opened);
  socket.server = this;
  socket._server = this;
  socket[kServer] = this;
  this._connections++;
  this.emit('connection', socket);
  if (this.pauseOnConnect) socket.pause();
  else if (socket.readable && !socket.isPaused()) socket.read(0);
};

Server.prototype._connectionClosed = function connectionClosed() {
  this._connections--;
  this._maybeEmitClose();
};

Server.prototype._maybeEmitClose = function maybeEmitClose() {
  if (this._closing && this._connections === 0 && this[kListener] === undefined) {
    this._closing = false;
    process.nextTick(() => this.emit('close'));
  }
};

Server.prototype.close = function close(callback) {
  if (typeof callback === 'function') {
    if (!this.listening) {
      this.once('close', () => callback(nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', callback);
    }
  }
  const rid = this[kListener];
  if (rid !== undefined) {
    this[kListener] = undefined;
    core.tryClose(rid);
    if (this._pipePath !== null) {
      try {
        require('fs').unlinkSync(this._pipePath);
      } catch {
        // Already gone: nothing to clean up.
      }
      this._pipePath = null;
    }
  }
  this._closing = true;
  this._maybeEmitClose();
  return this;
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  if (!this.listening) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((error) => (error ? reject(error) : resolve())));
};

Server.prototype.address = function address() {
  if (!this.listening) return null;
  if (this._pipePath !== null) return this._pipePath;
  return { ...this._address };
};

Server.prototype.getConnections = function getConnections(callback) {
  process.nextTick(callback, null, this._connections);
  return this;
};

Server.prototype.ref = function ref() {
  this[kRef] = true;
  if (this._acceptPromise) core.refOpPromise(this._acceptPromise);
  return this;
};

Server.prototype.unref = function unref() {
  this[kRef] = false;
  if (this._acceptPromise) core.unrefOpPromise(this._acceptPromise);
  return this;
};

// ---------------------------------------------------------------------------------------------
// Module functions.

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const [options] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

let defaultAutoSelectFamily = true;
let defaultAutoSelectFamilyAttemptTimeout = 250;

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily: () => defaultAutoSelectFamily,
  setDefaultAutoSelectFamily(value) {
    defaultAutoSelectFamily = Boolean(value);
  },
  getDefaultAutoSelectFamilyAttemptTimeout: () => defaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    defaultAutoSelectFamilyAttemptTimeout = Math.max(10, Number(value));
  },
};
