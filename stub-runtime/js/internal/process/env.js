// process.env: a Proxy, since only a Proxy can intercept assignments of new names and `delete`.
// Every value is stored as a string. The main thread's env writes through to the real
// environment, so child processes see it; a worker thread's env is its own copy (Node's
// default), unless the Worker was made with SHARE_ENV, when both threads read and write the
// real environment live.
'use strict';
const { nodeError } = require('internal/errors');
const { ops } = require('internal/core');

// Each env object's handler, whose `mode` shareLive() changes.
const handlers = new WeakMap();

function refresh(target) {
  const current = new Map(ops.op_process_env());
  for (const key of Object.keys(target)) {
    if (!current.has(key)) delete target[key];
  }
  for (const [key, value] of current) target[key] = value;
}

function store(target, key, value, mode) {
  if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const text = `${value}`;
  // The OS refuses some names ('', 'a=b'); Node then keeps nothing either.
  if (mode !== 'private' && !ops.op_process_set_env(key, text)) return;
  const nul = text.indexOf('\0');
  target[key] = nul === -1 ? text : text.slice(0, nul);
}

/**
 * An env object over `entries`. `writesThrough`: changes go to the real environment (the main
 * thread) rather than staying in this object (a worker's copy).
 */
function createEnv(entries, writesThrough) {
  const values = {};
  for (const [key, value] of entries) values[key] = value;
  const handler = {
    mode: writesThrough ? 'process' : 'private',
    get(target, key) {
      if (handler.mode === 'live' && typeof key === 'string') refresh(target);
      return target[key];
    },
    has(target, key) {
      if (handler.mode === 'live') refresh(target);
      return key in target;
    },
    ownKeys(target) {
      if (handler.mode === 'live') refresh(target);
      return Reflect.ownKeys(target);
    },
    set(target, key, value) {
      store(target, key, value, handler.mode);
      return true;
    },
    defineProperty(target, key, descriptor) {
      if ('get' in descriptor || 'set' in descriptor) {
        throw nodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!descriptor.configurable || !descriptor.writable || !descriptor.enumerable) {
        throw nodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      store(target, key, descriptor.value, handler.mode);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string' && handler.mode !== 'private') ops.op_process_remove_env(key);
      delete target[key];
      return true;
    },
  };
  const env = new Proxy(values, handler);
  handlers.set(env, handler);
  return env;
}

/** From now on `env` reads the real environment on every access: another thread shares it. */
function shareLive(env) {
  handlers.get(env).mode = 'live';
}

module.exports = { createEnv, shareLive };
