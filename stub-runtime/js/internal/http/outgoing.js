// OutgoingMessage: what ServerResponse and ClientRequest share. Headers are kept by lower-cased
// name with the name as the app wrote it; the body goes out through three hooks a subclass
// provides: `_sendHead(body, isWhole)` (headers, plus the whole body when `isWhole`; the body
// is bytes, or a string when the app ended with UTF-8 text),
// `_sendBody(bytes)` (a promise) and `_sendEnd()`.
'use strict';
const EventEmitter = require('events');
const { Stream } = require('stream');
const { nodeError, invalidArgType } = require('internal/errors');
const { validateHeaderName, headerKey, validateHeaderValue, headersSentError } = require('internal/http/common');
const { whenSettled } = require('internal/lifecycle');

const kHeaders = Symbol('headers');
const kPending = Symbol('pendingWrites');
const kNeedDrain = Symbol('needDrain');
const kCorked = Symbol('corked');
const EMPTY = new Uint8Array(0);
// Writes in flight before write() asks the app to wait for 'drain'.
const HIGH_WATER_MARK = 16;

function OutgoingMessage() {
  // The emitter's listener table is made on first use by EventEmitter's methods.
  this[kHeaders] = [];
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

// Defaults live on the prototype, so a new message sets only what differs.
Object.assign(OutgoingMessage.prototype, {
  _headerSent: false,
  _header: false,
  finished: false,
  writableEnded: false,
  writableFinished: false,
  destroyed: false,
  chunkedEncoding: false,
  useChunkedEncodingByDefault: true,
  sendDate: false,
  shouldKeepAlive: true,
  socket: null,
  _trailers: null,
  [kPending]: 0,
  [kNeedDrain]: false,
  [kCorked]: 0,
});

// ---------------------------------------------------------------------------------------------
// Headers.

// The headers live in one flat array, in the order set: key (the lower-cased name), name as
// the app wrote it, value, key, name, value... A message carries a few headers, so a linear
// search costs less than a Map, and the op's text comes from a plain loop.
const KEY = 0;
const NAME = 1;
const VALUE = 2;
const STRIDE = 3;

/** Where the header of a lower-cased name sits in `headers`, or -1. */
function findHeader(headers, key) {
  for (let at = 0; at < headers.length; at += STRIDE) {
    if (headers[at + KEY] === key) return at;
  }
  return -1;
}

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw headersSentError();
  const key = headerKey(name);
  validateHeaderValue(name, value);
  const headers = this[kHeaders];
  const at = findHeader(headers, key);
  if (at === -1) {
    headers.push(key, name, value);
  } else {
    headers[at + NAME] = name;
    headers[at + VALUE] = value;
  }
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw headersSentError();
  const entries = headers instanceof Map || (headers && typeof headers.entries === 'function' && typeof headers.get === 'function') ? headers.entries() : Object.entries(headers || {});
  for (const [name, value] of entries) this.setHeader(name, value);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw headersSentError();
  const key = headerKey(name);
  validateHeaderValue(name, value);
  const headers = this[kHeaders];
  const at = findHeader(headers, key);
  if (at === -1) {
    headers.push(key, name, value);
  } else {
    const before = headers[at + VALUE];
    headers[at + VALUE] = (Array.isArray(before) ? before : [before]).concat(value);
  }
  return this;
};

function validateName(name) {
  if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
}

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateName(name);
  const headers = this[kHeaders];
  const at = findHeader(headers, name.toLowerCase());
  return at === -1 ? undefined : headers[at + VALUE];
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const result = Object.create(null);
  const headers = this[kHeaders];
  for (let at = 0; at < headers.length; at += STRIDE) result[headers[at + KEY]] = headers[at + VALUE];
  return result;
};

/** One field of every header, in order. */
function headerFields(message, field) {
  const headers = message[kHeaders];
  const fields = [];
  for (let at = 0; at < headers.length; at += STRIDE) fields.push(headers[at + field]);
  return fields;
}

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return headerFields(this, KEY);
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  return headerFields(this, NAME);
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateName(name);
  return findHeader(this[kHeaders], name.toLowerCase()) !== -1;
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateName(name);
  if (this._header) throw nodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
  const headers = this[kHeaders];
  const at = findHeader(headers, name.toLowerCase());
  if (at !== -1) headers.splice(at, STRIDE);
};

/** Whether the app set a header, by its lower-cased name (no checks: for this file's use). */
OutgoingMessage.prototype._hasHeaderKey = function hasHeaderKey(key) {
  return findHeader(this[kHeaders], key) !== -1;
};

/**
 * The headers as ops take them: "name\nvalue\nname\nvalue...", array values spread (a line
 * feed cannot occur inside a validated name or value).
 */
OutgoingMessage.prototype._headerText = function headerText() {
  const headers = this[kHeaders];
  let text = '';
  for (let at = 0; at < headers.length; at += STRIDE) {
    const name = headers[at + NAME];
    const value = headers[at + VALUE];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) text += text === '' ? `${name}\n${value[i]}` : `\n${name}\n${value[i]}`;
    } else {
      text += text === '' ? `${name}\n${value}` : `\n${name}\n${value}`;
    }
  }
  return text;
};

/** The trailers added with addTrailers(), in the same form. */
OutgoingMessage.prototype._trailerText = function trailerText() {
  return this._trailers === null ? '' : this._trailers.join('\n');
};

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  const list = Array.isArray(headers) ? headers : Object.entries(headers);
  this._trailers = this._trailers || [];
  for (const [name, value] of list) {
    validateHeaderName(name, 'Trailer name');
    if (/[^\t\x20-\x7e\x80-\xff]/.test(String(value))) {
      throw nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in trailer content ["${name}"]`);
    }
    this._trailers.push(name, String(value));
  }
};

Object.defineProperties(OutgoingMessage.prototype, {
  headersSent: {
    configurable: true,
    get() {
      return this._header;
    },
  },
  writableCorked: {
    configurable: true,
    get() {
      return this[kCorked];
    },
  },
  writableLength: {
    configurable: true,
    get() {
      return this[kPending];
    },
  },
  writableHighWaterMark: {
    configurable: true,
    get() {
      return HIGH_WATER_MARK;
    },
  },
  writableNeedDrain: {
    configurable: true,
    get() {
      return this[kNeedDrain];
    },
  },
  writableObjectMode: { configurable: true, get: () => false },
  writable: {
    configurable: true,
    get() {
      return !this.writableEnded && !this.destroyed;
    },
  },
  connection: {
    configurable: true,
    get() {
      return this.socket;
    },
  },
});

// ---------------------------------------------------------------------------------------------
// Body.

function toBytes(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  if (chunk instanceof Uint8Array) return chunk;
  throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
}

function writeAfterEnd(message, callback) {
  const error = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  process.nextTick(() => {
    if (typeof callback === 'function') callback(error);
    message.emit('error', error);
  });
}

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  const bytes = toBytes(chunk, encoding);
  if (this.writableEnded) {
    writeAfterEnd(this, callback);
    return false;
  }
  if (this.destroyed) return false;
  if (!this._headerSent) {
    this._headerSent = true;
    this._header = true;
    this.chunkedEncoding = !this._hasHeaderKey('content-length');
    this._sendHead(bytes, false);
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  if (bytes.length === 0) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  this[kPending]++;
  whenSettled(
    this._sendBody(bytes),
    () => this._written(callback, null),
    (error) => this._written(callback, error),
  );
  if (this[kPending] >= HIGH_WATER_MARK) {
    this[kNeedDrain] = true;
    return false;
  }
  return true;
};

OutgoingMessage.prototype._written = function written(callback, error) {
  this[kPending]--;
  if (typeof callback === 'function') callback(error ? null : undefined);
  if (this[kPending] === 0) {
    if (this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
    if (this.writableEnded && !this.writableFinished) this._finish();
  }
};

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = undefined;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (this.writableEnded) {
    if (typeof callback === 'function') {
      if (this.writableFinished) process.nextTick(callback);
      else this.once('finish', callback);
    }
    return this;
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (this.destroyed) return this;
  if (!this._headerSent) {
    // A UTF-8 string goes out as it is: the op encodes it.
    const isText = typeof chunk === 'string' && (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8');
    const body = chunk === undefined || chunk === null ? EMPTY : isText ? chunk : toBytes(chunk, encoding);
    // Headers fixed early by writeHead() without a length make the body chunked, as in Node;
    // otherwise the length of the one and only chunk is known.
    const whole = !this._header || this._hasHeaderKey('content-length');
    this._headerSent = true;
    this._header = true;
    this.writableEnded = true;
    this.finished = true;
    // Most bodies are whole: leave the prototype's false rather than add a property.
    if (this.chunkedEncoding === whole) this.chunkedEncoding = !whole;
    this._sendHead(body, whole);
    this._finish();
    return this;
  }
  const bytes = chunk === undefined || chunk === null ? EMPTY : toBytes(chunk, encoding);
  if (bytes.length > 0) this.write(bytes);
  this.writableEnded = true;
  this.finished = true;
  if (this[kPending] === 0) this._finish();
  return this;
};

OutgoingMessage.prototype._finish = function finish() {
  if (this.writableFinished) return;
  this._sendEnd();
  this.writableFinished = true;
  // As in Node, 'prefinish' comes at once and 'finish' on a later tick.
  emitIfHeard(this, 'prefinish');
  queueFinish(this);
};

// Messages whose 'finish' is due on the next tick. A busy server ends many responses in one
// batch of requests; one tick for them all costs far less than a tick each.
let finishing = [];

function queueFinish(message) {
  if (finishing.length === 0) process.nextTick(emitFinishes);
  finishing.push(message);
}

function emitFinishes() {
  const messages = finishing;
  finishing = [];
  let next = 0;
  try {
    while (next < messages.length) emitFinish(messages[next++]);
  } finally {
    // A listener threw (an uncaught exception): the others still finish, on a later tick.
    while (next < messages.length) queueFinish(messages[next++]);
  }
}

function emitFinish(message) {
  emitIfHeard(message, 'finish');
  message._finished();
}

const stockEmit = EventEmitter.prototype.emit;

/**
 * Emits an event without arguments unless nobody can hear it: EventEmitter's own emit() on an
 * emitter that never had a listener does nothing, and most responses have none.
 */
function emitIfHeard(emitter, type) {
  if (emitter._events === undefined && emitter.emit === stockEmit) return;
  emitter.emit(type);
}

/** Called after 'finish'; subclasses emit 'close' and clean up. */
OutgoingMessage.prototype._finished = function finished() {};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (this._headerSent) return;
  this._headerSent = true;
  this._header = true;
  this.chunkedEncoding = !this._hasHeaderKey('content-length');
  this._sendHead(EMPTY, false);
};

OutgoingMessage.prototype.cork = function cork() {
  this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this[kCorked] > 0) this[kCorked]--;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(ms, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(ms);
  else this.once('socket', (socket) => socket.setTimeout(ms));
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket) this.socket.destroy(error);
  else if (error) process.nextTick(() => this.emit('error', error));
  return this;
};

module.exports = { OutgoingMessage, toBytes, emitIfHeard };
