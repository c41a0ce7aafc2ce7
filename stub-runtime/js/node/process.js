// `process`: the app's view of its own process. An EventEmitter ('exit', 'warning',
// 'uncaughtException', 'unhandledRejection') with fields filled from the runtime's ops.
'use strict';
const { nodeError, invalidArgType } = require('internal/errors');
const EventEmitter = require('events');
const core = require('internal/core');
const ops = core.ops;

const info = ops.op_process_info();

function Process() {
  EventEmitter.call(this);
}
Object.setPrototypeOf(Process.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Process, EventEmitter);
Object.defineProperty(Process, 'name', { value: 'process' });

const process = new Process();
// Object.prototype.toString gives "[object process]", as in Node (assert's deep equality
// tells process from a copy of it by that tag).
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', writable: true, enumerable: false, configurable: false });

// The Node release whose API this runtime follows; packages feature-test against it.
const NODE_VERSION = '20.11.1';

// ---------------------------------------------------------------------------------------------
// Errors shaped like Node's.

function outOfRange(name, range, value) {
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
}

// A failed system call as libuv reports it: "ENOENT: no such file or directory, chdir ...".
function uvError(errno, syscall, detail, extra) {
  const { code, message } = ops.op_os_errno_info(errno);
  const error = new Error(detail === undefined ? `${syscall} ${code}` : `${code}: ${message}, ${syscall} ${detail}`);
  Object.assign(error, { errno: -errno, code, syscall }, extra);
  return error;
}

// ---------------------------------------------------------------------------------------------
// Identity and static facts.

Object.assign(process, {
  version: `v${NODE_VERSION}`,
  versions: { node: NODE_VERSION, pack: '0.1.0' },
  release: {
    name: 'node',
    lts: 'Iron',
    sourceUrl: `https://nodejs.org/download/release/v${NODE_VERSION}/node-v${NODE_VERSION}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/v${NODE_VERSION}/node-v${NODE_VERSION}-headers.tar.gz`,
  },
  argv: info.argv,
  argv0: info.argv[0],
  execArgv: [],
  execPath: info.execPath,
  pid: info.pid,
  ppid: info.ppid,
  platform: info.platform,
  arch: info.arch,
  env: require('internal/process/env').createEnv(ops.op_process_env(), true),
  // What this runtime can do, in Node's terms: no inspector, no TLS yet.
  features: {
    inspector: false,
    debug: false,
    uv: true,
    ipv6: true,
    tls_alpn: false,
    tls_sni: false,
    tls_ocsp: false,
    tls: false,
    cached_builtins: true,
  },
  config: {
    target_defaults: { cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [] },
    variables: {
      host_arch: info.arch,
      target_arch: info.arch,
      node_byteorder: new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'little' : 'big',
      node_module_version: 115,
      napi_build_version: '9',
      node_shared: false,
      node_use_openssl: false,
      node_shared_openssl: false,
      icu_small: false,
      is_debug: 0,
      asan: 0,
    },
  },
});

let title = 'pack';
Object.defineProperty(process, 'title', {
  enumerable: true,
  configurable: true,
  get: () => title,
  set(value) {
    title = `${value}`;
  },
});

// Node lists the flags NODE_OPTIONS may carry; this runtime reads none, and the set is read-only.
class NodeEnvironmentFlagsSet extends Set {
  add() {
    return this;
  }
  delete() {
    return false;
  }
  clear() {}
}
let allowedFlags;
Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  enumerable: true,
  configurable: true,
  get: () => (allowedFlags ??= Object.freeze(new NodeEnvironmentFlagsSet())),
  set(value) {
    Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { value, enumerable: true, configurable: true, writable: true });
  },
});

process.binding = function binding(name) {
  throw new Error(`No such module: ${name}`);
};

// ---------------------------------------------------------------------------------------------
// Exit.

let exitCode;
Object.defineProperty(process, 'exitCode', {
  enumerable: true,
  get: () => exitCode,
  set(code) {
    if (code !== undefined && code !== null && !Number.isInteger(typeof code === 'string' ? Number(code) : code)) {
      const error = new TypeError(`The "code" argument must be of type number. Received ${typeof code}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    exitCode = code === null || code === undefined ? undefined : Number(code);
  },
});

process.exit = function exit(code) {
  require('internal/lifecycle').exit(code);
};
process.reallyExit = (code) => ops.op_process_exit(code | 0);
process.abort = function abort() {
  ops.op_process_kill(process.pid, signalNumber('SIGABRT'));
};

// ---------------------------------------------------------------------------------------------
// Working directory, umask, ids, signals.

process.cwd = () => ops.op_process_cwd();

process.chdir = function chdir(directory) {
  if (typeof directory !== 'string') throw invalidArgType('directory', 'of type string', directory);
  const errno = ops.op_process_chdir(directory);
  if (errno !== 0) {
    const from = process.cwd();
    throw uvError(errno, 'chdir', `'${from}' -> '${directory}'`, { path: from, dest: directory });
  }
};

process.umask = function umask(mask) {
  if (mask === undefined) return ops.op_process_umask(-1);
  return ops.op_process_umask(parseMode(mask, 'mask') & 0o777);
};

// A mode as a 32-bit unsigned number or an octal string, as Node's file-mode arguments take it.
function parseMode(value, name) {
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument '${name}' must be a 32-bit unsigned integer or an octal string. Received ${require('util').inspect(value)}`);
    }
    value = parseInt(value, 8);
  }
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange(name, '>= 0 && <= 4294967295', value);
  return value;
}

// Ids are read fresh each time: setuid-style calls elsewhere may change them.
process.getuid = () => ops.op_process_ids().uid;
process.geteuid = () => ops.op_process_ids().euid;
process.getgid = () => ops.op_process_ids().gid;
process.getegid = () => ops.op_process_ids().egid;
process.getgroups = () => Array.from(ops.op_process_ids().groups);

function signalNumber(name) {
  return require('os').constants.signals[name];
}

process.kill = function kill(pid, signal = 'SIGTERM') {
  // Node accepts anything that is an integer after coercion, such as '123'.
  if (pid != (pid | 0)) throw invalidArgType('pid', 'of type number', pid);
  let number = signal;
  if (typeof signal === 'string') {
    number = Object.hasOwn(require('os').constants.signals, signal) ? signalNumber(signal) : undefined;
    if (number === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  } else if (typeof signal !== 'number') {
    throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${require('util').format('%s', signal)}`);
  }
  const errno = ops.op_process_kill(pid | 0, number | 0);
  if (errno !== 0) throw uvError(errno, 'kill');
  return true;
};

// ---------------------------------------------------------------------------------------------
// Time and resources.

process.uptime = () => ops.op_process_hrtime() / 1e9;

process.hrtime = function hrtime(time) {
  const now = ops.op_process_hrtime();
  let seconds = Math.floor(now / 1e9);
  let nanos = Math.floor(now - seconds * 1e9);
  if (time !== undefined) {
    if (!Array.isArray(time)) throw invalidArgType('time', 'an instance of Array', time);
    if (time.length !== 2) throw outOfRange('time', '2', time.length);
    seconds -= time[0];
    nanos -= time[1];
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    }
  }
  return [seconds, nanos];
};
process.hrtime.bigint = function bigint() {
  return BigInt(Math.floor(ops.op_process_hrtime()));
};

function memoryUsage() {
  // The engine's own figures; QuickJS has no separate count of ArrayBuffer memory.
  const heap = core.memoryUsage();
  return {
    rss: ops.op_process_rss(),
    heapTotal: heap.heapTotal,
    heapUsed: heap.heapUsed,
    external: heap.external,
    arrayBuffers: 0,
  };
}
memoryUsage.rss = function rss() {
  return ops.op_process_rss();
};
process.memoryUsage = memoryUsage;

process.cpuUsage = function cpuUsage(previous) {
  const [user, system] = ops.op_process_cpu_usage();
  if (previous === undefined) return { user, system };
  if (previous === null || typeof previous !== 'object') throw invalidArgType('prevValue', 'of type object', previous);
  for (const key of ['user', 'system']) {
    const value = previous[key];
    if (typeof value !== 'number') throw invalidArgType(`prevValue.${key}`, 'of type number', value);
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw nodeError(RangeError, 'ERR_INVALID_ARG_VALUE',
        `The property 'prevValue.${key}' is invalid. Received ${value}`);
    }
  }
  return { user: user - previous.user, system: system - previous.system };
};

process.resourceUsage = function resourceUsage() {
  // Copied into an ordinary object: the op's has no prototype.
  return Object.assign({}, ops.op_process_resource_usage());
};

// ---------------------------------------------------------------------------------------------
// nextTick and warnings.

process.nextTick = function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  core.queueNextTick({ callback, args: args.length === 0 ? undefined : args, snapshot: core.getAsyncContext() });
};

// emitWarning(warning[, options]) or emitWarning(warning[, type[, code]][, ctor]).
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object') {
    const options = type;
    ({ type, code, ctor } = options);
    if (typeof options.detail === 'string') detail = options.detail;
  } else if (typeof type === 'function') {
    ctor = type;
    type = undefined;
    code = undefined;
  } else if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  }
  if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', 'of type string', type);
  if (code !== undefined && typeof code !== 'string') throw invalidArgType('code', 'of type string', code);
  if (typeof warning === 'string') {
    warning = createWarning(warning, type || 'Warning', code, detail, ctor || process.emitWarning);
  } else if (!(warning instanceof Error)) {
    throw invalidArgType('warning', 'of type string or an instance of Error', warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Thrown from the next tick, so it is uncaught, as in Node.
      process.nextTick(() => {
        throw warning;
      });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
};

function createWarning(message, type, code, detail, ctor) {
  const warning = new Error(message);
  warning.name = type;
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(warning, ctor);
  return warning;
}

// Warnings print to stderr unless the app silences them, as `node` does.
process.on('warning', (warning) => {
  const prefix = warning.code ? `[${warning.code}] ` : '';
  const trace = warning.name === 'DeprecationWarning' && process.traceDeprecation;
  let text = `(node:${process.pid}) ${prefix}${trace ? warning.stack : `${warning.name}: ${warning.message}`}\n`;
  if (warning.detail) text += `${warning.detail}\n`;
  ops.op_process_write(2, text);
});

// ---------------------------------------------------------------------------------------------
// Standard streams: synchronous writes; terminals report their size.

function describeTerminal(stream, fd) {
  const terminal = ops.op_process_tty_info(fd);
  if (!terminal.isTTY) return stream;
  stream.isTTY = true;
  if (terminal.columns !== null) {
    stream.columns = terminal.columns;
    stream.rows = terminal.rows;
  }
  stream.getWindowSize = () => [stream.columns, stream.rows];
  stream.getColorDepth = (env = process.env) => colorDepth(env);
  stream.hasColors = (count = 16, env = process.env) => {
    if (typeof count === 'object' && count !== null) [count, env] = [16, count];
    return count <= 2 ** colorDepth(env);
  };
  return stream;
}

// Bits of colour a terminal supports, judged from the environment as Node does.
function colorDepth(env) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return { '': 4, 1: 4, true: 4, 2: 8, 3: 24 }[force] ?? 1;
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && /256|direct/.test(env.TERM)) return 8;
  if (env.COLORTERM !== undefined || (env.TERM && /^(xterm|screen|vt100|vt220|rxvt|linux|cygwin|ansi|color|konsole|tmux)/.test(env.TERM))) return 4;
  return 1;
}

// stdout/stderr are Writable streams whose writes go straight (synchronously) to the fd, so
// output is never lost when the process exits.
function outputStream(fd) {
  const { Writable } = require('internal/streams/writable');
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      const errno = ops.op_process_write(fd, textOf(chunk, encoding));
      if (errno === 0) return callback();
      if (errno !== EPIPE) return callback(uvError(errno, 'write'));
      const lifecycle = require('internal/lifecycle');
      if (!wantsWriteErrors(stream)) return lifecycle.exitOnClosedOutput(callback);
      callback(lifecycle.closedOutputError(uvError(errno, 'write')));
    },
  });
  // Like Node's stdio, ending or destroying these never closes the fd: the stream reports
  // 'close' and then comes back to life, so later writes (console.log) still work.
  stream._destroy = function destroyStdio(err, callback) {
    callback(err);
    this._undestroy();
    if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
  };
  stream.fd = fd;
  stream._type = ops.op_process_tty_info(fd).isTTY ? 'tty' : 'fs';
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  return describeTerminal(stream, fd);
}

const EPIPE = 32; // the same on Linux and macOS

// Node reports a closed pipe as an 'error' on the stream, and without a listener that is an
// uncaught exception: a stack trace on stderr for `app | head -1`. We keep Node's path when the
// app listens (on the stream or for 'uncaughtException') and otherwise end quietly: at once
// when nobody listens now, or when the error turns out uncaught (console.log listens only for
// the length of its write).
function wantsWriteErrors(stream) {
  return stream.listenerCount('error') > 0 || process.listenerCount('uncaughtException') > 0;
}

function textOf(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer' || !encoding) return chunk;
    return core.decode(require('buffer').Buffer.from(chunk, encoding));
  }
  return core.decode(chunk);
}

// Standard input: a Readable that starts paused, as in Node. Bytes are read (off the JS thread)
// only while someone consumes them, so an app that never reads stdin is not held open by it;
// pausing or destroying it abandons the pending read.
function inputStream() {
  const { Readable } = require('internal/streams/readable');
  const { Buffer } = require('buffer');
  let pending = false;
  let cancelling = false;

  const stream = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      const state = this._readableState;
      // Paused with nobody listening for 'readable': wait until resume() asks again.
      if (state.flowing !== true && !state.readableListening) {
        state.reading = false;
        return;
      }
      cancelling = false;
      if (!pending) readChunk();
    },
    destroy(err, callback) {
      cancel();
      callback(err);
    },
  });

  function readChunk() {
    pending = true;
    ops.op_process_read_stdin().then((bytes) => {
      pending = false;
      if (stream.destroyed) return;
      stream.push(bytes.length === 0 ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }, (error) => {
      pending = false;
      if (stream.destroyed) return;
      if (cancelling) {
        cancelling = false;
        // Let a later resume() start a new read; restart now if it already happened.
        stream._readableState.reading = false;
        if (stream._readableState.flowing) stream.read(0);
        return;
      }
      stream.destroy(error);
    });
  }

  function cancel() {
    if (pending) {
      cancelling = true;
      ops.op_process_stdin_cancel();
    }
  }
  stream.on('pause', cancel);

  Object.assign(stream, {
    fd: 0,
    ref() { return this; },
    unref() { return this; },
  });
  // As in Node, only a terminal stdin has raw mode.
  if (ops.op_process_tty_info(0).isTTY) {
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = function setRawMode(mode) {
      ops.op_tty_set_raw_mode(0, !!mode);
      this.isRaw = !!mode;
      return this;
    };
  }
  return stream;
}

// Made on first use, as in Node, so a script that never prints pays nothing for them.
function defineStream(name, create) {
  let stream;
  Object.defineProperty(process, name, {
    enumerable: true,
    configurable: true,
    get: () => (stream ??= create()),
    set(value) {
      stream = value;
    },
  });
}
defineStream('stdout', () => outputStream(1));
defineStream('stderr', () => outputStream(2));
defineStream('stdin', inputStream);

// Deprecated since Node 0.x but still shipped (and used by older CLIs): stdin, flowing.
process.openStdin = function openStdin() {
  process.stdin.resume();
  return process.stdin;
};

module.exports = process;

// ---------------------------------------------------------------------------------------------
// Signals: a listener for 'SIGINT' (or any signal but SIGKILL and SIGSTOP) catches it; once the
// last one is removed the signal has its default effect again (ops/signal.rs). Listening never
// keeps the process alive.

const caughtSignals = new Set();
let waitingForSignals = false;

function isSignalName(name) {
  return typeof name === 'string' && name.startsWith('SIG') && Object.hasOwn(require('os').constants.signals, name);
}

process.on('newListener', (name) => {
  if (caughtSignals.has(name) || !isSignalName(name)) return;
  const errno = ops.op_signal_listen(signalNumber(name));
  if (errno !== 0) throw uvError(errno, 'uv_signal_start');
  caughtSignals.add(name);
  waitForSignals();
});

process.on('removeListener', (name) => {
  if (!caughtSignals.has(name) || process.listenerCount(name) > 0) return;
  caughtSignals.delete(name);
  ops.op_signal_unlisten(signalNumber(name));
});

function waitForSignals() {
  if (waitingForSignals) return;
  waitingForSignals = true;
  const next = ops.op_signal_next();
  core.unrefOpPromise(next);
  require('internal/lifecycle').whenSettled(next, (numbers) => {
    waitingForSignals = false;
    waitForSignals();
    const names = require('os').constants.signals;
    for (const number of numbers) {
      for (const name of caughtSignals) if (names[name] === number) process.emit(name, name, number);
    }
  }, () => {
    waitingForSignals = false;
  });
}

// A child started by fork() gets process.send(), process.disconnect() and 'message' over the
// channel its parent named in the environment (internal/child_process/ipc).
if (process.env.PACK_CHANNEL_FD !== undefined || process.env.NODE_CHANNEL_FD !== undefined) {
  require('internal/child_process/ipc').setupChild(process);
}
