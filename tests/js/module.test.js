// module: createRequire, builtinModules, the loader's statics, require.resolve options.
'use strict';
const Module = require('module');
const path = require('path');

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (error) {
    console.log(label, 'threw', error.name, error.code, error.message.split('\n')[0]);
  }
}

show('is a function', () => typeof Module);
show('Module.Module', () => Module.Module === Module);
show('module instanceof', () => module instanceof Module);
show('require.main', () => require.main === module);
show('require.cache', () => require.cache[__filename] === module);
show('builtinModules', () => ['fs', 'path', 'vm', 'module'].every((name) => Module.builtinModules.includes(name)));
show('isBuiltin', () => [Module.isBuiltin('fs'), Module.isBuiltin('node:path'), Module.isBuiltin('left-pad')]);
show('wrap', () => Module.wrap('x'));
show('wrapper', () => Module.wrapper);
show('_extensions', () => Object.keys(Module._extensions));
show('require.extensions', () => require.extensions === Module._extensions);
show('_resolveFilename builtin', () => [Module._resolveFilename('fs'), Module._resolveFilename('node:fs')]);
show('_nodeModulePaths', () => Module._nodeModulePaths('/a/b/node_modules/c'));
show('createRequire builtin', () => Module.createRequire(__filename)('path') === path);
show('createRequire relative', () => Module.createRequire(__filename)('./module_helper.json').name);
show('createRequire url', () => Module.createRequire(`file://${__filename}`)('./module_helper.json').name);
show('createRequire dir', () => Module.createRequire(`${__dirname}/`)('./module_helper.json').name);
show('createRequire relative path', () => Module.createRequire('rel'));
show('createRequire number', () => Module.createRequire(5));
show('createRequire missing', () => Module.createRequire(`${__dirname}/`)('./nope-not-here'));
show('_load', () => Module._load('path') === path);
show('resolve paths', () => path.basename(require.resolve('./module_helper.json', { paths: [__dirname] })));
show('resolve builtin with paths', () => require.resolve('fs', { paths: ['/'] }));
show('resolve bad paths', () => require.resolve('x', { paths: 5 }));
show('resolve.paths builtin', () => require.resolve.paths('fs'));
show('json require', () => require('./module_helper.json').version);
show('_compile', () => {
  const m = new Module('virtual');
  m._compile('module.exports = __filename.endsWith("virtual.js") && typeof require', path.join(__dirname, 'virtual.js'));
  return m.exports;
});
show('module.require', () => module.require('path') === path);
