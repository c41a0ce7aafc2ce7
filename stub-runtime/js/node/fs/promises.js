'use strict';
// node:fs/promises: the operations of internal/fs/operations.js as promises (bad arguments
// reject rather than throw), plus FileHandle, the promise API's wrapper around an open fd.

const EventEmitter = require('events');
const utils = require('internal/fs/utils');
const operations = require('internal/fs/operations');

/** The promise form of an operation: every failure, even a bad argument, is a rejection. */
function promiseForm(operation) {
  return async (...args) => operation(false, ...args);
}

const kFd = Symbol('fd');

/** An open file for the promise API; emits 'close' once its fd is closed. */
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
  }

  get fd() {
    return this[kFd];
  }

  getAsyncId() {
    return this[kFd];
  }

  readFile(options) {
    return promiseForm(operations.readFile)(this[kFd], options);
  }

  writeFile(data, options) {
    return writeFile(this, data, options);
  }

  appendFile(data, options) {
    return writeFile(this, data, options);
  }

  /** Resolves to `{ bytesRead, buffer }`; with no buffer given, reads into a fresh 16 KiB one. */
  async read(buffer, offset, length, position) {
    if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
      const options = buffer || {};
      buffer = options.buffer || require('buffer').Buffer.alloc(16384);
      ({ offset, length, position } = options);
    }
    const bytesRead = await operations.read(false, this[kFd], buffer, offset, length, position);
    return { bytesRead, buffer };
  }

  /** Resolves to `{ bytesWritten, buffer }` (the string, for string data). */
  async write(data, offset, length, position) {
    const bytesWritten = await operations.write(false, this[kFd], data, offset, length, position);
    return { bytesWritten, buffer: data };
  }

  async readv(buffers, position) {
    const bytesRead = await operations.readv(false, this[kFd], buffers, position);
    return { bytesRead, buffers };
  }

  async writev(buffers, position) {
    const bytesWritten = await operations.writev(false, this[kFd], buffers, position);
    return { bytesWritten, buffers };
  }

  stat(options) {
    return promiseForm(operations.fstat)(this[kFd], options);
  }

  truncate(len) {
    return promiseForm(operations.ftruncate)(this[kFd], len);
  }

  sync() {
    return promiseForm(operations.fsync)(this[kFd]);
  }

  datasync() {
    return promiseForm(operations.fdatasync)(this[kFd]);
  }

  chmod(mode) {
    return promiseForm(operations.fchmod)(this[kFd], mode);
  }

  chown(uid, gid) {
    return promiseForm(operations.fchown)(this[kFd], uid, gid);
  }

  utimes(atime, mtime) {
    return promiseForm(operations.futimes)(this[kFd], atime, mtime);
  }

  /** Closes once; later calls resolve without touching the (possibly reused) fd number. */
  async close() {
    const fd = this[kFd];
    if (fd === -1) return undefined;
    this[kFd] = -1;
    await operations.close(false, fd);
    this.emit('close');
    return undefined;
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }
}

async function open(path, flags, mode) {
  return new FileHandle(await operations.open(false, path, flags, mode));
}

/** A FileHandle's fd stands in for a path. */
function target(file) {
  return file instanceof FileHandle ? file.fd : file;
}

function abortError(signal) {
  const error = new Error('The operation was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  return error;
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw abortError(signal);
}

/**
 * Checks the signal after an I/O step. In Node, ticks queued before the step ran before it
 * completed; letting the tick queue drain first keeps an abort from such a tick visible here.
 */
async function checkAbortedAfterIo(signal) {
  if (!signal) return;
  await new Promise((resolve) => process.nextTick(resolve));
  checkAborted(signal);
}

const isIterableData = (data) =>
  data !== null && typeof data === 'object' && !ArrayBuffer.isView(data) &&
  (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function');

/**
 * writeFile/appendFile: data may also be an (async) iterable or stream of strings and buffers,
 * written chunk by chunk; `signal` aborts between steps.
 */
async function writeFile(file, data, options, defaultFlag = 'w') {
  const opts = utils.getOptions(options, { encoding: 'utf8', flag: defaultFlag, mode: 0o666, signal: undefined });
  const { signal } = opts;
  checkAborted(signal);
  if (!isIterableData(data)) {
    if (file instanceof FileHandle || typeof file === 'number') {
      return operations.writeFile(false, target(file), data, opts, defaultFlag);
    }
    // Open, then write, checking the signal in between as Node does.
    const handle = await open(file, opts.flag, opts.mode);
    try {
      await checkAbortedAfterIo(signal);
      return await operations.writeFile(false, handle.fd, data, opts);
    } finally {
      await handle.close();
    }
  }
  const handle = file instanceof FileHandle ? file : await open(file, opts.flag, opts.mode);
  try {
    await checkAbortedAfterIo(signal);
    for await (const chunk of data) {
      checkAborted(signal);
      if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
        throw utils.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
      }
      await operations.writeFile(false, handle.fd, chunk, opts);
    }
  } finally {
    if (handle !== file) await handle.close();
  }
  return undefined;
}

async function readFile(file, options) {
  const opts = utils.getOptions(options, { encoding: null, flag: 'r', signal: undefined });
  checkAborted(opts.signal);
  const result = await operations.readFile(false, target(file), opts);
  checkAborted(opts.signal);
  return result;
}

const promises = {
  access: promiseForm(operations.access),
  copyFile: promiseForm(operations.copyFile),
  cp: promiseForm(operations.cp),
  open,
  opendir: promiseForm(operations.opendir),
  rename: promiseForm(operations.rename),
  truncate: promiseForm(operations.truncate),
  rm: promiseForm(operations.rm),
  rmdir: promiseForm(operations.rmdir),
  mkdir: promiseForm(operations.mkdir),
  readdir: promiseForm(operations.readdir),
  readlink: promiseForm(operations.readlink),
  symlink: promiseForm(operations.symlink),
  lstat: promiseForm(operations.lstat),
  stat: promiseForm(operations.stat),
  link: promiseForm(operations.link),
  unlink: promiseForm(operations.unlink),
  chmod: promiseForm(operations.chmod),
  lchown: promiseForm(operations.lchown),
  chown: promiseForm(operations.chown),
  utimes: promiseForm(operations.utimes),
  lutimes: promiseForm(operations.lutimes),
  realpath: promiseForm(operations.realpath),
  mkdtemp: promiseForm(operations.mkdtemp),
  writeFile: (file, data, options) => writeFile(file, data, options),
  appendFile: (file, data, options) => writeFile(file, data, options, 'a'),
  readFile,
  watch: function watch(filename, options = {}) {
    return require('internal/fs/watchers').watchPromises(filename, options);
  },
  constants: utils.constants,
};

module.exports = promises;
