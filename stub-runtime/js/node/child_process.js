// `child_process`: running other programs. Many packages require this at start-up for a rarely
// used path (commander, for subcommands run as separate executables), so this file only points
// at the implementation under internal/child_process/, which loads on the first call.
'use strict';

const load = {
  process: () => require('internal/child_process/child_process'),
  exec: () => require('internal/child_process/exec'),
  sync: () => require('internal/child_process/sync'),
};

function spawn(file, args, options) {
  return load.process().spawn(file, args, options);
}

function fork(modulePath, args, options) {
  return load.process().fork(modulePath, args, options);
}

function exec(command, options, callback) {
  return load.exec().exec(command, options, callback);
}

function execFile(file, args, options, callback) {
  return load.exec().execFile(file, args, options, callback);
}

function spawnSync(file, args, options) {
  return load.sync().spawnSync(file, args, options);
}

function execSync(command, options) {
  return load.sync().execSync(command, options);
}

function execFileSync(file, args, options) {
  return load.sync().execFileSync(file, args, options);
}

// util.promisify(exec) and util.promisify(execFile) resolve { stdout, stderr }.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
for (const fn of [exec, execFile]) {
  let promisified;
  Object.defineProperty(fn, customPromisify, {
    enumerable: false,
    configurable: true,
    get: () => (promisified ??= load.exec().promisified(fn)),
  });
}

// Node's hook for a child started with an IPC channel; this runtime sets that up in `process`.
function _forkChild() {}

module.exports = {
  _forkChild,
  get ChildProcess() {
    return load.process().ChildProcess;
  },
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
