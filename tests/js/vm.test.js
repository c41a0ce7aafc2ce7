// vm: running code in this context and in sandbox contexts, and the argument errors.
'use strict';
const vm = require('vm');

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (error) {
    console.log(label, 'threw', error.name, error.code, error.message.split('\n')[0]);
  }
}

// The current realm.
show('runInThisContext', () => vm.runInThisContext('1 + 2'));
show('runInThisContext global var', () => {
  vm.runInThisContext('var vmTestGlobal = 42');
  return globalThis.vmTestGlobal;
});
show('runInThisContext no module scope', () => vm.runInThisContext('typeof require'));
show('Script reused', () => {
  const script = new vm.Script('vmTestGlobal += 1');
  script.runInThisContext();
  return script.runInThisContext();
});
show('syntax error', () => new vm.Script('x y'));
show('syntax error is SyntaxError', () => {
  try {
    vm.runInThisContext('(');
  } catch (error) {
    return error instanceof SyntaxError;
  }
});
show('thrown error passes through', () => vm.runInThisContext('throw new RangeError("boom")', 'file.js'));

// Sandbox contexts.
show('runInNewContext reads sandbox', () => vm.runInNewContext('a + b', { a: 1, b: 2 }));
show('declarations land on sandbox', () => {
  const sandbox = { a: 1 };
  vm.runInNewContext('var x = a + 1; y = 3; function f() { return x * 10; }', sandbox);
  return [Object.keys(sandbox).sort(), sandbox.x, sandbox.y, sandbox.f()];
});
show('caller globals untouched', () => [typeof globalThis.x, typeof globalThis.y, typeof globalThis.f]);
show('host globals hidden', () => vm.runInNewContext('[typeof require, typeof process, typeof Buffer, typeof setTimeout].join()'));
show('language globals visible', () => vm.runInNewContext('[typeof Object, typeof JSON, Math.max(1, 2), parseInt("7")].join()'));
show('undeclared name', () => vm.runInNewContext('notDefinedAnywhere'));
show('context persists', () => {
  const context = vm.createContext({ count: 0 });
  vm.runInContext('count += 1', context);
  vm.runInContext('var seen = count', context);
  return [context.count, vm.runInContext('count + seen', context)];
});
show('closures keep the sandbox', () => {
  const context = vm.createContext({ base: 5 });
  const add = vm.runInContext('(function (n) { return base + n; })', context);
  context.base = 100;
  return add(1);
});
show('sandbox shadows host global', () => vm.runInNewContext('process', { process: 'mine' }));
show('Script in contexts', () => {
  const script = new vm.Script('n * 2');
  return [script.runInNewContext({ n: 2 }), script.runInContext(vm.createContext({ n: 5 }))];
});
show('isContext', () => [vm.isContext(vm.createContext()), vm.isContext({})]);
show('createContext returns same object', () => {
  const sandbox = {};
  return vm.createContext(sandbox) === sandbox;
});

// compileFunction.
show('compileFunction', () => vm.compileFunction('return a + b', ['a', 'b'])(2, 3));
show('compileFunction extensions', () => vm.compileFunction('return k * 2', [], { contextExtensions: [{ k: 21 }] })());
show('new Function', () => new Function('a', 'return a * 3')(4));

// Argument errors, as Node reports them.
show('createContext(1)', () => vm.createContext(1));
show('runInContext plain object', () => vm.runInContext('1', {}));
show('runInNewContext(5)', () => vm.runInNewContext('1', 5));
show('compileFunction(1)', () => vm.compileFunction(1));
show('isContext(1)', () => vm.isContext(1));
show('Script bad options', () => new vm.Script('1', 5));
