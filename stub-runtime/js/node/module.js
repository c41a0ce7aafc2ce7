// `module`: the CommonJS loader's public face. `require('module')` is the Module class itself,
// as in Node, with the loader's statics on it; the machinery lives in internal/modules.
'use strict';
const loader = require('internal/modules');
const { Module } = loader;

Module.createRequire = loader.createRequire;
Module.isBuiltin = loader.isBuiltin;
Module.runMain = loader.runMain;
Module._nodeModulePaths = loader.nodeModulePaths;
Module._load = (request, parent, isMain) => loader.loadModule(request, parent ?? null, !!isMain);

// Built-ins resolve to their own name ('fs', or 'node:fs' when asked so); files to their path.
Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  const filename = loader.resolveFilename(request, parent ?? null, loader.searchBasesOf(options));
  return filename.startsWith('node:') && !request.startsWith('node:') ? request : filename;
};
Module._findPath = function _findPath(request, paths) {
  try {
    return Module._resolveFilename(request, null, false, { paths: paths ?? ['/'] });
  } catch {
    return false;
  }
};
Module._resolveLookupPaths = (request, parent) =>
  (loader.isBuiltin(request) ? null : loader.nodeModulePaths(parent?.path ?? process.cwd()));
Module._pathCache = Object.create(null);
Module.globalPaths = [];
Module._initPaths = () => {};
Module._preloadModules = () => {};

Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;

// Source maps of loaded modules are applied by the runtime itself and not exposed.
Module.findSourceMap = () => undefined;
Module.SourceMap = class SourceMap {
  constructor(payload) {
    this.payload = payload;
  }
};
// No ES module loader to keep in sync or hook: ES modules are compiled to CommonJS when packed.
Module.syncBuiltinESMExports = () => {};
Module.register = () => {};

module.exports = Module;
