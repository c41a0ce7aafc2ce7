// `vm`: compiling and running code the app builds at run time.
//
// In the current realm (`runInThisContext`, `Script#runInThisContext`, `compileFunction`) code
// runs exactly as Node runs it: the engine evaluates it as a script in the one global scope.
//
// This engine gives us a single realm, so a "new context" is an approximation. The code runs in
// the current realm inside `with (scope)`, where `scope` is a proxy over the sandbox object:
// - names the sandbox has resolve to the sandbox (reads and writes);
// - the runtime's own globals (process, Buffer, setTimeout, ...) are hidden (read as undefined);
// - the language's built-ins (Object, Array, JSON, ...) stay visible;
// - top-level `var`, function declarations and assignments to undeclared names land on the real
//   global object first; once the run ends they are moved onto the sandbox and removed from the
//   global again, so the caller's realm is left as it was.
// Functions created in a context keep the `with` scope, so they keep seeing the sandbox after
// the run. Known limits (see the tests/js/vm.test.js cases): built-ins are shared with the
// caller (`[] instanceof Array` holds across contexts, prototypes are not separate), top-level
// `this` is the real global, not the sandbox, `let`/`const` do not persist between runs of
// the same context, reading an undeclared name gives undefined rather than a ReferenceError when
// the runtime has a global of that name, a leading 'use strict' does not apply (the code sits in
// a `with` block, which strict code cannot contain), stack frames name `eval` rather than the
// filename, and `timeout`/`breakOnSigint`/`lineOffset`/`columnOffset` are not applied.
'use strict';
const core = require('internal/core');
const { nodeError, invalidArgType } = require('internal/errors');

// The language's own globals: visible inside every context, as each V8 context has its own.
const LANGUAGE_GLOBALS = new Set([
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined',
  'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError',
  'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'globalThis', 'JSON', 'Math',
  'Intl', 'ArrayBuffer', 'SharedArrayBuffer', 'Atomics', 'Uint8Array', 'Int8Array', 'Uint16Array',
  'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray',
  'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
  'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI', 'decodeURIComponent', 'encodeURI',
  'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'WebAssembly', 'console',
]);

// Sandbox object -> its scope proxy. A WeakMap, so a context lives as long as its sandbox.
const contexts = new WeakMap();

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType(name, 'of type object', value);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

// `options` may be an object or, as in Node, just the filename.
function normalizeOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined) return {};
  validateObject(options, 'options');
  if (options.filename !== undefined) validateString(options.filename, 'options.filename');
  return options;
}

function isContext(object) {
  validateObject(object, 'object');
  return contexts.has(object);
}

function createContext(contextObject = {}, options) {
  validateObject(contextObject, 'object');
  if (options !== undefined) validateObject(options, 'options');
  if (!contexts.has(contextObject)) contexts.set(contextObject, makeScope(contextObject));
  return contextObject;
}

function validateContext(contextifiedObject) {
  if (contextifiedObject === null || typeof contextifiedObject !== 'object' || !contexts.has(contextifiedObject)) {
    throw invalidArgType('contextifiedObject', 'an vm.Context', contextifiedObject);
  }
}

// The names the runtime put on the global object, hidden from contexts (refreshed per run, as
// globals appear lazily).
let hostGlobals = new Set();

function isHidden(name) {
  return typeof name === 'string' && hostGlobals.has(name) && !LANGUAGE_GLOBALS.has(name);
}

// The proxy a context's code runs under (`with (scope) { ... }`) and, for `globalThis` inside
// the context, a view that reads the sandbox first and the language's built-ins after.
function makeScope(sandbox) {
  let globalView;
  const scope = new Proxy(sandbox, {
    has(target, name) {
      if (name === Symbol.unscopables) return false;
      return name in target || isHidden(name) || name === 'globalThis';
    },
    get(target, name) {
      if (name === Symbol.unscopables) return undefined;
      if (name in target) return target[name];
      if (name === 'globalThis') return globalView;
      if (isHidden(name)) return undefined;
      return globalThis[name];
    },
    set(target, name, value) {
      target[name] = value;
      return true;
    },
  });
  globalView = new Proxy(sandbox, {
    get(target, name) {
      if (name in target) return target[name];
      return LANGUAGE_GLOBALS.has(name) ? globalThis[name] : undefined;
    },
  });
  return scope;
}

// A key under which the `with` statement finds the scope; present on the global only while a
// context's code starts.
const SCOPE_KEY = '__packVmScope';

function runInScope(source, sandbox) {
  const scope = contexts.get(sandbox);
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  hostGlobals = before;
  Object.defineProperty(globalThis, SCOPE_KEY, { value: scope, configurable: true });
  // The wrapper stays on the first line, so line numbers in stacks are the code's own.
  const wrapped = `with (globalThis.${SCOPE_KEY}) {${source}\n}`;
  try {
    // An indirect eval, not evaluate(): only eval code makes deletable globals, and the
    // context's declarations must leave the real global again.
    return indirectEval(wrapped);
  } finally {
    delete globalThis[SCOPE_KEY];
    adoptNewGlobals(before, sandbox);
  }
}

// Declarations and implicit globals the code made on the real global belong to the context.
function adoptNewGlobals(before, sandbox) {
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (before.has(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!(name in sandbox)) sandbox[name] = 'value' in descriptor ? descriptor.value : globalThis[name];
    delete globalThis[name];
  }
}

const indirectEval = globalThis.eval;

// The engine names scripts by URL: a path becomes a file URL, a bare name ('evalmachine.<anonymous>')
// a `vm:` one, so stack traces still show the name.
function specifierOf(filename) {
  if (filename.startsWith('/')) return `file://${encodeURI(filename)}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(filename)) return filename;
  return `vm:${encodeURI(filename)}`;
}

function evaluate(source, filename) {
  const [result, failure] = core.evalContext(source, specifierOf(filename));
  if (failure !== null) throw failure.thrown;
  return result;
}

// Compiles without running, so a syntax error surfaces from `new Script`, as in Node.
function checkSyntax(code, filename) {
  const [, failure] = core.compileFunction(code, specifierOf(filename), undefined, []);
  if (failure !== null && failure.isCompileError) throw failure.thrown;
}

class Script {
  constructor(code, options) {
    const { filename = 'evalmachine.<anonymous>', cachedData } = normalizeOptions(options);
    this._code = `${code}`;
    this._filename = filename;
    checkSyntax(this._code, filename);
    // No code cache is exchanged with the app: supplied data is always "rejected".
    if (cachedData !== undefined) this.cachedDataRejected = true;
  }

  runInThisContext(options) {
    if (options !== undefined) validateObject(options, 'options');
    return evaluate(this._code, this._filename);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    if (options !== undefined) validateObject(options, 'options');
    return runInScope(this._code, contextifiedObject);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, contextOptionsOf(options));
    return this.runInContext(context, runOptionsOf(options));
  }

  createCachedData() {
    return require('buffer').Buffer.alloc(0);
  }
}

// runInNewContext's options mix context options and run options; each half goes its own way.
function contextOptionsOf(options) {
  return typeof options === 'object' && options !== null ? {} : undefined;
}
function runOptionsOf(options) {
  return typeof options === 'object' && options !== null ? options : undefined;
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext();
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  return new Script(code, options).runInContext(contextifiedObject);
}

function runInNewContext(code, contextObject, options) {
  if (contextObject !== undefined) validateObject(contextObject, 'object');
  return new Script(code, options).runInNewContext(contextObject ?? {}, typeof options === 'object' ? options : undefined);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  if (!Array.isArray(params)) throw invalidArgType('params', 'an instance of Array', params);
  params.forEach((param, index) => validateString(param, `params[${index}]`));
  validateObject(options, 'options');
  const { filename = '', parsingContext, contextExtensions = [] } = options;
  if (parsingContext !== undefined) validateContext(parsingContext);
  if (!Array.isArray(contextExtensions)) {
    throw invalidArgType('options.contextExtensions', 'an instance of Array', contextExtensions);
  }
  if (parsingContext === undefined && contextExtensions.length === 0) {
    const [compiled, failure] = core.compileFunction(code, specifierOf(filename), undefined, params);
    if (failure !== null) throw failure.thrown;
    return compiled;
  }
  return compileInScopes(code, params, filename, parsingContext, contextExtensions);
}

// A function whose free names see the extensions first, then the context: each becomes a `with`.
function compileInScopes(code, params, filename, parsingContext, extensions) {
  const withs = extensions.map((_, index) => `with (arguments[${index}])`).join(' ');
  const source = `(function () { ${withs} return function (${params.join(', ')}) {${code}\n}; })`;
  const factory = parsingContext === undefined ? evaluate(source, filename) : runInScope(source, parsingContext);
  return factory(...extensions);
}

function measureMemory() {
  return Promise.reject(nodeError(Error, 'ERR_CONTEXT_NOT_INITIALIZED', 'context used is not initialized'));
}

module.exports = {
  Script,
  createContext,
  createScript: (code, options) => new Script(code, options),
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants: Object.freeze({
    USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
    DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
  }),
};
