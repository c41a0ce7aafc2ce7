'use strict';
// Shared pieces of `fs` and `fs/promises`: Node's error shapes, argument checks, path and flag
// normalisation, fs.Stats, fs.Dirent, fs.constants, and `run`, which calls one Rust op either
// blocking (`op_fs_<name>_sync`) or on the event loop (`op_fs_<name>_async`).

const core = require('internal/core');
const pathModule = require('path');
const { labelStack, nodeError } = require('internal/errors');

const ops = core.ops;

// ---------------------------------------------------------------------------------------------
// Errors.

function describeReceived(value) {
  if (value === null || value === undefined) return ` Received ${value}`;
  if (typeof value === 'function') return ` Received function ${value.name}`;
  if (typeof value === 'object') {
    const name = value.constructor && value.constructor.name;
    return name ? ` Received an instance of ${name}` : ` Received ${require('util').inspect(value, { depth: -1 })}`;
  }
  let shown = require('util').inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function invalidArgType(name, expected, value) {
  const what = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" ${what} must be ${expected}.${describeReceived(value)}`);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  const shown = require('util').inspect(value);
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${shown}`);
}

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
}

/** A failed system call, shaped like Node's: "ENOENT: no such file or directory, open '/x'". */
function uvError(errno, syscall, path, dest) {
  const { code, message } = ops.op_os_errno_info(errno);
  let text = `${code}: ${message}, ${syscall}`;
  if (path !== undefined) text += ` '${path}'`;
  if (dest !== undefined) text += ` -> '${dest}'`;
  const error = new Error(text);
  error.errno = -errno;
  error.code = code;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  if (dest !== undefined) error.dest = dest;
  return error;
}

// Calls on descriptors name no path in their errors.
const FD_SYSCALLS = new Set(['read', 'write', 'close', 'fstat', 'fsync', 'fdatasync', 'ftruncate', 'fchmod', 'fchown', 'futime']);

/**
 * Turns an op's failure ("<errno> <syscall>") into Node's error. `ctx` holds what the caller
 * knows: `path`, `dest`, and `syscall` to override the op's own name.
 */
function translate(error, ctx) {
  const match = /^(\d+) (\w+)$/.exec(error && error.message);
  if (match === null) return error;
  const errno = Number(match[1]);
  const syscall = ctx.syscall || match[2];
  if (syscall === 'rm' && errno === 21) return fsEisdir(ctx.path);
  if (FD_SYSCALLS.has(syscall)) return uvError(errno, syscall);
  return uvError(errno, syscall, ctx.path, ctx.dest);
}

/** Node's SystemError: named so, with the code in its stack's first line. */
function systemError(code, message) {
  const error = new Error(message);
  Object.defineProperty(error, 'name', { value: 'SystemError', configurable: true, writable: true });
  labelStack(error, `SystemError [${code}]`);
  Object.defineProperty(error, 'code', { value: code, writable: true, enumerable: true, configurable: true });
  return error;
}

/**
 * A SystemError carrying libuv-style details in `info` (mirrored by `errno`, `syscall`, `path`),
 * as Node throws from `rm` and `cp`: "<prefix>: <syscall> returned <code> (<detail>) <path>".
 */
function infoError(code, prefix, info) {
  const error = systemError(code, `${prefix}: ${info.syscall} returned ${info.code} (${info.message}) ${info.path}`);
  Object.defineProperty(error, 'info', { value: info, enumerable: true, configurable: true, writable: true });
  for (const key of ['errno', 'syscall', 'path']) {
    Object.defineProperty(error, key, {
      enumerable: true,
      configurable: true,
      get: () => info[key],
      set: (value) => {
        info[key] = value;
      },
    });
  }
  return error;
}

// `rm` on a directory without `recursive`.
function fsEisdir(path) {
  const info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 };
  return infoError('ERR_FS_EISDIR', 'Path is a directory', info);
}

/**
 * Calls `op_fs_<name>_sync` (returning its result, throwing Node's error) or, when `sync` is
 * false, `op_fs_<name>_async` (returning a promise rejected with Node's error).
 */
function run(sync, name, args, ctx = {}) {
  if (sync) {
    try {
      const result = ops[`op_fs_${name}_sync`](...args);
      // Ops without a result give null; Node's sync calls return undefined.
      return result === null ? undefined : result;
    } catch (error) {
      throw translate(error, ctx);
    }
  }
  return ops[`op_fs_${name}_async`](...args).then(
    (result) => (result === null ? undefined : result),
    (error) => {
      const translated = translate(error, ctx);
      // Node's errors from the thread pool carry no JS frames: nothing on the stack caused them.
      if (translated !== error && translated.errno !== undefined) translated.stack = `${translated.name}: ${translated.message}`;
      throw translated;
    },
  );
}

/** Runs JS-only work (VFS calls) so that async callers get a promise, never a throw. */
function settle(sync, fn) {
  if (sync) return fn();
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments.

/** A path argument as a string: strings, Buffers/Uint8Arrays and file: URLs are accepted. */
function toPath(value, name = 'path') {
  let path = value;
  if (value instanceof Uint8Array) {
    path = require('buffer').Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString();
  } else if (value !== null && typeof value === 'object' && value.href !== undefined && value.protocol !== undefined) {
    path = require('url').fileURLToPath(value);
  } else if (typeof value !== 'string') {
    throw invalidArgType(name, 'of type string or an instance of Buffer or URL', value);
  }
  if (path.includes('\u0000')) {
    throw invalidArgValue(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function validateFd(fd) {
  if (typeof fd !== 'number') throw invalidArgType('fd', 'of type number', fd);
  if (!Number.isInteger(fd)) throw outOfRange('fd', 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw outOfRange('fd', '>= 0 && <= 2147483647', fd);
  return fd;
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
  return value;
}

/** `options` given as an encoding string or an object; fills in the defaults. */
function getOptions(options, defaults) {
  if (options === undefined || options === null || typeof options === 'function') return { ...defaults };
  if (typeof options === 'string') {
    validateEncoding(options);
    return { ...defaults, encoding: options };
  }
  if (typeof options !== 'object') throw invalidArgType('options', 'one of type string or an instance of Object', options);
  const merged = { ...defaults, ...options };
  // An explicit null or undefined means "the default", as Node reads `options.flag || 'w'`.
  for (const key of Object.keys(defaults)) if (merged[key] === null || merged[key] === undefined) merged[key] = defaults[key];
  validateEncoding(merged.encoding);
  return merged;
}

function validateEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return;
  if (!require('buffer').Buffer.isEncoding(encoding)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'encoding' is invalid encoding. Received ${require('util').inspect(encoding)}`);
  }
}

/** A file mode given as a number or an octal string. */
function parseMode(value, name, fallback) {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) throw invalidArgValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    return parseInt(value, 8);
  }
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange(name, '>= 0 && <= 4294967295', value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Constants (Linux values, as Node reports them).

const constants = Object.freeze({
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5,
  UV_DIRENT_CHAR: 6,
  UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000,
  S_IFREG: 0o100000,
  S_IFDIR: 0o40000,
  S_IFCHR: 0o20000,
  S_IFBLK: 0o60000,
  S_IFIFO: 0o10000,
  S_IFLNK: 0o120000,
  S_IFSOCK: 0o140000,
  O_CREAT: 64,
  O_EXCL: 128,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: 256,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_DIRECTORY: 65536,
  O_NOATIME: 262144,
  O_NOFOLLOW: 131072,
  O_SYNC: 1052672,
  O_DSYNC: 4096,
  O_DIRECT: 16384,
  O_NONBLOCK: 2048,
  S_IRWXU: 448,
  S_IRUSR: 256,
  S_IWUSR: 128,
  S_IXUSR: 64,
  S_IRWXG: 56,
  S_IRGRP: 32,
  S_IWGRP: 16,
  S_IXGRP: 8,
  S_IRWXO: 7,
  S_IROTH: 4,
  S_IWOTH: 2,
  S_IXOTH: 1,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1,
  COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
});

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = constants;

const FLAGS = {
  r: O_RDONLY,
  rs: O_RDONLY | O_SYNC,
  sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY,
  wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY,
  ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

/** Open flags as a number, from Node's flag strings ('r', 'a+', ...) or a number. */
function stringToFlags(flags, fallback = 'r') {
  if (flags === undefined || flags === null) flags = fallback;
  if (typeof flags === 'number') return flags;
  if (typeof flags === 'string' && Object.prototype.hasOwnProperty.call(FLAGS, flags)) return FLAGS[flags];
  throw invalidArgValue('flags', flags);
}

/** Whether opening with these flags could change the file (refused on the read-only VFS). */
function isWriteFlags(flags) {
  return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0;
}

// ---------------------------------------------------------------------------------------------
// Stats and Dirent.

const kType = Symbol('type');

/** The `is*()` tests shared by Stats (mode bits) and Dirent (libuv's entry type). */
class StatsBase {
  isDirectory() {
    return this._checkModeProperty(constants.S_IFDIR);
  }
  isFile() {
    return this._checkModeProperty(constants.S_IFREG);
  }
  isBlockDevice() {
    return this._checkModeProperty(constants.S_IFBLK);
  }
  isCharacterDevice() {
    return this._checkModeProperty(constants.S_IFCHR);
  }
  isSymbolicLink() {
    return this._checkModeProperty(constants.S_IFLNK);
  }
  isFIFO() {
    return this._checkModeProperty(constants.S_IFIFO);
  }
  isSocket() {
    return this._checkModeProperty(constants.S_IFSOCK);
  }
}

const msToDate = (ms) => new Date(Math.round(ms));

class Stats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    super();
    Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs });
    this.atime = msToDate(atimeMs);
    this.mtime = msToDate(mtimeMs);
    this.ctime = msToDate(ctimeMs);
    this.birthtime = msToDate(birthtimeMs);
  }
  _checkModeProperty(type) {
    return (this.mode & constants.S_IFMT) === type;
  }
}

/** `bigint: true` stats: integers as BigInt, plus nanosecond times. */
class BigIntStats extends StatsBase {
  constructor(numbers) {
    super();
    const names = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks'];
    names.forEach((name, i) => {
      this[name] = BigInt(numbers[i]);
    });
    const times = ['atime', 'mtime', 'ctime', 'birthtime'];
    times.forEach((name, i) => {
      this[`${name}Ms`] = BigInt(Math.floor(numbers[10 + i]));
    });
    times.forEach((name, i) => {
      const ms = numbers[10 + i];
      this[`${name}Ns`] = BigInt(Math.floor(ms)) * 1000000n + BigInt(Math.round((ms % 1) * 1e6));
    });
    ['atime', 'mtime', 'ctime', 'birthtime'].forEach((name, i) => {
      this[name] = msToDate(numbers[10 + i]);
    });
  }
  _checkModeProperty(type) {
    return (this.mode & BigInt(constants.S_IFMT)) === BigInt(type);
  }
}

function makeStats(numbers, bigint) {
  return bigint ? new BigIntStats(numbers) : new Stats(...numbers);
}

/** Stats for a VFS entry: what the VFS knows, zeros for what it doesn't. */
function vfsStats(info, bigint) {
  const isDir = info.kind === 'directory';
  const mode = isDir ? constants.S_IFDIR | 0o555 : constants.S_IFREG | 0o444;
  const mtime = info.mtimeMs || 0;
  const numbers = [0, mode, 1, 0, 0, 0, 4096, 0, info.size || 0, Math.ceil((info.size || 0) / 512), mtime, mtime, mtime, mtime];
  return makeStats(numbers, bigint);
}

const DIRENT_MODES = [0, constants.S_IFREG, constants.S_IFDIR, constants.S_IFLNK, constants.S_IFIFO, constants.S_IFSOCK, constants.S_IFCHR, constants.S_IFBLK];

class Dirent extends StatsBase {
  constructor(name, type, parentPath) {
    super();
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
  _checkModeProperty(mode) {
    return DIRENT_MODES[this[kType]] === mode;
  }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

function toBuffer(bytes) {
  const { Buffer } = require('buffer');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Read bytes in the caller's encoding: a Buffer by default, a string when one is named. */
function encodeBytes(bytes, encoding) {
  const buffer = toBuffer(bytes);
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

/** A name from the OS in the caller's encoding (`encoding: 'buffer'` gives Buffers). */
function encodeName(name, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return name;
  const buffer = require('buffer').Buffer.from(name);
  return encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

/** Data to write as bytes: strings in `encoding`, any ArrayBufferView as its bytes. */
function dataBytes(data, encoding, name = 'data') {
  const { Buffer } = require('buffer');
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

module.exports = {
  pathModule,
  nodeError,
  systemError,
  infoError,
  invalidArgType,
  invalidArgValue,
  outOfRange,
  uvError,
  translate,
  run,
  settle,
  toPath,
  validateFd,
  validateFunction,
  getOptions,
  parseMode,
  constants,
  stringToFlags,
  isWriteFlags,
  Stats,
  BigIntStats,
  makeStats,
  vfsStats,
  Dirent,
  toBuffer,
  encodeBytes,
  encodeName,
  dataBytes,
};
