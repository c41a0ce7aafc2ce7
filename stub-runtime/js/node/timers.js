// `timers`: setTimeout/setInterval/setImmediate and their clear functions, on deno_core's timer
// lists and immediate queue, which already run in Node's phase order (timers, then I/O, then
// immediates, with the nextTick queue and microtasks drained between callbacks).
'use strict';
const core = require('internal/core');

// deno_core keeps a timer's ref state under a symbol of its own; this mirrors it for hasRef().
const kHasRef = Symbol('hasRef');

// Timeouts whose numeric id escaped through [Symbol.toPrimitive], so clearTimeout(id) can find them.
const timeoutsById = new Map();

class Timeout {
  ref() {
    core.refTimer(this);
    this[kHasRef] = true;
    return this;
  }
  unref() {
    core.unrefTimer(this);
    this[kHasRef] = false;
    return this;
  }
  hasRef() {
    return this[kHasRef];
  }
  refresh() {
    if (!this._destroyed) core.refreshTimer(this);
    return this;
  }
  close() {
    clearTimeout(this);
    return this;
  }
  [Symbol.toPrimitive]() {
    timeoutsById.set(this._timerId, this);
    return this._timerId;
  }
}

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const error = new TypeError(`The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
}

// deno_core calls the timer's `_onTimeout` as a method of the timer object, so giving that
// object Timeout's prototype makes `this` in the callback the Timeout, as in Node.
function createTimeout(callback, delay, args, repeat) {
  validateCallback(callback);
  const timer = core.createTimer(callback, delay, args.length === 0 ? undefined : args, repeat, true);
  timer[kHasRef] = true;
  return Object.setPrototypeOf(timer, Timeout.prototype);
}

function setTimeout(callback, delay, ...args) {
  return createTimeout(callback, delay, args, false);
}

function setInterval(callback, delay, ...args) {
  return createTimeout(callback, delay, args, true);
}

function clearTimeout(timer) {
  if (timer === null || timer === undefined) return;
  if (typeof timer === 'number' || typeof timer === 'string') {
    const known = timeoutsById.get(Number(timer));
    if (known === undefined) return;
    timer = known;
  }
  if (timer instanceof Timeout) {
    timeoutsById.delete(timer._timerId);
    core.cancelTimer(timer);
  }
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args.length === 0 ? undefined : args;
    this._destroyed = false;
    this[core.kRefed] = true;
    core.immediateRefCount(true);
    core.queueImmediate(this);
  }
  ref() {
    if (!this[core.kRefed] && !this._destroyed) {
      this[core.kRefed] = true;
      core.immediateRefCount(true);
    }
    return this;
  }
  unref() {
    if (this[core.kRefed] && !this._destroyed) {
      this[core.kRefed] = false;
      core.immediateRefCount(false);
    }
    return this;
  }
  hasRef() {
    return Boolean(this[core.kRefed]);
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (immediate instanceof Immediate) core.clearImmediate(immediate);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
  get promises() {
    return require('timers/promises');
  },
};
