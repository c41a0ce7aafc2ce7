// `https`: the http server and client over TLS (rustls, in ops/tls.rs). Clients trust the
// system's CA store unless given `ca`; `rejectUnauthorized: false` (or the environment's
// NODE_TLS_REJECT_UNAUTHORIZED=0) accepts any certificate, as in Node.
'use strict';
const http = require('http');
const { nodeError } = require('internal/errors');
const { isIP } = require('internal/net');

function pemList(value) {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => String(item));
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  http.Agent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
}
Object.setPrototypeOf(Agent.prototype, http.Agent.prototype);
Object.setPrototypeOf(Agent, http.Agent);

Agent.prototype._tlsOptions = function tlsOptions(options) {
  const host = options.host || 'localhost';
  const rejectByDefault = process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0';
  return {
    ca: pemList(options.ca),
    cert: options.cert === undefined ? null : String(options.cert),
    key: options.key === undefined ? null : String(options.key),
    rejectUnauthorized: options.rejectUnauthorized === undefined ? rejectByDefault : options.rejectUnauthorized !== false,
    servername: options.servername || (isIP(host) ? null : host),
  };
};

// Connections made with different TLS settings must not be shared.
Agent.prototype.getName = function getName(options = {}) {
  let name = http.Agent.prototype.getName.call(this, options);
  for (const key of ['ca', 'cert', 'key', 'servername']) name += `:${options[key] === undefined ? '' : options[key]}`;
  name += `:${options.rejectUnauthorized === false ? 0 : 1}`;
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  }
  options = options || {};
  http.Server.call(this, options, requestListener);
  if (options.pfx !== undefined) throw nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'https.Server takes PEM cert and key; pfx is not supported');
  if (options.cert === undefined || options.key === undefined) {
    throw nodeError(TypeError, 'ERR_PACK_UNAVAILABLE', 'https.Server needs the cert and key options (PEM)');
  }
  this._tls = { cert: pemList(options.cert).join('\n'), key: String(options.key) };
}
// As in Node, an https.Server is a net.Server with http.Server's methods, not an http.Server.
Object.setPrototypeOf(Server.prototype, require('net').Server.prototype);
Object.setPrototypeOf(Server, require('net').Server);
for (const key of Reflect.ownKeys(http.Server.prototype)) {
  if (key !== 'constructor') Object.defineProperty(Server.prototype, key, Object.getOwnPropertyDescriptor(http.Server.prototype, key));
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function request(input, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (input !== null && typeof input === 'object' && !(input instanceof URL)) {
    options = input;
    input = undefined;
  }
  const merged = { ...options };
  if (merged.agent === undefined) merged.agent = globalAgent;
  if (merged.agent === false) merged.agent = new Agent();
  return input === undefined ? new http.ClientRequest(merged, callback) : new http.ClientRequest(input, merged, callback);
}

function get(input, options, callback) {
  const req = request(input, options, callback);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, request, get };
