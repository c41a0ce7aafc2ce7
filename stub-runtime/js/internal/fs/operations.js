'use strict';
// Every `fs` operation, written once for both of Node's styles. Each export takes `sync` first:
// with `true` it blocks and returns the result (or throws), with `false` it returns a promise
// and the file work runs off the JS thread. `fs` builds the *Sync and callback forms from these,
// `fs/promises` the promise forms.
//
// Arguments are checked eagerly, so bad ones throw at the call as in Node. The body is a
// generator that yields each op's result: `drive` feeds values straight back when blocking,
// and awaits them when not, which keeps one body for both styles.
//
// Paths owned by the packed app's virtual filesystem (`internal/vfs`) are served from it, and
// any attempt to change them fails with EROFS.

const utils = require('internal/fs/utils');
const vfs = require('internal/vfs');

const { pathModule, run, constants, toPath, validateFd, getOptions, parseMode, stringToFlags } = utils;
const { F_OK, COPYFILE_EXCL } = constants;

// ---------------------------------------------------------------------------------------------
// Plumbing.

/** Runs an operation body: to completion now (`sync`), or as a promise. */
function drive(sync, body) {
  if (sync) {
    let step = body.next();
    while (!step.done) step = body.next(step.value);
    return step.value;
  }
  return new Promise((resolve, reject) => {
    const advance = (method, value) => {
      let step;
      try {
        step = body[method](value);
      } catch (error) {
        reject(error);
        return;
      }
      if (step.done) resolve(step.value);
      else Promise.resolve(step.value).then((result) => advance('next', result), (error) => advance('throw', error));
    };
    advance('next');
  });
}

/** The absolute path when the virtual filesystem owns `path`, else null. */
function owned(path) {
  let absolute;
  try {
    absolute = pathModule.resolve(path);
  } catch {
    // The working directory is gone, so a relative path cannot be inside the app's files.
    return null;
  }
  return vfs.owns(absolute) ? absolute : null;
}

/** Write-like calls on the virtual filesystem fail as on a read-only mount. */
function refuseWrite(syscall, path) {
  if (owned(path) !== null) throw vfs.readOnlyError(syscall, path);
}

const isVfsFd = (fd) => fd >= vfs.FIRST_FD;

function isNotFound(error) {
  return error !== null && typeof error === 'object' && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** Seconds since the epoch from a number, numeric string or Date, as `utimes` takes them. */
function toUnixTimestamp(time, name) {
  if (typeof time === 'number') return Number.isFinite(time) ? time : Date.now() / 1000;
  if (typeof time === 'string' && time.trim() !== '' && !Number.isNaN(Number(time))) return Number(time);
  if (time instanceof Date) return time.getTime() / 1000;
  throw utils.invalidArgType(name, 'of type number or an instance of Date', time);
}

/** A read/write position: null, undefined and -1 mean "the current offset". */
function toPosition(position) {
  if (position === null || position === undefined) return -1;
  if (typeof position === 'bigint') return Number(position);
  if (typeof position !== 'number') throw utils.invalidArgType('position', 'of type number', position);
  return position;
}

function validateUid(value, name) {
  if (typeof value !== 'number') throw utils.invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw utils.outOfRange(name, 'an integer', value);
  if (value < -1 || value > 4294967295) throw utils.outOfRange(name, '>= -1 && <= 4294967295', value);
  return value >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing whole files.

function readFile(sync, file, options) {
  const { encoding, flag } = getOptions(options, { encoding: null, flag: 'r' });
  const flags = stringToFlags(flag);
  if (Number.isInteger(file)) {
    validateFd(file);
    return drive(sync, (function* () {
      const bytes = isVfsFd(file) ? readAllVfs(file) : yield run(sync, 'read_fd', [file]);
      return utils.encodeBytes(bytes, encoding);
    })());
  }
  const path = toPath(file);
  return drive(sync, (function* () {
    const absolute = owned(path);
    let bytes;
    if (absolute !== null) {
      if (utils.isWriteFlags(flags)) throw vfs.readOnlyError('open', path);
      bytes = vfs.readFile(absolute);
    } else {
      bytes = yield run(sync, 'read_file', [path, flags], { path });
    }
    return utils.encodeBytes(bytes, encoding);
  })());
}

/** The rest of a VFS file from a pseudo fd. */
function readAllVfs(fd) {
  const { size } = vfs.fstat(fd);
  const buffer = new Uint8Array(size);
  let total = 0;
  for (;;) {
    const count = vfs.read(fd, buffer, total, size - total, null);
    if (count === 0 || total + count >= size) return buffer.subarray(0, total + count);
    total += count;
  }
}

function writeFile(sync, file, data, options, defaultFlag = 'w') {
  const { encoding, flag, mode } = getOptions(options, { encoding: 'utf8', flag: defaultFlag, mode: 0o666 });
  const bytes = utils.dataBytes(data, encoding);
  const flags = stringToFlags(flag);
  const fileMode = parseMode(mode, 'mode', 0o666);
  if (Number.isInteger(file)) {
    validateFd(file);
    return drive(sync, (function* () {
      let offset = 0;
      while (offset < bytes.length) offset += yield writeBytes(sync, file, bytes.subarray(offset), -1);
    })());
  }
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('open', path);
    yield run(sync, 'write_file', [path, bytes, flags, fileMode], { path });
  })());
}

function appendFile(sync, file, data, options) {
  return writeFile(sync, file, data, options, 'a');
}

// ---------------------------------------------------------------------------------------------
// Metadata.

function stat(sync, file, options, follow = true) {
  const { bigint, throwIfNoEntry } = getOptions(options, { bigint: false, throwIfNoEntry: true });
  const path = toPath(file);
  return drive(sync, (function* () {
    const absolute = owned(path);
    try {
      if (absolute !== null) return utils.vfsStats(vfs.stat(absolute), bigint);
      const numbers = yield run(sync, 'stat', [path, follow], { path });
      return utils.makeStats(numbers, bigint);
    } catch (error) {
      if (sync && !throwIfNoEntry && isNotFound(error)) return undefined;
      throw error;
    }
  })());
}

function lstat(sync, file, options) {
  return stat(sync, file, options, false);
}

function fstat(sync, fd, options) {
  const { bigint } = getOptions(options, { bigint: false });
  validateFd(fd);
  return drive(sync, (function* () {
    if (isVfsFd(fd)) return utils.vfsStats(vfs.fstat(fd), bigint);
    return utils.makeStats(yield run(sync, 'fstat', [fd]), bigint);
  })());
}

function access(sync, file, mode) {
  const path = toPath(file);
  const wanted = mode === undefined || mode === null ? F_OK : mode;
  if (typeof wanted !== 'number') throw utils.invalidArgType('mode', 'of type number', mode);
  if (!Number.isInteger(wanted)) throw utils.outOfRange('mode', 'an integer', wanted);
  if (wanted < 0 || wanted > 7) throw utils.nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return drive(sync, (function* () {
    const absolute = owned(path);
    if (absolute === null) return yield run(sync, 'access', [path, wanted], { path });
    vfs.stat(absolute);
    if (wanted & constants.W_OK) throw vfs.readOnlyError('access', path);
    return undefined;
  })());
}

/** `existsSync`: never throws, not even for a bad argument. */
function existsSync(file) {
  try {
    access(true, file, F_OK);
    return true;
  } catch {
    return false;
  }
}

function chmod(sync, file, mode) {
  const path = toPath(file);
  const bits = parseMode(mode, 'mode');
  return drive(sync, (function* () {
    refuseWrite('chmod', path);
    yield run(sync, 'chmod', [path, bits], { path });
  })());
}

function fchmod(sync, fd, mode) {
  validateFd(fd);
  const bits = parseMode(mode, 'mode');
  return run(sync, 'fchmod', [fd, bits]);
}

function chown(sync, file, uid, gid, follow = true) {
  const path = toPath(file);
  const ids = [validateUid(uid, 'uid'), validateUid(gid, 'gid')];
  return drive(sync, (function* () {
    refuseWrite(follow ? 'chown' : 'lchown', path);
    yield run(sync, 'chown', [path, ...ids, follow], { path });
  })());
}

function lchown(sync, file, uid, gid) {
  return chown(sync, file, uid, gid, false);
}

function fchown(sync, fd, uid, gid) {
  validateFd(fd);
  return run(sync, 'fchown', [fd, validateUid(uid, 'uid'), validateUid(gid, 'gid')]);
}

function utimes(sync, file, atime, mtime, follow = true) {
  const path = toPath(file);
  const times = [toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')];
  return drive(sync, (function* () {
    refuseWrite(follow ? 'utime' : 'lutime', path);
    yield run(sync, 'utimes', [path, ...times, follow], { path });
  })());
}

function lutimes(sync, file, atime, mtime) {
  return utimes(sync, file, atime, mtime, false);
}

function futimes(sync, fd, atime, mtime) {
  validateFd(fd);
  return run(sync, 'futimes', [fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')]);
}

// ---------------------------------------------------------------------------------------------
// Directories.

/** Entries of one directory as `[name, type]` pairs (libuv's UV_DIRENT_* types). */
function* listDir(sync, path) {
  const absolute = owned(path);
  if (absolute === null) return yield run(sync, 'read_dir', [path], { path });
  return vfs.readdir(absolute).map((name) => {
    const kind = vfs.stat(pathModule.join(absolute, name)).kind;
    return [name, kind === 'directory' ? constants.UV_DIRENT_DIR : constants.UV_DIRENT_FILE];
  });
}

function readdir(sync, file, options) {
  const { encoding, withFileTypes, recursive } = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  const path = toPath(file);
  return drive(sync, (function* () {
    const results = [];
    // Breadth first, as Node lists them: a directory's entries, then each subdirectory's.
    const queue = [''];
    while (queue.length > 0) {
      const relative = queue.shift();
      const directory = relative === '' ? path : pathModule.join(path, relative);
      const entries = yield* listDir(sync, directory);
      for (const [name, type] of entries) {
        const shown = relative === '' ? name : pathModule.join(relative, name);
        if (withFileTypes) results.push(new utils.Dirent(encodeName(name, encoding), type, directory));
        else results.push(encodeName(shown, encoding));
        if (recursive && type === constants.UV_DIRENT_DIR) queue.push(shown);
      }
    }
    return results;
  })());
}

const encodeName = utils.encodeName;

function mkdir(sync, file, options) {
  const opts = typeof options === 'number' || typeof options === 'string' ? { mode: options } : getOptions(options, {});
  const recursive = opts.recursive === undefined ? false : opts.recursive;
  if (typeof recursive !== 'boolean') throw utils.invalidArgType('options.recursive', 'of type boolean', recursive);
  const mode = parseMode(opts.mode, 'mode', 0o777);
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('mkdir', path);
    const first = yield run(sync, 'mkdir', [path, recursive, mode], { path });
    return recursive && first !== undefined ? pathModule.resolve(first) : undefined;
  })());
}

function mkdtemp(sync, prefix, options) {
  const { encoding } = getOptions(options, { encoding: 'utf8' });
  const path = toPath(prefix, 'prefix');
  return drive(sync, (function* () {
    refuseWrite('mkdtemp', path);
    const created = yield run(sync, 'mkdtemp', [path], { path: `${path}XXXXXX` });
    return encodeName(created, encoding);
  })());
}

function rm(sync, file, options) {
  const { recursive, force } = getOptions(options, { recursive: false, force: false });
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('rm', path);
    try {
      yield run(sync, 'rm', [path, Boolean(recursive)], { path });
    } catch (error) {
      if (!(force && error.code === 'ENOENT')) throw error;
    }
  })());
}

function rmdir(sync, file, options) {
  const { recursive } = getOptions(options, { recursive: false });
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('rmdir', path);
    yield run(sync, 'rmdir', [path, Boolean(recursive)], { path });
  })());
}

/** `opendir`: a Dir over the directory's entries, listed when it is opened. */
function opendir(sync, file, options) {
  const { encoding } = getOptions(options, { encoding: 'utf8' });
  const path = toPath(file);
  return drive(sync, (function* () {
    let entries;
    try {
      entries = yield* listDir(sync, path);
    } catch (error) {
      throw error.syscall === 'scandir' ? utils.uvError(-error.errno, 'opendir') : error;
    }
    const { Dir } = require('internal/fs/dir');
    return new Dir(path, entries.map(([name, type]) => new utils.Dirent(encodeName(name, encoding), type, path)));
  })());
}

// ---------------------------------------------------------------------------------------------
// Names and links.

function unlink(sync, file) {
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('unlink', path);
    yield run(sync, 'unlink', [path], { path });
  })());
}

function rename(sync, from, to) {
  const path = toPath(from, 'oldPath');
  const dest = toPath(to, 'newPath');
  return drive(sync, (function* () {
    if (owned(path) !== null || owned(dest) !== null) throw vfs.readOnlyError('rename', owned(path) !== null ? path : dest);
    yield run(sync, 'rename', [path, dest], { path, dest });
  })());
}

function link(sync, existing, created) {
  const path = toPath(existing, 'existingPath');
  const dest = toPath(created, 'newPath');
  return drive(sync, (function* () {
    refuseWrite('link', dest);
    yield run(sync, 'link', [path, dest], { path, dest });
  })());
}

function copyFile(sync, from, to, mode) {
  const path = toPath(from, 'src');
  const dest = toPath(to, 'dest');
  const flags = mode === undefined || mode === null ? 0 : mode;
  if (typeof flags !== 'number') throw utils.invalidArgType('mode', 'of type number', mode);
  const exclusive = (flags & COPYFILE_EXCL) !== 0;
  return drive(sync, (function* () {
    refuseWrite('copyfile', dest);
    const source = owned(path);
    if (source === null) return yield run(sync, 'copy_file', [path, dest, exclusive], { path, dest });
    // Out of the virtual filesystem: read there, write for real.
    const bytes = vfs.readFile(source);
    const flag = exclusive ? 'wx' : 'w';
    return yield run(sync, 'write_file', [dest, bytes, stringToFlags(flag), 0o644], { path: dest, syscall: 'copyfile' });
  })());
}

function symlink(sync, target, file) {
  const targetPath = toPath(target, 'target');
  const path = toPath(file);
  return drive(sync, (function* () {
    refuseWrite('symlink', path);
    yield run(sync, 'symlink', [targetPath, path], { path: targetPath, dest: path });
  })());
}

function readlink(sync, file, options) {
  const { encoding } = getOptions(options, { encoding: 'utf8' });
  const path = toPath(file);
  return drive(sync, (function* () {
    if (owned(path) !== null) throw utils.uvError(22, 'readlink', path);
    return encodeName(yield run(sync, 'readlink', [path], { path }), encoding);
  })());
}

/** `realpath`; Node's JS version reports failures as `lstat`, the native one as `realpath`. */
function realpath(sync, file, options, native = false) {
  const { encoding } = getOptions(options, { encoding: 'utf8' });
  const path = toPath(file);
  return drive(sync, (function* () {
    const absolute = owned(path);
    if (absolute !== null) return encodeName(vfs.realpath(absolute), encoding);
    const ctx = native ? { path } : { path, syscall: 'lstat' };
    return encodeName(yield run(sync, 'realpath', [path], ctx), encoding);
  })());
}

function realpathNative(sync, file, options) {
  return realpath(sync, file, options, true);
}

function truncate(sync, file, len = 0) {
  if (typeof file === 'number') return ftruncate(sync, file, len);
  const path = toPath(file);
  if (typeof len !== 'number') throw utils.invalidArgType('len', 'of type number', len);
  return drive(sync, (function* () {
    refuseWrite('open', path);
    yield run(sync, 'truncate', [path, Math.max(0, len)], { path });
  })());
}

// ---------------------------------------------------------------------------------------------
// Descriptors.

function open(sync, file, flags, mode) {
  const path = toPath(file);
  const flagBits = stringToFlags(flags);
  const modeBits = parseMode(mode, 'mode', 0o666);
  return drive(sync, (function* () {
    const absolute = owned(path);
    if (absolute === null) return yield run(sync, 'open', [path, flagBits, modeBits], { path });
    if (utils.isWriteFlags(flagBits)) throw vfs.readOnlyError('open', path);
    return vfs.open(absolute);
  })());
}

function close(sync, fd) {
  validateFd(fd);
  if (isVfsFd(fd)) return utils.settle(sync, () => vfs.close(fd));
  return run(sync, 'close', [fd]);
}

/**
 * `read(fd, buffer, offset, length, position)` or `read(fd, buffer, { offset, length,
 * position })`; resolves to the number of bytes read.
 */
function read(sync, fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  let offset = offsetOrOptions;
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset, length, position } = offsetOrOptions);
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw utils.invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  offset = offset === undefined || offset === null ? 0 : offset;
  if (typeof offset !== 'number') throw utils.invalidArgType('offset', 'of type number', offset);
  if (offset < 0 || offset > bytes.length) throw utils.outOfRange('offset', `>= 0 && <= ${bytes.length}`, offset);
  length = length === undefined || length === null ? bytes.length - offset : length;
  if (length < 0 || offset + length > bytes.length) {
    throw utils.outOfRange('length', `>= 0 && <= ${bytes.length - offset}`, length);
  }
  const at = toPosition(position);
  if (isVfsFd(fd)) return utils.settle(sync, () => vfs.read(fd, bytes, offset, length, at < 0 ? null : at));
  const target = bytes.subarray(offset, offset + length);
  if (sync) return run(true, 'read', [fd, target, at]);
  return run(false, 'read', [fd, length, at]).then((chunk) => {
    target.set(chunk);
    return chunk.length;
  });
}

/** Writes bytes at `position` (-1: the current offset); resolves to the count written. */
function writeBytes(sync, fd, bytes, position) {
  if (isVfsFd(fd)) return utils.settle(sync, () => {
    throw utils.uvError(9, 'write');
  });
  return run(sync, 'write', [fd, bytes, position]);
}

/**
 * `write(fd, buffer, offset, length, position)`, `write(fd, buffer, { offset, length,
 * position })` or `write(fd, string, position, encoding)`; resolves to the count written.
 */
function write(sync, fd, data, offsetOrOptions, length, position) {
  validateFd(fd);
  if (typeof data === 'string') {
    const encoding = typeof length === 'string' ? length : 'utf8';
    return writeBytes(sync, fd, utils.dataBytes(data, encoding, 'buffer'), toPosition(typeof offsetOrOptions === 'number' ? offsetOrOptions : null));
  }
  if (!ArrayBuffer.isView(data)) {
    throw utils.invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  let offset = offsetOrOptions;
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset, length, position } = offsetOrOptions);
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  offset = offset === undefined || offset === null ? 0 : offset;
  if (offset < 0 || offset > bytes.length) throw utils.outOfRange('offset', `>= 0 && <= ${bytes.length}`, offset);
  length = length === undefined || length === null ? bytes.length - offset : length;
  if (length < 0 || offset + length > bytes.length) {
    throw utils.outOfRange('length', `>= 0 && <= ${bytes.length - offset}`, length);
  }
  return writeBytes(sync, fd, bytes.subarray(offset, offset + length), toPosition(position));
}

function validateBuffers(buffers) {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw utils.invalidArgType('buffers', 'an ArrayBufferView[]', buffers);
  }
  return buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

/** `readv`: fills `buffers` in order from one read; resolves to the total bytes read. */
function readv(sync, fd, buffers, position) {
  validateFd(fd);
  const views = validateBuffers(buffers);
  const total = views.reduce((sum, view) => sum + view.length, 0);
  const scratch = new Uint8Array(total);
  return drive(sync, (function* () {
    const count = yield read(sync, fd, scratch, 0, total, position);
    let offset = 0;
    for (const view of views) {
      if (offset >= count) break;
      const part = scratch.subarray(offset, Math.min(count, offset + view.length));
      view.set(part);
      offset += part.length;
    }
    return count;
  })());
}

/** `writev`: writes `buffers` back to back; resolves to the total bytes written. */
function writev(sync, fd, buffers, position) {
  validateFd(fd);
  const views = validateBuffers(buffers);
  const joined = new Uint8Array(views.reduce((sum, view) => sum + view.length, 0));
  let offset = 0;
  for (const view of views) {
    joined.set(view, offset);
    offset += view.length;
  }
  return writeBytes(sync, fd, joined, toPosition(position));
}

function fsync(sync, fd) {
  validateFd(fd);
  return run(sync, 'fsync', [fd, false]);
}

function fdatasync(sync, fd) {
  validateFd(fd);
  return run(sync, 'fsync', [fd, true]);
}

function ftruncate(sync, fd, len = 0) {
  validateFd(fd);
  if (typeof len !== 'number') throw utils.invalidArgType('len', 'of type number', len);
  return run(sync, 'ftruncate', [fd, Math.max(0, len)]);
}

// ---------------------------------------------------------------------------------------------
// cp: copies files, links and (with `recursive`) directory trees.

function cp(sync, from, to, options) {
  const opts = getOptions(options, { recursive: false, force: true, errorOnExist: false, dereference: false, filter: undefined });
  const src = toPath(from, 'src');
  const dest = toPath(to, 'dest');
  if (opts.filter !== undefined) utils.validateFunction(opts.filter, 'options.filter');
  return drive(sync, copyTree(sync, src, dest, opts));
}

function* copyTree(sync, src, dest, opts) {
  if (opts.filter !== undefined && !(yield opts.filter(src, dest))) return;
  const info = yield stat(sync, src, undefined, Boolean(opts.dereference));
  if (info.isDirectory()) {
    if (!opts.recursive) {
      const info = { message: `${src} is a directory (not copied)`, path: src, syscall: 'cp', errno: 22, code: 'EISDIR' };
      throw utils.infoError('ERR_FS_EISDIR', 'Path is a directory', info);
    }
    yield mkdir(sync, dest, { recursive: true });
    for (const name of yield readdir(sync, src)) {
      yield* copyTree(sync, pathModule.join(src, name), pathModule.join(dest, name), opts);
    }
    return;
  }
  if (info.isSymbolicLink()) {
    const target = yield readlink(sync, src);
    yield symlink(sync, target, dest);
    return;
  }
  if (!opts.force || opts.errorOnExist) {
    const exists = yield drive(sync, (function* () {
      try {
        yield stat(sync, dest, undefined, false);
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    })());
    if (exists) {
      if (opts.errorOnExist) {
        const info = { message: `${dest} already exists`, path: dest, syscall: 'cp', errno: 17, code: 'EEXIST' };
        throw utils.infoError('ERR_FS_CP_EEXIST', 'Target already exists', info);
      }
      if (!opts.force) return;
    }
  }
  yield copyFile(sync, src, dest);
}

module.exports = {
  drive,
  readFile,
  writeFile,
  appendFile,
  stat,
  lstat,
  fstat,
  access,
  existsSync,
  chmod,
  fchmod,
  chown,
  lchown,
  fchown,
  utimes,
  lutimes,
  futimes,
  readdir,
  mkdir,
  mkdtemp,
  rm,
  rmdir,
  opendir,
  unlink,
  rename,
  link,
  copyFile,
  symlink,
  readlink,
  realpath,
  realpathNative,
  truncate,
  open,
  close,
  read,
  write,
  readv,
  writev,
  fsync,
  fdatasync,
  ftruncate,
  cp,
  toUnixTimestamp,
};
