'use strict';
// fs.watch (FSWatcher, on the runtime's inotify ops), fs.watchFile/unwatchFile (StatWatcher,
// polling with stat on timers) and fs.promises.watch (an async generator over an FSWatcher).
//
// An FSWatcher always has one `op_fs_watch_next` pending while open: a pending op keeps the
// event loop alive, so ref()/unref() ref or unref that promise (and each one after it).
// Paths inside the packed app's embedded files never change: watching one gives a watcher
// that never fires.

const EventEmitter = require('events');
const core = require('internal/core');
const utils = require('internal/fs/utils');
const operations = require('internal/fs/operations');
const vfs = require('internal/vfs');

const { ops } = core;
const { pathModule, invalidArgType } = utils;

// The longest delay a timer accepts: a timer that only holds the process open.
const FOREVER = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------
// Arguments and errors.

/** fs.watch's options: an encoding string or an object, with Node's defaults filled in. */
function watchOptions(options) {
  if (options === undefined || options === null || typeof options === 'function') options = {};
  else if (typeof options === 'string') options = { encoding: options };
  else if (typeof options !== 'object') throw invalidArgType('options', 'one of type string or object', options);
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  if (typeof recursive !== 'boolean') throw invalidArgType('options.recursive', 'of type boolean', recursive);
  // getOptions checks the encoding with Node's message.
  utils.getOptions({ encoding }, {});
  if (signal !== undefined && !(signal !== null && typeof signal === 'object' && 'aborted' in signal)) {
    throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  return { ...options, persistent: Boolean(persistent), recursive, encoding, signal };
}

/** The error fs.watch throws for a path it cannot watch: "ENOENT: ..., watch 'x'". */
function watchError(errno, filename) {
  const { code, message } = ops.op_os_errno_info(errno);
  const error = new Error(`${code}: ${message}, watch '${filename}'`);
  Object.assign(error, { errno: -errno, syscall: 'watch', code, path: filename, filename });
  return error;
}

/** The errno in an op failure ("<errno> watch"). */
function errnoOf(error) {
  const match = /^(\d+) /.exec(error && error.message);
  return match === null ? 5 /* EIO */ : Number(match[1]);
}

/** A throwing listener is an uncaught exception, as for any event-loop callback in Node. */
function emitSafely(emitter, ...args) {
  try {
    emitter.emit(...args);
  } catch (error) {
    require('internal/lifecycle').handleUncaughtException(error, 'uncaughtException');
  }
}

function abortError(signal) {
  const error = new Error('The operation was aborted', { cause: signal.reason });
  error.code = 'ABORT_ERR';
  error.name = 'AbortError';
  return error;
}

// ---------------------------------------------------------------------------------------------
// FSWatcher.

const kState = Symbol('state');

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    // id: the Rust watcher (null for an embedded path); pending: the op awaiting events;
    // keepAlive: the timer standing in for that op on an embedded path.
    this[kState] = {
      id: null, path: null, pending: null, keepAlive: null, refed: true, closed: false, started: false, encoding: 'utf8',
    };
  }

  /** Starts watching; throws Node's error when the path cannot be watched. */
  start(filename, persistent = true, recursive = false, encoding = 'utf8') {
    const state = this[kState];
    if (state.closed || state.started) return;
    const path = utils.toPath(filename, 'filename');
    state.encoding = encoding;
    state.refed = persistent !== false;
    if (watchesEmbeddedFile(path)) {
      state.keepAlive = setInterval(() => {}, FOREVER);
      if (!state.refed) state.keepAlive.unref();
    } else {
      try {
        state.id = ops.op_fs_watch_start(path, Boolean(recursive));
      } catch (error) {
        throw watchError(errnoOf(error), path);
      }
      state.path = path;
      waitForEvents(this);
    }
    state.started = true;
  }

  close() {
    const state = this[kState];
    if (state.closed) return;
    state.closed = true;
    release(state);
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    const state = this[kState];
    state.refed = true;
    if (state.pending !== null) core.refOpPromise(state.pending);
    if (state.keepAlive !== null) state.keepAlive.ref();
    return this;
  }

  unref() {
    const state = this[kState];
    state.refed = false;
    if (state.pending !== null) core.unrefOpPromise(state.pending);
    if (state.keepAlive !== null) state.keepAlive.unref();
    return this;
  }
}

/** Whether the embedded files own `path`; throws ENOENT for an embedded path that is missing. */
function watchesEmbeddedFile(path) {
  let absolute;
  try {
    absolute = pathModule.resolve(path);
  } catch {
    return false;
  }
  if (!vfs.owns(absolute)) return false;
  try {
    vfs.stat(absolute);
  } catch {
    throw watchError(2 /* ENOENT */, path);
  }
  return true;
}

/** Frees what keeps the watcher alive: the Rust watcher (ending its pending op) or the timer. */
function release(state) {
  if (state.id !== null) ops.op_fs_watch_close(state.id);
  state.id = null;
  if (state.keepAlive !== null) clearInterval(state.keepAlive);
  state.keepAlive = null;
}

function waitForEvents(watcher) {
  const state = watcher[kState];
  const pending = ops.op_fs_watch_next(state.id);
  state.pending = pending;
  if (!state.refed) core.unrefOpPromise(pending);
  pending.then(
    (events) => {
      state.pending = null;
      // No events: the watcher was closed while waiting.
      if (state.closed || events.length === 0) return;
      for (const [eventType, name] of events) {
        if (state.closed) return;
        emitSafely(watcher, 'change', eventType, utils.encodeName(name, state.encoding));
      }
      if (!state.closed) waitForEvents(watcher);
    },
    (error) => {
      state.pending = null;
      if (state.closed) return;
      // A failing watcher stops and reports the error (with no 'close', as close() was not called).
      state.closed = true;
      release(state);
      emitSafely(watcher, 'error', watchError(errnoOf(error), state.path));
    },
  );
}

/** fs.watch(filename[, options][, listener]) */
function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  const opts = watchOptions(options);
  const path = utils.toPath(filename);
  if (listener && typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
  const watcher = new FSWatcher();
  watcher.start(path, opts.persistent, opts.recursive, opts.encoding);
  if (listener) watcher.on('change', listener);
  const { signal } = opts;
  if (signal !== undefined) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// ---------------------------------------------------------------------------------------------
// fs.promises.watch: events as `{ eventType, filename }`, until the signal aborts or the loop
// stops. As in Node 20, the queue between iterations is unbounded (no maxQueue).

async function* watchPromises(filename, options = {}) {
  const path = utils.toPath(filename);
  if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
  const { persistent, recursive, encoding, signal } = watchOptions(options);
  if (signal !== undefined && signal.aborted) throw abortError(signal);

  const queue = [];
  let failure = null;
  let wake = null;
  const notify = () => {
    if (wake !== null) wake();
    wake = null;
  };
  const watcher = new FSWatcher();
  watcher.start(path, persistent, recursive, encoding);
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    notify();
  });
  watcher.on('error', (error) => {
    failure ??= error;
    notify();
  });
  if (signal !== undefined) signal.addEventListener('abort', notify, { once: true });
  try {
    for (;;) {
      if (signal !== undefined && signal.aborted) throw abortError(signal);
      if (failure !== null) throw failure;
      if (queue.length > 0) {
        yield queue.shift();
        continue;
      }
      await new Promise((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (signal !== undefined) signal.removeEventListener('abort', notify);
    watcher.close();
  }
}

// ---------------------------------------------------------------------------------------------
// StatWatcher: fs.watchFile polls with stat, as libuv's fs_poll does. The first stat is the
// baseline; later ones emit 'change' (curr, prev) when the file changed. A failing stat emits
// once per new error, with zeroed stats for `curr`; `prev` is always the last good stats.

const kPoll = Symbol('poll');
const ZERO_FIELDS = new Array(14).fill(0);
// What libuv compares to decide that a file changed.
const COMPARED = ['dev', 'ino', 'mode', 'uid', 'gid', 'size', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this[kPoll] = { timer: null, bigint: Boolean(bigint), refed: true, active: false };
  }

  start(filename, persistent = true, interval = 5007) {
    const poll = this[kPoll];
    if (poll.active) return;
    poll.active = true;
    poll.refed = persistent !== false;
    poll.path = utils.toPath(filename);
    poll.interval = Math.max(1, Number(interval) || 5007);
    poll.previous = utils.makeStats(ZERO_FIELDS, poll.bigint);
    poll.status = null;
    pollOnce(this);
  }

  stop() {
    const poll = this[kPoll];
    if (!poll.active) return;
    poll.active = false;
    if (poll.timer !== null) clearTimeout(poll.timer);
    poll.timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    const poll = this[kPoll];
    poll.refed = true;
    if (poll.timer !== null) poll.timer.ref();
    return this;
  }

  unref() {
    const poll = this[kPoll];
    poll.refed = false;
    if (poll.timer !== null) poll.timer.unref();
    return this;
  }
}

function pollOnce(watcher) {
  const poll = watcher[kPoll];
  poll.timer = null;
  operations.stat(false, poll.path, { bigint: poll.bigint }).then(
    (stats) => {
      if (!poll.active) return;
      const changed = poll.status !== null && (poll.status !== 'ok' || COMPARED.some((key) => stats[key] !== poll.previous[key]));
      const previous = poll.previous;
      poll.previous = stats;
      poll.status = 'ok';
      if (changed) emitSafely(watcher, 'change', stats, previous);
      scheduleNext(watcher);
    },
    (error) => {
      if (!poll.active) return;
      const status = error && error.code ? error.code : 'error';
      if (status !== poll.status) {
        poll.status = status;
        emitSafely(watcher, 'change', utils.makeStats(ZERO_FIELDS, poll.bigint), poll.previous);
      }
      scheduleNext(watcher);
    },
  );
}

function scheduleNext(watcher) {
  const poll = watcher[kPoll];
  if (!poll.active) return;
  poll.timer = setTimeout(pollOnce, poll.interval, watcher);
  if (!poll.refed) poll.timer.unref();
}

// One StatWatcher per absolute path, shared by every watchFile call on it.
const statWatchers = new Map();

/** fs.watchFile(filename[, options], listener) */
function watchFile(filename, options, listener) {
  const path = pathModule.resolve(utils.toPath(filename));
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const { interval = 5007, persistent = true, bigint = false } = options || {};
  if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
  let watcher = statWatchers.get(path);
  if (watcher === undefined) {
    watcher = new StatWatcher(bigint);
    watcher.start(path, persistent, interval);
    statWatchers.set(path, watcher);
  } else if (persistent) {
    watcher.ref();
  }
  watcher.on('change', listener);
  return watcher;
}

/** fs.unwatchFile(filename[, listener]): without a listener, removes them all. */
function unwatchFile(filename, listener) {
  const path = pathModule.resolve(utils.toPath(filename));
  const watcher = statWatchers.get(path);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchFile, unwatchFile, watchPromises };
