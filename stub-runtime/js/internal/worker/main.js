// The start of a worker thread. The loader runs a tiny `[worker]` entry (src/worker.rs) that
// calls start() here with its own module object; start() turns that module into the worker's
// file (or `eval` code), so `require.main === module` holds there as in Node, after routing
// the thread's uncaught errors to the parent instead of the terminal.
'use strict';
const core = require('internal/core');
const process = require('process');
const lifecycle = require('internal/lifecycle');
const { serializeError } = require('internal/worker/errors');
const { Module } = require('internal/modules');
const workerEnv = require('internal/process/env');
const { installInWorker } = require('internal/worker/stdio');
const { portFromId } = require('internal/worker/ports');

const ops = core.ops;

// A worker's uncaught exception is the parent's 'error' event; the worker then exits with 1.
function onUncaughtException(error, origin) {
  if (process.listenerCount('uncaughtException') > 0) {
    try {
      process.emit('uncaughtException', error, origin);
      return;
    } catch (thrownByListener) {
      error = thrownByListener;
    }
  }
  ops.op_worker_report_error(serializeError(error));
  try {
    lifecycle.exit(1);
  } catch {
    ops.op_process_exit(1);
  }
}

function dirname(filename) {
  const slash = filename.lastIndexOf('/');
  return slash <= 0 ? '/' : filename.slice(0, slash);
}

function compile(source, filename) {
  const [compiled, failure] = core.compileFunction(source, `file://${filename}`, undefined, [
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
  ]);
  if (failure !== null) throw failure.thrown;
  return compiled;
}

// The env the parent gave (a copy of its own by default), or the process's, shared live.
function useWorkerEnv(entries) {
  if (entries === null) workerEnv.shareLive(process.env);
  else process.env = workerEnv.createEnv(entries, false);
}

/** Runs the worker's code as `module`, the thread's main module. */
function start(module, require) {
  // Every uncaught error of the thread (rejections included) goes through this hook, so
  // replacing it here redirects them all.
  lifecycle.handleUncaughtException = onUncaughtException;

  const { start: what } = ops.op_worker_info();
  const { root } = ops.op_loader_entry();
  const rootPrefix = root.endsWith('/') ? root : `${root}/`;
  delete Module._cache[module.filename];
  process.argv.splice(1, process.argv.length - 1, what.filename, ...what.argv);
  useWorkerEnv(what.env);
  installInWorker(process, what.stdio, portFromId);

  if (what.eval) {
    // Relative requires in eval code resolve from the working directory, as in Node.
    module.filename = `${process.cwd()}/[worker eval]`;
    module.path = process.cwd();
    module.id = '[worker eval]';
    require.main = undefined;
    compile(what.target, '/[worker eval]').call(module.exports, module.exports, require, module, '[worker eval]', '.');
    return;
  }
  const record = ops.op_loader_module(what.target);
  const filename = rootPrefix + what.target;
  module.filename = filename;
  module.path = dirname(filename);
  Module._cache[filename] = module;
  if (record.kind === 'json') {
    module.exports = JSON.parse(record.source);
    return;
  }
  compile(record.source, filename).call(module.exports, module.exports, require, module, filename, module.path);
}

module.exports = { start };
