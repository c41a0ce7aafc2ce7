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

// Exit status after stdout or stderr lost its reader: Node's (it dies of the uncaught EPIPE).
const CLOSED_OUTPUT_EXIT_CODE = 1;

/**
 * stdout or stderr is a pipe whose reader has gone (`app | head -1`) and nobody listens for the
 * error: end at once and quietly, with 'exit' listeners run. Writes made while exiting (by those
 * listeners) are dropped.
 */
function exitOnClosedOutput(callback = () => {}) {
  if (exiting) return callback();
  process.exitCode = CLOSED_OUTPUT_EXIT_CODE;
  try {
    emitExit();
  } catch {
    // An 'exit' listener threw; the output is gone, so there is nowhere to report it.
  }
  core.ops.op_process_exit(process.exitCode ?? CLOSED_OUTPUT_EXIT_CODE);
}

// EPIPE errors of stdout and stderr: uncaught, they end the process quietly.
const closedOutputErrors = new WeakSet();

function closedOutputError(error) {
  closedOutputErrors.add(error);
  return error;
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
    reportUncaught(error, 'uncaughtException');
  }
  core.runNextTicks();
  return true;
}

/** Called from Rust when the event loop has nothing left; returns the exit code. */
function exitFromLoop() {
  try {
    emitExit();
  } catch (error) {
    reportUncaught(error, 'uncaughtException');
  }
  return process.exitCode ?? 0;
}

// Node's exit codes for a process killed by an error: the error itself, an
// 'uncaughtException' listener that threw, and process._fatalException replaced by a
// non-function.
const UNCAUGHT_EXIT_CODE = 1;
const LISTENER_THREW_EXIT_CODE = 7;
const BROKEN_FATAL_HANDLER_EXIT_CODE = 6;

// Every uncaught error goes through the exported hook, which a worker thread replaces to hand
// its errors to the parent (internal/worker/main).
function reportUncaught(error, origin) {
  module.exports.handleUncaughtException(error, origin);
}

function handleUncaughtException(error, origin) {
  if (Object.prototype.hasOwnProperty.call(process, '_fatalException') && typeof process._fatalException !== 'function') {
    core.ops.op_process_exit(BROKEN_FATAL_HANDLER_EXIT_CODE);
  }
  const listened = process.listenerCount('uncaughtException') > 0;
  if (!listened && closedOutputErrors.has(error)) return exitOnClosedOutput();
  let code = UNCAUGHT_EXIT_CODE;
  // Listeners get their say even while the process exits: an 'exit' listener that throws
  // is theirs to handle, as in Node.
  if (listened) {
    try {
      process.emit('uncaughtException', error, origin);
      return;
    } catch (thrownByListener) {
      error = thrownByListener;
      code = LISTENER_THREW_EXIT_CODE;
    }
  }
  core.ops.op_process_write(2, require('internal/errors').formatUncaught(error, origin));
  process.exitCode = code;
  if (!exiting) {
    try {
      emitExit();
    } catch {
      // An 'exit' listener threw while the process was already dying: exit regardless.
    }
  }
  // An 'exit' listener may still have changed the code, as Node allows.
  core.ops.op_process_exit(process.exitCode ?? code);
}

/** Returns true when the rejection was handled (so deno_core reports nothing). */
function handleUnhandledRejection(promise, reason) {
  if (process.listenerCount('unhandledRejection') > 0) {
    process.emit('unhandledRejection', reason, promise);
    return true;
  }
  reportUncaught(reason, 'unhandledRejection');
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
    reportUncaught(error, 'uncaughtException');
  }
}

module.exports = { exit, exitOnClosedOutput, closedOutputError, beforeExit, exitFromLoop, handleUncaughtException, handleUnhandledRejection, whenSettled };
