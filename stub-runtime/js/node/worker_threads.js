// worker_threads: Worker, isMainThread, parentPort, workerData, threadId and message ports.
// Each Worker is a thread with its own engine and event loop (src/worker.rs) running a module
// of the app's bundle, or `eval` code; it talks to its parent over a MessagePort pair.
'use strict';
const core = require('internal/core');
const EventEmitter = require('events');
const { nodeError, invalidArgType } = require('internal/errors');
const { whenSettled } = require('internal/lifecycle');
const ports = require('internal/worker/ports');
const { MessageChannel, MessagePort, portFromId, receiveMessageOnPort, serializeMessage } = ports;

const ops = core.ops;
const info = ops.op_worker_info();
const isMainThread = info === null;
const threadId = isMainThread ? 0 : info.threadId;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const parentPort = isMainThread ? null : portFromId(info.parentPort);
const workerData = isMainThread ? null : info.start.workerData === null ? undefined : core.deserialize(new Uint8Array(info.start.workerData));

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kExit = Symbol('kExit');
const kStdioPort = Symbol('kStdioPort');

const environmentData = new Map();

function validateFilename(filename, options) {
  if (filename instanceof URL || (filename !== null && typeof filename === 'object' && typeof filename.href === 'string')) {
    if (filename.protocol === 'data:') throw nodeError(TypeError, 'ERR_PACK_UNAVAILABLE', 'data: URLs are not supported as worker filenames');
    return require('url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') throw invalidArgType('filename', 'of type string or an instance of URL', filename);
  if (options.eval) return filename;
  if (!filename.startsWith('/') && !filename.startsWith('./') && !filename.startsWith('../')) {
    throw nodeError(
      TypeError,
      'ERR_WORKER_PATH',
      `The worker script or module filename must be an absolute path or a relative path starting with './' or '../'. Received "${filename}"`,
    );
  }
  return require('path').resolve(filename);
}

function notBundled(filename) {
  const error = new Error(
    `Cannot find module '${filename}': worker files must be bundled with the app; ` +
      `add it with \`--include\` when packing (a file only named in new Worker(path) is not found by the packer)`,
  );
  error.code = 'MODULE_NOT_FOUND';
  error.requireStack = [];
  return error;
}

// The worker's process.env: a copy of `options.env` (default: this thread's process.env as it
// is now) that the worker changes on its own, or null for SHARE_ENV, the process's real one.
function workerEnv(env) {
  if (env === SHARE_ENV) {
    require('internal/process/env').shareLive(process.env);
    return null;
  }
  if (env === undefined) env = process.env;
  if (env === null || typeof env !== 'object') {
    throw invalidArgType('options.env', 'of type object or one of undefined, null, or worker.SHARE_ENV', env);
  }
  return Object.entries(env).map(([key, value]) => [key, `${value}`]);
}

function serializedWorkerData(options) {
  if (!('workerData' in options)) return null;
  return Array.from(serializeMessage(options.workerData, options.transferList).data);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    const path = validateFilename(filename, options);
    if (options.argv !== undefined && !Array.isArray(options.argv)) throw invalidArgType('options.argv', 'an instance of Array', options.argv);
    const key = options.eval ? path : require('internal/vfs').bundledModuleKey(path);
    const env = workerEnv(options.env);
    this[kExit] = { code: undefined, waiters: [], exited: false, refed: true, events: undefined, openPorts: 0 };
    this.resourceLimits = { ...options.resourceLimits };
    if (key === null) {
      this.threadId = -1;
      this.stdin = this.stdout = this.stderr = null;
      // As in Node, a missing file is the worker's error, then its exit.
      process.nextTick(() => {
        setImmediate(() => this._exited(1));
        this.emit('error', notBundled(path));
      });
      return;
    }
    const workerData = serializedWorkerData(options);
    const stdio = require('internal/worker/stdio').attachToWorker(this, options, MessageChannel);
    this[kExit].openPorts = 2;
    const spawned = ops.op_worker_spawn({
      target: key,
      eval: Boolean(options.eval),
      filename: options.eval ? '[worker eval]' : path,
      argv: (options.argv ?? []).map(String),
      workerData,
      name: options.name === undefined ? '' : String(options.name),
      env,
      stdio: stdio.spec,
    });
    this.threadId = spawned.threadId;
    this[kPort] = portFromId(spawned.port, true);
    this[kPort].on('message', (message) => this.emit('message', message));
    this[kPort].on('messageerror', (error) => this.emit('messageerror', error));
    this[kStdioPort] = stdio.port;
    for (const port of [this[kPort], this[kStdioPort]]) {
      port.on('close', () => {
        this[kExit].openPorts--;
        if (this[kExit].code !== undefined) this._exited(this[kExit].code);
      });
    }
    this[kPort].unref();
    this._nextEvent();
  }

  postMessage(value, transferList) {
    if (this[kPort] === undefined || this[kExit].exited) return;
    this[kPort].postMessage(value, transferList);
  }

  terminate(callback) {
    const state = this[kExit];
    const done = new Promise((resolve) => {
      if (state.exited) resolve(state.code);
      else state.waiters.push(resolve);
    });
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      done.then((code) => callback(null, code));
    }
    if (!state.exited && this.threadId > 0) ops.op_worker_terminate(this.threadId);
    return done;
  }

  ref() {
    this[kExit].refed = true;
    if (this[kExit].events) core.refOpPromise(this[kExit].events);
  }

  unref() {
    this[kExit].refed = false;
    if (this[kExit].events) core.unrefOpPromise(this[kExit].events);
  }

  getHeapSnapshot() {
    return Promise.reject(nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'heap snapshots are not available in this runtime'));
  }

  get performance() {
    return { eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }) };
  }

  // Online, error and exit come from the worker's thread, one op at a time.
  _nextEvent() {
    const state = this[kExit];
    const promise = ops.op_worker_next_event(this.threadId);
    state.events = promise;
    if (!state.refed) core.unrefOpPromise(promise);
    whenSettled(promise, (event) => {
      state.events = undefined;
      if (event === null) return;
      if (event.kind === 'online') this.emit('online');
      else if (event.kind === 'error') this.emit('error', require('internal/worker/errors').deserializeError(event.data));
      if (event.kind === 'exit') this._drainThenExit(event.code);
      else this._nextEvent();
    }, () => {
      state.events = undefined;
    });
  }

  // Messages and output the worker sent before it ended are delivered first: the 'close' of
  // both ports, which follows them, emits 'exit'. Until then the parent stays alive for them.
  _drainThenExit(code) {
    this[kExit].code = code;
    if (this[kExit].openPorts === 0) {
      this._exited(code);
      return;
    }
    for (const port of [this[kPort], this[kStdioPort]]) {
      port.ref();
      port[ports.kState].internal = true;
      port._updateRef();
      port.close();
    }
  }

  _exited(code) {
    const state = this[kExit];
    if (state.exited || state.openPorts > 0) return;
    state.exited = true;
    state.code = code;
    this.emit('exit', code);
    for (const resolve of state.waiters.splice(0)) resolve(code);
  }
}

function markAsUntransferable() {}

function isMarkedAsUntransferable() {
  return false;
}

function moveMessagePortToContext() {
  throw nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'vm contexts are not available in this runtime');
}

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

// BroadcastChannel: every channel of the same name in any thread of the process hears what
// one posts. Each is a member port in ops/worker.rs; like Node's, it keeps its thread alive
// until closed or unref'd.
const kMember = Symbol('kMember');
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    this.name = `${name}`;
    this.onmessage = null;
    const id = ops.op_broadcast_join(this.name);
    const port = portFromId(id, true);
    port.on('message', (data) => {
      if (this[kMember] === null) return;
      const event = new ports.MessageEvent('message', { data });
      if (typeof this.onmessage === 'function') this.onmessage(event);
      this.dispatchEvent(event);
    });
    this[kMember] = { id, port };
  }

  postMessage(message) {
    if (this[kMember] === null) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    ops.op_broadcast_post(this.name, this[kMember].id, serializeMessage(message).data);
  }

  close() {
    const member = this[kMember];
    if (member === null) return;
    this[kMember] = null;
    ops.op_broadcast_leave(this.name, member.id);
    member.port.close();
  }

  ref() {
    this[kMember]?.port.ref();
    return this;
  }

  unref() {
    this[kMember]?.port.unref();
    return this;
  }
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
