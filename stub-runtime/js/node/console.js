// `console`: the global console, writing formatted lines straight to fd 1 and 2.
'use strict';
const { formatWithOptions, inspect } = require('util');
const core = require('internal/core');

function writer(fd) {
  return (...args) => core.ops.op_process_write(fd, formatWithOptions({}, ...args) + '\n');
}

const log = writer(1);
const error = writer(2);
const counts = new Map();
const timers = new Map();
let groupIndent = '';

function indented(write) {
  return (...args) => {
    if (groupIndent === '') return write(...args);
    const text = formatWithOptions({}, ...args).replace(/^/gm, groupIndent);
    return write(text);
  };
}

const console = {
  log: indented(log),
  info: indented(log),
  debug: indented(log),
  error: indented(error),
  warn: indented(error),
  trace: indented((...args) => {
    const trace = new Error(formatWithOptions({}, ...args));
    trace.name = 'Trace';
    error(trace.stack);
  }),
  dir: (value, options) => log(inspect(value, { customInspect: false, ...options })),
  assert(condition, ...args) {
    if (!condition) console.warn('Assertion failed' + (args.length ? ': ' + formatWithOptions({}, ...args) : ''));
  },
  count(label = 'default') {
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    console.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    counts.delete(label);
  },
  group(...labels) {
    if (labels.length > 0) console.log(...labels);
    groupIndent += '  ';
  },
  groupEnd() {
    groupIndent = groupIndent.slice(2);
  },
  time(label = 'default') {
    timers.set(label, core.ops.op_process_hrtime());
  },
  timeLog(label = 'default', ...data) {
    const started = timers.get(label);
    if (started !== undefined) console.log(`${label}: ${elapsed(started)}`, ...data);
  },
  timeEnd(label = 'default') {
    const started = timers.get(label);
    if (started === undefined) return;
    timers.delete(label);
    console.log(`${label}: ${elapsed(started)}`);
  },
  table: (data) => log(inspect(data)),
};
console.groupCollapsed = console.group;
console.dirxml = console.log;

function elapsed(startedNanos) {
  const ms = (core.ops.op_process_hrtime() - startedNanos) / 1e6;
  return ms < 1000 ? `${ms.toFixed(3)}ms` : `${(ms / 1000).toFixed(3)}s`;
}

module.exports = console;
