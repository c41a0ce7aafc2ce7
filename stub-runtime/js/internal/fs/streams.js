'use strict';
// fs.ReadStream and fs.WriteStream: `stream`'s Readable and Writable over an fd. The file is
// opened in `_construct` (unless an fd or FileHandle was given), read or written with the
// callback API, and closed on destroy when `autoClose` is on.

const { Readable, Writable } = require('stream');
const utils = require('internal/fs/utils');

const kHandle = Symbol('handle');

function fsModule() {
  return require('fs');
}

/** `options` as a string (the encoding) or object, with an fd given as a number or FileHandle. */
function streamOptions(options, defaults) {
  const opts = utils.getOptions(options, defaults);
  if (opts.fd !== null && typeof opts.fd === 'object' && typeof opts.fd.fd === 'number') {
    opts.handle = opts.fd;
    opts.fd = opts.fd.fd;
  }
  return opts;
}

/** Opens the stream's file unless it was handed an fd; emits 'open' and 'ready' as Node does. */
function openFor(stream, callback) {
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  fsModule().open(stream.path, stream.flags, stream.mode, (error, fd) => {
    if (error) {
      callback(error);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

/** Closes the fd on destroy (with autoClose), then reports `error`. */
function closeFor(stream, error, callback) {
  if (typeof stream.fd !== 'number' || !stream.autoClose) {
    callback(error);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  const done = (closeError) => callback(error || closeError || null);
  if (stream[kHandle]) stream[kHandle].close().then(() => done(), done);
  else fsModule().close(fd, done);
}

function validateStart(start, end) {
  if (start !== undefined && (typeof start !== 'number' || start < 0)) {
    throw utils.invalidArgType('start', 'of type number', start);
  }
  if (start !== undefined && end !== Infinity && start > end) {
    throw utils.outOfRange('start', `<= "end" (here: ${end})`, start);
  }
}

class ReadStream extends Readable {
  constructor(path, options) {
    const opts = streamOptions(options, { flags: 'r', mode: 0o666, autoClose: true, emitClose: true, end: Infinity, highWaterMark: 64 * 1024 });
    super({ highWaterMark: opts.highWaterMark, encoding: opts.encoding, emitClose: opts.emitClose, autoDestroy: opts.autoClose, signal: opts.signal });
    this.path = typeof opts.fd === 'number' ? undefined : utils.toPath(path);
    this.fd = typeof opts.fd === 'number' ? utils.validateFd(opts.fd) : null;
    this[kHandle] = opts.handle;
    this.flags = opts.flags;
    this.mode = opts.mode;
    this.autoClose = opts.autoClose;
    validateStart(opts.start, opts.end);
    this.start = opts.start;
    this.end = opts.end;
    this.pos = opts.start;
    this.bytesRead = 0;
  }

  get pending() {
    return this.fd === null;
  }

  _construct(callback) {
    openFor(this, callback);
  }

  _read(size) {
    const remaining = this.end === Infinity ? size : Math.min(size, this.end - (this.pos ?? this.bytesRead) + 1);
    if (remaining <= 0) {
      this.push(null);
      return;
    }
    const buffer = require('buffer').Buffer.allocUnsafe(remaining);
    fsModule().read(this.fd, buffer, 0, remaining, this.pos ?? null, (error, bytesRead) => {
      // Destroyed while reading: what was read no longer belongs to anyone (and an end-of-file
      // here must not make the stream look finished).
      if (this.destroyed) return;
      if (error) {
        this.destroy(error);
        return;
      }
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead > 0 ? buffer.subarray(0, bytesRead) : null);
    });
  }

  _destroy(error, callback) {
    closeFor(this, error, callback);
  }

  close(callback) {
    if (typeof callback === 'function') this.once('close', () => callback());
    this.destroy();
  }
}

class WriteStream extends Writable {
  constructor(path, options) {
    const opts = streamOptions(options, { flags: 'w', mode: 0o666, autoClose: true, emitClose: true, encoding: 'utf8', highWaterMark: 16 * 1024 });
    super({ highWaterMark: opts.highWaterMark, decodeStrings: true, defaultEncoding: opts.encoding, emitClose: opts.emitClose, autoDestroy: opts.autoClose, signal: opts.signal });
    this.path = typeof opts.fd === 'number' ? undefined : utils.toPath(path);
    this.fd = typeof opts.fd === 'number' ? utils.validateFd(opts.fd) : null;
    this[kHandle] = opts.handle;
    this.flags = opts.flags;
    this.mode = opts.mode;
    this.autoClose = opts.autoClose;
    validateStart(opts.start, Infinity);
    this.start = opts.start;
    this.pos = opts.start;
    this.bytesWritten = 0;
  }

  get pending() {
    return this.fd === null;
  }

  _construct(callback) {
    openFor(this, callback);
  }

  _write(chunk, encoding, callback) {
    const bytes = typeof chunk === 'string' ? require('buffer').Buffer.from(chunk, encoding) : chunk;
    this._writeAll(bytes, callback);
  }

  /** Writes until every byte is out: the OS may take fewer than asked. */
  _writeAll(bytes, callback) {
    fsModule().write(this.fd, bytes, 0, bytes.length, this.pos ?? null, (error, written) => {
      if (error) {
        callback(error);
        return;
      }
      this.bytesWritten += written;
      if (this.pos !== undefined) this.pos += written;
      if (written < bytes.length) this._writeAll(bytes.subarray(written), callback);
      else callback();
    });
  }

  _destroy(error, callback) {
    closeFor(this, error, callback);
  }

  close(callback) {
    if (typeof callback === 'function') {
      if (this.closed) {
        process.nextTick(callback);
        return;
      }
      this.once('close', () => callback());
    }
    if (!this.writableEnded) this.end();
    else if (!this.destroyed && this.writableFinished) this.destroy();
  }

  destroySoon() {
    this.end();
  }
}

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, createReadStream, createWriteStream };
