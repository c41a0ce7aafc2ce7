// ChildProcess, spawn() and fork(). A ChildProcess is an EventEmitter over a child resource of
// ops/child_process.rs: one op waits for the exit, another signals it. Each 'pipe' of the
// child is a net.Socket over the parent's end of a socket pair, as in Node; an 'ipc' entry
// becomes the channel of internal/child_process/ipc.
'use strict';
const core = require('internal/core');
const EventEmitter = require('events');
const { nodeError, invalidArgType } = require('internal/errors');
const { whenSettled } = require('internal/lifecycle');
const {
  uvException,
  signalNumber,
  signalName,
  invalidArgValue,
  validateTimeout,
  validateAbortSignal,
  validateOptionsObject,
  normalizeSpawnArguments,
  normalizeStdio,
  spawnRequest,
} = require('internal/child_process/options');

const { ops } = core;

const ESRCH = 3;
const EINVAL = 22;
// Spawn failures Node reports as an 'error' event; any other is thrown by spawn().
const EMITTED_SPAWN_ERRORS = new Set(['EACCES', 'EAGAIN', 'EMFILE', 'ENFILE', 'ENOENT']);

const kRid = Symbol('childRid');
const kWait = Symbol('wait');
const kRefed = Symbol('refed');

function ChildProcess() {
  if (!(this instanceof ChildProcess)) return new ChildProcess();
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
  this[kRid] = undefined;
  this[kWait] = undefined;
  this[kRefed] = true;
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

/**
 * Starts the program: options are spawn()'s, normalised ({ file, args, cwd, envPairs, stdio,
 * detached, uid, gid }), `args` starting with argv[0].
 */
ChildProcess.prototype.spawn = function spawn(options) {
  if (options === null || typeof options !== 'object') {
    throw invalidArgType('options', 'of type object', options);
  }
  if (typeof options.file !== 'string') throw invalidArgType('options.file', 'of type string', options.file);
  if (!Array.isArray(options.args)) options = { ...options, args: [options.file] };
  const { entries, ipcIndex } = normalizeStdio(options.stdio);
  // Node's own callers pass envPairs as 'KEY=value' strings; spawn() passes [key, value].
  const envPairs = (options.envPairs || Object.entries(process.env)).map((pair) => {
    if (Array.isArray(pair)) return pair;
    const text = `${pair}`;
    const equals = text.indexOf('=', 1);
    return equals === -1 ? [text, ''] : [text.slice(0, equals), text.slice(equals + 1)];
  });
  if (ipcIndex !== undefined) {
    // Our own runtime looks for PACK_CHANNEL_FD; Node's for the other two.
    envPairs.push(['PACK_CHANNEL_FD', `${ipcIndex}`], ['NODE_CHANNEL_FD', `${ipcIndex}`], ['NODE_CHANNEL_SERIALIZATION_MODE', 'json']);
  }
  for (const id of ['uid', 'gid']) {
    if (options[id] !== undefined && options[id] < 0) throw uvException(EINVAL, 'spawn');
  }
  this.spawnfile = options.file;
  this.spawnargs = options.args;

  const spawned = ops.op_cp_spawn(spawnRequest({ ...options, envPairs }, entries));
  const failure = spawned.errno === 0 ? undefined : ops.op_os_errno_info(spawned.errno).code;
  if (failure !== undefined && !EMITTED_SPAWN_ERRORS.has(failure)) throw uvException(spawned.errno, 'spawn');

  this.pid = failure === undefined ? spawned.pid : undefined;
  const stdio = entries.map((entry, index) => {
    if (entry.kind !== 'pipe') return null;
    const rid = spawned.stdio[index] ?? undefined;
    return this._stdioSocket(index, rid);
  });
  this.stdin = stdio[0];
  this.stdout = stdio[1];
  this.stderr = stdio[2];
  this.stdio = stdio;

  if (failure !== undefined) {
    // As in Node, the failure arrives as an exit with a negative code: 'error', then 'close'.
    process.nextTick(() => this._onExit(-spawned.errno, null));
    return spawned.errno;
  }

  this[kRid] = spawned.rid;
  this._handle = { pid: spawned.pid };
  if (ipcIndex !== undefined) {
    this._closesNeeded++;
    require('internal/child_process/ipc').setupParent(this, spawned.stdio[ipcIndex], () => maybeClose(this));
  }
  this._waitForExit();
  process.nextTick(() => this.emit('spawn'));
  return 0;
};

// A pipe of the child as a net.Socket: stdin is not readable; the others are readable (and,
// as in Node, writable too). Readable ones start reading at once (and so keep the process
// alive), as Node's do; each counts towards 'close'.
ChildProcess.prototype._stdioSocket = function stdioSocket(index, rid) {
  const { Socket } = require('net');
  const readable = index !== 0;
  const socket = new Socket({ readable });
  if (readable) {
    this._closesNeeded++;
    socket.on('close', () => maybeClose(this));
  }
  if (rid === undefined) return socket;
  socket._attach({ rid, local: undefined, remote: undefined });
  if (readable) socket.read(0);
  return socket;
};

ChildProcess.prototype._waitForExit = function waitForExit() {
  const waiting = ops.op_cp_wait(this[kRid]);
  this[kWait] = waiting;
  if (!this[kRefed]) core.unrefOpPromise(waiting);
  whenSettled(
    waiting,
    ({ code, signal }) => this._afterChannel(() => this._onExit(code ?? null, signal === null ? null : signalName(signal) ?? signal)),
    () => this._onExit(-ESRCH, null),
  );
};

// As in Node, a child's IPC channel reports its end ('disconnect') before the child's 'exit'.
// A dead child's end of the channel is closed, so its EOF is on the way; should something else
// hold the child's end open (a grandchild that inherited it), we close ours after a while.
const CHANNEL_END_GRACE_MS = 500;
ChildProcess.prototype._afterChannel = function afterChannel(report) {
  if (!this.connected && !this._disconnectPending) {
    report();
    return;
  }
  const grace = setTimeout(() => this.connected && this.disconnect(), CHANNEL_END_GRACE_MS);
  this.once('disconnect', () => {
    clearTimeout(grace);
    report();
  });
};

ChildProcess.prototype._onExit = function onExit(exitCode, signal) {
  if (signal) this.signalCode = signal;
  else this.exitCode = exitCode;
  if (this.stdin) this.stdin.destroy();
  if (this[kRid] !== undefined) core.tryClose(this[kRid]);
  this[kRid] = undefined;
  this[kWait] = undefined;
  this._handle = null;

  if (exitCode < 0) {
    const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
    const error = uvException(-exitCode, syscall);
    if (this.spawnfile) error.path = this.spawnfile;
    error.spawnargs = this.spawnargs.slice(1);
    // The pipes of a child that never started close at once.
    for (const stream of this.stdio) if (stream) stream.destroy();
    this.emit('error', error);
  } else {
    this.emit('exit', this.exitCode, this.signalCode);
  }
  // Output nobody reads is drained, so the pipes can report their end and 'close' can follow.
  process.nextTick(() => {
    for (const stream of this.stdio || []) {
      if (stream && stream.readable && stream.readableFlowing === null) stream.resume();
    }
  });
  maybeClose(this);
};

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) child.emit('close', child.exitCode, child.signalCode);
}

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
  if (this[kRid] === undefined) return false;
  const errno = ops.op_cp_kill(this[kRid], signal);
  if (errno === 0) {
    this.killed = true;
    return true;
  }
  if (errno === ESRCH) return false;
  if (errno === EINVAL) throw uvException(errno, 'kill');
  this.emit('error', uvException(errno, 'kill'));
  return false;
};

ChildProcess.prototype[Symbol.dispose] = function dispose() {
  if (!this.killed) this.kill();
};

// Only the wait for the exit is refed or not: open pipes still hold the process, as in Node.
ChildProcess.prototype.ref = function ref() {
  this[kRefed] = true;
  if (this[kWait]) core.refOpPromise(this[kWait]);
};

ChildProcess.prototype.unref = function unref() {
  this[kRefed] = false;
  if (this[kWait]) core.unrefOpPromise(this[kWait]);
};

// ---------------------------------------------------------------------------------------------
// spawn().

function AbortError(cause) {
  const error = new Error('The operation was aborted', cause === undefined ? undefined : { cause });
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  return error;
}

function spawn(file, args, options) {
  const normalized = normalizeSpawnArguments(file, args, options);
  validateTimeout(normalized.timeout);
  validateAbortSignal(normalized.signal, 'options.signal');
  const killSignal = normalized.killSignal === undefined ? undefined : signalNumber(normalized.killSignal);
  if (normalized.serialization !== undefined && normalized.serialization !== 'json' && normalized.serialization !== 'advanced') {
    throw invalidArgValue('options.serialization', normalized.serialization, "must be one of: undefined, 'json', 'advanced'");
  }

  const child = new ChildProcess();
  child.spawn(normalized);
  if (normalized.timeout > 0) killAfterTimeout(child, normalized.timeout, killSignal);
  if (normalized.signal) killOnAbort(child, normalized.signal, killSignal);
  return child;
}

function killAfterTimeout(child, timeout, killSignal) {
  let timer = setTimeout(() => {
    timer = null;
    try {
      child.kill(killSignal);
    } catch (error) {
      child.emit('error', error);
    }
  }, timeout);
  child.once('exit', () => {
    if (timer) clearTimeout(timer);
  });
}

function killOnAbort(child, signal, killSignal) {
  const onAbort = () => {
    if (child.kill(killSignal)) child.emit('error', AbortError(signal.reason));
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
    return;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  child.once('exit', () => signal.removeEventListener('abort', onAbort));
}

// ---------------------------------------------------------------------------------------------
// fork(): the runtime's own executable running another module, with an IPC channel.

function fork(modulePath, args, options) {
  modulePath = modulePathOf(modulePath);
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (typeof args !== 'object') throw invalidArgValue('args', args, 'must be an array');
    options = args;
    args = undefined;
  }
  options = { ...validateOptionsObject(options) };
  args = args ? args.slice() : [];

  const execPath = options.execPath || process.execPath;
  const ours = execPath === process.execPath;
  if (ours) {
    args = forkArguments(modulePath, args, options);
  } else {
    args = [...(options.execArgv || process.execArgv), modulePath, ...args];
  }

  if (typeof options.stdio === 'string') {
    options.stdio = [options.stdio, options.stdio, options.stdio, 'ipc'];
  } else if (options.stdio === undefined) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw nodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
  }
  if (options.shell) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.shell' is not supported. Received ${require('util').inspect(options.shell)}`);
  }
  const target = ours ? options.env?.PACK_FORK_ENTRY : undefined;
  if (target !== undefined && require('internal/vfs').bundledModuleKey(target) === null) {
    return notBundled(target, execPath, args);
  }
  return spawn(execPath, args, options);
}

// A packed app can only fork modules packed into it. Such a child never starts: like a
// missing program for spawn(), the failure is the parent's 'error' event, then 'close'.
function notBundled(target, execPath, args) {
  const child = new ChildProcess();
  child.spawnfile = execPath;
  child.spawnargs = [execPath, ...args];
  child.stdio = [];
  child.connected = false;
  const error = new Error(
    `Cannot find module '${target}': fork() can only start modules packed into ${execPath}; ` +
      'add it with `--include` when packing (a file only named in fork(path) is not found by the packer)',
  );
  error.code = 'MODULE_NOT_FOUND';
  process.nextTick(() => {
    child.exitCode = 1;
    child.emit('error', error);
    child.emit('close', 1, null);
  });
  return child;
}

function modulePathOf(modulePath) {
  if (typeof modulePath === 'string') return modulePath;
  if (modulePath instanceof Uint8Array) return require('buffer').Buffer.from(modulePath).toString();
  if (modulePath !== null && typeof modulePath === 'object' && modulePath.href !== undefined) {
    return require('url').fileURLToPath(modulePath);
  }
  throw invalidArgType('modulePath', 'of type string or an instance of Buffer or URL', modulePath);
}

/**
 * How this runtime's executable runs another script. Under `pack run`, process.execPath is
 * `pack`, which takes `pack FILE ARGS` as `node FILE ARGS`. A packed executable runs the module
 * of its own bundle that the PACK_FORK_ENTRY variable names (a path under its virtual root, as
 * the app sees its files), with ARGS as its arguments.
 */
function forkArguments(modulePath, args, options) {
  const { servesFiles } = ops.op_vfs_info();
  if (!servesFiles) {
    // A path pack could mistake for a subcommand or a flag is made explicitly relative.
    const safe = modulePath.startsWith('-') || ['build', 'run', 'inspect', 'help'].includes(modulePath) ? `./${modulePath}` : modulePath;
    return [safe, ...args];
  }
  const base = options.cwd ? `${options.cwd}` : process.cwd();
  const env = { ...(options.env || process.env) };
  env.PACK_FORK_ENTRY = require('path').resolve(base, modulePath);
  options.env = env;
  return args;
}

module.exports = { ChildProcess, spawn, fork };
