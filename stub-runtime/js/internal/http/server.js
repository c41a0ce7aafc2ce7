// http.Server on ops/http_server.rs: hyper owns the connections and the protocol; this file
// turns the batches of events it reports into Node's objects and events, and sends answers.
'use strict';
const core = require('internal/core');
const EventEmitter = require('events');
const net = require('net');
const { nodeError, invalidArgType } = require('internal/errors');
const { normalizeListenArgs, inClusterWorker, listenTcp, netError } = require('internal/net');
const { whenSettled } = require('internal/lifecycle');
const { STATUS_CODES } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, emitIfHeard } = require('internal/http/outgoing');

const { ops } = core;
const kServer = Symbol('server');
const kConnection = Symbol('connection');
// hyper serves a connection's requests one at a time, so a socket has at most one response
// in progress.
const kCurrent = Symbol('currentResponse');
const kTimer = Symbol('timer');

// ---------------------------------------------------------------------------------------------
// The socket an app sees on req.socket: hyper owns the real one, so this one reports the
// addresses and state, and closing it closes the connection.

function ConnectionSocket(server, connection, remote, local) {
  EventEmitter.call(this);
  this[kServer] = server;
  this[kConnection] = connection;
  this[kCurrent] = null;
  this[kTimer] = null;
  // A Unix socket's connections have no addresses (the ops give empty ones).
  if (remote.family !== '') {
    this.remoteAddress = remote.address;
    this.remotePort = remote.port;
    this.remoteFamily = remote.family;
    this.localAddress = local.address;
    this.localPort = local.port;
    this.localFamily = local.family;
  }
  this.destroyed = false;
  this.readable = true;
  this.writable = true;
  this.encrypted = undefined;
  this.server = server;
  this.timeout = 0;
  this.bytesRead = 0;
  this.bytesWritten = 0;
  this.parser = null;
}
Object.setPrototypeOf(ConnectionSocket.prototype, EventEmitter.prototype);

ConnectionSocket.prototype.address = function address() {
  return { address: this.localAddress, family: this.localFamily, port: this.localPort };
};

ConnectionSocket.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.readable = false;
  this.writable = false;
  const server = this[kServer];
  if (server._rid !== undefined) ops.op_http_close_connection(server._rid, this[kConnection], false);
  if (error) process.nextTick(() => this.emit('error', error));
  return this;
};

ConnectionSocket.prototype.end = function end(callback) {
  const server = this[kServer];
  if (server._rid !== undefined) ops.op_http_close_connection(server._rid, this[kConnection], true);
  if (typeof callback === 'function') this.once('close', callback);
  return this;
};

ConnectionSocket.prototype.destroySoon = ConnectionSocket.prototype.end;

// An idle timeout as on a net socket: 'timeout' once nothing has happened on the connection
// for `ms` (a request arriving, body read, a response written), then again after more idling.
ConnectionSocket.prototype.setTimeout = function setTimeout(ms, callback) {
  if (callback) {
    if (ms === 0) this.removeListener('timeout', callback);
    else this.once('timeout', callback);
  }
  if (this[kTimer]) clearTimeout(this[kTimer]);
  this[kTimer] = null;
  this.timeout = ms;
  if (ms > 0 && !this.destroyed) {
    this[kTimer] = globalThis.setTimeout(() => {
      this[kTimer] = null;
      this.emit('timeout');
    }, ms).unref();
  }
  return this;
};

// Something happened on the connection: its idle timer starts over.
ConnectionSocket.prototype._active = function active() {
  if (this[kTimer]) this[kTimer].refresh();
};

ConnectionSocket.prototype.setNoDelay = function setNoDelay() {
  return this;
};

ConnectionSocket.prototype.setKeepAlive = function setKeepAlive() {
  return this;
};

ConnectionSocket.prototype.ref = function ref() {
  return this;
};

ConnectionSocket.prototype.unref = function unref() {
  return this;
};

ConnectionSocket.prototype.pause = function pause() {
  return this;
};

ConnectionSocket.prototype.resume = function resume() {
  return this;
};

ConnectionSocket.prototype._closed = function closed() {
  this.destroyed = true;
  this.readable = false;
  this.writable = false;
  if (this[kTimer]) clearTimeout(this[kTimer]);
  const current = this[kCurrent];
  this[kCurrent] = null;
  if (current !== null) current._connectionLost();
  this.emit('close', false);
};

// ---------------------------------------------------------------------------------------------
// ServerResponse.

function ServerResponse(req) {
  OutgoingMessage.call(this);
  this.req = req;
  if (req.method === 'HEAD') this._expectsBody = false;
  if (!(req._keepAlive === undefined ? wantsKeepAlive(req) : req._keepAlive)) {
    this._keepAlive = false;
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

Object.assign(ServerResponse.prototype, {
  statusCode: 200,
  statusMessage: undefined,
  sendDate: true,
  _id: 0,
  _rid: undefined,
  _streamed: false,
  _expectsBody: true,
  _keepAlive: true,
});

// HTTP/1.1 keeps the connection unless the client says "close"; HTTP/1.0 only when it asks.
// (The server learns this from hyper; this is for responses an app builds around its own req.)
function wantsKeepAlive(req) {
  const connection = req.headers.connection;
  if (req.httpVersion === '1.1') return connection === undefined || !/\bclose\b/i.test(connection);
  return connection !== undefined && /\bkeep-alive\b/i.test(connection);
}

function validateStatus(statusCode) {
  const code = Number(statusCode);
  if (!Number.isInteger(code) || code < 100 || code > 999) {
    throw nodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${statusCode}`);
  }
  return code;
}

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, headers) {
  if (this._header) throw nodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
  if (typeof reason !== 'string') {
    headers = reason;
    reason = undefined;
  }
  this.statusCode = validateStatus(statusCode);
  if (reason !== undefined) {
    if (/[\r\n]/.test(reason)) throw nodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
    this.statusMessage = reason;
  }
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) {
      for (const [name, value] of headers) this.appendHeader(name, value);
    } else {
      if (headers.length % 2 !== 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'headers' is invalid. Received ${require('util').inspect(headers)}`);
      for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    }
  } else if (headers) {
    for (const name of Object.keys(headers)) {
      if (headers[name] !== undefined) this.setHeader(name, headers[name]);
    }
  }
  this._header = true;
  return this;
};

ServerResponse.prototype.writeContinue = function writeContinue(callback) {
  // hyper answers "Expect: 100-continue" itself once the body is read.
  if (typeof callback === 'function') process.nextTick(callback);
};

ServerResponse.prototype.writeProcessing = function writeProcessing(callback) {
  if (typeof callback === 'function') process.nextTick(callback);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, callback) {
  if (typeof callback === 'function') process.nextTick(callback);
};

/** A timeout as the ops take it: whole milliseconds from 0 to the largest i32. */
function wholeMilliseconds(timeout) {
  const ms = Math.floor(Number(timeout));
  return ms > 0 ? Math.min(ms, 0x7fffffff) : 0;
}

ServerResponse.prototype._sendHead = function sendHead(body, isWhole) {
  const statusCode = validateStatus(this.statusCode);
  if (statusCode !== this.statusCode) this.statusCode = statusCode;
  const standardReason = STATUS_CODES[statusCode];
  if (this.statusMessage === undefined) this.statusMessage = standardReason || 'unknown';
  const reason = this.statusMessage === standardReason ? '' : String(this.statusMessage);
  if (!isWhole) this._streamed = true;
  if (this._rid === undefined) return;
  // The ops add Node's Connection and Keep-Alive headers: the server's keepAliveTimeout, or -1
  // when the connection closes after this response.
  const keepAliveMs = this._keepAlive ? wholeMilliseconds(this.req.socket.server.keepAliveTimeout) : -1;
  // A HEAD response has no body; its headers describe the GET's.
  if (!this._expectsBody) body = '';
  if (typeof body === 'string') ops.op_http_respond_text(this._id, statusCode, reason, this._headerText(), keepAliveMs, body, !isWhole);
  else ops.op_http_respond(this._id, statusCode, reason, this._headerText(), keepAliveMs, body, !isWhole);
};

ServerResponse.prototype._sendBody = function sendBody(bytes) {
  if (this.socket) this.socket._active();
  return ops.op_http_write(this._id, bytes);
};

ServerResponse.prototype._sendEnd = function sendEnd() {
  if (this._rid !== undefined && this._streamed) ops.op_http_end(this._id, this._trailerText());
};

ServerResponse.prototype._finished = function finished() {
  const req = this.req;
  const socket = req.socket;
  if (socket[kCurrent] === this) socket[kCurrent] = null;
  socket._active();
  if (req._hasBody && !req.complete && !req.destroyed) req._dump();
  emitIfHeard(this, 'close');
  if (!req._hasBody) {
    // A bodiless request is over with its response; only an app listening for the request's
    // 'close' pays for destroying its stream to say so.
    req.complete = true;
    if (req.listenerCount('close') > 0 && !req.destroyed) req.destroy();
  }
};

// The connection went away before the response was done.
ServerResponse.prototype._connectionLost = function connectionLost() {
  ops.op_http_close_exchange(this._id);
  this._rid = undefined;
  this.destroyed = true;
  const req = this.req;
  if (!req.complete) {
    req.aborted = true;
    req.emit('aborted');
    if (!req.destroyed) req.destroy();
  }
  this.emit('close');
};

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  this.socket = socket;
  this.emit('socket', socket);
};

ServerResponse.prototype.detachSocket = function detachSocket() {
  this.socket = null;
};

// ---------------------------------------------------------------------------------------------
// Server.

function Server(options, requestListener) {
  // https.Server calls this on itself without being an http.Server (it only borrows methods).
  if (!(this instanceof net.Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === null || options === undefined) {
    options = {};
  } else if (typeof options !== 'object' || Array.isArray(options)) {
    throw invalidArgType('options', 'of type object', options);
  }
  net.Server.call(this, { noDelay: options.noDelay !== false });
  if (requestListener) this.on('request', requestListener);
  this.IncomingMessage = options.IncomingMessage || IncomingMessage;
  this.ServerResponse = options.ServerResponse || ServerResponse;
  this.maxHeaderSize = options.maxHeaderSize;
  this.timeout = 0;
  this.keepAliveTimeout = options.keepAliveTimeout === undefined ? 5000 : options.keepAliveTimeout;
  this.headersTimeout = options.headersTimeout === undefined ? 60000 : options.headersTimeout;
  this.requestTimeout = options.requestTimeout === undefined ? 300000 : options.requestTimeout;
  this.maxHeadersCount = null;
  this.requireHostHeader = options.requireHostHeader !== false;
  this.maxRequestsPerSocket = 0;
  this._rid = undefined;
  this._sockets = new Map();
  this._nextPromise = undefined;
  this._refed = true;
  this._httpAddress = null;
  this._pipePath = null;
  // Set by https.Server: the PEM certificate and key its connections present.
  this._tls = null;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  get() {
    return this._rid !== undefined && !this._stopped;
  },
});

// Applies to connections accepted from now on, as in Node.
Server.prototype.setTimeout = function setTimeout(ms, callback) {
  this.timeout = ms;
  if (callback) this.on('timeout', callback);
  return this;
};

// A connection idle past its timeout: the request, the response and the server hear of it;
// if none of them listens, the connection is destroyed.
function onSocketTimeout() {
  const res = this[kCurrent];
  const req = res && res.req;
  const heardByRequest = req !== null && req !== undefined && !req.complete && req.emit('timeout', this);
  const heardByResponse = res !== null && res.emit('timeout', this);
  const heardByServer = this.server.emit('timeout', this);
  if (!heardByRequest && !heardByResponse && !heardByServer) this.destroy();
}

Server.prototype.listen = function listen(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  if (callback) this.once('listening', callback);
  if (this.listening) throw nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  const options = normalizeListenArgs(args);
  if (options.path !== undefined) {
    this._listenUnix(String(options.path), options);
    return this;
  }
  listenTcp(this, options, (ip, port, backlog, reusePort) => {
    const [rid, local] = ops.op_http_listen(ip, port, this._listenOptions(backlog, reusePort));
    this._started(rid, local);
  });
  return this;
};

Server.prototype._listenUnix = function listenUnix(path, options) {
  let rid;
  try {
    rid = ops.op_http_listen_unix(path, this._listenOptions(options.backlog || 511, false));
  } catch (error) {
    process.nextTick(() => this.emit('error', netError(error, { address: path })));
    return;
  }
  this._pipePath = path;
  const mode = (options.readableAll ? 0o444 : 0) | (options.writableAll ? 0o222 : 0);
  if (mode) require('fs').chmodSync(path, 0o600 | mode);
  this._started(rid, path);
};

// What the ops need to know of the server's settings when it starts listening.
Server.prototype._listenOptions = function listenOptions(backlog, reusePort) {
  return {
    backlog,
    maxHeaderBytes: this.maxHeaderSize || require('http').maxHeaderSize,
    headersTimeoutMs: this._headTimeout(),
    requestTimeoutMs: this.requestTimeout > 0 ? this.requestTimeout : 0,
    requireHost: this.requireHostHeader,
    reusePort,
    tls: this._tls,
  };
};

// hyper has one timer for waiting on a request head, whether the connection is new or idle
// between requests; it gets the shorter of Node's headersTimeout and keepAliveTimeout, so idle
// keep-alive connections close after keepAliveTimeout as in Node.
Server.prototype._headTimeout = function headTimeout() {
  const limits = [this.headersTimeout, this.keepAliveTimeout].filter((ms) => ms > 0);
  return limits.length === 0 ? 0 : Math.min(...limits);
};

Server.prototype._started = function started(rid, local) {
  this._rid = rid;
  this._stopped = false;
  this._httpAddress = local;
  this._pump();
  process.nextTick(() => {
    if (inClusterWorker()) require('internal/cluster/child')._listening(this, this.address());
    this.emit('listening');
  });
};

// A cluster worker binds with SO_REUSEPORT so its siblings share the port, and tells the
// primary when it listens (internal/cluster/child).
Server.prototype.address = function address() {
  if (!this.listening) return null;
  // A Unix socket server's address is its path.
  return typeof this._httpAddress === 'string' ? this._httpAddress : { ...this._httpAddress };
};

// Asks for the next batch of events and handles it; an empty batch means everything is over.
Server.prototype._pump = function pump() {
  const rid = this._rid;
  const promise = ops.op_http_next(rid);
  this._nextPromise = promise;
  if (!this._refed) core.unrefOpPromise(promise);
  whenSettled(
    promise,
    (events) => {
      this._nextPromise = undefined;
      if (events.length === 0) {
        this._over(rid);
        return;
      }
      this._pump();
      this._dispatch(events);
    },
    (error) => {
      this._nextPromise = undefined;
      this._over(rid);
      this.emit('error', error);
    },
  );
};

Server.prototype._over = function over(rid) {
  core.tryClose(rid);
  if (this._rid === rid) this._rid = undefined;
  this._stopped = false;
  this._removeSocketFile();
  this.emit('close');
};

// Node removes a Unix socket's file when its server closes.
Server.prototype._removeSocketFile = function removeSocketFile() {
  if (!this._pipePath) return;
  try {
    require('fs').unlinkSync(this._pipePath);
  } catch {
    // Already gone: nothing to clean up.
  }
  this._pipePath = null;
};

// A batch from op_http_next is one flat array: each event's kind, then its fields in the order
// ops/http_server.rs writes them (ServerEvent::append_to).
const REQUEST = 0;
const CONNECTION = 1;
const CLIENT_ERROR = 2;
const CLOSED = 3;
// How many fields follow each kind.
const FIELD_COUNTS = [9, 4, 3, 1];

Server.prototype._dispatch = function dispatch(batch, from = 0) {
  let at = from;
  try {
    while (at < batch.length) {
      const kind = batch[at];
      const fields = at + 1;
      at = fields + FIELD_COUNTS[kind];
      this._dispatchOne(kind, batch, fields);
    }
  } finally {
    // An app's handler threw (an uncaught exception): the other events still happen.
    if (at < batch.length) process.nextTick(() => this._dispatch(batch, at));
  }
};

Server.prototype._dispatchOne = function dispatchOne(kind, batch, at) {
  switch (kind) {
    case REQUEST:
      this._onRequest(batch, at);
      break;
    case CONNECTION:
      this._onConnection(batch[at], batch[at + 1], batch[at + 2], batch[at + 3]);
      break;
    case CLIENT_ERROR:
      this._onClientError(batch[at], batch[at + 1], batch[at + 2]);
      break;
    case CLOSED:
      this._onClosed(batch[at]);
      break;
    default:
      throw new Error(`unknown http server event ${kind}`);
  }
};

Server.prototype._onConnection = function onConnection(connection, remote, local, encrypted) {
  const socket = new ConnectionSocket(this, connection, remote, local);
  if (encrypted) socket.encrypted = true;
  if (this.timeout > 0) socket.setTimeout(this.timeout);
  socket.on('timeout', onSocketTimeout);
  this._sockets.set(connection, socket);
  this.emit('connection', socket);
};

Server.prototype._onClosed = function onClosed(connection) {
  const socket = this._sockets.get(connection);
  this._sockets.delete(connection);
  if (socket) socket._closed();
};

Server.prototype._onClientError = function onClientError(connection, code, message) {
  const socket = this._sockets.get(connection);
  if (socket && this.listenerCount('clientError') > 0) {
    const error = new Error(clientErrorMessage(code, message));
    error.code = code;
    this.emit('clientError', error, socket);
  }
};

// Node's messages: parser errors say "Parse Error: ...", timeouts "Request timeout".
function clientErrorMessage(code, message) {
  if (code === 'HPE_HEADER_OVERFLOW') return 'Header overflow';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'Request timeout';
  return code.startsWith('HPE_') ? `Parse Error: ${message}` : message;
}

// A request's fields: id, connection, method, url, version, headers ("name\nvalue..."),
// hasBody, keepAlive, expectsContinue.
Server.prototype._onRequest = function onRequest(fields, at) {
  const id = fields[at];
  const socket = this._sockets.get(fields[at + 1]);
  const headers = fields[at + 5];
  const req = new this.IncomingMessage(socket);
  req.method = fields[at + 2];
  req.url = fields[at + 3];
  req._setVersion(fields[at + 4]);
  req._setHeaderText(headers);
  this._limitHeaders(req, headers);
  socket._active();
  if (fields[at + 6]) {
    req._setBody(
      () => {
        socket._active();
        return ops.op_http_read_body(id);
      },
      () => ops.op_http_take_trailers(id),
    );
    req._hasBody = true;
  }
  req._keepAlive = fields[at + 7];
  const res = new this.ServerResponse(req);
  res._id = id;
  res._rid = this._rid;
  res.socket = socket;
  socket[kCurrent] = res;
  if (fields[at + 8] && this.listenerCount('checkContinue') > 0) {
    this.emit('checkContinue', req, res);
  } else {
    this.emit('request', req, res);
  }
};

// Node builds `req.headers` from the first maxHeadersCount headers (2000 unless set); rawHeaders
// keeps them all. Each header takes at least three characters of the text, so most requests
// cannot reach the limit and skip it.
Server.prototype._limitHeaders = function limitHeaders(req, text) {
  const limit = this.maxHeadersCount > 0 ? this.maxHeadersCount : 2000;
  if (text.length >= limit * 3) req._maxHeaderPairs = limit;
};

Server.prototype.close = function close(callback) {
  if (typeof callback === 'function') {
    if (!this.listening) {
      process.nextTick(callback, nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
    } else {
      this.once('close', callback);
    }
  }
  if (this.listening) {
    this._stopped = true;
    ops.op_http_stop(this._rid);
  }
  return this;
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  if (this._rid === undefined) return;
  for (const connection of this._sockets.keys()) ops.op_http_close_connection(this._rid, connection, false);
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  if (this._rid === undefined) return;
  for (const [connection, socket] of this._sockets) {
    if (socket[kCurrent] === null) ops.op_http_close_connection(this._rid, connection, true);
  }
};

Server.prototype.getConnections = function getConnections(callback) {
  process.nextTick(callback, null, this._sockets.size);
  return this;
};

Server.prototype.ref = function ref() {
  this._refed = true;
  if (this._nextPromise) core.refOpPromise(this._nextPromise);
  return this;
};

Server.prototype.unref = function unref() {
  this._refed = false;
  if (this._nextPromise) core.unrefOpPromise(this._nextPromise);
  return this;
};

module.exports = { Server, ServerResponse, ConnectionSocket };
