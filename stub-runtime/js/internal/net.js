// What net, dns and http share: address syntax, listen() arguments and Node's socket errors.
'use strict';
const { nodeError } = require('internal/errors');
const { ops } = require('internal/core');

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
const GROUP = '[0-9a-fA-F]{1,4}';
// Every way to write eight groups, with at most one "::" standing for a run of zero groups,
// and an IPv4 address allowed in place of the last two; then an optional zone such as %eth0.
const IPV6 = [
  `(?:${GROUP}:){7}(?:${GROUP}|:)`,
  `(?:${GROUP}:){6}(?:${IPV4}|:${GROUP}|:)`,
  `(?:${GROUP}:){5}(?::${IPV4}|(?::${GROUP}){1,2}|:)`,
  `(?:${GROUP}:){4}(?:(?::${GROUP}){0,1}:${IPV4}|(?::${GROUP}){1,3}|:)`,
  `(?:${GROUP}:){3}(?:(?::${GROUP}){0,2}:${IPV4}|(?::${GROUP}){1,4}|:)`,
  `(?:${GROUP}:){2}(?:(?::${GROUP}){0,3}:${IPV4}|(?::${GROUP}){1,5}|:)`,
  `(?:${GROUP}:){1}(?:(?::${GROUP}){0,4}:${IPV4}|(?::${GROUP}){1,6}|:)`,
  `(?::(?:(?::${GROUP}){0,5}:${IPV4}|(?::${GROUP}){1,7}|:))`,
].join('|');

const ipv4Pattern = new RegExp(`^${IPV4}$`);
const ipv6Pattern = new RegExp(`^(?:${IPV6})(?:%[0-9a-zA-Z.\\-_]{1,})?$`);

function isIPv4(value) {
  return ipv4Pattern.test(String(value));
}

function isIPv6(value) {
  return ipv6Pattern.test(String(value));
}

/** 4 or 6 for an address of that family, 0 for anything else. */
function isIP(value) {
  if (isIPv4(value)) return 4;
  if (isIPv6(value)) return 6;
  return 0;
}

/**
 * Turns an op failure ("<errno> <syscall> [address port]" or "ENOTFOUND getaddrinfo host")
 * into Node's error: "connect ECONNREFUSED 127.0.0.1:1", "listen EADDRINUSE: address already in
 * use :::3000", with errno, code, syscall, address and port.
 */
function netError(error, fallback = {}) {
  const text = error && error.message;
  const notFound = /^ENOTFOUND getaddrinfo (.*)$/.exec(text);
  if (notFound) {
    const found = new Error(`getaddrinfo ENOTFOUND ${notFound[1]}`);
    Object.assign(found, { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: notFound[1] });
    return found;
  }
  const match = /^(\d+) (\w+)(?: (\S+) (\d+))?$/.exec(text);
  if (match === null) return error;
  const errno = Number(match[1]);
  const syscall = match[2];
  const address = match[3] !== undefined ? match[3] : fallback.address;
  const port = match[4] !== undefined ? Number(match[4]) : fallback.port;
  const { code, message } = ops.op_os_errno_info(errno);
  let where = '';
  if (address !== undefined) where = port !== undefined && port !== -1 ? ` ${address}:${port}` : ` ${address}`;
  const described = syscall === 'listen' ? `${syscall} ${code}: ${message}${where}` : `${syscall} ${code}${where}`;
  const result = new Error(described);
  if (syscall === 'listen') Object.assign(result, { code, errno: -errno, syscall });
  else Object.assign(result, { errno: -errno, code, syscall });
  if (address !== undefined) result.address = address;
  if (port !== undefined && port !== -1) result.port = port;
  return result;
}

function isCancelled(error) {
  return /^125 /.test(error && error.message) || (error && error.name === 'Interrupted');
}

function validatePort(port, name = 'Port') {
  const number = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 65535) {
    const shown = typeof port === 'string' ? `'${port}'` : String(port);
    throw nodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be >= 0 and < 65536. Received type ${typeof port} (${shown}).`);
  }
  return number;
}

function normalizeListenArgs(args) {
  const [first] = args;
  if (first === undefined || first === null) return { port: 0 };
  if (typeof first === 'object') {
    if (first.port === undefined && first.path === undefined && !('port' in first)) {
      if (first.handle || first.fd !== undefined) throw nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'listening on a handle or fd is not supported');
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'options' must have the property "port" or "path". Received ${require('util').inspect(first)}`);
    }
    return { ...first };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first, backlog: args[1] };
  const options = { port: first };
  if (typeof args[1] === 'string') {
    options.host = args[1];
    if (typeof args[2] === 'number') options.backlog = args[2];
  } else if (typeof args[1] === 'number') {
    options.backlog = args[1];
  }
  return options;
}

/** Whether this process is a cluster worker, whose servers share their ports. */
function inClusterWorker() {
  return require('internal/cluster/role').isWorker;
}

/**
 * The TCP part of listen() that net and http servers share: Node's defaults for port and
 * backlog, a cluster worker's random port agreed with the primary, and the host: IPv6's
 * any-address (IPv4's when the machine has no IPv6), an IP literal, or a name looked up first.
 * `bind(ip, port, backlog, reusePort)` makes the listener and throws an op's error; such a
 * failure becomes the server's 'error' event, as in Node.
 */
function listenTcp(server, options, bind) {
  const port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
  const backlog = options.backlog || 511;
  const host = options.host;
  if (port === 0 && !options.exclusive && inClusterWorker()) {
    require('internal/cluster/child')._sharedPort(host, (shared) => server.listen({ ...options, port: shared, exclusive: shared === 0 }));
    return;
  }
  const start = (address) => {
    try {
      bind(address, port, backlog, inClusterWorker());
    } catch (error) {
      // EAFNOSUPPORT or EADDRNOTAVAIL: no IPv6 here.
      if (address === '::' && /^(97|99) /.test(error.message)) {
        start('0.0.0.0');
        return;
      }
      process.nextTick(() => server.emit('error', netError(error, { address, port })));
    }
  };
  if (host === undefined || host === null || host === '') start('::');
  else if (isIP(host)) start(host);
  else {
    require('dns').lookup(host, (error, address) => {
      if (error) server.emit('error', error);
      else start(address);
    });
  }
}

module.exports = { isIP, isIPv4, isIPv6, netError, isCancelled, validatePort, normalizeListenArgs, inClusterWorker, listenTcp };

