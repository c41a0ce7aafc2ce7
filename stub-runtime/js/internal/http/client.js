// The http client: ClientRequest and Agent on ops/http_client.rs. hyper speaks HTTP/1.1 on
// each connection; the Agent decides which connection a request uses, keeps idle ones for
// reuse (keepAlive) and queues requests beyond maxSockets, as Node's does.
'use strict';
const core = require('internal/core');
const EventEmitter = require('events');
const { nodeError, invalidArgType } = require('internal/errors');
const { netError } = require('internal/net');
const { whenSettled } = require('internal/lifecycle');
const { validateHeaderName } = require('internal/http/common');
const { IncomingMessage, connectionReset } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');

const { ops } = core;
const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// Methods whose requests carry no body unless the app writes one, so no chunked encoding.
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

// ---------------------------------------------------------------------------------------------
// The socket a request is assigned: one hyper client connection.

function ClientSocket(opened, agent, name) {
  EventEmitter.call(this);
  this._rid = opened.rid;
  this._agent = agent;
  this._name = name;
  this.remoteAddress = opened.remote.address;
  this.remotePort = opened.remote.port;
  this.remoteFamily = opened.remote.family;
  this.localAddress = opened.local.address;
  this.localPort = opened.local.port;
  this.destroyed = false;
  this.readable = true;
  this.writable = true;
  this.connecting = false;
  this.timeout = 0;
  this._timer = null;
  this._httpMessage = null;
}
Object.setPrototypeOf(ClientSocket.prototype, EventEmitter.prototype);

ClientSocket.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.readable = false;
  this.writable = false;
  if (this._timer) clearTimeout(this._timer);
  core.tryClose(this._rid);
  if (this._agent) this._agent._removeSocket(this);
  process.nextTick(() => {
    if (error) this.emit('error', error);
    this.emit('close', Boolean(error));
  });
  return this;
};

ClientSocket.prototype.end = function end() {
  return this.destroy();
};

ClientSocket.prototype.setTimeout = function setTimeout(ms, callback) {
  if (callback) this.once('timeout', callback);
  if (this._timer) clearTimeout(this._timer);
  this._timer = null;
  this.timeout = ms;
  if (ms > 0) this._timer = globalThis.setTimeout(() => this.emit('timeout'), ms).unref();
  return this;
};

ClientSocket.prototype._touch = function touch() {
  if (this._timer) this._timer.refresh();
};

for (const name of ['setNoDelay', 'setKeepAlive', 'ref', 'unref', 'pause', 'resume']) {
  ClientSocket.prototype[name] = function chainable() {
    return this;
  };
}

ClientSocket.prototype.address = function address() {
  return { address: this.localAddress, port: this.localPort, family: this.remoteFamily };
};

// ---------------------------------------------------------------------------------------------
// Agent.

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.options = { path: null, ...options };
  this.keepAlive = Boolean(this.options.keepAlive);
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
  this.scheduling = this.options.scheduling || 'lifo';
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.requests = Object.create(null);
  this.sockets = Object.create(null);
  this.freeSockets = Object.create(null);
  this.totalSocketCount = 0;
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.getName = function getName(options = {}) {
  if (options.socketPath !== undefined) return `${options.socketPath}:`;
  let name = `${options.host || 'localhost'}:`;
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  return name;
};

Agent.prototype.addRequest = function addRequest(req, options) {
  const name = this.getName(options);
  const free = this.freeSockets[name];
  while (free && free.length > 0) {
    const socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
    if (free.length === 0) delete this.freeSockets[name];
    if (socket.destroyed || !ops.op_http_client_usable(socket._rid)) {
      socket.destroy();
      continue;
    }
    (this.sockets[name] || (this.sockets[name] = [])).push(socket);
    req.reusedSocket = true;
    req.onSocket(socket);
    return;
  }
  const busy = this.sockets[name] ? this.sockets[name].length : 0;
  if (busy >= this.maxSockets || this.totalSocketCount >= this.maxTotalSockets) {
    (this.requests[name] || (this.requests[name] = [])).push([req, options]);
    return;
  }
  this._connect(req, options, name);
};

Agent.prototype._connect = function connect(req, options, name) {
  this.totalSocketCount++;
  const placeholder = {};
  (this.sockets[name] || (this.sockets[name] = [])).push(placeholder);
  const host = options.host || 'localhost';
  const port = Number(options.port) || this.defaultPort;
  const tls = options.socketPath === undefined ? this._tlsOptions(options) : null;
  const connecting = options.socketPath === undefined
    ? ops.op_http_client_connect(host, port, tls)
    : ops.op_http_client_connect_unix(String(options.socketPath));
  whenSettled(
    connecting,
    (opened) => {
      const list = this.sockets[name];
      const socket = new ClientSocket(opened, this, name);
      if (tls) socket.encrypted = true;
      list[list.indexOf(placeholder)] = socket;
      req.onSocket(socket, true);
    },
    (error) => {
      this._forget(name, placeholder);
      req._connectFailed(options.socketPath === undefined ? connectError(error, host, port) : netError(error, { address: String(options.socketPath) }));
    },
  );
};

/** TLS settings for a connection: none for plain http (the https Agent overrides this). */
Agent.prototype._tlsOptions = function tlsOptions() {
  return null;
};

// Node's words for the TLS failures ops/tls.rs reports by code.
const TLS_MESSAGES = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: "Hostname/IP does not match certificate's altnames",
  CERT_REJECTED: 'certificate rejected',
  ECONNRESET: 'Client network socket disconnected before secure TLS connection was established',
};

function connectError(error, host, port) {
  const tls = /^TLS (\S+) (.*)$/s.exec(error && error.message);
  if (tls === null) return netError(error, { address: host, port });
  const failure = new Error(TLS_MESSAGES[tls[1]] || tls[2]);
  failure.code = tls[1];
  failure.cause = tls[2];
  return failure;
}

/** A request is done with its socket: keep it for the next request, or close it. */
Agent.prototype._release = function release(socket, reusable) {
  const name = socket._name;
  const waiting = this.requests[name];
  if (reusable && waiting && waiting.length > 0) {
    const [req] = waiting.shift();
    if (waiting.length === 0) delete this.requests[name];
    req.reusedSocket = true;
    req.onSocket(socket);
    return;
  }
  if (!reusable || !this.keepAlive) {
    socket.destroy();
    return;
  }
  this._forget(name, socket);
  this.totalSocketCount++;
  const free = this.freeSockets[name] || (this.freeSockets[name] = []);
  if (free.length >= this.maxFreeSockets) {
    this.totalSocketCount--;
    socket._agent = null;
    socket.destroy();
    return;
  }
  free.push(socket);
  this.emit('free', socket, {});
};

Agent.prototype._forget = function forget(name, socket) {
  for (const table of [this.sockets, this.freeSockets]) {
    const list = table[name];
    if (!list) continue;
    const index = list.indexOf(socket);
    if (index === -1) continue;
    list.splice(index, 1);
    this.totalSocketCount--;
    if (list.length === 0) delete table[name];
  }
};

Agent.prototype._removeSocket = function removeSocket(socket) {
  this._forget(socket._name, socket);
  this._next(socket._name);
};

// A socket went away: start the next queued request on a new one.
Agent.prototype._next = function next(name) {
  const waiting = this.requests[name];
  if (!waiting || waiting.length === 0) return;
  const busy = this.sockets[name] ? this.sockets[name].length : 0;
  if (busy >= this.maxSockets) return;
  const [req, options] = waiting.shift();
  if (waiting.length === 0) delete this.requests[name];
  this._connect(req, options, name);
};

Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const list of Object.values(table)) {
      for (const socket of [...list]) if (socket instanceof ClientSocket) socket.destroy();
    }
  }
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---------------------------------------------------------------------------------------------
// ClientRequest.

function requestOptions(input, options) {
  let base = {};
  if (typeof input === 'string') {
    base = urlToOptions(new URL(input));
  } else if (input instanceof URL) {
    base = urlToOptions(input);
  } else if (input && typeof input === 'object') {
    options = input;
  }
  return { ...base, ...(options || {}) };
}

function urlToOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

function ClientRequest(input, options, callback) {
  OutgoingMessage.call(this);
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = requestOptions(input, options);
  const agent = options.agent === undefined ? globalAgent : options.agent === false ? new Agent() : options.agent;
  const protocol = options.protocol || (agent && agent.protocol) || 'http:';
  const expected = (agent && agent.protocol) || 'http:';
  if (protocol !== expected) {
    throw nodeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expected}"`);
  }
  const method = options.method === undefined ? 'GET' : options.method;
  if (typeof method !== 'string') throw invalidArgType('options.method', 'of type string', method);
  if (!TOKEN.test(method)) throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
  const path = options.path === undefined || options.path === null ? '/' : String(options.path);
  if (/[\u0000-\u0020\u007f-\uffff]/.test(path)) throw nodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
  this.method = method.toUpperCase();
  this.path = path;
  this.agent = agent;
  this.protocol = protocol;
  this.host = options.hostname || options.host || 'localhost';
  this.port = options.port || (agent && agent.defaultPort) || 80;
  this.reusedSocket = false;
  this.aborted = false;
  this.res = null;
  this.maxHeadersCount = null;
  this.shouldKeepAlive = Boolean(agent && agent.keepAlive);
  this.useChunkedEncodingByDefault = !BODYLESS_METHODS.has(this.method);
  this._exchange = 0;
  this._queued = [];
  this._ended = false;
  if (callback) this.once('response', callback);
  if (options.timeout !== undefined) this.setTimeout(options.timeout);
  if (options.signal) watchSignal(this, options.signal);
  this._setInitialHeaders(options);
  const connectOptions = { ...options, host: this.host, port: this.port };
  if (agent) {
    process.nextTick(() => {
      if (!this.destroyed) agent.addRequest(this, connectOptions);
    });
  } else {
    throw nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'http requests need an Agent (createConnection is not supported yet)');
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function watchSignal(req, signal) {
  const abort = () => req.destroy(abortError(signal));
  if (signal.aborted) process.nextTick(abort);
  else signal.addEventListener('abort', abort, { once: true });
}

function abortError(signal) {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  if (signal.reason !== undefined) error.cause = signal.reason;
  return error;
}

ClientRequest.prototype._setInitialHeaders = function setInitialHeaders(options) {
  const headers = options.headers;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
  } else if (headers) {
    for (const name of Object.keys(headers)) {
      validateHeaderName(name);
      if (headers[name] !== undefined) this.setHeader(name, headers[name]);
    }
  }
  if (options.setHost !== false && !this.hasHeader('host')) {
    const defaultPort = (this.agent && this.agent.defaultPort) || 80;
    let host = this.host;
    if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
    this.setHeader('Host', Number(this.port) === defaultPort ? host : `${host}:${this.port}`);
  }
  if (options.auth && !this.hasHeader('authorization')) {
    this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
  }
};

/** The Agent hands over a socket (a connection): run what the app did before it came. */
ClientRequest.prototype.onSocket = function onSocket(socket, fresh) {
  process.nextTick(() => {
    if (this.destroyed) {
      this.agent._release(socket, true);
      return;
    }
    this.socket = socket;
    socket._httpMessage = this;
    if (this.timeout) socket.setTimeout(this.timeout);
    socket.on('timeout', () => this.emit('timeout'));
    this.emit('socket', socket);
    if (fresh) socket.emit('connect');
    const queued = this._queued;
    this._queued = [];
    for (const run of queued) run();
  });
};

ClientRequest.prototype._connectFailed = function connectFailed(error) {
  this.destroyed = true;
  process.nextTick(() => {
    this.emit('error', error);
    this.emit('close');
  });
};

// Until the socket arrives, sending is queued.
function whenConnected(req, run) {
  if (req.socket) run();
  else req._queued.push(run);
}

ClientRequest.prototype._sendHead = function sendHead(body, isWhole) {
  let headers = this._headerText();
  if (this.agent && this.agent.keepAlive && !this.hasHeader('connection')) headers += headers === '' ? 'Connection\nkeep-alive' : '\nConnection\nkeep-alive';
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  whenConnected(this, () => {
    if (this.destroyed) return;
    try {
      this._exchange = ops.op_http_client_request(this.socket._rid, this.method, this.path, headers, bytes, !isWhole);
    } catch (error) {
      this.destroy(netError(error));
      return;
    }
    this._awaitResponse();
  });
};

ClientRequest.prototype._sendBody = function sendBody(bytes) {
  return new Promise((resolve, reject) => {
    whenConnected(this, () => ops.op_http_write(this._exchange, bytes).then(resolve, reject));
  });
};

ClientRequest.prototype._sendEnd = function sendEnd() {
  whenConnected(this, () => {
    if (this._exchange && !this.destroyed) {
      try {
        ops.op_http_end(this._exchange, this._trailerText());
      } catch {
        // Sent whole: there is nothing to end.
      }
    }
  });
};

ClientRequest.prototype._finished = function finished() {};

ClientRequest.prototype._awaitResponse = function awaitResponse() {
  const exchange = this._exchange;
  const socket = this.socket;
  whenSettled(
    ops.op_http_client_response(exchange),
    (head) => {
      if (this.destroyed) return;
      socket._touch();
      const res = new IncomingMessage(socket);
      res.statusCode = head.status;
      res.statusMessage = head.reason;
      res._setVersion(head.version);
      res._setHeaderText(head.headers);
      res.req = this;
      res._hasBody = head.hasBody;
      if (head.hasBody) res._setBody(() => ops.op_http_read_body(exchange), () => ops.op_http_take_trailers(exchange));
      this.res = res;
      res.once('end', () => this._responseDone(res));
      if (!this.emit('response', res)) res._dump();
    },
    (error) => {
      if (this.destroyed) return;
      this.destroy(hangUp(error));
    },
  );
};

function hangUp(error) {
  const reset = new Error('socket hang up');
  reset.code = 'ECONNRESET';
  if (error && !/^ECONNRESET/.test(error.message)) reset.cause = error;
  return reset;
}

// The whole response has arrived: the connection can serve the next request.
ClientRequest.prototype._responseDone = function responseDone(res) {
  const socket = this.socket;
  const closing = /\bclose\b/i.test(res.headers.connection || '') || res.httpVersion === '1.0';
  socket._httpMessage = null;
  socket.removeAllListeners('timeout');
  if (this.agent) this.agent._release(socket, !closing && !socket.destroyed);
  process.nextTick(() => {
    res.emit('close');
    this.emit('close');
  });
};

ClientRequest.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this._exchange) ops.op_http_close_exchange(this._exchange);
  const socket = this.socket;
  if (socket) socket.destroy();
  const res = this.res;
  if (res && !res.complete && !res.destroyed) {
    // As in Node, the request closes first, then the response reports the loss.
    res.aborted = true;
    process.nextTick(() => {
      if (error !== undefined && !this.aborted) this.emit('error', error);
      this.emit('close');
      res.destroy(connectionReset());
    });
    return this;
  }
  const reported = error !== undefined ? error : res ? undefined : hangUp();
  process.nextTick(() => {
    if (reported && !this.aborted) this.emit('error', reported);
    this.emit('close');
  });
  return this;
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.setTimeout = function setTimeout(ms, callback) {
  if (callback) this.once('timeout', callback);
  this.timeout = ms;
  if (this.socket) this.socket.setTimeout(ms);
  return this;
};

ClientRequest.prototype.setNoDelay = function setNoDelay() {};
ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive() {};

function request(input, options, callback) {
  return new ClientRequest(input, options, callback);
}

function get(input, options, callback) {
  const req = request(input, options, callback);
  req.end();
  return req;
}

module.exports = { Agent, ClientRequest, globalAgent, request, get };
