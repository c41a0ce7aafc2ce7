// Error helpers shared by the built-ins, and the report printed for an uncaught error.
'use strict';

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
  return `${sourceContext(error)}${thrown}\n`;
}

// The file:line and source line where the error was thrown, as Node prints above the stack.
function sourceContext(error) {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frame = /file:\/\/([^\s()]+):(\d+):(\d+)/.exec(stack);
  if (frame === null) return '';
  const [, filename, line, column] = frame;
  const source = sourceLine(filename, Number(line));
  if (source === null) return '';
  return `${filename}:${line}\n${source}\n${' '.repeat(Math.max(0, Number(column) - 1))}^\n\n`;
}

function sourceLine(filename, line) {
  const text = require('internal/modules').sourceOf(filename)?.split('\n')[line - 1];
  return text === undefined ? null : text;
}

module.exports = { formatUncaught };
