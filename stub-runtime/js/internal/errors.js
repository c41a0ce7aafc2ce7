// Error helpers shared by the built-ins, and the report printed for an uncaught error.
'use strict';

/** The " Received ..." tail of Node's argument errors. */
function received(value) {
  if (value === null || value === undefined) return ` Received ${value}`;
  if (typeof value === 'function') return ` Received function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return ` Received an instance of ${value.constructor.name}`;
    return ` Received ${require('util').inspect(value, { depth: -1 })}`;
  }
  let shown = require('util').inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

/** An error with Node's `code`, whose stack's first line reads "TypeError [ERR_X]: ...". */
function nodeError(Base, code, message) {
  const error = new Base(message);
  Object.defineProperty(error, 'name', { value: `${Base.name} [${code}]`, configurable: true, writable: true });
  void error.stack;
  delete error.name;
  error.code = code;
  // String(error) shows the code too, as Node's own errors do.
  Object.defineProperty(error, 'toString', {
    value() {
      return `${this.name} [${code}]: ${this.message}`;
    },
    configurable: true,
    writable: true,
  });
  return error;
}

function invalidArgType(name, expected, value) {
  const what = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" ${what} must be ${expected}.${received(value)}`);
}

/** The text printed to stderr when an error ends the process, shaped like Node's report. */
function formatUncaught(error, origin) {
  const { inspect } = require('util');
  if (typeof inspect !== 'function') {
    // util itself failed to load (the error being reported may be that failure).
    return `${error instanceof Error ? error.stack : String(error)}\n`;
  }
  if (origin === 'unhandledRejection' && !(error instanceof Error)) {
    const reason = inspect(error);
    return (
      `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ` +
      `or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".] {\n` +
      `  code: 'ERR_UNHANDLED_REJECTION'\n}\n`
    );
  }
  const thrown = error instanceof Error ? inspect(error) : `Uncaught ${inspect(error)}`;
  // Node ends the report with its release, so bug reports say what ran the code.
  return `${sourceContext(error)}${thrown}\n\nNode.js ${process.version}\n`;
}

// The file:line and source line where the error was thrown, as Node prints above the stack.
function sourceContext(error) {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frame = /file:\/\/([^\s()]+):(\d+):(\d+)/.exec(stack);
  if (frame === null) return '';
  const [, filename, line, column] = frame;
  const source = sourceLine(filename, Number(line));
  if (source === null) return '';
  return `${filename}:${line}\n${source}\n${' '.repeat(throwColumn(source, Number(column) - 1))}^\n\n`;
}

// The engine records where an error was created; Node marks where it was thrown. For the usual
// `throw new Error(...)` the two share a line, and the caret moves back to the `throw`.
function throwColumn(source, column) {
  const before = /\bthrow\s+$/.exec(source.slice(0, Math.max(0, column)));
  return before === null ? Math.max(0, column) : before.index;
}

function sourceLine(filename, line) {
  const text = require('internal/modules').sourceOf(filename)?.split('\n')[line - 1];
  return text === undefined ? null : text;
}

module.exports = { formatUncaught, received, nodeError, invalidArgType };
