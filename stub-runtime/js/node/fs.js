'use strict';
// node:fs. Each operation is written once in internal/fs/operations.js; here it becomes Node's
// `xSync` (blocking) and callback `x` forms. The callback forms run their file work off the JS
// thread and call back from the event loop.

const utils = require('internal/fs/utils');
const operations = require('internal/fs/operations');
const { Dir } = require('internal/fs/dir');

/** Calls `callback` with the outcome; a throwing callback is an uncaught exception, as in Node. */
function deliver(callback, args) {
  try {
    callback(...args);
  } catch (error) {
    process.nextTick(() => {
      throw error;
    });
  }
}

/** Splits off the trailing callback, which Node requires (a lone path means it is missing). */
function takeCallback(args) {
  const callback = args.length > 1 ? args[args.length - 1] : args.length === 1 && typeof args[0] === 'function' ? args[0] : undefined;
  if (typeof callback !== 'function') throw utils.invalidArgType('cb', 'of type function', callback);
  return [args.slice(0, -1), callback];
}

/** The callback form of an operation; `shape` turns its result into the callback's arguments. */
function callbackForm(operation, shape = (result) => [result]) {
  return function (...all) {
    const [args, callback] = takeCallback(all);
    operation(false, ...args).then(
      (result) => deliver(callback, [null, ...shape(result, args)]),
      (error) => deliver(callback, [error]),
    );
  };
}

/** The *Sync form; its system errors' stacks start at the app's call, not inside `fs`. */
function syncForm(operation) {
  const syncCall = (...args) => {
    try {
      return operation(true, ...args);
    } catch (error) {
      if (error !== null && typeof error === 'object' && typeof error.syscall === 'string') {
        Error.captureStackTrace(error, syncCall);
      }
      throw error;
    }
  };
  return syncCall;
}

const fs = module.exports;

const PLAIN = [
  'readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'fstat', 'access', 'chmod', 'fchmod', 'chown',
  'lchown', 'fchown', 'utimes', 'lutimes', 'futimes', 'readdir', 'mkdir', 'mkdtemp', 'rm', 'rmdir',
  'opendir', 'unlink', 'rename', 'link', 'copyFile', 'symlink', 'readlink', 'realpath', 'truncate',
  'open', 'close', 'fsync', 'fdatasync', 'ftruncate', 'cp',
];
for (const name of PLAIN) {
  const operation = operations[name];
  fs[name] = callbackForm(operation);
  fs[`${name}Sync`] = syncForm(operation);
}
// Callbacks of the no-result operations get only `err`, as in Node.
for (const name of ['writeFile', 'appendFile', 'access', 'chmod', 'fchmod', 'chown', 'lchown', 'fchown', 'utimes',
  'lutimes', 'futimes', 'rm', 'rmdir', 'unlink', 'rename', 'link', 'copyFile', 'symlink', 'truncate', 'close',
  'fsync', 'fdatasync', 'ftruncate', 'cp']) {
  fs[name] = callbackForm(operations[name], () => []);
}

fs.realpathSync.native = syncForm(operations.realpathNative);
fs.realpath.native = callbackForm(operations.realpathNative);

/** `read` calls back with `(err, bytesRead, buffer)`. */
fs.readSync = syncForm(operations.read);
fs.read = function read(fd, ...rest) {
  utils.validateFd(fd);
  const [args, callback] = takeCallback(rest);
  let buffer = args[0];
  let readArgs = args;
  if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
    // read(fd, [options,] callback): the buffer comes from the options or is a fresh 16 KiB one.
    const options = buffer || {};
    buffer = 'buffer' in options ? options.buffer : require('buffer').Buffer.alloc(16384);
    readArgs = [buffer, options.offset, options.length, options.position];
  }
  operations.read(false, fd, ...readArgs).then(
    (bytesRead) => deliver(callback, [null, bytesRead, buffer]),
    (error) => deliver(callback, [error]),
  );
};

/** `write` calls back with `(err, bytesWritten, bufferOrString)`. */
fs.writeSync = syncForm(operations.write);
fs.write = function write(fd, data, ...rest) {
  utils.validateFd(fd);
  const [args, callback] = takeCallback(rest);
  operations.write(false, fd, data, ...args).then(
    (written) => deliver(callback, [null, written, data]),
    (error) => deliver(callback, [error]),
  );
};

/** `readv`/`writev` call back with `(err, bytes, buffers)`. */
for (const name of ['readv', 'writev']) {
  fs[`${name}Sync`] = syncForm(operations[name]);
  fs[name] = callbackForm(operations[name], (count, args) => [count, args[1]]);
}

fs.existsSync = operations.existsSync;
/** `exists` calls back with a boolean only (Node's one callback without `err`). */
fs.exists = function exists(path, callback) {
  utils.validateFunction(callback, 'cb');
  operations.access(false, path).then(() => deliver(callback, [true]), () => deliver(callback, [false]));
};
// A bad path is not an error for `exists`: it simply does not exist.
const checkedExists = fs.exists;
fs.exists = function exists(path, callback) {
  try {
    utils.toPath(path);
  } catch {
    utils.validateFunction(callback, 'cb');
    process.nextTick(() => deliver(callback, [false]));
    return;
  }
  checkedExists(path, callback);
};

// Watchers load on first use.
fs.watch = function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
};
fs.watchFile = function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
};
fs.unwatchFile = function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
};

fs.Stats = utils.Stats;
fs.Dirent = utils.Dirent;
fs.Dir = Dir;
fs.constants = utils.constants;
fs.F_OK = utils.constants.F_OK;
fs.R_OK = utils.constants.R_OK;
fs.W_OK = utils.constants.W_OK;
fs.X_OK = utils.constants.X_OK;
fs._toUnixTimestamp = operations.toUnixTimestamp;

Object.defineProperty(fs, 'promises', {
  enumerable: true,
  configurable: true,
  get: () => require('fs/promises'),
});

// Streams sit on `stream`, loaded only when an app asks for one.
for (const name of ['createReadStream', 'createWriteStream', 'ReadStream', 'WriteStream']) {
  Object.defineProperty(fs, name, {
    enumerable: true,
    configurable: true,
    get: () => require('internal/fs/streams')[name],
  });
}
