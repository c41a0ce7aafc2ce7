// How the process ends: a normal exit once the event loop is empty, process.exit(), and the
// uncaught exception and unhandled rejection rules (listeners first, else print and exit 1).
'use strict';
const process = require('process');
const core = require('internal/core');

let exiting = false;

// Emits 'exit' once, whichever way the process ends.
function emitExit() {
  if (exiting) return;
  exiting = true;
  process._exiting = true;
  process.emit('exit', process.exitCode ?? 0);
}

function exit(code) {
  if (code !== undefined) process.exitCode = code;
  emitExit();
  core.ops.op_process_exit(process.exitCode ?? 0);
}

/**
 * Called from Rust each time the event loop runs dry: emits 'beforeExit' and says whether a
 * listener ran (it may have scheduled more work, which Rust then checks for).
 */
function beforeExit() {
  if (exiting || process.listenerCount('beforeExit') === 0) return false;
  try {
    process.emit('beforeExit', process.exitCode ?? 0);
  } catch (error) {
    handleUncaughtException(error, 'uncaughtException');
  }
  core.runNextTicks();
  return true;
}

/** Called from Rust when the event loop has nothing left; returns the exit code. */
function exitFromLoop() {
  try {
    emitExit();
  } catch (error) {
    handleUncaughtException(error, 'uncaughtException');
  }
  return process.exitCode ?? 0;
}

function handleUncaughtException(error, origin) {
  if (!exiting && process.listenerCount('uncaughtException') > 0) {
    try {
      process.emit('uncaughtException', error, origin);
      return;
    } catch (thrownByListener) {
      error = thrownByListener;
    }
  }
  core.ops.op_process_write(2, require('internal/errors').formatUncaught(error, origin));
  process.exitCode = 1;
  if (!exiting) {
    try {
      emitExit();
    } catch {
      // An 'exit' listener threw while the process was already dying: exit regardless.
    }
  }
  core.ops.op_process_exit(1);
}

/** Returns true when the rejection was handled (so deno_core reports nothing). */
function handleUnhandledRejection(promise, reason) {
  if (process.listenerCount('unhandledRejection') > 0) {
    process.emit('unhandledRejection', reason, promise);
    return true;
  }
  handleUncaughtException(reason, 'unhandledRejection');
  return true;
}

/**
 * Like `promise.then(onValue, onError)` for an op's promise, except that an exception thrown by
 * either callback is an uncaught exception, as one thrown from an I/O callback is in Node, not
 * a rejection of a promise nobody holds.
 */
function whenSettled(promise, onValue, onError) {
  promise.then(
    (value) => runCallback(onValue, value),
    (error) => runCallback(onError, error),
  );
}

function runCallback(callback, argument) {
  try {
    callback(argument);
  } catch (error) {
    handleUncaughtException(error, 'uncaughtException');
  }
}

module.exports = { exit, beforeExit, exitFromLoop, handleUncaughtException, handleUnhandledRejection, whenSettled };
