// node:readline/promises — readline's Interface whose question() returns a promise, plus Readline.
'use strict';
const { Interface: CallbackInterface } = require('internal/readline/interface');
const { invalidArgType } = require('internal/errors');

class AbortError extends Error {
  constructor(cause) {
    super('The operation was aborted', cause === undefined ? undefined : { cause });
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class Interface extends CallbackInterface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const signal = options && options.signal;
      if (signal) {
        if (typeof signal.aborted !== 'boolean') throw invalidArgType('options.signal', 'an instance of AbortSignal', signal);
        if (signal.aborted) return reject(new AbortError(signal.reason));
        const onAbort = () => reject(new AbortError(signal.reason));
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = resolve;
        resolve = (answer) => {
          signal.removeEventListener('abort', onAbort);
          settle(answer);
        };
      }
      super.question(query, options, resolve);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// Collects cursor/clear actions and writes them together on commit() (or at once with autoCommit).
class Readline {
  #stream;
  #pending = [];
  #autoCommit;

  constructor(stream, options = {}) {
    if (!stream || typeof stream.write !== 'function') throw invalidArgType('stream', 'an instance of Writable', stream);
    this.#stream = stream;
    this.#autoCommit = Boolean(options && options.autoCommit);
  }

  #add(data) {
    if (this.#autoCommit) process.nextTick(() => this.#stream.write(data));
    else this.#pending.push(data);
    return this;
  }

  cursorTo(x, y) {
    return this.#add(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`);
  }

  moveCursor(dx, dy) {
    let data = '';
    if (dx < 0) data += `\x1b[${-dx}D`;
    else if (dx > 0) data += `\x1b[${dx}C`;
    if (dy < 0) data += `\x1b[${-dy}A`;
    else if (dy > 0) data += `\x1b[${dy}B`;
    return data ? this.#add(data) : this;
  }

  clearLine(dir) {
    return this.#add(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K');
  }

  clearScreenDown() {
    return this.#add('\x1b[0J');
  }

  commit() {
    const data = this.#pending.join('');
    this.#pending = [];
    return new Promise((resolve) => this.#stream.write(data, () => resolve()));
  }

  rollback() {
    this.#pending = [];
    return this;
  }
}

module.exports = { Interface, Readline, createInterface };
