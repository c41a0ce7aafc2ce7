// IncomingMessage: a request as the server sees it, or a response as the client sees it. A
// Readable whose body comes from a `readBody` function returning a promise of the next chunk
// (empty at the end); a message without a body ends as soon as it is read.
'use strict';
const { Readable } = require('stream');
const { joinHeaders } = require('internal/http/common');
const { whenSettled } = require('internal/lifecycle');

const kRawHeaders = Symbol('rawHeaders');
// The app replaced rawHeaders: their names may not be lower-cased as hyper's are.
const kRawHeadersFromApp = Symbol('rawHeadersFromApp');
const kHeaderText = Symbol('headerText');
const kHeaders = Symbol('headers');
const kReadBody = Symbol('readBody');
const kReading = Symbol('reading');
const kTakeTrailers = Symbol('takeTrailers');

function IncomingMessage(socket) {
  // Neither Readable's state (see `_readableState` below) nor the emitter's listener table
  // is made here: most requests are answered without touching either, and making them was a
  // large share of a request's cost. EventEmitter's methods make the table on first use.
  this.socket = socket;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

// Defaults live on the prototype, so a new message sets only what differs.
Object.assign(IncomingMessage.prototype, {
  httpVersionMajor: 1,
  httpVersionMinor: 1,
  httpVersion: '1.1',
  complete: false,
  aborted: false,
  upgrade: false,
  url: '',
  method: null,
  statusCode: null,
  statusMessage: null,
  _dumped: false,
  _hasBody: false,
  _keepAlive: undefined,
  // How many of the raw headers make `headers` (the server's maxHeadersCount); 0: all.
  _maxHeaderPairs: 0,
  [kRawHeaders]: null,
  [kRawHeadersFromApp]: false,
  [kHeaderText]: '',
  [kHeaders]: null,
  [kReadBody]: null,
  [kReading]: false,
  [kTakeTrailers]: null,
});

/** The headers as the ops give them ("name\nvalue\n..."), split only if the app looks. */
IncomingMessage.prototype._setHeaderText = function setHeaderText(text) {
  this[kHeaderText] = text;
};

IncomingMessage.prototype._setVersion = function setVersion(version) {
  if (version === this.httpVersion) return;
  this.httpVersion = version;
  this.httpVersionMajor = Number(version[0]);
  this.httpVersionMinor = Number(version[2]);
};

/**
 * Where the body comes from; without one the message has no body. `takeTrailers`, if given,
 * returns the trailers that ended the body ("name\nvalue...", empty if none) once it is read.
 */
IncomingMessage.prototype._setBody = function setBody(readBody, takeTrailers) {
  this[kReadBody] = readBody;
  if (takeTrailers) this[kTakeTrailers] = takeTrailers;
};

IncomingMessage.prototype._read = function read() {
  if (this[kReading]) return;
  const readBody = this[kReadBody];
  if (readBody === null) {
    this._finishBody();
    return;
  }
  this[kReading] = true;
  whenSettled(
    readBody(),
    (chunk) => {
      this[kReading] = false;
      if (this.destroyed) return;
      if (chunk.length === 0) this._finishBody();
      else if (this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length))) this._read();
    },
    (error) => {
      this[kReading] = false;
      this.aborted = true;
      if (!this.destroyed) this.destroy(connectionReset(error));
    },
  );
};

IncomingMessage.prototype._finishBody = function finishBody() {
  this[kReadBody] = null;
  const takeTrailers = this[kTakeTrailers];
  if (takeTrailers !== null) {
    this[kTakeTrailers] = null;
    const text = takeTrailers();
    if (text !== '') {
      this.rawTrailers = text.split('\n');
      this.trailers = joinHeaders(this.rawTrailers, true);
    }
  }
  this.complete = true;
  this.push(null);
};

/** The error a message's stream gets when its connection goes away mid-body. */
function connectionReset(cause) {
  const reset = new Error('aborted');
  reset.code = 'ECONNRESET';
  if (cause !== undefined) reset.cause = cause;
  return reset;
}

// As in Node, giving up on a message before its end gives up on its connection. An error
// (the client went away mid-body) is only reported to 'error' listeners: a server that never
// listens for it must not die of a client that vanished.
IncomingMessage.prototype._destroy = function destroy(error, callback) {
  if (!this.readableEnded || !this.complete) this.aborted = true;
  if (!this.complete && this.socket && !this.socket.destroyed) this.socket.destroy();
  callback(this.listenerCount('error') > 0 ? error : undefined);
};

/** Reads and discards the body nobody consumed, so the connection can carry the next request. */
IncomingMessage.prototype._dump = function dump() {
  if (this._dumped) return;
  this._dumped = true;
  this.removeAllListeners('data');
  this.resume();
};

IncomingMessage.prototype.setTimeout = function setTimeout(ms, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(ms);
  return this;
};

function ownValue(message, key, value) {
  Object.defineProperty(message, key, { value, writable: true, configurable: true, enumerable: true });
  return value;
}

Object.defineProperties(IncomingMessage.prototype, {
  _readableState: {
    configurable: true,
    get() {
      return ownValue(this, '_readableState', new Readable.ReadableState(undefined, this, false));
    },
    set(state) {
      ownValue(this, '_readableState', state);
    },
  },
  rawHeaders: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kRawHeaders] === null) this[kRawHeaders] = this[kHeaderText] === '' ? [] : this[kHeaderText].split('\n');
      return this[kRawHeaders];
    },
    set(value) {
      this[kRawHeaders] = value;
      this[kRawHeadersFromApp] = true;
      this[kHeaders] = null;
    },
  },
  // Built on first use: many requests are answered without looking at most headers.
  headers: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeaders] === null) {
        const raw = this.rawHeaders;
        const limit = this._maxHeaderPairs * 2;
        this[kHeaders] = joinHeaders(limit > 0 && raw.length > limit ? raw.slice(0, limit) : raw, !this[kRawHeadersFromApp]);
      }
      return this[kHeaders];
    },
    set(value) {
      this[kHeaders] = value;
    },
  },
  trailers: {
    configurable: true,
    enumerable: true,
    get() {
      return ownValue(this, 'trailers', {});
    },
    set(value) {
      ownValue(this, 'trailers', value);
    },
  },
  rawTrailers: {
    configurable: true,
    enumerable: true,
    get() {
      return ownValue(this, 'rawTrailers', []);
    },
    set(value) {
      ownValue(this, 'rawTrailers', value);
    },
  },
  headersDistinct: {
    configurable: true,
    get() {
      const distinct = {};
      const raw = this.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        (distinct[name] || (distinct[name] = [])).push(raw[i + 1]);
      }
      return distinct;
    },
  },
  connection: {
    configurable: true,
    get() {
      return this.socket;
    },
    set(value) {
      this.socket = value;
    },
  },
});

module.exports = { IncomingMessage, connectionReset };
