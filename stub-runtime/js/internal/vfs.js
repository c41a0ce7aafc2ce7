'use strict';
// The virtual filesystem of a packed executable: the app's own files, embedded under the
// virtual root (the executable's path used as a directory) and served read-only. `fs` asks
// this module about every absolute path before touching the real filesystem. Under `pack run`
// it owns nothing: the files are on disk.
//
// Contract (paths are absolute, already normalised with path.resolve):
//   owns(path) -> boolean            true when `path` lies under the virtual root
//   readFile(path) -> Uint8Array     throws Node-shaped ENOENT / EISDIR
//   stat(path) -> { kind: 'file' | 'directory', size, mtimeMs }, throws ENOENT
//   readdir(path) -> string[]        entry names; throws ENOTDIR / ENOENT
//   realpath(path) -> string
//   open(path) -> pseudo fd (>= FIRST_FD); read(fd, buffer, offset, length, position) -> bytes
//   read; fstat(fd) -> like stat; close(fd)
//   readOnlyError(syscall, path) -> an EROFS error for `fs` to throw on any write

const { ops } = require('internal/core');

const FIRST_FD = 1 << 30;
const { root, servesFiles, mtimeMs } = ops.op_vfs_info();
const rootPrefix = `${root}/`;

// errno values as Linux numbers them, negated as Node reports them.
const ERRNO = { ENOENT: -2, EBADF: -9, ENOTDIR: -20, EISDIR: -21, EROFS: -30 };
const DESCRIPTIONS = {
  ENOENT: 'no such file or directory',
  EBADF: 'bad file descriptor',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  EROFS: 'read-only file system',
};

function systemError(code, syscall, path) {
  const where = path === undefined ? syscall : `${syscall} '${path}'`;
  const error = new Error(`${code}: ${DESCRIPTIONS[code]}, ${where}`);
  error.errno = ERRNO[code];
  error.code = code;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

function owns(path) {
  return servesFiles && (path === root || path.startsWith(rootPrefix));
}

function stat(path, syscall = 'stat') {
  const found = ops.op_vfs_stat(path);
  if (found === null) throw systemError('ENOENT', syscall, path);
  return { kind: found.kind, size: found.kind === 'file' ? found.size : 4096, mtimeMs };
}

function readFile(path) {
  const { kind } = stat(path, 'open');
  if (kind === 'directory') throw systemError('EISDIR', 'read');
  return ops.op_vfs_read(path);
}

function readdir(path) {
  const { kind } = stat(path, 'scandir');
  if (kind !== 'directory') throw systemError('ENOTDIR', 'scandir', path);
  return ops.op_vfs_readdir(path);
}

function realpath(path) {
  stat(path, 'lstat');
  return path.length > root.length ? path.replace(/\/+$/, '') : root;
}

// Open embedded files: pseudo fd -> { path, bytes, position }.
const openFiles = new Map();
let nextFd = FIRST_FD;

function open(path) {
  const { kind } = stat(path, 'open');
  const bytes = kind === 'file' ? ops.op_vfs_read(path) : null;
  const fd = nextFd++;
  openFiles.set(fd, { path, bytes, position: 0 });
  return fd;
}

function openFile(fd, syscall) {
  const file = openFiles.get(fd);
  if (file === undefined) throw systemError('EBADF', syscall);
  return file;
}

/** Copies up to `length` bytes at `position` (or the file's current position) into `buffer`. */
function read(fd, buffer, offset, length, position) {
  const file = openFile(fd, 'read');
  if (file.bytes === null) throw systemError('EISDIR', 'read');
  const start = typeof position === 'number' && position >= 0 ? position : file.position;
  const chunk = file.bytes.subarray(start, Math.min(start + length, file.bytes.length));
  buffer.set(chunk, offset);
  if (!(typeof position === 'number' && position >= 0)) file.position += chunk.length;
  return chunk.length;
}

function fstat(fd) {
  return stat(openFile(fd, 'fstat').path, 'fstat');
}

function close(fd) {
  openFile(fd, 'close');
  openFiles.delete(fd);
}

function readOnlyError(syscall, path) {
  return systemError('EROFS', syscall, path);
}

/**
 * The key of the bundled module that `path` (absolute, under the virtual root) names, trying
 * Node's file then index suffixes; null when the app was packed without it. Used by the
 * launchers of other threads and processes (worker_threads, fork), which can only start
 * modules that are inside the binary.
 */
function bundledModuleKey(path) {
  const { root: loaderRoot } = ops.op_loader_entry();
  const prefix = loaderRoot.endsWith('/') ? loaderRoot : `${loaderRoot}/`;
  if (!path.startsWith(prefix)) return null;
  const key = path.slice(prefix.length);
  for (const suffix of ['', '.js', '.cjs', '.mjs', '.ts', '/index.js']) {
    if (ops.op_loader_has_module(key + suffix)) return key + suffix;
  }
  return null;
}

module.exports = { bundledModuleKey, FIRST_FD, owns, readFile, stat, readdir, realpath, open, read, fstat, close, readOnlyError };
