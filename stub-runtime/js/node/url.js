// node:url: the WHATWG `URL` API (from internal/whatwg_url) plus Node's legacy API, whose
// url.parse/format/resolve keep the lenient, pre-WHATWG behaviour apps still rely on.
'use strict';

const process = require('process');
const querystring = require('querystring');
const whatwg = require('internal/whatwg_url');

const { URL, URLSearchParams, codedError, invalidArgType, invalidUrlError } = whatwg;

// decodeURIComponent, with V8's message for malformed input whatever the engine's own is.
function decodeComponent(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) throw new URIError('URI malformed');
    throw error;
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// ---------------------------------------------------------------------------
// Protocol tables of the legacy parser.

// Protocols that never have a host ("javascript:alert(1)").
const HOSTLESS = new Set(['javascript', 'javascript:']);
// Protocols whose URLs always carry "//" and get a "/" path when empty.
const SLASHED = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
// Protocols whose remaining text is kept exactly as written.
const UNSAFE = new Set(['javascript', 'javascript:']);

const PROTOCOL_PATTERN = /^[a-z0-9.+-]+:/i;
const PORT_PATTERN = /:[0-9]*$/;
// "//user@host" without a protocol still denotes a host.
const AUTH_HOST_PATTERN = /^\/\/[^@/]+@[^@/]+/;
const SIMPLE_PATH_PATTERN = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const HOSTNAME_MAX_LENGTH = 255;
const FORBIDDEN_HOST_CHARS = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const FORBIDDEN_IPV6_HOST_CHARS = /[\0\t\n\r #%/<>?@\\^|]/;

const isTrimmedWhitespace = (code) => code <= 0x20 || code === 0xa0 || code === 0xfeff;

// Characters that end the host part: never valid in a hostname (RFC 2396) or a delimiter.
const NON_HOST_CHARS = new Set(' "%\';<>\\^`{|}');
const HOST_ENDING_CHARS = new Set('#/?');

// Characters escaped in the part after the host, even where encodeURIComponent would not.
const AUTO_ESCAPE = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const AUTO_ESCAPE_PATTERN = /[\t\n\r "'<>\\^`{|}]/g;

let warnedInvalidPort = false;

function warnInvalidPort(url) {
  if (warnedInvalidPort) return;
  warnedInvalidPort = true;
  process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
    'DeprecationWarning', 'DEP0170');
}

// ---------------------------------------------------------------------------
// Url objects.

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

// Trims surrounding whitespace and turns '\' into '/' before the query or fragment. Also
// reports whether a '#' occurs and whether an '@' comes before the first '?' or '#'.
function prepareInput(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmedWhitespace(url.charCodeAt(start))) start++;
  while (end > start && isTrimmedWhitespace(url.charCodeAt(end - 1))) end--;
  const text = url.slice(start, end);
  let split = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '?' || text[i] === '#') {
      split = i;
      break;
    }
  }
  const head = text.slice(0, split);
  return {
    rest: head.replace(/\\/g, '/') + text.slice(split),
    hasHash: text.includes('#'),
    hasAt: head.includes('@'),
  };
}

function emptyQuery() {
  return { __proto__: null };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  const prepared = prepareInput(url);
  let rest = prepared.rest;

  if (!slashesDenoteHost && !prepared.hasHash && !prepared.hasAt) {
    // A plain path ("/a/b?c") needs none of the work below.
    const simple = SIMPLE_PATH_PATTERN.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = emptyQuery();
      }
      return this;
    }
  }

  let proto = PROTOCOL_PATTERN.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes = false;
  if (slashesDenoteHost || proto || AUTH_HOST_PATTERN.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && HOSTLESS.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  // Note: the table lookup uses the protocol as written, so "HTTP:x" parses "x" as a host.
  if (!HOSTLESS.has(lowerProto) && (slashes || (proto && !SLASHED.has(proto)))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!UNSAFE.has(lowerProto)) rest = rest.replace(AUTO_ESCAPE_PATTERN, (ch) => AUTO_ESCAPE[ch]);

  splitPathQueryHash(this, rest, parseQueryString);
  if (SLASHED.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Reads "auth@host:port" from the front of `rest` into `self`; returns what follows.
function parseAuthority(self, rest, url) {
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    const ch = rest[i];
    if (ch === '\t' || ch === '\n' || ch === '\r') {
      // Dropped from the authority, as the WHATWG parser drops them everywhere.
      rest = rest.slice(0, i) + rest.slice(i + 1);
      i--;
    } else if (NON_HOST_CHARS.has(ch)) {
      if (nonHost === -1) nonHost = i;
    } else if (HOST_ENDING_CHARS.has(ch)) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (ch === '@') {
      // The last '@' before the host ends separates the credentials.
      atSign = i;
      nonHost = -1;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = rest.slice(start);
    rest = '';
  } else {
    self.host = rest.slice(start, nonHost);
    rest = rest.slice(nonHost);
  }
  splitHostPort(self);
  if (typeof self.hostname !== 'string') self.hostname = '';

  const ipv6 = isBracketed(self.hostname);
  if (!ipv6) rest = trimHostname(self, rest, url);
  if (self.hostname.length > HOSTNAME_MAX_LENGTH) self.hostname = '';
  else self.hostname = self.hostname.toLowerCase();
  if (self.hostname !== '') {
    if (ipv6) {
      if (FORBIDDEN_IPV6_HOST_CHARS.test(self.hostname)) throw invalidUrlError(url);
    } else {
      self.hostname = legacyToASCII(self.hostname, url);
    }
  }
  self.host = self.hostname + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
}

const isBracketed = (hostname) => hostname.startsWith('[') && hostname.endsWith(']');

function splitHostPort(self) {
  let host = self.host;
  const port = PORT_PATTERN.exec(host);
  if (port) {
    if (port[0] !== ':') self.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) self.hostname = host;
}

// A hostname stops at the first character that cannot be part of it; the remainder becomes the
// start of the path.
function trimHostname(self, rest, url) {
  const hostname = self.hostname;
  for (let i = 0; i < hostname.length; i++) {
    const ch = hostname[i];
    if (ch === '/' || ch === '\\' || ch === '#' || ch === '?' || ch === ':') {
      if (ch === ':') warnInvalidPort(url);
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}

// IDNA for the legacy parser: lenient about ASCII control characters, and the result ends at a
// NUL, as Node's C++ conversion does. A hostname that cannot be converted, or that only gained
// forbidden characters through the conversion, is an invalid URL.
function legacyToASCII(hostname, url) {
  let ascii = whatwg.domainToAsciiInternal(hostname, true);
  if (ascii !== null && ascii.includes('\0')) ascii = ascii.slice(0, ascii.indexOf('\0'));
  if (!ascii || FORBIDDEN_HOST_CHARS.test(ascii)) throw invalidUrlError(url);
  return ascii;
}

function splitPathQueryHash(self, rest, parseQueryString) {
  const hashIndex = rest.indexOf('#');
  if (hashIndex !== -1) self.hash = rest.slice(hashIndex);
  const beforeHash = hashIndex === -1 ? rest : rest.slice(0, hashIndex);
  const questionIndex = beforeHash.indexOf('?');
  if (questionIndex !== -1) {
    self.search = beforeHash.slice(questionIndex);
    self.query = beforeHash.slice(questionIndex + 1);
    if (parseQueryString) self.query = querystring.parse(self.query);
  } else if (parseQueryString) {
    self.search = null;
    self.query = emptyQuery();
  }
  const pathEnd = questionIndex !== -1 ? questionIndex : hashIndex;
  if (pathEnd === -1) {
    if (rest.length > 0) self.pathname = rest;
  } else if (pathEnd > 0) {
    self.pathname = rest.slice(0, pathEnd);
  }
}

// ---------------------------------------------------------------------------
// Formatting.

// Like encodeURIComponent, but ':' stays (user:password). Surrogates pair with the next code
// unit, as in querystring.escape.
const AUTH_KEEP = /[A-Za-z0-9\-_.!~*'():]/;

function encodeAuth(auth) {
  let out = '';
  for (let i = 0; i < auth.length; i++) {
    const ch = auth[i];
    if (auth.charCodeAt(i) < 0x80 && AUTH_KEEP.test(ch)) {
      out += ch;
      continue;
    }
    const code = auth.charCodeAt(i);
    if (code >= 0xd800 && code < 0xe000) {
      out += querystring.escape(auth.slice(i, i + 2) || ch);
      i++;
    } else {
      out += querystring.escape(ch);
    }
  }
  return out;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname;
    host = auth + (hostname.includes(':') && !isBracketed(hostname) ? `[${hostname}]` : hostname);
    if (this.port) host += `:${this.port}`;
  }
  let query = '';
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[#?]/g, (ch) => (ch === '#' ? '%23' : '%3F'));

  // Only protocols that use "//" get it, unless the object asked for slashes.
  if (this.slashes || SLASHED.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw invalidArgType('urlObject', 'one of type object or string', urlObject);
  } else if (whatwg.isURL(urlObject)) {
    const settings = { auth: true, fragment: true, search: true, unicode: false };
    if (options) {
      if (typeof options !== 'object' || Array.isArray(options)) {
        throw invalidArgType('options', 'of type object', options);
      }
      for (const key of Object.keys(settings)) {
        if (options[key] != null) settings[key] = Boolean(options[key]);
      }
    }
    return whatwg.formatURL(urlObject, settings);
  }
  return Url.prototype.format.call(urlObject);
}

// ---------------------------------------------------------------------------
// Resolution.

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function copyFields(target, source, skip) {
  for (const key of Object.keys(source)) {
    if (key !== skip) target[key] = source[key];
  }
}

function finish(result) {
  result.href = result.format();
  return result;
}

function updatePath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
}

// "host" segments kept inside the path of protocols without "//" may carry "user@".
function takeAuthFromHost(result) {
  const host = result.host;
  if (host && host.indexOf('@') > 0) {
    const parts = host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyFields(result, this);
  result.hash = relative.hash;

  // Only a fragment (or nothing) to apply.
  if (relative.href === '') return finish(result);

  // "//host/path": everything but the protocol comes from the relative URL.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (SLASHED.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    return finish(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return resolveOtherProtocol(result, relative);
  }
  return resolvePath(result, relative);
};

// A relative URL with its own protocol replaces nearly everything.
function resolveOtherProtocol(result, relative) {
  if (!SLASHED.has(relative.protocol)) {
    copyFields(result, relative);
    return finish(result);
  }
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) && !HOSTLESS.has(relative.protocol)) {
    // "http:/a/b" against another protocol: the first path segment is the host.
    const segments = (relative.pathname || '').split('/');
    while (segments.length && !(relative.host = segments.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (segments[0] !== '') segments.unshift('');
    if (segments.length < 2) segments.unshift('');
    result.pathname = segments.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

function resolvePath(result, relative) {
  const isSourceAbs = Boolean(result.pathname && result.pathname[0] === '/');
  const isRelAbs = Boolean(relative.host || (relative.pathname && relative.pathname[0] === '/'));
  let mustEndAbs = Boolean(isRelAbs || isSourceAbs || (result.host && relative.pathname));
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = Boolean(result.protocol && !SLASHED.has(result.protocol));

  // Without "//", the host lives as the first path segment ("mailto:user@host").
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // A relative path replaces the source's last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query changes.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      takeAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    updatePath(result);
    return finish(result);
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return finish(result);
  }

  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = (
    ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
    last === '');

  // Removes '.' and '..' segments from the end backwards, counting unmatched '..'.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');

  const isAbsolute = srcPath[0] === '' || Boolean(srcPath[0] && srcPath[0][0] === '/');
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    takeAuthFromHost(result);
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  updatePath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

// ---------------------------------------------------------------------------
// File URLs and paths. POSIX rules by default; `{ windows: true }` selects Windows rules (drive
// letters, backslashes, UNC paths as file://server/share), as the host platform would.

// Shaped like a WHATWG URL (the test Node uses for fileURLToPath and urlToHttpOptions).
function looksLikeURL(value) {
  return Boolean(value && value.href && value.protocol && value.auth === undefined && value.path === undefined);
}

const useWindowsRules = (options) => {
  const windows = options == null ? undefined : options.windows;
  return windows === undefined || windows === null ? process.platform === 'win32' : Boolean(windows);
};

function invalidFileUrlPath(reason) {
  return codedError(TypeError, 'ERR_INVALID_FILE_URL_PATH', `File URL path ${reason}`);
}

function invalidArgValue(name, value, reason) {
  const shown = require('util').inspect(value);
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${shown}`);
}

function fileURLToPath(path, options) {
  let url = path;
  if (typeof path === 'string') url = new URL(path);
  else if (!looksLikeURL(path)) throw invalidArgType('path', 'of type string or an instance of URL', path);
  if (url.protocol !== 'file:') throw codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  return useWindowsRules(options) ? windowsPathFromURL(url) : posixPathFromURL(url);
}

function posixPathFromURL(url) {
  if (url.hostname !== '') {
    throw codedError(TypeError, 'ERR_INVALID_FILE_URL_HOST',
      `File URL host must be "localhost" or empty on ${process.platform}`);
  }
  const pathname = url.pathname;
  if (/%2f/i.test(pathname)) throw invalidFileUrlPath('must not include encoded / characters');
  return decodeComponent(pathname);
}

function windowsPathFromURL(url) {
  let pathname = url.pathname;
  if (/%2f|%5c/i.test(pathname)) throw invalidFileUrlPath('must not include encoded \\ or / characters');
  pathname = decodeComponent(pathname.replace(/\//g, '\\'));
  // A host makes a UNC path; an IDN host is shown in Unicode.
  if (url.hostname !== '') return `\\\\${whatwg.domainToUnicode(url.hostname)}${pathname}`;
  if (!/^\\[A-Za-z]:/.test(pathname)) throw invalidFileUrlPath('must be absolute');
  return pathname.slice(1);
}

// Characters the pathname setter would keep as they are but that must not act as URL syntax
// (or be mistaken for an escape) in a file URL.
const PATH_CHAR_ESCAPES = {
  '%': '%25', '\\': '%5C', '\n': '%0A', '\r': '%0D', '\t': '%09', '[': '%5B', ']': '%5D', '^': '%5E',
  '|': '%7C', '~': '%7E',
};
const POSIX_PATH_CHARS = /[%\\\n\r\t[\]^|~]/g;
const WINDOWS_PATH_CHARS = /[%\n\r\t[\]^|~]/g;

function pathToFileURL(filepath, options) {
  validateString(filepath, 'path');
  const windows = useWindowsRules(options);
  if (windows && filepath.startsWith('\\\\')) return uncPathToFileURL(filepath);
  const path = require('path')[windows ? 'win32' : 'posix'];
  let resolved = path.resolve(filepath);
  // path.resolve drops a trailing separator, which matters for a directory URL.
  const last = filepath[filepath.length - 1];
  if ((last === '/' || (windows && last === '\\')) && resolved[resolved.length - 1] !== path.sep) {
    resolved += '/';
  }
  if (windows) resolved = resolved.replace(/\\/g, '/');
  const url = new URL('file://');
  url.pathname = resolved.replace(windows ? WINDOWS_PATH_CHARS : POSIX_PATH_CHARS, (ch) => PATH_CHAR_ESCAPES[ch]);
  return url;
}

// \\server\share\file (or \\?\UNC\server\share\file) -> file://server/share/file
function uncPathToFileURL(filepath) {
  const prefixLength = filepath.startsWith('\\\\?\\UNC\\') ? 8 : 2;
  const hostnameEnd = filepath.indexOf('\\', prefixLength);
  if (hostnameEnd === -1) throw invalidArgValue('path', filepath, 'Missing UNC resource path');
  if (hostnameEnd === 2) throw invalidArgValue('path', filepath, 'Empty UNC servername');
  const url = new URL('file://');
  url.hostname = whatwg.domainToASCII(filepath.slice(prefixLength, hostnameEnd));
  url.pathname = filepath.slice(hostnameEnd).replace(/\\/g, '/')
    .replace(WINDOWS_PATH_CHARS, (ch) => PATH_CHAR_ESCAPES[ch]);
  return url;
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeComponent(username)}:${decodeComponent(password)}`;
  return options;
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII: whatwg.domainToASCII,
  domainToUnicode: whatwg.domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
