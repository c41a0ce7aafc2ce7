// Runs once at start-up, before any app code: sets up the loader for the runtime's own modules,
// installs Node's globals, hands control to the CommonJS loader for the entry module, and
// evaluates to the function Rust calls once the event loop has nothing left to do.
((globalThis) => {
  'use strict';
  const core = Deno.core;

  // The runtime's own modules: `js/node/<id>.js` for public built-ins (`require('events')`),
  // `js/internal/<id>.js` for shared machinery. Each is compiled on first use, so start-up pays
  // only for the modules an app touches.
  const builtinCache = new Map([['internal/core', { exports: core }]]);
  // The most used ones come already compiled in the start-up snapshot (build.rs).
  const precompiled = globalThis.__packPrecompiled ?? new Map();
  delete globalThis.__packPrecompiled;

  // The source of a built-in compiled as a function of (exports, require, module).
  function compileBuiltin(id) {
    const file = id.startsWith('internal/') ? `${id}.js` : `node/${id}.js`;
    const source = core.ops.op_loader_builtin(file);
    if (source === null) {
      const error = new Error(`Cannot find module '${id}': it is not a built-in module of this runtime`);
      error.code = 'MODULE_NOT_FOUND';
      throw error;
    }
    const [compiled, failure] = core.compileFunction(source, `node:${id}`, undefined, ['exports', 'require', 'module']);
    if (failure !== null) throw failure.thrown;
    return compiled;
  }

  function requireBuiltin(id) {
    const cached = builtinCache.get(id);
    if (cached !== undefined) return cached.exports;
    const compiled = precompiled.get(id) ?? compileBuiltin(id);
    precompiled.delete(id);
    const module = { id, exports: {} };
    builtinCache.set(id, module);
    compiled.call(module.exports, module.exports, requireBuiltin, module);
    return module.exports;
  }

  const process = requireBuiltin('process');
  const timers = requireBuiltin('timers');
  const lifecycle = requireBuiltin('internal/lifecycle');

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  define('global', globalThis);
  define('process', process);
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
    define(name, timers[name]);
  }
  // Globals an app may never touch are compiled on first use.
  const defineLazy = (name, load) =>
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() {
        const value = load();
        define(name, value);
        return value;
      },
      set(value) {
        define(name, value);
      },
    });
  defineLazy('console', () => requireBuiltin('console'));
  const events = requireBuiltin('events');
  for (const name of ['EventTarget', 'Event', 'CustomEvent']) define(name, events[name]);
  const lazyGlobals = {
    AbortController: ['internal/abort_controller', 'AbortController'],
    AbortSignal: ['internal/abort_controller', 'AbortSignal'],
    performance: ['perf_hooks', 'performance'],
    Buffer: ['buffer', 'Buffer'],
    Blob: ['buffer', 'Blob'],
    File: ['buffer', 'File'],
    TextEncoder: ['internal/encoding', 'TextEncoder'],
    TextDecoder: ['internal/encoding', 'TextDecoder'],
    URL: ['internal/whatwg_url', 'URL'],
    URLSearchParams: ['internal/whatwg_url', 'URLSearchParams'],
    Crypto: ['internal/crypto/webcrypto', 'Crypto'],
    SubtleCrypto: ['internal/crypto/webcrypto', 'SubtleCrypto'],
    Headers: ['internal/fetch/headers', 'Headers'],
    Request: ['internal/fetch/request', 'Request'],
    Response: ['internal/fetch/response', 'Response'],
    FormData: ['internal/fetch/form_data', 'FormData'],
    MessageChannel: ['worker_threads', 'MessageChannel'],
    MessagePort: ['worker_threads', 'MessagePort'],
    BroadcastChannel: ['worker_threads', 'BroadcastChannel'],
    MessageEvent: ['internal/worker/ports', 'MessageEvent'],
  };
  for (const [name, [id, key]] of Object.entries(lazyGlobals)) {
    defineLazy(name, () => requireBuiltin(id)[key]);
  }
  // Enumerable, as in Node; they replace the engine's own, whose errors differ from Node's.
  const enumerableGlobals = [
    ['atob', 'buffer', 'atob'],
    ['btoa', 'buffer', 'btoa'],
    ['crypto', 'crypto', 'webcrypto'],
    ['fetch', 'internal/fetch/fetch', 'fetch'],
  ];
  for (const [name, id, key] of enumerableGlobals) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: true,
      get() {
        const value = requireBuiltin(id)[key];
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  define('structuredClone', function structuredClone(value, options) {
    return requireBuiltin('internal/worker/ports').structuredClone(...arguments);
  });
  Object.defineProperty(globalThis, Symbol.toStringTag, { value: 'global', configurable: true });

  core.setReportExceptionCallback((error) => lifecycle.handleUncaughtException(error, 'uncaughtException'));
  core.setUnhandledPromiseRejectionHandler((promise, reason) => lifecycle.handleUnhandledRejection(promise, reason));

  // App code sees Node's globals, not the engine's.
  delete globalThis.Deno;
  delete globalThis.__bootstrap;

  const modules = requireBuiltin('internal/modules');
  try {
    modules.runMain();
  } catch (error) {
    lifecycle.handleUncaughtException(error, 'uncaughtException');
  }
  // As in Node, the nextTick queue and promise jobs the main module left run before the event
  // loop's first timer, however long the module took.
  core.runNextTicks();

  return [lifecycle.beforeExit, lifecycle.exitFromLoop];
})(globalThis);
