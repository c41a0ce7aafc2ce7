// readline's Interface: splits an input stream into lines, asks questions, and (on terminals) edits a line.
'use strict';
const EventEmitter = require('events');
const { nodeError, invalidArgType } = require('internal/errors');
const { emitKeypressEvents } = require('internal/readline/keys');
const ansi = require('internal/readline/ansi');

const LINE_BREAK = /\r\n|\n|\r/;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);
  // Either (options) or the legacy positional (input, output, completer, terminal).
  const options = input && input.input ? input : { input, output, completer, terminal };
  setupOptions(this, options);
  attachInput(this);
}
Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Interface, EventEmitter);

function setupOptions(rl, options) {
  const { input, output } = options;
  if (options.completer !== undefined && typeof options.completer !== 'function') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'completer' is invalid. Received ${require('util').inspect(options.completer)}`);
  }
  const historySize = options.historySize === undefined ? 30 : options.historySize;
  checkNumber('historySize', historySize, 0, '>= 0');
  const tabSize = options.tabSize === undefined ? 8 : options.tabSize;
  checkNumber('tabSize', tabSize, 1, '>= 1 && <= 4294967295');
  rl.isCompletionEnabled = true;
  rl.escapeCodeTimeout = options.escapeCodeTimeout === undefined ? 500 : options.escapeCodeTimeout;
  rl.tabSize = tabSize;
  rl.line = '';
  rl.output = output;
  rl.input = input;
  rl.history = Array.isArray(options.history) ? options.history.slice() : [];
  rl.historySize = historySize;
  rl.removeHistoryDuplicates = Boolean(options.removeHistoryDuplicates);
  rl.crlfDelay = options.crlfDelay ? Math.max(100, options.crlfDelay) : 100;
  rl.completer = options.completer;
  rl.terminal = options.terminal === undefined ? Boolean(output && output.isTTY) : Boolean(options.terminal);
  // Bookkeeping stays out of Object.keys(rl), as in Node.
  hidden(rl, '_prompt', options.prompt === undefined ? '> ' : options.prompt);
  hidden(rl, 'closed', false);
  hidden(rl, 'paused', false);
  hidden(rl, 'cursor', 0);
  hidden(rl, 'historyIndex', -1);
  hidden(rl, '_questionCallback', null);
  hidden(rl, '_oldPrompt', '');
  hidden(rl, '_savedLine', '');
  hidden(rl, '_sawReturnAt', 0);
  hidden(rl, '_lineBuffer', '');
  hidden(rl, '_lineIterator', null);
  if (options.signal) watchSignal(rl, options.signal);
}

function checkNumber(name, value, min, range) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!(value >= min)) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
  }
}

function hidden(object, name, value) {
  Object.defineProperty(object, name, { value, writable: true, configurable: true, enumerable: false });
}

function watchSignal(rl, signal) {
  if (signal.aborted) {
    process.nextTick(() => rl.close());
    return;
  }
  const onAbort = () => rl.close();
  signal.addEventListener('abort', onAbort, { once: true });
  rl.once('close', () => signal.removeEventListener('abort', onAbort));
}

// Listens to the input; the listeners go away when the interface closes.
function attachInput(rl) {
  const input = rl.input;
  if (!input) return;
  const { StringDecoder } = require('string_decoder');
  const decoder = new StringDecoder('utf8');
  const onEnd = () => {
    if (rl.terminal) {
      // An unfinished edited line still counts when the input ends.
      if (rl.line.length > 0) rl.emit('line', rl.line);
    } else {
      const rest = decoder.end();
      if (rest) rl._normalWrite(rest);
      if (rl._lineBuffer.length > 0) {
        const last = rl._lineBuffer;
        rl._lineBuffer = '';
        // Like Node, a last line without a newline is a 'line' event, never a question's answer.
        rl.emit('line', last);
      }
    }
    rl.close();
  };
  let detach;
  if (rl.terminal) {
    emitKeypressEvents(input);
    const onKeypress = (ch, key) => rl._ttyWrite(ch, key);
    input.on('keypress', onKeypress);
    input.on('end', onEnd);
    if (typeof input.setRawMode === 'function' && input.isTTY) input.setRawMode(true);
    detach = () => {
      input.removeListener('keypress', onKeypress);
      input.removeListener('end', onEnd);
      if (typeof input.setRawMode === 'function' && input.isTTY) input.setRawMode(false);
    };
  } else {
    const onData = (chunk) => rl._normalWrite(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    input.on('data', onData);
    input.on('end', onEnd);
    detach = () => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
    };
  }
  rl.once('close', detach);
  if (typeof input.resume === 'function') input.resume();
}

Interface.prototype.setPrompt = function setPrompt(prompt) {
  this._prompt = prompt;
};

Interface.prototype.getPrompt = function getPrompt() {
  return this._prompt;
};

Interface.prototype._writeToOutput = function _writeToOutput(text) {
  if (typeof text !== 'string') throw invalidArgType('stringToWrite', 'of type string', text);
  if (this.output !== null && this.output !== undefined) this.output.write(text);
};

Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this.paused) this.resume();
  if (this.terminal) {
    if (!preserveCursor) this.cursor = 0;
    this._refreshLine();
  } else {
    this._writeToOutput(this._prompt);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  if (this.closed) throw nodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  if (typeof cb !== 'function') return;
  const signal = options && options.signal;
  if (signal) {
    if (signal.aborted) return;
    const onAbort = () => this._cancelQuestion();
    signal.addEventListener('abort', onAbort, { once: true });
    const original = cb;
    cb = (answer) => {
      signal.removeEventListener('abort', onAbort);
      original(answer);
    };
  }
  if (this._questionCallback) {
    this.prompt();
    return;
  }
  this._oldPrompt = this._prompt;
  this.setPrompt(query);
  this._questionCallback = cb;
  this.prompt();
};

Interface.prototype._cancelQuestion = function _cancelQuestion() {
  if (!this._questionCallback) return;
  this._questionCallback = null;
  this.setPrompt(this._oldPrompt);
  // Abandon the half-typed answer and leave the cursor on a fresh line.
  this.line = '';
  this.cursor = 0;
  this._writeToOutput('\r\n');
};

// A finished line answers the pending question, or else becomes a 'line' event.
Interface.prototype._onLine = function _onLine(line) {
  if (this._questionCallback) {
    const cb = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

// Non-terminal input: cut text at line breaks; a "\n" right after a "\r" chunk within crlfDelay is one break.
Interface.prototype._normalWrite = function _normalWrite(text) {
  if (text === undefined || text === '') return;
  if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
    if (text[0] === '\n') text = text.slice(1);
  }
  this._sawReturnAt = text.endsWith('\r') ? Date.now() : 0;
  const pieces = (this._lineBuffer + text).split(LINE_BREAK);
  this._lineBuffer = pieces.pop();
  // Node v20 keeps delivering the rest of a chunk even if a handler closes the interface.
  for (const line of pieces) this._onLine(line);
};

Interface.prototype.write = function write(data, key) {
  if (this.paused) this.resume();
  if (this.terminal) this._ttyWrite(data, key);
  else this._normalWrite(data);
};

Interface.prototype.pause = function pause() {
  if (this.paused) return;
  if (this.input && typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return;
  if (this.input && typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  this.closed = true;
  this.emit('close');
};

Interface.prototype.getCursorPos = function getCursorPos() {
  const text = this._prompt + this.line.slice(0, this.cursor);
  const columns = this.output && this.output.columns ? this.output.columns : Infinity;
  return { rows: Math.floor(text.length / columns) || 0, cols: text.length % columns };
};

// Lines for `for await`: queued from the first call on, until the interface closes.
Interface.prototype[Symbol.asyncIterator] = function asyncIterator() {
  if (!this._lineIterator) this._lineIterator = makeLineIterator(this);
  return this._lineIterator;
};

function makeLineIterator(rl) {
  const queued = [];
  const waiting = [];
  let finished = rl.closed;
  const onLine = (line) => {
    if (waiting.length > 0) waiting.shift().resolve({ value: line, done: false });
    else queued.push(line);
  };
  const onClose = () => {
    finished = true;
    rl.removeListener('line', onLine);
    while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
  };
  if (!finished) {
    rl.on('line', onLine);
    rl.once('close', onClose);
  }
  return {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    // Leaving a for-await loop early stops the queueing; like Node v20 it leaves the interface open.
    return() {
      queued.length = 0;
      rl.removeListener('close', onClose);
      onClose();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

require('internal/readline/editing').install(Interface, ansi);

module.exports = { Interface };
