'use strict';
// `dns`: lookup() and lookupService() through the system resolver (getaddrinfo/getnameinfo in
// ops/dns.rs, run off the JS thread, as Node does through libuv), the constants, and the
// promise API (`dns.promises`, also `require('dns/promises')`).
//
// Node's resolve*() family and Resolver query DNS servers directly (c-ares). This runtime has
// no DNS client: those functions check their arguments as Node does, then fail with
// ERR_PACK_UNAVAILABLE through their callback or promise, so callers' error paths run.

const core = require('internal/core');
const { nodeError, invalidArgType } = require('internal/errors');
const { isIP, validatePort } = require('internal/net');

const { ops } = core;

// ---------------------------------------------------------------------------------------------
// Constants.

// getaddrinfo hints, with Linux's values as Node reports them.
const ADDRCONFIG = 32;
const ALL = 16;
const V4MAPPED = 8;

// Error codes of the resolve*() family.
const ERROR_CODES = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// libuv's numbers for resolver failures, which Node reports as `errno`.
const UV_ERRNO = {
  EAI_ADDRFAMILY: -3000,
  EAI_AGAIN: -3001,
  EAI_BADFLAGS: -3002,
  EAI_FAIL: -3004,
  EAI_FAMILY: -3005,
  EAI_MEMORY: -3006,
  EAI_NODATA: -3007,
  EAI_NONAME: -3008,
  EAI_OVERFLOW: -3009,
  EAI_SERVICE: -3010,
  EAI_SOCKTYPE: -3011,
};

const ORDERS = ['verbatim', 'ipv4first', 'ipv6first'];
const RRTYPES = ['A', 'AAAA', 'ANY', 'CAA', 'CNAME', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SRV', 'TXT'];

// ---------------------------------------------------------------------------------------------
// Arguments and errors.

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

/** "The argument 'family' must be one of: 0, 4, 6. Received 5" (a property when dotted). */
function validateOneOf(value, name, allowed) {
  if (allowed.includes(value)) return;
  const { inspect } = require('util');
  const what = name.includes('.') ? 'property' : 'argument';
  const list = allowed.map((item) => (typeof item === 'string' ? `'${item}'` : String(item))).join(', ');
  throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' must be one of: ${list}. Received ${inspect(value)}`);
}

function invalidArgValue(name, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' is invalid. Received ${require('util').inspect(value)}`);
}

/** A resolver failure from ops/dns.rs ("eai EAI_NONAME" or "errno 12") in Node's shape. */
function resolverError(error, syscall, hostname) {
  const text = error && error.message;
  let code;
  let errno;
  let match = /^eai (\w+)$/.exec(text);
  if (match !== null) {
    errno = UV_ERRNO[match[1]] ?? UV_ERRNO.EAI_FAIL;
    // As in Node: "no such name" and "no address for the name" both read ENOTFOUND.
    code = match[1] === 'EAI_NONAME' || match[1] === 'EAI_NODATA' ? 'ENOTFOUND' : match[1];
  } else if ((match = /^errno (\d+)$/.exec(text)) !== null) {
    errno = -Number(match[1]);
    code = ops.op_os_errno_info(Number(match[1])).code;
  } else {
    return error;
  }
  const result = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  // Node's stack shows where the result came in; this helper is not part of that.
  Error.captureStackTrace(result, resolverError);
  Object.assign(result, { errno, code, syscall });
  if (hostname) result.hostname = hostname;
  return result;
}

/** Calls back from the event loop; a throwing callback is an uncaught exception, as in Node. */
function deliver(callback, ...args) {
  try {
    callback(...args);
  } catch (error) {
    require('internal/lifecycle').handleUncaughtException(error, 'uncaughtException');
  }
}

let warnedInvalidHostname = false;
function warnInvalidHostname(hostname) {
  if (warnedInvalidHostname) return;
  warnedInvalidHostname = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning',
    'DEP0118',
  );
}

// ---------------------------------------------------------------------------------------------
// Result order.

let defaultOrder = 'verbatim';

function getDefaultResultOrder() {
  return defaultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ORDERS);
  defaultOrder = order;
}

/** The addresses in the asked order; 'verbatim' keeps the resolver's. */
function ordered(addresses, order) {
  if (order === 'verbatim') return addresses;
  const first = order === 'ipv4first' ? 4 : 6;
  return [...addresses.filter(([, family]) => family === first), ...addresses.filter(([, family]) => family !== first)];
}

// ---------------------------------------------------------------------------------------------
// lookup.

/** lookup's options (a family number or an object) as { family, all, hints, order }. */
function lookupOptions(options) {
  const settings = { family: 0, all: false, hints: 0, order: defaultOrder };
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    settings.family = options;
    return settings;
  }
  if (options === undefined || options === null) return settings;
  if (typeof options !== 'object') throw invalidArgType('options', 'of type object or integer', options);
  if (options.hints != null) {
    if (typeof options.hints !== 'number') throw invalidArgType('options.hints', 'of type number', options.hints);
    if ((options.hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw invalidArgValue('hints', options.hints);
    settings.hints = options.hints;
  }
  if (options.family != null) {
    if (options.family === 'IPv4') settings.family = 4;
    else if (options.family === 'IPv6') settings.family = 6;
    else {
      validateOneOf(options.family, 'options.family', [0, 4, 6]);
      settings.family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    settings.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    settings.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options.order != null) {
    validateOneOf(options.order, 'options.order', ORDERS);
    settings.order = options.order;
  }
  return settings;
}

/**
 * The addresses as `[[address, family], ...]`: at once (an array) for an IP literal, which
 * Node answers without the resolver; null for an empty hostname; otherwise a promise.
 */
function resolveAddresses(hostname, { family, hints, order }) {
  if (!hostname) {
    warnInvalidHostname(hostname);
    return null;
  }
  const literal = isIP(hostname);
  if (literal !== 0) return [[hostname, literal]];
  return ops.op_dns_lookup(hostname, family, hints).then(
    (addresses) => {
      if (addresses.length === 0) throw resolverError(new Error('eai EAI_NONAME'), 'getaddrinfo', hostname);
      return ordered(addresses, order);
    },
    (error) => {
      throw resolverError(error, 'getaddrinfo', hostname);
    },
  );
}

/** The callback's or promise's value: `[{ address, family }, ...]` with `all`, else the first. */
function lookupResult(addresses, all) {
  if (all) return addresses.map(([address, family]) => ({ address, family }));
  return { address: addresses[0][0], family: addresses[0][1] };
}

/** lookup(hostname[, options], callback): callback(err, address, family) or (err, [{ address, family }]). */
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (typeof callback !== 'function' && (typeof options !== 'object' || options === null) && typeof options !== 'number') {
    // lookup(host, notAFunction): Node reports the missing callback first.
    validateFunction(options === undefined ? callback : options, 'callback');
  }
  const settings = lookupOptions(options);
  validateFunction(callback, 'callback');

  const succeed = (addresses) => {
    const result = lookupResult(addresses, settings.all);
    if (settings.all) deliver(callback, null, result);
    else deliver(callback, null, result.address, result.family);
  };
  const found = resolveAddresses(hostname, settings);
  if (found === null) {
    if (settings.all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, settings.family === 6 ? 6 : 4);
  } else if (Array.isArray(found)) {
    process.nextTick(succeed, found);
  } else {
    found.then(succeed, (error) => deliver(callback, error));
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// lookupService.

function validateService(address, port) {
  if (typeof address !== 'string' || isIP(address) === 0) throw invalidArgValue('address', address);
  return validatePort(port);
}

function resolveService(address, port) {
  return ops.op_dns_lookup_service(address, port).then(
    ([hostname, service]) => ({ hostname, service }),
    (error) => {
      throw resolverError(error, 'getnameinfo', address);
    },
  );
}

/** lookupService(address, port, callback): callback(err, hostname, service). */
function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "address", "port", and "callback" arguments must be specified');
  }
  const number = validateService(address, port);
  validateFunction(callback, 'callback');
  resolveService(address, number).then(
    ({ hostname, service }) => deliver(callback, null, hostname, service),
    (error) => deliver(callback, error),
  );
  return {};
}

// ---------------------------------------------------------------------------------------------
// Servers and the resolve*() family.

/** The name servers from /etc/resolv.conf, in getServers() form. */
function systemServers() {
  let text = '';
  try {
    text = require('fs').readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    // No configuration: the resolver's default below.
  }
  const servers = [];
  for (const line of text.split('\n')) {
    const match = /^\s*nameserver\s+(\S+)/.exec(line);
    if (match !== null && isIP(match[1]) !== 0) servers.push(match[1]);
  }
  return servers.length > 0 ? servers : ['127.0.0.1'];
}

/** A server as setServers() takes it ("1.2.3.4", "1.2.3.4:53", "::1", "[::1]:53"), normalised. */
function normaliseServer(server, index) {
  if (typeof server !== 'string') throw invalidArgType(`servers[${index}]`, 'of type string', server);
  let host = server;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  const withPort = /^([^:]+):(\d+)$/.exec(server);
  if (bracketed !== null) [, host, port = 53] = bracketed;
  else if (withPort !== null) [, host, port] = withPort;
  if (isIP(host) === 0) throw nodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${server}`);
  port = Number(port);
  if (port === 53) return host;
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

function unavailable(name) {
  return nodeError(
    Error,
    'ERR_PACK_UNAVAILABLE',
    `dns.${name}() is not available in this runtime: it queries DNS servers directly, and there is no DNS client; dns.lookup() uses the system resolver`,
  );
}

// In Node's order on Resolver.prototype; the module lists them sorted.
const RESOLVE_METHODS = [
  'resolveAny', 'resolve4', 'resolve6', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNs',
  'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'reverse', 'resolve',
];

/** Checks a resolve*() call's arguments as Node does: (name[, rrtype or options][, callback]). */
function checkResolveArguments(method, name, rrtype) {
  validateString(name, method === 'reverse' ? 'ip' : 'name');
  if (method === 'resolve' && typeof rrtype === 'string' && !RRTYPES.includes(rrtype)) throw invalidArgValue('rrtype', rrtype);
}

/** What Resolver and its promise form share: the server list. */
class ResolverBase {
  constructor(options) {
    this._servers = null;
    this._options = options;
  }

  getServers() {
    return (this._servers ??= systemServers()).slice();
  }

  setServers(servers) {
    if (!Array.isArray(servers)) throw invalidArgType('servers', 'an instance of Array', servers);
    this._servers = servers.map(normaliseServer);
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
  }

  cancel() {}
}

class Resolver extends ResolverBase {}
// Named Resolver too, as `dns.promises.Resolver` is in Node.
const PromiseResolver = class Resolver extends ResolverBase {};

for (const method of RESOLVE_METHODS) {
  Object.defineProperty(Resolver.prototype, method, {
    configurable: true,
    writable: true,
    value: function (name, ...rest) {
      const callback = rest.pop();
      checkResolveArguments(method, name, rest[0]);
      validateFunction(callback, 'callback');
      process.nextTick(callback, unavailable(method));
      return {};
    },
  });
  Object.defineProperty(PromiseResolver.prototype, method, {
    configurable: true,
    writable: true,
    value: function (name, rrtype) {
      checkResolveArguments(method, name, rrtype);
      return Promise.reject(unavailable(method));
    },
  });
}

const defaultResolver = new Resolver();
const defaultPromiseResolver = new PromiseResolver();

/** The module-level functions act on a shared default resolver, as in Node. */
function bindResolver(target, resolver) {
  target.getServers = resolver.getServers.bind(resolver);
  for (const method of [...RESOLVE_METHODS].sort()) {
    Object.defineProperty(target, method, {
      enumerable: true,
      configurable: true,
      writable: true,
      value: { [method]: (...args) => resolver[method](...args) }[method],
    });
  }
}

function setServers(servers) {
  defaultResolver.setServers(servers);
  defaultPromiseResolver._servers = defaultResolver._servers;
}

// ---------------------------------------------------------------------------------------------
// The promise API.

const promises = {
  /** lookup(hostname[, options]) resolves to { address, family } or, with `all`, a list. */
  lookup(hostname, options) {
    if (hostname) validateString(hostname, 'hostname');
    const settings = lookupOptions(options);
    const found = resolveAddresses(hostname, settings);
    if (found === null) return Promise.resolve(settings.all ? [] : { address: null, family: settings.family === 6 ? 6 : 4 });
    return Promise.resolve(found).then((addresses) => lookupResult(addresses, settings.all));
  },

  lookupService(address, port) {
    if (arguments.length !== 2) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "address" and "port" arguments must be specified');
    return resolveService(address, validateService(address, port));
  },

  Resolver: PromiseResolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ...ERROR_CODES,
};
bindResolver(promises, defaultPromiseResolver);

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...ERROR_CODES,
};
bindResolver(module.exports, defaultResolver);
module.exports.promises = promises;
