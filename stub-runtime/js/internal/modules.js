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

/**
 * Returns `node:<name>` for built-ins, else the filename of a bundled module. `searchBases`
 * (require.resolve's `paths`) replaces the directories a specifier is looked up from.
 */
function resolveFilename(specifier, parent, searchBases) {
  if (typeof specifier !== 'string' || specifier === '') {
    const error = new TypeError(`The argument 'id' must be a non-empty string. Received ${String(specifier)}`);
    error.code = 'ERR_INVALID_ARG_VALUE';
    throw error;
  }
  const parentKey = parent?.filename ? keyOf(parent.filename) : null;
  const target = parentKey === null || searchBases ? undefined : recordOf(parentKey)?.dependencies.get(specifier);
  if (target !== undefined) {
    if (target.startsWith('!')) throw recordedFailure(target);
    return target.startsWith('node:') ? target : rootPrefix + target;
  }
  if (isBuiltin(specifier)) return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  const bases = searchBases ?? [parent?.filename ? dirname(parent.filename) : root];
  for (const base of bases) {
    const found = isRelative(specifier)
      ? resolveInBundle(resolvePath(base, specifier))
      : resolvePackageInBundle(specifier, base);
    if (found !== null) return found;
  }
  throw notFound(specifier, parent);
}

function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier === '.' || specifier === '..';
}

// `node_modules/<name>` in each ancestor of `base`, as Node's LOAD_NODE_MODULES, over bundled
// keys: the file itself, then its package.json `main`, then its index.
function resolvePackageInBundle(specifier, base) {
  for (const directory of nodeModulePaths(base)) {
    const candidate = `${directory}/${specifier}`;
    const found = resolveInBundle(candidate) ?? resolveMainInBundle(candidate);
    if (found !== null) return found;
  }
  return null;
}

function resolveMainInBundle(directory) {
  const key = keyOf(directory);
  const manifest = key === null ? null : recordOf(`${key}/package.json`);
  if (!manifest) return null;
  let main;
  try {
    main = JSON.parse(manifest.source).main;
  } catch {
    return null;
  }
  return typeof main === 'string' ? resolveInBundle(resolvePath(directory, main)) : null;
}

/** Node's `Module._nodeModulePaths`: `<dir>/node_modules` for `from` and each ancestor. */
function nodeModulePaths(from) {
  const paths = [];
  const parts = resolvePath('/', from).split('/').filter(Boolean);
  for (let end = parts.length; end >= 0; end--) {
    if (parts[end - 1] === 'node_modules') continue;
    paths.push(`/${[...parts.slice(0, end), 'node_modules'].join('/')}`);
  }
  return paths;
}

function makeRequire(module) {
  function require(specifier) {
    return loadModule(specifier, module);
  }
  require.resolve = (specifier, options) => {
    const filename = resolveFilename(specifier, module, searchBasesOf(options));
    return filename.startsWith('node:') && !specifier.startsWith('node:') ? specifier : filename;
  };
  require.resolve.paths = (specifier) => {
    if (isBuiltin(specifier)) return null;
    return nodeModulePaths(module.filename ? dirname(module.filename) : root);
  };
  require.main = mainModule;
  require.cache = Module._cache;
  require.extensions = Module._extensions;
  return require;
}

// require.resolve's `paths` option: directories to resolve from instead of the caller's.
function searchBasesOf(options) {
  if (options === undefined || options.paths === undefined) return undefined;
  if (!Array.isArray(options.paths)) {
    const { nodeError } = require('internal/errors');
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'options.paths' is invalid. Received ${require('util').inspect(options.paths)}`);
  }
  return options.paths.map((path) => resolvePath(root, path));
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
  module.paths = nodeModulePaths(module.path);
  if (isMain) {
    mainModule = module;
    require('process').mainModule = module;
  }
  // Cached before it runs, so a circular require sees the partial exports, as in Node.
  Module._cache[filename] = module;
  let threw = true;
  try {
    const loader = Module._extensions[extensionOf(filename)];
    if (typeof loader === 'function' && !defaultLoaders.has(loader)) loader(module, filename);
    else evaluate(module, recordOf(keyOf(filename)));
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  module.loaded = true;
  return module.exports;
}

function extensionOf(filename) {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '.js' : base.slice(dot);
}

// The source of a bundled module, as `Module._extensions` handlers read it.
function sourceForLoader(filename) {
  const key = keyOf(filename);
  const record = key === null ? null : recordOf(key);
  if (record) return record.source;
  return require('fs').readFileSync(filename, 'utf8');
}

// An app (or a tool like a require hook) may replace these; loading then goes through its own.
const jsLoader = (module, filename) => module._compile(sourceForLoader(filename), filename);
const jsonLoader = (module, filename) => evaluate(module, { kind: 'json', source: sourceForLoader(filename) });
const nodeLoader = (module, filename) => {
  throw new Error(`Cannot load native addon ${filename}: native addons are not supported by this runtime`);
};
Module._extensions = Object.assign(Object.create(null), { '.js': jsLoader, '.json': jsonLoader, '.node': nodeLoader });
const defaultLoaders = new Set([jsLoader, jsonLoader, nodeLoader]);

Module.prototype._compile = function _compile(content, filename) {
  evaluate(this, { kind: 'js', source: content }, filename);
};
Module.prototype.require = function moduleRequire(id) {
  return loadModule(id, this);
};

/** `module.createRequire(filename)`: a require resolving from `filename` (a path or file URL). */
function createRequire(filename) {
  let path = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') path = filename.href;
  if (typeof path === 'string' && path.startsWith('file://')) path = decodeURIComponent(path.slice(7));
  if (typeof path !== 'string' || !path.startsWith('/')) {
    const { nodeError } = require('internal/errors');
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      'The argument \'filename\' must be a file URL object, file URL string, or absolute path string.' +
      ` Received ${require('util').inspect(filename)}`);
  }
  // A directory path (trailing slash) resolves from inside that directory, as in Node.
  const proxyPath = path.endsWith('/') ? `${path}noop.js` : path;
  const module = new Module(proxyPath, null);
  module.filename = proxyPath;
  module.path = dirname(proxyPath);
  module.paths = nodeModulePaths(module.path);
  return makeRequire(module);
}

function evaluate(module, record, filename = module.filename) {
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
    `file://${filename}`,
    undefined,
    ['exports', 'require', 'module', '__filename', '__dirname'],
  );
  if (failure !== null) throw failure.thrown;
  compiled.call(module.exports, module.exports, makeRequire(module), module, filename, dirname(filename));
}

/** Original source of a bundled module by filename, for error reports; null when not bundled. */
function sourceOf(filename) {
  const key = keyOf(filename);
  return key === null ? null : ops.op_loader_original_source(key);
}

function runMain() {
  loadModule(rootPrefix + entry, null, true);
}

module.exports = {
  Module,
  runMain,
  isBuiltin,
  sourceOf,
  createRequire,
  nodeModulePaths,
  loadModule,
  resolveFilename,
  searchBasesOf,
};
