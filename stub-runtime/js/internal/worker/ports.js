// MessageChannel, MessagePort and the structured cloning of messages between threads.
//
// A port is an id for one end of a channel whose queue lives in Rust (ops/worker.rs), so it
// can be read from any thread: transferring a port only sends its id. Messages are serialized
// with the engine's structured serializer (Deno.core.serialize), as Node uses V8's.
'use strict';
const core = require('internal/core');
const { nodeError, invalidArgType } = require('internal/errors');
const { whenSettled } = require('internal/lifecycle');

const ops = core.ops;
const kId = Symbol('kId');
const kState = Symbol('kState');
// Node-style listeners (`port.on`) are wrapped into EventTarget listeners; this maps back.
const kWrappers = Symbol('kWrappers');
// The engine's serializer cannot carry ports, errors or DataViews. Inside plain objects and
// arrays they travel as stand-ins, one-key objects under STAND_IN, and a message holding any
// is wrapped under WALKED so the receiver knows to rebuild them.
const STAND_IN = '__packStandIn';
const WALKED = '__packWalked';
const ERROR_TYPES = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

class MessageEvent extends Event {
  constructor(type, init = {}) {
    super(type);
    this.data = init.data;
    this.ports = init.ports ?? [];
  }
}

function dataCloneError(message) {
  let error;
  if (typeof DOMException === 'function') error = new DOMException(message, 'DataCloneError');
  else {
    error = new Error(message);
    error.name = 'DataCloneError';
    error.code = 25;
  }
  return error;
}

function standInFor(value, ports) {
  if (value instanceof MessagePort) {
    const index = ports.indexOf(value);
    if (index < 0) throw dataCloneError('Object that needs transfer was found in message but not listed in transferList');
    return { [STAND_IN]: ['port', index] };
  }
  if (value instanceof Error) {
    // As Node clones errors: the standard type by name, message and stack; nothing else.
    const name = Object.hasOwn(ERROR_TYPES, value.name) ? value.name : 'Error';
    return { [STAND_IN]: ['error', { name, message: `${value.message}`, stack: value.stack }] };
  }
  if (value instanceof DataView) {
    return { [STAND_IN]: ['view', new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice()] };
  }
  return undefined;
}

function isPlain(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

function replaceStandIns(value, ports, seen = new Set()) {
  if (value === null || typeof value !== 'object') return value;
  const standIn = standInFor(value, ports);
  if (standIn !== undefined) return standIn;
  if (seen.has(value) || !isPlain(value)) return value;
  seen.add(value);
  const copy = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) copy[key] = replaceStandIns(value[key], ports, seen);
  return copy;
}

function rebuild([kind, data], ports) {
  if (kind === 'port') return ports[data];
  if (kind === 'view') return new DataView(data.buffer, data.byteOffset, data.byteLength);
  const error = new ERROR_TYPES[data.name](data.message);
  Object.defineProperty(error, 'stack', { value: data.stack, writable: true, configurable: true });
  return error;
}

function restoreStandIns(value, ports) {
  if (value === null || typeof value !== 'object' || !isPlain(value)) return value;
  if (Array.isArray(value[STAND_IN]) && Object.keys(value).length === 1) return rebuild(value[STAND_IN], ports);
  for (const key of Object.keys(value)) value[key] = restoreStandIns(value[key], ports);
  return value;
}

/**
 * Serializes `value` for another thread. Ports in the transfer list travel by id and are
 * detached here; transferred ArrayBuffers are copied, then detached as Node's are.
 */
function serializeMessage(value, transferList) {
  const transfer = transferList === undefined || transferList === null ? [] : transferList;
  if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
    throw invalidArgType('transferList', 'an Array', transferList);
  }
  const list = [...transfer];
  const ports = list.filter((item) => item instanceof MessagePort);
  for (const port of ports) {
    if (port[kState].closed || port[kState].transferred) throw dataCloneError('MessagePort in transfer list is already detached');
  }
  if (typeof value === 'symbol') throw dataCloneError(`${String(value)} could not be cloned.`);
  let data;
  // Most messages need no stand-ins: try them as they are first.
  if (ports.length === 0) {
    try {
      data = core.serialize(value);
    } catch {
      data = undefined;
    }
  }
  if (data === undefined) {
    try {
      data = core.serialize({ [WALKED]: replaceStandIns(value, ports) });
    } catch (error) {
      if (error && error.name === 'DataCloneError') throw error;
      throw dataCloneError(`${describe(value)} could not be cloned.`);
    }
  }
  for (const item of list) {
    if (item instanceof ArrayBuffer && !item.detached) item.transfer();
  }
  const ids = ports.map((port) => port._detachForTransfer());
  return { data, ports: ids };
}

function describe(value) {
  try {
    return typeof value === 'function' ? String(value) : Object.prototype.toString.call(value);
  } catch {
    return 'value';
  }
}

function deserializeMessage(received) {
  const ports = received.ports.map((id) => new MessagePort(kId, id));
  const value = core.deserialize(received.data);
  const walked = value !== null && typeof value === 'object' && Object.hasOwn(value, WALKED) && Object.keys(value).length === 1;
  return { value: walked ? restoreStandIns(value[WALKED], ports) : value, ports };
}

/** The global structuredClone(value, { transfer }): a message to ourselves. */
function structuredClone(value, options) {
  if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw invalidArgType('options', 'of type object', options);
  }
  return deserializeMessage(serializeMessage(value, options?.transfer)).value;
}

class MessagePort extends EventTarget {
  constructor(key, id) {
    if (key !== kId) throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    this[kId] = id;
    this[kWrappers] = new Map();
    this[kState] = {
      messageListeners: 0,
      closeListeners: 0,
      started: false,
      refed: true,
      reading: undefined,
      closed: false,
      closeEmitted: false,
      transferred: false,
      onmessage: null,
      // Set by internal users (Worker): always read, ref'd only by them.
      internal: false,
    };
  }

  postMessage(value, transferList) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (transferList !== null && typeof transferList === 'object' && !Array.isArray(transferList) && 'transfer' in transferList) {
      transferList = transferList.transfer;
    }
    const state = this[kState];
    const message = serializeMessage(value, transferList);
    if (state.closed || state.transferred) return;
    ops.op_port_post(this[kId], message.data, message.ports);
  }

  start() {
    this[kState].started = true;
    this._read();
  }

  close() {
    const state = this[kState];
    if (state.closed || state.transferred) return;
    state.closed = true;
    ops.op_port_close(this[kId]);
    // The pending read sees the close and emits 'close'; without one, emit it here.
    if (state.reading === undefined) this._read();
  }

  ref() {
    this[kState].refed = true;
    this._updateRef();
    return this;
  }

  unref() {
    this[kState].refed = false;
    this._updateRef();
    return this;
  }

  hasRef() {
    const state = this[kState];
    return !state.closed && state.refed && (state.messageListeners > 0 || state.internal);
  }

  get onmessage() {
    return this[kState].onmessage;
  }

  set onmessage(handler) {
    const state = this[kState];
    if (state.onmessage) this.removeEventListener('message', state.onmessage);
    state.onmessage = typeof handler === 'function' ? handler : null;
    if (state.onmessage) {
      this.addEventListener('message', state.onmessage);
      this.start();
    }
  }

  addEventListener(type, listener, options) {
    super.addEventListener(type, listener, options);
    if (listener === null || listener === undefined) return;
    const state = this[kState];
    if (type === 'message') state.messageListeners++;
    if (type === 'close') state.closeListeners++;
    // Node starts a port as soon as it has a 'message' listener.
    if (type === 'message' || type === 'close') this._read();
  }

  removeEventListener(type, listener, options) {
    super.removeEventListener(type, listener, options);
    const state = this[kState];
    if (type === 'message' && state.messageListeners > 0) state.messageListeners--;
    if (type === 'close' && state.closeListeners > 0) state.closeListeners--;
    this._updateRef();
  }

  // Node's EventEmitter-style API on ports: 'message' listeners get the data itself.
  on(type, listener) {
    return this._addNodeListener(type, listener, false);
  }

  once(type, listener) {
    return this._addNodeListener(type, listener, true);
  }

  addListener(type, listener) {
    return this.on(type, listener);
  }

  off(type, listener) {
    const wrappers = this[kWrappers].get(type);
    const wrapper = wrappers?.get(listener);
    if (wrapper) {
      wrappers.delete(listener);
      this.removeEventListener(type, wrapper);
    }
    return this;
  }

  removeListener(type, listener) {
    return this.off(type, listener);
  }

  removeAllListeners(type) {
    const types = type === undefined ? [...this[kWrappers].keys()] : [type];
    for (const name of types) {
      for (const listener of [...(this[kWrappers].get(name)?.keys() ?? [])]) this.off(name, listener);
    }
    return this;
  }

  listenerCount(type) {
    return this[kWrappers].get(type)?.size ?? 0;
  }

  emit(type, ...args) {
    const event = new MessageEvent(type, { data: args[0] });
    return this.dispatchEvent(event);
  }

  _addNodeListener(type, listener, once) {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
    let wrappers = this[kWrappers].get(type);
    if (!wrappers) this[kWrappers].set(type, (wrappers = new Map()));
    const wrapper = (event) => {
      if (once) this.off(type, listener);
      if (type === 'message' || type === 'messageerror') listener.call(this, event.data);
      else listener.call(this);
    };
    wrappers.set(listener, wrapper);
    this.addEventListener(type, wrapper);
    return this;
  }

  _shouldRead() {
    const state = this[kState];
    return !state.transferred && (state.internal || state.started || state.messageListeners > 0 || state.closeListeners > 0 || state.closed);
  }

  _updateRef() {
    const state = this[kState];
    if (state.reading === undefined) return;
    if (this.hasRef()) core.refOpPromise(state.reading);
    else core.unrefOpPromise(state.reading);
  }

  _read() {
    const state = this[kState];
    if (state.reading !== undefined || state.closeEmitted || !this._shouldRead()) return;
    const promise = ops.op_port_recv(this[kId]);
    state.reading = promise;
    this._updateRef();
    whenSettled(promise, (received) => {
      state.reading = undefined;
      if (state.transferred) return;
      if (received === null) {
        this._emitClose();
        return;
      }
      this._deliver(received);
      this._read();
    }, () => {
      state.reading = undefined;
      this._emitClose();
    });
  }

  _deliver(received) {
    let message;
    try {
      message = deserializeMessage(received);
    } catch (error) {
      this.dispatchEvent(new MessageEvent('messageerror', { data: error }));
      return;
    }
    this.dispatchEvent(new MessageEvent('message', { data: message.value, ports: message.ports }));
  }

  _emitClose() {
    const state = this[kState];
    if (state.closeEmitted) return;
    state.closed = true;
    state.closeEmitted = true;
    this.dispatchEvent(new MessageEvent('close'));
  }

  // Gives this port's id to a message; this object no longer owns it.
  _detachForTransfer() {
    const state = this[kState];
    state.transferred = true;
    if (state.reading !== undefined) core.unrefOpPromise(state.reading);
    return this[kId];
  }

  get [Symbol.toStringTag]() {
    return 'MessagePort';
  }
}

/** A port over an existing id, for the runtime's own users (Worker, parentPort). */
function portFromId(id, internal = false) {
  const port = new MessagePort(kId, id);
  port[kState].internal = internal;
  return port;
}

class MessageChannel {
  constructor() {
    const [first, second] = ops.op_port_pair();
    this.port1 = new MessagePort(kId, first);
    this.port2 = new MessagePort(kId, second);
  }
}

/** Takes one queued message off the port without waiting: `{ message }`, or undefined. */
function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) throw invalidArgType('port', 'an instance of MessagePort', port);
  const received = ops.op_port_try_recv(port[kId]);
  if (received === null) return undefined;
  return { message: deserializeMessage(received).value };
}

module.exports = {
  MessageChannel,
  MessageEvent,
  MessagePort,
  kId,
  kState,
  portFromId,
  receiveMessageOnPort,
  serializeMessage,
  deserializeMessage,
  structuredClone,
};
