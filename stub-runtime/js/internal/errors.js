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

/**
 * Makes `error.stack` start with `label` in place of the error's name, as Node's coded errors
 * do ("TypeError [ERR_X]: ..."). The engine formats a stack when it is first read, which costs
 * about 0.2 ms here, and most coded errors are caught and never shown: so the label goes in
 * then, not now.
 */
function labelStack(error, label) {
  const engineStack = stackGetter(error);
  if (engineStack === undefined) {
    error.stack = relabel(error.stack, label, error);
    return;
  }
  const settle = (target, value) =>
    Object.defineProperty(target, 'stack', { value, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, 'stack', {
    get() {
      const stack = relabel(engineStack.call(this), label, this);
      settle(this, stack);
      return stack;
    },
    set(value) {
      settle(this, value);
    },
    configurable: true,
    enumerable: false,
  });
}

/** The engine's lazy `stack` getter of an error, if it has one (own or inherited). */
function stackGetter(error) {
  for (let object = error; object !== null; object = Object.getPrototypeOf(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, 'stack');
    if (descriptor !== undefined) return descriptor.get;
  }
  return undefined;
}

/** `stack` with its header ("Name: message") naming `label` instead. */
function relabel(stack, label, error) {
  if (typeof stack !== 'string') return stack;
  const header = `${error.name}`;
  return stack.startsWith(header) ? label + stack.slice(header.length) : stack;
}

/** An error with Node's `code`, whose stack's first line reads "TypeError [ERR_X]: ...". */
function nodeError(Base, code, message) {
  const error = new Base(message);
  labelStack(error, `${Base.name} [${code}]`);
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

module.exports = { formatUncaught, received, nodeError, invalidArgType, labelStack };
