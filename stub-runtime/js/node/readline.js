// node:readline — line-by-line reading of a stream, questions, and terminal cursor helpers.
'use strict';
const { Interface } = require('internal/readline/interface');
const { emitKeypressEvents } = require('internal/readline/keys');
const { cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline/ansi');

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

// Loaded lazily: readline/promises itself builds on this module.
Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() {
    return require('readline/promises');
  },
});
