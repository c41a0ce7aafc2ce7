// `process`: the app's view of its own process. An EventEmitter ('exit', 'warning',
// 'uncaughtException', 'unhandledRejection') with fields filled from the runtime's ops.
'use strict';
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

// The Node release whose API this runtime follows; packages feature-test against it.
const NODE_VERSION = '20.11.1';

Object.assign(process, {
  title: 'pack',
  version: `v${NODE_VERSION}`,
  versions: { node: NODE_VERSION, pack: '0.1.0' },
  release: { name: 'node' },
  argv: info.argv,
  argv0: info.argv[0],
  execArgv: [],
  execPath: info.execPath,
  pid: info.pid,
  ppid: info.ppid,
  platform: info.platform,
  arch: info.arch,
  env: ops.op_process_env(),
  config: { variables: {} },
  features: {},
});

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
process.cwd = () => ops.op_process_cwd();
process.uptime = () => ops.op_process_hrtime() / 1e9;
process.hrtime = function hrtime(previous) {
  const now = ops.op_process_hrtime();
  let seconds = Math.floor(now / 1e9);
  let nanos = Math.floor(now - seconds * 1e9);
  if (previous !== undefined) {
    seconds -= previous[0];
    nanos -= previous[1];
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    }
  }
  return [seconds, nanos];
};
process.hrtime.bigint = () => BigInt(Math.floor(ops.op_process_hrtime()));

process.nextTick = function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const error = new TypeError(`The "callback" argument must be of type function. Received ${describe(callback)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  core.queueNextTick({ callback, args: args.length === 0 ? undefined : args, snapshot: core.getAsyncContext() });
};

process.emitWarning = function emitWarning(warning, type, code) {
  let options = type;
  if (typeof options !== 'object' || options === null) options = { type, code };
  let error = warning;
  if (typeof warning === 'string') {
    error = new Error(warning);
    error.name = options.type || 'Warning';
    if (options.code !== undefined) error.code = options.code;
    if (options.detail !== undefined) error.detail = options.detail;
  }
  if (error.name === 'DeprecationWarning' && process.noDeprecation) return;
  process.nextTick(() => process.emit('warning', error));
};

// Warnings print to stderr unless the app silences them, as `node` does.
process.on('warning', (warning) => {
  const prefix = warning.code ? `[${warning.code}] ` : '';
  let text = `(node:${process.pid}) ${prefix}${warning.name}: ${warning.message}\n`;
  if (warning.detail) text += `${warning.detail}\n`;
  ops.op_process_write(2, text);
});

function describe(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') return 'an instance of ' + (value.constructor?.name ?? 'Object');
  return `type ${typeof value} (${String(value)})`;
}

function standardStream(fd) {
  return {
    fd,
    isTTY: false,
    writable: true,
    write(chunk, encoding, callback) {
      if (typeof encoding === 'function') callback = encoding;
      ops.op_process_write(fd, typeof chunk === 'string' ? chunk : core.decode(chunk));
      if (typeof callback === 'function') process.nextTick(callback);
      return true;
    },
    end(chunk, encoding, callback) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') this.write(chunk, encoding);
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function');
      if (done) process.nextTick(done);
    },
    on() { return this; },
    once() { return this; },
    emit() { return false; },
    removeListener() { return this; },
  };
}
process.stdout = standardStream(1);
process.stderr = standardStream(2);

module.exports = process;
