'use strict';
// node:events for the stub runtime: EventEmitter plus the static helpers
// (once, on, getEventListeners, ...) and a small EventTarget/Event fallback.
// Written from Node's documented behaviour; self-contained on purpose so it
// can load before any other built-in module exists.

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

let defaultMaxListeners = 10;

// ---------------------------------------------------------------------------
// Small value formatter, used only for error/warning messages. It mirrors the
// common shapes of util.inspect output without pulling in a util module.

const kInspectDepth = 2;
const kBreakLength = 80;

function quoteString(str) {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  const escaped = str
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
  if (quote === "'") return `'${escaped.replace(/'/g, "\\'")}'`;
  return `${quote}${escaped}${quote}`;
}

function formatKey(key) {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return key;
  return quoteString(key);
}

function formatFunction(fn) {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class')) {
    return fn.name ? `[class ${fn.name}]` : '[class (anonymous)]';
  }
  return fn.name ? `[Function: ${fn.name}]` : '[Function (anonymous)]';
}

function constructorName(obj) {
  let proto = Object.getPrototypeOf(obj);
  while (proto !== null) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value.name;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

function formatPrimitive(value) {
  switch (typeof value) {
    case 'string': return quoteString(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    default: return String(value); // undefined, boolean, null
  }
}

// Joins formatted entries on one line when short, else one per line.
function joinEntries(prefix, open, close, entries, indent) {
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const total = entries.reduce((n, e) => n + e.length, 0) + entries.length;
  const fitsOnLine = total + indent.length + prefix.length + 10 <= kBreakLength &&
    !entries.some((e) => e.includes('\n'));
  if (fitsOnLine) return `${prefix}${open} ${entries.join(', ')} ${close}`;
  const inner = `${indent}  `;
  return `${prefix}${open}\n${inner}${entries.join(`,\n${inner}`)}\n${indent}${close}`;
}

// Array items, with runs of holes shown as "<n empty items>".
function arrayEntries(array, format) {
  const entries = [];
  let holes = 0;
  const flushHoles = () => {
    if (holes > 0) entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
    holes = 0;
  };
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) {
      holes++;
      continue;
    }
    flushHoles();
    entries.push(format(array[i]));
  }
  flushHoles();
  return entries;
}

function inspect(value, depth = kInspectDepth, indent = '', seen = []) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return formatPrimitive(value);
  }
  if (typeof value === 'function') return formatFunction(value);
  if (seen.includes(value)) return '[Circular *1]';
  if (value instanceof Error) return String(value.stack || value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  const isArray = Array.isArray(value);
  const name = constructorName(value);
  let prefix;
  if (name === null) prefix = `[${isArray ? 'Array' : 'Object'}: null prototype] `;
  else if ((isArray && name === 'Array') || (!isArray && name === 'Object')) prefix = '';
  else prefix = isArray ? `${name}(${value.length}) ` : `${name} `;
  if (depth < 0) {
    // Too deep to show contents; node still shows an empty null-prototype object.
    if (name === null) return Reflect.ownKeys(value).length === 0 ? `${prefix}{}` : `[${prefix.trim().slice(1, -1)}]`;
    return `[${name}]`;
  }

  const next = seen.concat([value]);
  const childIndent = `${indent}  `;
  const child = (v) => inspect(v, depth - 1, childIndent, next);
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => `${child(k)} => ${child(v)}`);
    return joinEntries(`Map(${value.size}) `, '{', '}', entries, indent);
  }
  if (value instanceof Set) {
    return joinEntries(`Set(${value.size}) `, '{', '}', [...value].map(child), indent);
  }
  const entries = isArray ? arrayEntries(value, child) : [];
  for (const key of Reflect.ownKeys(value)) {
    if (isArray && (key === 'length' || /^\d+$/.test(key))) continue;
    if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    entries.push(`${formatKey(key)}: ${child(value[key])}`);
  }
  return joinEntries(prefix, isArray ? '[' : '{', isArray ? ']' : '}', entries, indent);
}

// ---------------------------------------------------------------------------
// Node-style errors (code property, "Name [CODE]: message" string form).

function codedError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', {
    value: code, enumerable: true, writable: true, configurable: true,
  });
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; },
    enumerable: false, writable: true, configurable: true,
  });
  return err;
}

// How Node describes the offending value in ERR_INVALID_ARG_TYPE messages.
function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function' && value.name) return ` Received function ${value.name}`;
  if (typeof value === 'object') {
    const name = constructorName(value);
    if (name) return ` Received an instance of ${name}`;
    return ` Received ${inspect(value, -1)}`;
  }
  let shown = inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function argLabel(name) {
  return name.includes('.') ? `"${name}" property` : `"${name}" argument`;
}

function invalidArgType(name, expected, value) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The ${argLabel(name)} must be ${expected}.${describeReceived(value)}`);
}

// Node prints big integers in range errors with "_" thousands separators.
function withSeparators(digits) {
  let out = '';
  let i = digits.length;
  for (; i > 3; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
  return `${digits.slice(0, i)}${out}`;
}

function describeOutOfRange(value) {
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
    const sign = value < 0 ? '-' : '';
    return sign + withSeparators(String(Math.abs(value)));
  }
  return inspect(value);
}

function outOfRange(name, range, value) {
  return codedError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${describeOutOfRange(value)}`);
}

function validateMaxListeners(n, name) {
  if (typeof n !== 'number') throw invalidArgType(name, 'of type number', n);
  if (n < 0 || Number.isNaN(n)) throw outOfRange(name, '>= 0', n);
}

function validateListener(listener) {
  if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

function validateOptionsObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType(name, 'of type object', value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal === undefined) return;
  const looksLikeSignal = signal !== null && typeof signal === 'object' && 'aborted' in signal;
  if (!looksLikeSignal) throw invalidArgType(name, 'an instance of AbortSignal', signal);
}

function makeAbortError(cause) {
  const err = new Error('The operation was aborted', cause === undefined ? undefined : { cause });
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

// queueMicrotask may be missing on a bare engine; a resolved promise is equivalent.
function microtask(fn) {
  if (typeof queueMicrotask === 'function') queueMicrotask(fn);
  else Promise.resolve().then(fn);
}

// process.nextTick when there is a process object, else a microtask.
function deferCall(fn, ...args) {
  const proc = globalThis.process;
  if (proc && typeof proc.nextTick === 'function') proc.nextTick(fn, ...args);
  else microtask(() => fn(...args));
}

// ---------------------------------------------------------------------------
// EventEmitter. A function constructor (not a class) so that old-style
// subclasses doing `EventEmitter.call(this)` keep working.

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.prototype[kCapture] = false;

EventEmitter.init = function init(opts) {
  // Give each instance its own table, unless a subclass already set one up.
  const protoEvents = Object.getPrototypeOf(this)?._events;
  if (this._events === undefined || this._events === protoEvents) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

function effectiveMaxListeners(emitter) {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateMaxListeners(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return effectiveMaxListeners(this);
};

// With captureRejections, a rejected promise returned by a listener is routed
// to the emitter's Symbol.for('nodejs.rejection') method or its 'error' event.
function routeRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  const previous = emitter[kCapture];
  try {
    emitter[kCapture] = false; // avoid looping if an 'error' listener rejects too
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

function watchForRejection(emitter, result, type, args) {
  if (result === undefined || result === null) return;
  try {
    const then = result.then;
    if (typeof then !== 'function') return;
    then.call(result, undefined, (err) => deferCall(routeRejection, emitter, err, type, args));
  } catch (err) {
    emitter.emit('error', err);
  }
}

function throwUnhandledError(args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) throw er;
  let shown;
  try {
    shown = inspect(er);
  } catch {
    shown = '[object]';
  }
  const err = codedError(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${shown})`);
  err.context = er;
  throw err;
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  let unhandledError = type === 'error';
  if (events !== undefined) {
    if (unhandledError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    unhandledError = unhandledError && events.error === undefined;
  } else if (!unhandledError) {
    return false;
  }
  if (unhandledError) throwUnhandledError(args);

  const handler = events[type];
  if (handler === undefined) return false;
  const capture = this[kCapture];
  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    if (capture) watchForRejection(this, result, type, args);
    return true;
  }
  // Iterate a snapshot: listeners added/removed during emit don't affect it.
  const snapshot = handler.slice();
  for (const listener of snapshot) {
    const result = listener.apply(this, args);
    if (capture) watchForRejection(this, result, type, args);
  }
  return true;
};

function emitLeakWarning(emitter, type, count, max) {
  const name = constructorName(emitter) || 'Object: null prototype';
  const warning = new Error(
    `Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners ` +
    `added to [${name}]. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`);
  warning.name = 'MaxListenersExceededWarning';
  warning.emitter = emitter;
  warning.type = type;
  warning.count = count;
  const proc = globalThis.process;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning(warning);
  } else if (typeof console !== 'undefined') {
    console.error(`${warning.name}: ${warning.message}`);
  }
}

function addListenerImpl(target, type, listener, prepend) {
  validateListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    // 'newListener' fires before the add; report the user's function, not a once wrapper.
    target.emit('newListener', type, listener.listener ?? listener);
    events = target._events; // the listener may have replaced the table
  }

  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener; // single listener stored bare, like node
    target._eventsCount++;
    return target;
  }
  let list;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = effectiveMaxListeners(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true; // warn once per event name
    emitLeakWarning(target, type, list.length, max);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerImpl(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerImpl(this, type, listener, true);
};

// A once wrapper removes itself before calling through; `.listener` points at
// the original so removeListener/listeners() can see through it. It is a bound
// function (named "bound onceWrapper", as in node) with its state as `this`.
function onceWrapper(...args) {
  if (this.fired) return undefined;
  this.target.removeListener(this.type, this.wrapFn);
  this.fired = true;
  return this.listener.apply(this.target, args);
}

function makeOnceWrapper(target, type, listener) {
  const state = { fired: false, target, type, listener, wrapFn: undefined };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  validateListener(listener);
  this.on(type, makeOnceWrapper(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  validateListener(listener);
  this.prependListener(type, makeOnceWrapper(this, type, listener));
  return this;
};

function isSameListener(stored, listener) {
  return stored === listener || stored.listener === listener;
}

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  validateListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;

  if (typeof list === 'function') {
    if (!isSameListener(list, listener)) return this;
    this._eventsCount--;
    if (this._eventsCount === 0) {
      this._events = Object.create(null);
    } else {
      delete events[type];
      if (events.removeListener !== undefined) {
        this.emit('removeListener', type, list.listener || listener);
      }
    }
    return this;
  }

  // Remove the most recently added match.
  let index = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (isSameListener(list[i], listener)) {
      index = i;
      break;
    }
  }
  if (index < 0) return this;
  // Mutate in place: emit() iterates a copy, so this is safe mid-emit.
  list.splice(index, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

function resetEvents(emitter) {
  emitter._events = Object.create(null);
  emitter._eventsCount = 0;
}

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  const removeAll = arguments.length === 0;

  // Fast path: nobody is listening for 'removeListener'.
  if (events.removeListener === undefined) {
    if (removeAll) {
      resetEvents(this);
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }

  if (removeAll) {
    // Remove 'removeListener' listeners last so they see every other removal.
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    resetEvents(this);
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last-in first-out, matching node's removal order.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const stored = events[type];
  if (stored === undefined) return [];
  const list = typeof stored === 'function' ? [stored] : stored.slice();
  return unwrap ? list.map((fn) => fn.listener || fn) : list;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

// An http server asks this once per request: a lone listener is counted without making an array.
function countListeners(emitter, type, listener) {
  const events = emitter._events;
  if (events === undefined) return 0;
  const stored = events[type];
  if (stored === undefined) return 0;
  if (typeof stored === 'function') return listener == null || isSameListener(stored, listener) ? 1 : 0;
  if (listener == null) return stored.length;
  return stored.filter((fn) => isSameListener(fn, listener)).length;
}
EventEmitter.prototype.listenerCount = function listenerCount(type, listener) {
  return countListeners(this, type, listener);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---------------------------------------------------------------------------
// Static configuration.

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(n) {
    validateMaxListeners(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
});

Object.defineProperty(EventEmitter, 'captureRejections', {
  enumerable: true,
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
});

const constantProps = {
  EventEmitter,
  usingDomains: false,
  captureRejectionSymbol: kRejection,
  errorMonitor: kErrorMonitor,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
};
for (const [key, value] of Object.entries(constantProps)) {
  Object.defineProperty(EventEmitter, key, {
    value,
    enumerable: !key.startsWith('kMax'), // node keeps the EventTarget symbols hidden
    writable: key === 'usingDomains',
    configurable: false,
  });
}

// ---------------------------------------------------------------------------
// EventTarget / Event / CustomEvent. Use the host's if it has them; otherwise
// a compact single-target implementation (no capture/bubble tree to walk).

const targetListeners = new WeakMap(); // our EventTarget -> Map(type -> records)

function buildEventClasses() {
  const eventState = new WeakMap();
  const NONE = 0;
  const AT_TARGET = 2;
  const now = () => (globalThis.performance?.now ? globalThis.performance.now() : Date.now());

  function stateOf(event) {
    const state = eventState.get(event);
    if (!state) throw invalidArgType('this', 'an instance of Event', event);
    return state;
  }

  class Event {
    constructor(type, options = undefined) {
      if (arguments.length === 0) {
        throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
      }
      if (options != null && typeof options !== 'object') {
        throw invalidArgType('options', 'of type object', options);
      }
      eventState.set(this, {
        type: `${type}`,
        bubbles: Boolean(options?.bubbles),
        cancelable: Boolean(options?.cancelable),
        composed: Boolean(options?.composed),
        defaultPrevented: false,
        timeStamp: now(),
        target: null,
        currentTarget: null,
        phase: NONE,
        stopped: false,
        stoppedImmediate: false,
        dispatching: false,
        inPassive: false,
      });
    }

    get type() { return stateOf(this).type; }
    get bubbles() { return stateOf(this).bubbles; }
    get cancelable() { return stateOf(this).cancelable; }
    get composed() { return stateOf(this).composed; }
    get defaultPrevented() { const s = stateOf(this); return s.cancelable && s.defaultPrevented; }
    get timeStamp() { return stateOf(this).timeStamp; }
    get isTrusted() { return false; }
    get target() { return stateOf(this).target; }
    get currentTarget() { return stateOf(this).currentTarget; }
    get srcElement() { return stateOf(this).target; }
    get eventPhase() { return stateOf(this).phase; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return stateOf(this).stopped; }
    set cancelBubble(value) { if (value) stateOf(this).stopped = true; }

    composedPath() {
      const s = stateOf(this);
      return s.dispatching ? [s.currentTarget] : [];
    }

    preventDefault() {
      const s = stateOf(this);
      if (s.cancelable && !s.inPassive) s.defaultPrevented = true;
    }

    stopPropagation() { stateOf(this).stopped = true; }

    stopImmediatePropagation() {
      const s = stateOf(this);
      s.stopped = true;
      s.stoppedImmediate = true;
    }

    initEvent(type, bubbles = false, cancelable = false) {
      const s = stateOf(this);
      if (s.dispatching) return;
      s.type = `${type}`;
      s.bubbles = Boolean(bubbles);
      s.cancelable = Boolean(cancelable);
    }

    get [Symbol.toStringTag]() { return 'Event'; }
  }
  Object.assign(Event, { NONE, CAPTURING_PHASE: 1, AT_TARGET, BUBBLING_PHASE: 3 });

  const customDetail = new WeakMap();
  class CustomEvent extends Event {
    constructor(type, options = undefined) {
      if (arguments.length === 0) {
        throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
      }
      super(type, options);
      customDetail.set(this, options?.detail ?? null);
    }

    get detail() { return customDetail.get(this); }

    get [Symbol.toStringTag]() { return 'CustomEvent'; }
  }

  function normalizeListenerOptions(options) {
    if (typeof options === 'boolean') return { capture: options, once: false, passive: false, signal: undefined };
    return {
      capture: Boolean(options?.capture),
      once: Boolean(options?.once),
      passive: Boolean(options?.passive),
      signal: options?.signal,
    };
  }

  function recordsFor(target, type, create) {
    let byType = targetListeners.get(target);
    if (!byType) {
      if (!create) return undefined;
      byType = new Map();
      targetListeners.set(target, byType);
    }
    let records = byType.get(type);
    if (!records && create) {
      records = [];
      byType.set(type, records);
    }
    return records;
  }

  function removeRecord(target, type, callback, capture) {
    const records = recordsFor(target, type, false);
    if (!records) return;
    const index = records.findIndex((r) => r.callback === callback && r.capture === capture);
    if (index < 0) return;
    records[index].removed = true; // a dispatch in progress must skip it
    records.splice(index, 1);
  }

  // Listener exceptions must not stop dispatch; surface them asynchronously.
  function reportException(err) {
    deferCall(() => { throw err; });
  }

  class EventTarget {
    constructor() {
      targetListeners.set(this, new Map());
    }

    addEventListener(type, callback, options = undefined) {
      if (arguments.length < 2) {
        throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
      }
      if (callback == null) return;
      const opts = normalizeListenerOptions(options);
      if (opts.signal?.aborted) return;
      type = `${type}`;
      const records = recordsFor(this, type, true);
      const duplicate = records.some((r) => r.callback === callback && r.capture === opts.capture);
      if (duplicate) return;
      records.push({ callback, ...opts, removed: false });
      if (opts.signal) {
        opts.signal.addEventListener('abort', () => {
          this.removeEventListener(type, callback, { capture: opts.capture });
        }, { once: true });
      }
    }

    removeEventListener(type, callback, options = undefined) {
      if (callback == null) return;
      removeRecord(this, `${type}`, callback, normalizeListenerOptions(options).capture);
    }

    dispatchEvent(event) {
      const s = eventState.get(event);
      if (!s) throw invalidArgType('event', 'an instance of Event', event);
      if (s.dispatching) {
        throw codedError(Error, 'ERR_EVENT_RECURSION', `The event "${s.type}" is already being dispatched`);
      }
      s.dispatching = true;
      s.target = this;
      s.currentTarget = this;
      s.phase = AT_TARGET;
      const records = recordsFor(this, s.type, false);
      for (const record of records ? records.slice() : []) {
        if (record.removed) continue;
        if (record.once) removeRecord(this, s.type, record.callback, record.capture);
        invokeListener(this, record, event, s);
        if (s.stoppedImmediate) break;
      }
      s.currentTarget = null;
      s.phase = NONE;
      s.dispatching = false;
      return !event.defaultPrevented;
    }

    get [Symbol.toStringTag]() { return 'EventTarget'; }
  }

  function invokeListener(target, record, event, state) {
    state.inPassive = record.passive;
    try {
      const { callback } = record;
      if (typeof callback === 'function') callback.call(target, event);
      else if (typeof callback.handleEvent === 'function') callback.handleEvent(event);
    } catch (err) {
      reportException(err);
    } finally {
      state.inPassive = false;
    }
  }

  return { Event, CustomEvent, EventTarget };
}

const eventClasses = typeof globalThis.EventTarget === 'undefined'
  ? buildEventClasses()
  : { Event: globalThis.Event, CustomEvent: globalThis.CustomEvent, EventTarget: globalThis.EventTarget };

function isEventTarget(obj) {
  if (obj === null || typeof obj !== 'object') return false;
  if (eventClasses.EventTarget && obj instanceof eventClasses.EventTarget) return true;
  return targetListeners.has(obj);
}

function isEventEmitter(obj) {
  return obj instanceof EventEmitter ||
    (obj !== null && typeof obj === 'object' && typeof obj.listeners === 'function' &&
      typeof obj.on === 'function');
}

// ---------------------------------------------------------------------------
// Static helpers.

function getEventListeners(emitterOrTarget, type) {
  if (isEventEmitter(emitterOrTarget) && typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    // Only our own EventTarget exposes its listener list.
    const records = targetListeners.get(emitterOrTarget)?.get(`${type}`) || [];
    return records.map((r) => r.callback);
  }
  throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return effectiveMaxListeners(emitterOrTarget);
  }
  if (isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[kMaxEventTargetListeners] ?? defaultMaxListeners;
  }
  throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateMaxListeners(n, 'setMaxListeners');
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of eventTargets) {
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target?.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw invalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', target);
    }
  }
}

function listenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return countListeners(emitter, type);
}

// Subscribe on either an EventEmitter or an EventTarget.
function subscribe(emitter, name, listener, once) {
  if (typeof emitter.on === 'function') {
    if (once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, { once });
  } else {
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
  }
}

function unsubscribe(emitter, name, listener) {
  if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
  else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(name, listener);
  else throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw invalidArgType('signal', 'an instance of AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateListener(listener);
  let removeFn = () => {};
  if (signal.aborted) {
    microtask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { once: true });
    removeFn = () => signal.removeEventListener('abort', listener);
  }
  return { __proto__: null, [kDispose]() { removeFn(); } };
}

// Resolves with the event's arguments; rejects if 'error' fires first.
async function once(emitter, name, options = {}) {
  validateOptionsObject(options, 'options');
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw makeAbortError(signal.reason);

  return new Promise((resolve, reject) => {
    const listensForError = name !== 'error' && typeof emitter.once === 'function';
    const cleanup = () => {
      if (listensForError) emitter.removeListener('error', onError);
      if (signal) signal.removeEventListener('abort', onAbort);
    };
    const onEvent = (...args) => {
      cleanup();
      resolve(args);
    };
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      cleanup();
      reject(err);
    };
    const onAbort = () => {
      unsubscribe(emitter, name, onEvent);
      cleanup();
      reject(makeAbortError(signal.reason));
    };
    subscribe(emitter, name, onEvent, true);
    if (listensForError) emitter.once('error', onError);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* generator() {}).prototype);

// Async iterator over an event: buffers events nobody awaited yet and hands
// them out in order; an 'error' event rejects the next read.
function on(emitter, event, options = undefined) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw makeAbortError(signal.reason);
  const closeEvents = options?.close ?? [];

  const queuedEvents = [];
  const waiting = [];
  let pendingError = null;
  let finished = false;

  function onEvent(...args) {
    if (waiting.length > 0) waiting.shift().resolve({ value: args, done: false });
    else queuedEvents.push(args);
  }

  function onError(err) {
    if (waiting.length > 0) waiting.shift().reject(err);
    else pendingError = err;
    close();
  }

  function onAbort() {
    onError(makeAbortError(signal.reason));
  }

  function close() {
    unsubscribe(emitter, event, onEvent);
    if (event !== 'error' && typeof emitter.removeListener === 'function') {
      emitter.removeListener('error', onError);
    }
    for (const name of closeEvents) unsubscribe(emitter, name, close);
    if (signal) signal.removeEventListener('abort', onAbort);
    finished = true;
    const done = { value: undefined, done: true };
    while (waiting.length > 0) waiting.shift().resolve(done);
    return Promise.resolve(done);
  }

  const iterator = Object.create(AsyncIteratorPrototype);
  Object.assign(iterator, {
    next() {
      if (queuedEvents.length > 0) return Promise.resolve({ value: queuedEvents.shift(), done: false });
      if (pendingError) {
        const failed = Promise.reject(pendingError);
        pendingError = null;
        return failed;
      }
      if (finished) return close();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      return close();
    },
    throw(err) {
      if (!(err instanceof Error)) {
        throw invalidArgType('EventEmitter.AsyncIterator', 'an instance of Error', err);
      }
      onError(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  });

  subscribe(emitter, event, onEvent, false);
  if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', onError);
  for (const name of closeEvents) subscribe(emitter, name, close, false);
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  return iterator;
}

const staticHelpers = {
  once, on, getEventListeners, getMaxListeners, setMaxListeners, listenerCount, addAbortListener,
};
for (const [key, value] of Object.entries(staticHelpers)) {
  Object.defineProperty(EventEmitter, key, {
    value, enumerable: true, writable: true, configurable: true,
  });
}

// Not part of node's events exports; non-enumerable so Object.keys matches.
for (const key of ['EventTarget', 'Event', 'CustomEvent']) {
  Object.defineProperty(EventEmitter, key, {
    value: eventClasses[key], enumerable: false, writable: true, configurable: true,
  });
}

module.exports = EventEmitter;
