'use strict';
// fs.Dir: the entries of an opened directory, handed out one at a time. The entries are listed
// when the directory is opened, so reading never blocks and `read()` only defers its answer.

const utils = require('internal/fs/utils');

const kEntries = Symbol('entries');
const kClosed = Symbol('closed');

function dirClosedError() {
  return utils.nodeError(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed');
}

class Dir {
  constructor(path, entries) {
    if (path === undefined) throw utils.nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "path" argument must be specified');
    this[kEntries] = entries;
    this[kClosed] = false;
    Object.defineProperty(this, 'path', { value: path, enumerable: false });
  }

  readSync() {
    if (this[kClosed]) throw dirClosedError();
    return this[kEntries].length > 0 ? this[kEntries].shift() : null;
  }

  /** The next Dirent (or null at the end), through `callback` or a promise. */
  read(callback) {
    if (callback !== undefined) {
      utils.validateFunction(callback, 'callback');
      let result;
      let failure = null;
      try {
        result = this.readSync();
      } catch (error) {
        failure = error;
      }
      process.nextTick(() => (failure ? callback(failure) : callback(null, result)));
      return undefined;
    }
    try {
      return Promise.resolve(this.readSync());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  closeSync() {
    if (this[kClosed]) throw dirClosedError();
    this[kClosed] = true;
    this[kEntries] = [];
  }

  close(callback) {
    let failure = null;
    try {
      this.closeSync();
    } catch (error) {
      failure = error;
    }
    if (callback !== undefined) {
      utils.validateFunction(callback, 'callback');
      process.nextTick(() => callback(failure));
      return undefined;
    }
    return failure ? Promise.reject(failure) : Promise.resolve();
  }

  async *entries() {
    try {
      for (;;) {
        const entry = this.readSync();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) this.closeSync();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

module.exports = { Dir };
