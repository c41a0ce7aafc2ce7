// Argument checking shared by the asynchronous and synchronous ways of starting a child: Node's
// argument shapes and error texts, signal names, the environment, and the stdio list reduced to
// what ops/child_process.rs takes (one number per child fd).
'use strict';
const { ops } = require('internal/core');
const { nodeError, invalidArgType, received } = require('internal/errors');

// ---------------------------------------------------------------------------------------------
// Errors.

function invalidArgValue(name, value, reason) {
  const what = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' ${reason}. Received ${require('util').inspect(value)}`);
}

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${require('util').inspect(value)}`);
}

/** A failed system call as libuv names it: "spawn ls ENOENT", with errno, code and syscall. */
function uvException(errno, syscall, extra) {
  const { code } = ops.op_os_errno_info(errno);
  const error = new Error(`${syscall} ${code}`);
  Object.assign(error, { errno: -errno, code, syscall }, extra);
  return error;
}

// ---------------------------------------------------------------------------------------------
// Signals by name and number.

let signalTable;
function signals() {
  if (signalTable === undefined) {
    const byName = require('os').constants.signals;
    const byNumber = new Map();
    for (const [name, number] of Object.entries(byName)) if (!byNumber.has(number)) byNumber.set(number, name);
    signalTable = { byName, byNumber };
  }
  return signalTable;
}

/** A signal name or number as its number; ERR_UNKNOWN_SIGNAL otherwise. */
function signalNumber(signal) {
  const { byName, byNumber } = signals();
  if (typeof signal === 'number' && byNumber.has(signal)) return signal;
  if (typeof signal === 'string') {
    const upper = signal.toUpperCase();
    if (Object.hasOwn(byName, upper)) return byName[upper];
  }
  throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
}

function signalName(number) {
  return signals().byNumber.get(number) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Small validators.

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
}

function validateNoNul(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw invalidArgValue(name, value, 'must be a string without null bytes');
  }
}

function validateBoolean(value, name) {
  if (value !== undefined && typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

function validateInt32(value, name) {
  if (value !== undefined && !(Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)) {
    throw invalidArgType(name, 'int32', value);
  }
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) throw outOfRange('timeout', 'an unsigned integer', timeout);
}

// Node's default maxBuffer for exec, execFile and the Sync forms: 1 MiB.
const DEFAULT_MAX_BUFFER = 1024 * 1024;

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}

function validateOptionsObject(options, name = 'options') {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw invalidArgType(name, 'of type object', options);
  return options;
}

// A cwd may be a string, a Buffer or a file: URL.
function normalizeCwd(cwd) {
  if (cwd === undefined || cwd === null || cwd === '') return undefined;
  if (typeof cwd !== 'string') {
    const { URL, fileURLToPath } = require('url');
    if (cwd instanceof URL || (typeof cwd === 'object' && cwd.href !== undefined && cwd.protocol !== undefined)) {
      cwd = fileURLToPath(cwd);
    } else if (cwd instanceof Uint8Array) {
      cwd = require('buffer').Buffer.from(cwd).toString();
    } else {
      throw invalidArgType('options.cwd', 'of type string or an instance of Buffer or URL', cwd);
    }
  }
  if (cwd.includes('\u0000')) throw invalidArgValue('options.cwd', cwd, 'must be a string, Uint8Array, or URL without null bytes');
  return cwd;
}

// Every enumerable key, inherited ones included, as Node copies an env object; undefined values
// are left out and the rest become strings.
function envPairs(env) {
  const pairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    validateNoNul(key, `options.env['${key}']`);
    validateNoNul(`${value}`, `options.env['${key}']`);
    pairs.push([key, `${value}`]);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// spawn(file, args, options) as one normalised description.

/**
 * Checks and normalises the arguments of spawn/spawnSync/execFile: returns
 * { file, args (argv with argv[0]), cwd, envPairs, detached, uid, gid, shell, windowsHide, ... }
 * plus the caller's own options as `options`.
 */
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateNoNul(file, 'file');
  if (file.length === 0) throw invalidArgValue('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw invalidArgType('args', 'of type object', args);
  } else {
    options = args;
    args = [];
  }
  args.forEach((arg, index) => validateNoNul(arg, `args[${index}]`));
  // The OS takes strings; Node passes numbers and the like as their text.
  args = args.map((arg) => `${arg}`);
  options = validateOptionsObject(options);
  options = { ...options };

  const cwd = normalizeCwd(options.cwd);
  validateBoolean(options.detached, 'options.detached');
  validateInt32(options.uid, 'options.uid');
  validateInt32(options.gid, 'options.gid');
  if (options.shell !== undefined && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw invalidArgType('options.shell', 'one of type boolean or string', options.shell);
  }
  if (options.argv0 !== undefined) validateString(options.argv0, 'options.argv0');
  validateBoolean(options.windowsHide, 'options.windowsHide');
  validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  if (typeof options.shell === 'string') validateNoNul(options.shell, 'options.shell');
  if (options.argv0 !== undefined) validateNoNul(options.argv0, 'options.argv0');

  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  const env = options.env || process.env;
  return {
    ...options,
    options,
    file,
    args,
    cwd,
    envPairs: envPairs(env),
    detached: Boolean(options.detached),
    windowsHide: Boolean(options.windowsHide),
  };
}

// ---------------------------------------------------------------------------------------------
// stdio.

const STDIO_PIPE = -1;
const STDIO_IGNORE = -2;

function stdioStringToArray(stdio, extra) {
  const array = [stdio, stdio, stdio];
  if (extra !== undefined) array.push(extra);
  return array;
}

/**
 * The `stdio` option as an array of entries { kind: 'pipe' | 'ignore' | 'fd' | 'ipc', fd }.
 * `sync` allows the input buffers of spawnSync's stdio entries.
 */
function normalizeStdio(stdio, sync = false) {
  if (stdio === undefined || stdio === null) stdio = 'pipe';
  if (typeof stdio === 'string') {
    if (!['pipe', 'overlapped', 'ignore', 'inherit'].includes(stdio)) throw invalidArgValue('stdio', stdio, 'is invalid');
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw invalidArgValue('stdio', stdio, 'is invalid');
  }
  stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);
  let ipcIndex;
  const entries = stdio.map((entry, index) => {
    if (entry === undefined || entry === null) return { kind: index < 3 ? 'pipe' : 'ignore' };
    if (entry === 'pipe' || entry === 'overlapped') return { kind: 'pipe' };
    if (entry === 'ignore') return { kind: 'ignore' };
    if (entry === 'inherit') return { kind: 'fd', fd: index };
    if (entry === 'ipc') {
      if (sync) throw nodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
      if (ipcIndex !== undefined) throw nodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
      ipcIndex = index;
      return { kind: 'ipc' };
    }
    if (typeof entry === 'number') return { kind: 'fd', fd: entry };
    if (typeof entry === 'string' || ArrayBuffer.isView(entry)) {
      if (sync) return { kind: 'pipe', input: entry };
      throw nodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT',
        `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${require('util').inspect(entry)}`);
    }
    // A stream with a file descriptor of its own (process.stdout, fs streams, ...).
    if (typeof entry === 'object' && typeof entry.fd === 'number' && entry.fd >= 0) return { kind: 'fd', fd: entry.fd };
    throw invalidArgValue('stdio', entry, 'is invalid');
  });
  return { entries, ipcIndex };
}

/** The stdio list as ops/child_process.rs takes it: one number per child fd. */
function stdioForOp(entries) {
  return entries.map((entry) => {
    if (entry.kind === 'pipe' || entry.kind === 'ipc') return STDIO_PIPE;
    if (entry.kind === 'ignore') return STDIO_IGNORE;
    return entry.fd;
  });
}

/** The op's description of a spawn: the file, argv split at argv[0], and the rest. */
// A program embedded in a packed app runs from a verified copy in the user's cache (the OS
// cannot execute a file inside the binary). Names without a slash are looked up on PATH, so
// only paths can point into the app.
function runnablePath(file, cwd) {
  if (!file.includes('/')) return file;
  const path = require('path').resolve(cwd ?? process.cwd(), file);
  return ops.op_vfs_executable_path(path) ?? file;
}

function spawnRequest(spawnOptions, stdio) {
  return {
    file: runnablePath(spawnOptions.file, spawnOptions.cwd),
    argv0: spawnOptions.args[0],
    args: spawnOptions.args.slice(1),
    cwd: spawnOptions.cwd ?? null,
    env: spawnOptions.envPairs,
    stdio: stdioForOp(stdio),
    detached: Boolean(spawnOptions.detached),
    uid: spawnOptions.uid ?? null,
    gid: spawnOptions.gid ?? null,
  };
}

module.exports = {
  DEFAULT_MAX_BUFFER,
  invalidArgValue,
  outOfRange,
  uvException,
  signalNumber,
  signalName,
  validateString,
  validateFunction,
  validateTimeout,
  validateMaxBuffer,
  validateAbortSignal,
  validateOptionsObject,
  normalizeSpawnArguments,
  normalizeStdio,
  spawnRequest,
  received,
};
