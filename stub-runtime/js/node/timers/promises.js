// `timers/promises`: the timers as promises and an async iterator, cancellable with an
// AbortSignal, built on `timers`.
'use strict';
const timers = require('timers');
const { nodeError, invalidArgType } = require('internal/errors');

// ---------------------------------------------------------------------------------------------
// Errors shaped like Node's.

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function abortedBy(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

/** Checks the shared arguments; returns `{ signal, ref }` or throws Node's error. */
function validateTimerArguments(delay, options) {
  if (delay !== undefined && typeof delay !== 'number') throw invalidArgType('delay', 'of type number', delay);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidArgType('options', 'of type object', options);
  }
  const { signal, ref = true } = options;
  // Node accepts anything shaped like a signal.
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') throw invalidArgType('options.ref', 'of type boolean', ref);
  return { signal, ref };
}

// ---------------------------------------------------------------------------------------------
// One-shot timers.

/**
 * Resolves with `value` once `schedule(callback)` calls back, unless `signal` aborts first.
 * `cancel(handle)` undoes `schedule`.
 */
function settleLater(schedule, cancel, value, signal, ref) {
  if (signal?.aborted) return Promise.reject(abortedBy(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel(handle);
      reject(abortedBy(signal));
    };
    const handle = schedule(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function setTimeout(delay, value, options = {}) {
  let checked;
  try {
    checked = validateTimerArguments(delay, options);
  } catch (error) {
    return Promise.reject(error);
  }
  const schedule = (callback) => timers.setTimeout(callback, delay);
  return settleLater(schedule, timers.clearTimeout, value, checked.signal, checked.ref);
}

function setImmediate(value, options = {}) {
  let checked;
  try {
    checked = validateTimerArguments(undefined, options);
  } catch (error) {
    return Promise.reject(error);
  }
  return settleLater(timers.setImmediate, timers.clearImmediate, value, checked.signal, checked.ref);
}

// ---------------------------------------------------------------------------------------------
// The interval iterator: yields `value` once per tick; ticks that pass while the consumer is
// busy are yielded as soon as it asks again, so none is lost.

async function* setInterval(delay, value, options = {}) {
  const { signal, ref } = validateTimerArguments(delay, options);
  if (signal?.aborted) throw abortedBy(signal);
  let pendingTicks = 0;
  // The consumer waiting for the next tick, as the settle functions of its promise.
  let waiting = null;
  const settle = (outcome, result) => {
    if (waiting === null) return;
    const callbacks = waiting;
    waiting = null;
    callbacks[outcome](result);
  };
  const interval = timers.setInterval(() => {
    pendingTicks++;
    settle('resolve');
  }, delay);
  const onAbort = () => {
    timers.clearInterval(interval);
    settle('reject', abortedBy(signal));
  };
  try {
    if (!ref) interval.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
    while (!signal?.aborted) {
      if (pendingTicks === 0) {
        await new Promise((resolve, reject) => {
          waiting = { resolve, reject };
        });
      }
      for (; pendingTicks > 0; pendingTicks--) yield value;
    }
    throw abortedBy(signal);
  } finally {
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// The scheduler (the Prioritized Task Scheduling API's wait and yield).

const kConstruct = Symbol('construct');

class Scheduler {
  #brand = true;

  constructor(key) {
    if (key !== kConstruct) throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#brand in self)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Scheduler');
    }
  }

  yield() {
    Scheduler.#check(this);
    return setImmediate();
  }

  wait(delay, options) {
    Scheduler.#check(this);
    return setTimeout(delay, undefined, options);
  }
}

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler: new Scheduler(kConstruct),
};
