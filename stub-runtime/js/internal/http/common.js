// Tables and checks shared by the http server and client.
'use strict';
const { nodeError } = require('internal/errors');

// The IANA registry's reason phrases, as Node reports them.
const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

// The request methods Node's parser accepts.
const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// Header values may hold tab and visible latin1, never control characters such as CR or LF.
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

// Names already found valid, with their lower-cased form: apps set the same few headers on
// every response, and this saves both the check and the lower-casing.
const knownNames = new Map();
// Short string values already found valid ("text/plain", "no-cache"...), for the same reason.
const knownValues = new Set();
const KNOWN_LIMIT = 1000;
const KNOWN_VALUE_LENGTH = 64;

function validateHeaderName(name, label = 'Header name') {
  if (knownNames.has(name)) return;
  if (typeof name !== 'string' || !name || !TOKEN.test(name)) {
    throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label} must be a valid HTTP token ["${name}"]`);
  }
  if (knownNames.size < KNOWN_LIMIT) knownNames.set(name, name.toLowerCase());
}

/** Checks a header name and returns it lower-cased, the key messages store headers under. */
function headerKey(name) {
  const key = knownNames.get(name);
  if (key !== undefined) return key;
  validateHeaderName(name);
  return name.toLowerCase();
}

function validateHeaderValue(name, value) {
  if (typeof value === 'string' && knownValues.has(value)) return;
  if (value === undefined) {
    throw nodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (INVALID_VALUE_CHAR.test(String(value))) {
    throw nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
  if (typeof value === 'string' && value.length <= KNOWN_VALUE_LENGTH && knownValues.size < KNOWN_LIMIT) knownValues.add(value);
}

// Headers a message may carry once: Node keeps the first and drops repeats.
const SINGLE_VALUED = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

/**
 * The `headers` object of an incoming message from its raw name/value list, merging repeats
 * as Node does: set-cookie collects an array, cookie joins with "; ", single-valued headers keep
 * their first value, the rest join with ", ". `lowerCased`: the names already are (hyper's
 * are), which saves a string per header.
 */
function joinHeaders(raw, lowerCased = false) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = lowerCased ? raw[i] : raw[i].toLowerCase();
    const value = raw[i + 1];
    const seen = headers[name];
    if (seen === undefined) {
      headers[name] = name === 'set-cookie' ? [value] : value;
    } else if (name === 'set-cookie') {
      seen.push(value);
    } else if (name === 'cookie') {
      headers[name] = `${seen}; ${value}`;
    } else if (!SINGLE_VALUED.has(name)) {
      headers[name] = `${seen}, ${value}`;
    }
  }
  return headers;
}

function headersSentError() {
  return nodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
}

module.exports = { STATUS_CODES, METHODS, validateHeaderName, headerKey, validateHeaderValue, joinHeaders, headersSentError };
