// AbortController and AbortSignal (globals in Node), over the runtime's EventTarget.
'use strict';
const { EventTarget, Event } = require('events');

// Module-private state: only this file can create signals or abort them.
const kCreate = Symbol('create');
const kAborted = Symbol('aborted');
const kReason = Symbol('reason');

// The default reasons are DOMExceptions, as in Node (code 20 and 23 come with the names).
function abortError() {
  return new DOMException('This operation was aborted', 'AbortError');
}

function timeoutError() {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort');
  if (typeof signal.onabort === 'function') signal.onabort.call(signal, event);
  signal.dispatchEvent(event);
}

class AbortSignal extends EventTarget {
  constructor(key) {
    if (key !== kCreate) throw new TypeError('Illegal constructor');
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    this.onabort = null;
  }

  get aborted() {
    return this[kAborted];
  }

  get reason() {
    return this[kReason];
  }

  throwIfAborted() {
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = abortError()) {
    const signal = new AbortSignal(kCreate);
    abortSignal(signal, reason);
    return signal;
  }

  static timeout(milliseconds) {
    const signal = new AbortSignal(kCreate);
    // A timeout signal alone must not keep the process alive, as in Node.
    setTimeout(() => abortSignal(signal, timeoutError()), milliseconds).unref();
    return signal;
  }

  static any(signals) {
    const signal = new AbortSignal(kCreate);
    const aborted = signals.find((source) => source.aborted);
    if (aborted) {
      abortSignal(signal, aborted.reason);
      return signal;
    }
    for (const source of signals) {
      source.addEventListener('abort', () => abortSignal(signal, source.reason), { once: true });
    }
    return signal;
  }
}

class AbortController {
  #signal = new AbortSignal(kCreate);

  get signal() {
    return this.#signal;
  }

  abort(reason = abortError()) {
    abortSignal(this.#signal, reason);
  }
}

module.exports = { AbortController, AbortSignal };
