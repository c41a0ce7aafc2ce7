// `console`: the global console and the `Console` class. Every method formats its output with
// `util` and writes one string (plus a newline) to the stdout or stderr stream it was given;
// the global console's streams are `process.stdout` / `process.stderr`, looked up on first use
// as in Node. Writing through the stream's `write()` rather than straight to the fd costs one
// call per line, and keeps console output in order with the app's own `process.stdout.write`
// calls and visible to an app (or test runner) that replaces `process.stdout.write`.
'use strict';
const { formatWithOptions, inspect, types } = require('util');
const process = require('process');

const kIsConsole = Symbol('kIsConsole');
const kState = Symbol('kState');

// ---------------------------------------------------------------------------
// Errors for bad arguments.

function codedError(Ctor, code, message) {
  const error = new Ctor(message);
  error.code = code;
  return error;
}

function describeReceived(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    return value.constructor?.name ? `an instance of ${value.constructor.name}` : inspect(value, { depth: -1 });
  }
  let shown = inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function invalidArgType(what, expectation, value) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The ${what} must be ${expectation}. Received ${describeReceived(value)}`);
}

// ---------------------------------------------------------------------------
// Construction.

const COLOR_MODES = ['auto', true, false];

/** `new Console(stdout[, stderr[, ignoreErrors]])` or `new Console({ stdout, stderr, ... })`. */
function Console(options) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation = 2,
  } = options;
  validateStream(stdout, 'stdout');
  validateStream(stderr, 'stderr');
  validateOptions(options, colorMode, inspectOptions, groupIndentation);
  bindMethods(this);
  defineStreams(this, () => stdout, () => stderr);
  initialize(this, { ignoreErrors: !!ignoreErrors, colorMode, inspectOptions, groupIndentation });
}

function validateStream(stream, name) {
  if (!stream || typeof stream.write !== 'function') {
    throw codedError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
      `Console expects a writable stream instance for ${name}`);
  }
}

function validateOptions(options, colorMode, inspectOptions, groupIndentation) {
  if (!COLOR_MODES.includes(colorMode)) {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'colorMode' must be one of: 'auto', true, false. Received ${inspect(colorMode)}`);
  }
  if (typeof groupIndentation !== 'number') {
    throw invalidArgType('"groupIndentation" argument', 'of type number', groupIndentation);
  }
  if (!Number.isInteger(groupIndentation)) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "groupIndentation" is out of range. It must be an integer. Received ${groupIndentation}`);
  }
  if (groupIndentation < 0 || groupIndentation > 1000) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "groupIndentation" is out of range. It must be >= 0 && <= 1000. Received ${groupIndentation}`);
  }
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      throw invalidArgType('"options.inspectOptions" property', 'of type object', inspectOptions);
    }
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw codedError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
        'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
    }
  }
}

// `_stdout` / `_stderr` are resolved once, on first use.
function defineStreams(target, getStdout, getStderr) {
  for (const [name, resolve] of [['_stdout', getStdout], ['_stderr', getStderr]]) {
    let stream;
    Object.defineProperty(target, name, {
      configurable: true,
      enumerable: false,
      get: () => (stream ??= resolve()),
      set(value) {
        stream = value;
      },
    });
  }
}

function initialize(target, { ignoreErrors, colorMode, inspectOptions, groupIndentation }) {
  const hidden = (name, value) =>
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
  hidden('_ignoreErrors', ignoreErrors);
  hidden('_times', new Map());
  hidden(kIsConsole, true);
  hidden(kState, {
    colorMode,
    inspectOptions,
    indentWidth: groupIndentation,
    indent: '',
    counts: new Map(),
  });
}

// Each instance gets its own bound copies, so `const { log } = console` works.
function bindMethods(target) {
  for (const name of Object.keys(Console.prototype)) {
    const bound = Console.prototype[name].bind(target);
    Object.defineProperty(bound, 'name', { value: name });
    target[name] = bound;
  }
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value: (instance) => instance !== null && typeof instance === 'object' && instance[kIsConsole] === true,
});

// ---------------------------------------------------------------------------
// Writing.

function inspectOptionsFor(console, stream) {
  const { colorMode, inspectOptions } = console[kState];
  const colors = colorMode === 'auto' ? streamHasColors(stream) : colorMode;
  if (inspectOptions) return inspectOptions.colors === undefined ? { ...inspectOptions, colors } : inspectOptions;
  return colors ? { colors: true } : {};
}

function streamHasColors(stream) {
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

const noop = () => {};

function isStackOverflow(error) {
  return error instanceof Error && /call stack|stack overflow/i.test(String(error.message));
}

/** Indents every line for the open groups, ends the text with a newline and writes it. */
function writeTo(console, useStderr, text) {
  const { indent } = console[kState];
  if (indent.length !== 0) text = indent + text.replace(/\n/g, `\n${indent}`);
  text += '\n';
  const stream = useStderr ? console._stderr : console._stdout;
  if (!console._ignoreErrors) {
    stream.write(text);
    return;
  }
  // A console must not throw because its stream failed; a stack overflow still propagates.
  const guardErrors = typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
    stream.listenerCount('error') === 0;
  try {
    if (guardErrors) stream.once('error', noop);
    stream.write(text);
  } catch (error) {
    if (isStackOverflow(error)) throw error;
  } finally {
    if (guardErrors && typeof stream.removeListener === 'function') stream.removeListener('error', noop);
  }
}

function formatFor(console, useStderr, args) {
  const stream = useStderr ? console._stderr : console._stdout;
  return formatWithOptions(inspectOptionsFor(console, stream), ...args);
}

// ---------------------------------------------------------------------------
// The methods. Their order is the order of Node's `Object.keys(console)`.

const methods = {
  log(...args) {
    writeTo(this, false, formatFor(this, false, args));
  },

  warn(...args) {
    writeTo(this, true, formatFor(this, true, args));
  },

  dir(object, options) {
    const text = inspect(object, { customInspect: false, ...inspectOptionsFor(this, this._stdout), ...options });
    writeTo(this, false, text);
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    if (logElapsed(this, 'timeEnd', label)) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    logElapsed(this, 'timeLog', `${label}`, data);
  },

  trace: function trace(...args) {
    const error = { name: 'Trace', message: formatFor(this, true, args) };
    Error.captureStackTrace(error, trace);
    this.error(error.stack);
  },

  assert(expression, ...args) {
    if (expression) return;
    args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
    this.warn(...args);
  },

  clear() {
    const stream = this._stdout;
    // Only a terminal can be cleared: move home, then erase everything below.
    if (stream.isTTY && process.env.TERM !== 'dumb') stream.write('\x1b[1;1H\x1b[0J');
  },

  count(label = 'default') {
    label = `${label}`;
    const { counts } = this[kState];
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    label = `${label}`;
    const { counts } = this[kState];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(label);
  },

  group(...data) {
    if (data.length > 0) this.log(...data);
    const state = this[kState];
    state.indent += ' '.repeat(state.indentWidth);
  },

  groupEnd() {
    const state = this[kState];
    state.indent = state.indent.slice(0, state.indent.length - state.indentWidth);
  },

  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw invalidArgType('"properties" argument', 'an instance of Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') {
      this.log(tabularData);
      return;
    }
    this.log(tableFor(this, tabularData, properties));
  },
};
methods.debug = methods.log;
methods.info = methods.log;
methods.dirxml = methods.log;
methods.error = methods.warn;
methods.groupCollapsed = methods.group;

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Console.prototype, name, { value: fn, writable: true, enumerable: true, configurable: true });
}

// ---------------------------------------------------------------------------
// Timers.

/** Prints "label: 1.234ms" (plus any data); false when the label was never started. */
function logElapsed(console, method, label, data = []) {
  const started = console._times.get(label);
  if (started === undefined) {
    process.emitWarning(`No such label '${label}' for console.${method}()`);
    return false;
  }
  const [seconds, nanos] = process.hrtime(started);
  console.log('%s: %s', label, formatDuration(seconds * 1000 + nanos / 1e6), ...data);
  return true;
}

const pad2 = (n) => String(n).padStart(2, '0');

// Milliseconds below a second ("12.345ms", no trailing zeros), seconds below a minute
// ("1.234s"), then "m:ss.mmm" and "h:mm:ss.mmm" with the unit spelled out.
function formatDuration(ms) {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(3)}s`;
  const hours = Math.floor(ms / 3600000);
  const minutes = Math.floor((ms % 3600000) / 60000);
  const [wholeSeconds, millis] = ((ms % 60000) / 1000).toFixed(3).split('.');
  if (hours === 0) return `${minutes}:${pad2(wholeSeconds)}.${millis} (m:ss.mmm)`;
  return `${hours}:${pad2(minutes)}:${pad2(wholeSeconds)}.${millis} (h:mm:ss.mmm)`;
}

// ---------------------------------------------------------------------------
// console.table.

// Cells are short, one-line previews: objects with more than two keys collapse to [Object].
function cellText(console, value) {
  const collapse = value !== null && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).length > 2;
  return inspect(value, {
    depth: collapse ? -1 : 0,
    maxArrayLength: 3,
    breakLength: Infinity,
    ...inspectOptionsFor(console, console._stdout),
  });
}

function tableFor(console, data, properties) {
  const cell = (value) => cellText(console, value);
  const mapIterator = types.isMapIterator(data);
  const setIterator = types.isSetIterator(data);
  // Iterators are read out (which uses them up) to list their entries.
  let entries = mapIterator || setIterator ? [...data] : null;
  const keyValue = types.isMap(data) ||
    (mapIterator && entries.every((entry) => Array.isArray(entry) && entry.length === 2));
  if (keyValue) {
    entries ??= [...data];
    return renderTable(['(iteration index)', 'Key', 'Values'],
      [entries.map((_, i) => i), entries.map(([key]) => cell(key)), entries.map(([, value]) => cell(value))]);
  }
  if (entries !== null || types.isSet(data)) {
    entries ??= [...data];
    return renderTable(['(iteration index)', 'Values'], [entries.map((_, i) => i), entries.map(cell)]);
  }

  const rowKeys = Object.keys(data);
  const columns = Object.create(null); // property name -> cells by row
  const primitiveCells = [];
  let hasPrimitives = false;
  rowKeys.forEach((rowKey, row) => {
    const item = data[rowKey];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (primitive && properties === undefined) {
      hasPrimitives = true;
      primitiveCells[row] = cell(item);
      return;
    }
    for (const key of properties ?? Object.keys(item)) {
      columns[key] ??= [];
      columns[key][row] = primitive || !Object.prototype.hasOwnProperty.call(item, key) ? '' : cell(item[key]);
    }
  });
  const head = ['(index)', ...Object.keys(columns)];
  const body = [rowKeys, ...Object.values(columns)];
  if (hasPrimitives) {
    head.push('Values');
    body.push(primitiveCells);
  }
  return renderTable(head, body);
}

/** Draws the box: one column per header, cells left-aligned, widths by display width. */
function renderTable(head, columns) {
  const rowCount = Math.max(...columns.map((column) => column.length));
  const widths = head.map((title) => displayWidth(title) + 2);
  const rows = [];
  for (let row = 0; row < rowCount; row++) {
    rows.push(columns.map((column, i) => {
      const text = Object.prototype.hasOwnProperty.call(column, row) ? String(column[row]) : '';
      widths[i] = Math.max(widths[i], displayWidth(text) + 2);
      return text;
    }));
  }
  const line = (left, middle, right) => left + widths.map((width) => '─'.repeat(width)).join(middle) + right;
  const renderRow = (cells) =>
    `│${cells.map((text, i) => ` ${text}${' '.repeat(widths[i] - displayWidth(text) - 1)}`).join('│')}│`;
  return [
    line('┌', '┬', '┐'),
    renderRow(head),
    line('├', '┼', '┤'),
    ...rows.map(renderRow),
    line('└', '┴', '┘'),
  ].join('\n');
}

const ANSI_SEQUENCE = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Terminal columns a string takes: colour codes and combining marks take none, wide CJK two. */
function displayWidth(text) {
  let width = 0;
  for (const char of text.replace(ANSI_SEQUENCE, '')) {
    const code = char.codePointAt(0);
    if (isZeroWidth(code)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isZeroWidth(code) {
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef);
}

function isWide(code) {
  return code >= 0x1100 && (
    code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd));
}

// ---------------------------------------------------------------------------
// The global console: a Console over process.stdout / process.stderr, plus the inspector-only
// methods, which do nothing without an inspector.

function createGlobalConsole() {
  const console = Object.create({});
  Object.defineProperty(console, Symbol.toStringTag, {
    value: 'console', writable: false, enumerable: false, configurable: true,
  });
  bindMethods(console);
  console.Console = Console;
  for (const name of ['profile', 'profileEnd', 'timeStamp']) {
    console[name] = { [name]() {} }[name];
  }
  console.context = function context() {
    const silent = {};
    for (const name of CONTEXT_METHODS) silent[name] = () => {};
    return silent;
  };
  console.createTask = function createTask() {
    return { run: (fn) => fn() };
  };
  initialize(console, { ignoreErrors: true, colorMode: 'auto', inspectOptions: undefined, groupIndentation: 2 });
  defineStreams(console, () => process.stdout, () => process.stderr);
  return console;
}

const CONTEXT_METHODS = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
  'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group', 'groupCollapsed',
  'assert', 'time', 'timeEnd', 'timeStamp'];

module.exports = createGlobalConsole();
