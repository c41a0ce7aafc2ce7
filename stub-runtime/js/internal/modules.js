// The CommonJS loader: `require`, `module`, `exports`, `__filename`, `__dirname`, the module
// cache and circular requires, over the modules in the payload. Resolution of literal
// specifiers happened at pack time (each module carries its specifier -> target table); only
// specifiers the packer never saw (`require(variable)`) are resolved here, among bundled files.
'use strict';
const core = require('internal/core');
const ops = core.ops;

const { entry, root } = ops.op_loader_entry();
// Module keys hang off this prefix; the root is `/` when a project reaches outside its directory.
const rootPrefix = root.endsWith('/') ? root : `${root}/`;
const builtinNames = new Set(ops.op_loader_builtin_names());

function dirname(filename) {
  const slash = filename.lastIndexOf('/');
  return slash <= 0 ? '/' : filename.slice(0, slash);
}

// Joins and normalises a `/`-separated path, resolving `.` and `..`.
function resolvePath(base, specifier) {
  const parts = specifier.startsWith('/') ? [] : base.split('/');
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return '/' + parts.filter(Boolean).join('/');
}

function keyOf(filename) {
  return filename.startsWith(rootPrefix) ? filename.slice(rootPrefix.length) : null;
}

function isBuiltin(specifier) {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return builtinNames.has(name);
}

function Module(id = '', parent = null) {
  this.id = id;
  this.path = '.';
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false });
  if (parent) parent.children.push(this);
}

Module._cache = Object.create(null);
Module.builtinModules = [...builtinNames].sort();
Module.isBuiltin = isBuiltin;
Module.Module = Module;

// Records fetched from the payload, by key; `null` marks a key that is not in the bundle.
const records = new Map();
function recordOf(key) {
  if (!records.has(key)) {
    const record = ops.op_loader_module(key);
    if (record !== null) record.dependencies = new Map(record.dependencies);
    records.set(key, record);
  }
  return records.get(key);
}

// Node's LOAD_AS_FILE then LOAD_INDEX, over bundled keys only.
const FILE_SUFFIXES = ['', '.js', '.json', '.cjs', '.mjs', '.ts', '/index.js', '/index.json', '/index.cjs'];

function resolveInBundle(filename) {
  const key = keyOf(filename);
  if (key === null) return null;
  for (const suffix of FILE_SUFFIXES) {
    if (recordOf(key + suffix)) return `${rootPrefix}${key}${suffix}`;
  }
  return null;
}

function notFound(specifier, parent) {
  const stack = [];
  for (let module = parent; module; module = module.parent) if (module.filename) stack.push(`- ${module.filename}`);
  const error = new Error(`Cannot find module '${specifier}'\nRequire stack:\n${stack.join('\n')}`);
  error.code = 'MODULE_NOT_FOUND';
  error.requireStack = stack.map((line) => line.slice(2));
  return error;
}

// The packer records `!<CODE> <message>` for an optional require Node would refuse.
function recordedFailure(target) {
  const space = target.indexOf(' ');
  const error = new Error(target.slice(space + 1));
  error.code = target.slice(1, space);
  return error;
}

/** Returns `node:<name>` for built-ins, else the filename of a bundled module. */
function resolveFilename(specifier, parent) {
  if (typeof specifier !== 'string' || specifier === '') {
    const error = new TypeError(`The argument 'id' must be a non-empty string. Received ${String(specifier)}`);
    error.code = 'ERR_INVALID_ARG_VALUE';
    throw error;
  }
  const parentKey = parent?.filename ? keyOf(parent.filename) : null;
  const target = parentKey === null ? undefined : recordOf(parentKey)?.dependencies.get(specifier);
  if (target !== undefined) {
    if (target.startsWith('!')) throw recordedFailure(target);
    return target.startsWith('node:') ? target : rootPrefix + target;
  }
  if (isBuiltin(specifier)) return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier === '.' || specifier === '..') {
    const base = parent?.filename ? dirname(parent.filename) : root;
    const found = resolveInBundle(resolvePath(base, specifier));
    if (found !== null) return found;
  }
  throw notFound(specifier, parent);
}

function makeRequire(module) {
  function require(specifier) {
    return loadModule(specifier, module);
  }
  require.resolve = (specifier) => {
    const filename = resolveFilename(specifier, module);
    return filename.startsWith('node:') && !specifier.startsWith('node:') ? specifier : filename;
  };
  require.resolve.paths = (specifier) => (isBuiltin(specifier) ? null : []);
  require.main = mainModule;
  require.cache = Module._cache;
  return require;
}

let mainModule;

function loadModule(specifier, parent, isMain = false) {
  const filename = resolveFilename(specifier, parent);
  if (filename.startsWith('node:')) return require(filename.slice(5));

  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }

  const module = new Module(isMain ? '.' : filename, parent);
  module.filename = filename;
  module.path = dirname(filename);
  if (isMain) {
    mainModule = module;
    require('process').mainModule = module;
  }
  // Cached before it runs, so a circular require sees the partial exports, as in Node.
  Module._cache[filename] = module;
  let threw = true;
  try {
    evaluate(module, recordOf(keyOf(filename)));
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  module.loaded = true;
  return module.exports;
}

function evaluate(module, record) {
  if (record.kind === 'json') {
    try {
      module.exports = JSON.parse(record.source);
    } catch (error) {
      error.message = `${module.filename}: ${error.message}`;
      throw error;
    }
    return;
  }
  const [compiled, failure] = core.compileFunction(
    record.source,
    `file://${module.filename}`,
    undefined,
    ['exports', 'require', 'module', '__filename', '__dirname'],
  );
  if (failure !== null) throw failure.thrown;
  compiled.call(module.exports, module.exports, makeRequire(module), module, module.filename, module.path);
}

/** Original source of a bundled module by filename, for error reports; null when not bundled. */
function sourceOf(filename) {
  const key = keyOf(filename);
  return key === null ? null : ops.op_loader_original_source(key);
}

function runMain() {
  loadModule(rootPrefix + entry, null, true);
}

module.exports = { Module, runMain, isBuiltin, sourceOf };
