// Terminal-mode line editing for readline's Interface: keys move the cursor, edit the line, walk history.
'use strict';

const WORD_RIGHT = /^(?:\s+|[^\w\s]+|\w+)\s*/;
const WORD_LEFT_REVERSED = /^\s*(?:[^\w\s]+|\w+)?/;

function reverse(text) {
  return Array.from(text).reverse().join('');
}

function install(Interface, ansi) {
  const proto = Interface.prototype;

  proto._refreshLine = function _refreshLine() {
    if (!this.output) return;
    ansi.cursorTo(this.output, 0);
    ansi.clearScreenDown(this.output);
    this._writeToOutput(this._prompt + this.line);
    ansi.cursorTo(this.output, this._prompt.length + this.cursor);
  };

  proto._insertString = function _insertString(text) {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.line.length) this._writeToOutput(text);
    else this._refreshLine();
  };

  proto._moveCursor = function _moveCursor(dx) {
    const target = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    if (target === this.cursor) return;
    ansi.moveCursor(this.output, target - this.cursor, 0);
    this.cursor = target;
  };

  proto._wordLeft = function _wordLeft() {
    const leading = reverse(this.line.slice(0, this.cursor));
    this._moveCursor(-WORD_LEFT_REVERSED.exec(leading)[0].length);
  };

  proto._wordRight = function _wordRight() {
    this._moveCursor(WORD_RIGHT.exec(this.line.slice(this.cursor))[0].length);
  };

  proto._deleteRange = function _deleteRange(from, to) {
    this.line = this.line.slice(0, from) + this.line.slice(to);
    this.cursor = from;
    this._refreshLine();
  };

  proto._deleteWordLeft = function _deleteWordLeft() {
    const size = WORD_LEFT_REVERSED.exec(reverse(this.line.slice(0, this.cursor)))[0].length;
    if (size > 0) this._deleteRange(this.cursor - size, this.cursor);
  };

  proto._deleteWordRight = function _deleteWordRight() {
    const size = WORD_RIGHT.exec(this.line.slice(this.cursor))[0].length;
    if (size > 0) this._deleteRange(this.cursor, this.cursor + size);
  };

  proto._addHistory = function _addHistory() {
    const line = this.line;
    if (line.trim() === '' || this.historySize === 0) return line;
    if (this.history[0] !== line) {
      if (this.removeHistoryDuplicates) {
        const at = this.history.indexOf(line);
        if (at !== -1) this.history.splice(at, 1);
      }
      this.history.unshift(line);
      if (this.history.length > this.historySize) this.history.pop();
      this.emit('history', this.history);
    }
    this.historyIndex = -1;
    return line;
  };

  proto._historyStep = function _historyStep(step) {
    const index = this.historyIndex + step;
    if (index < -1 || index >= this.history.length) return;
    if (this.historyIndex === -1) this._savedLine = this.line;
    this.historyIndex = index;
    this.line = index === -1 ? this._savedLine || '' : this.history[index];
    this.cursor = this.line.length;
    this._refreshLine();
  };

  // Enter: the edited line is done; the output moves to a fresh line.
  proto._line = function _line() {
    const line = this._addHistory();
    this.line = '';
    this.cursor = 0;
    this._writeToOutput('\r\n');
    this._onLine(line);
  };

  proto._interrupt = function _interrupt() {
    if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
    else this.close();
  };

  const CTRL_ACTIONS = {
    c() { this._interrupt(); },
    h() { if (this.cursor > 0) this._deleteRange(this.cursor - 1, this.cursor); },
    d() {
      if (this.cursor === 0 && this.line.length === 0) this.close();
      else if (this.cursor < this.line.length) this._deleteRange(this.cursor, this.cursor + 1);
    },
    u() { this._deleteRange(0, this.cursor); },
    k() { this._deleteRange(this.cursor, this.line.length); },
    a() { this._moveCursor(-Infinity); },
    e() { this._moveCursor(Infinity); },
    b() { this._moveCursor(-1); },
    f() { this._moveCursor(1); },
    l() { ansi.cursorTo(this.output, 0, 0); ansi.clearScreenDown(this.output); this._refreshLine(); },
    n() { this._historyStep(-1); },
    p() { this._historyStep(1); },
    w() { this._deleteWordLeft(); },
    backspace() { this._deleteWordLeft(); },
    left() { this._wordLeft(); },
    right() { this._wordRight(); },
  };

  const META_ACTIONS = {
    b() { this._wordLeft(); },
    f() { this._wordRight(); },
    d() { this._deleteWordRight(); },
    backspace() { this._deleteWordLeft(); },
  };

  const NAMED_ACTIONS = {
    return() { this._sawReturnAt = Date.now(); this._line(); },
    enter() {
      // "\r\n" from a terminal is one line break, not two.
      if (this._sawReturnAt === 0 || Date.now() - this._sawReturnAt > this.crlfDelay) this._line();
      this._sawReturnAt = 0;
    },
    backspace() { if (this.cursor > 0) this._deleteRange(this.cursor - 1, this.cursor); },
    delete() { if (this.cursor < this.line.length) this._deleteRange(this.cursor, this.cursor + 1); },
    left() { this._moveCursor(-1); },
    right() { this._moveCursor(1); },
    home() { this._moveCursor(-Infinity); },
    end() { this._moveCursor(Infinity); },
    up() { this._historyStep(1); },
    down() { this._historyStep(-1); },
    tab() {
      if (typeof this.completer === 'function') this._tabComplete();
      else this._insertString('\t');
    },
  };

  // Asks the completer about the text before the cursor; it may answer synchronously or by callback.
  proto._tabComplete = function _tabComplete() {
    const before = this.line.slice(0, this.cursor);
    const onResult = (error, result) => {
      if (error || !Array.isArray(result)) return;
      applyCompletion(this, result[0] || [], String(result[1] === undefined ? before : result[1]));
    };
    if (this.completer.length === 2) this.completer(before, onResult);
    else {
      const result = this.completer(before);
      if (result && typeof result.then === 'function') result.then((value) => onResult(null, value), onResult);
      else onResult(null, result);
    }
  };

  function commonPrefix(words) {
    let prefix = words[0];
    for (const word of words) {
      while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
    }
    return prefix;
  }

  // One match (or a longer shared prefix) is typed in; otherwise the choices are listed.
  function applyCompletion(rl, completions, typed) {
    const choices = completions.filter((word) => word);
    if (choices.length === 0) return;
    const prefix = commonPrefix(choices);
    if (choices.length === 1 || prefix.length > typed.length) {
      rl._insertString(prefix.slice(typed.length));
      return;
    }
    rl._writeToOutput(`\r\n${choices.join('  ')}\r\n\r\n`);
    rl._refreshLine();
  }

  function has(table, name) {
    return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);
  }

  proto._ttyWrite = function _ttyWrite(text, key) {
    key = key || {};
    // Only an "enter" straight after a "return" is folded into it (see NAMED_ACTIONS.enter).
    if (key.name !== 'return' && key.name !== 'enter') this._sawReturnAt = 0;
    if (key.ctrl && has(CTRL_ACTIONS, key.name)) return CTRL_ACTIONS[key.name].call(this);
    if (key.meta && has(META_ACTIONS, key.name)) return META_ACTIONS[key.name].call(this);
    if (!key.ctrl && !key.meta && has(NAMED_ACTIONS, key.name)) return NAMED_ACTIONS[key.name].call(this);
    if (key.ctrl || key.meta || typeof text !== 'string' || text === '') return;
    insertText(this, text);
  };

  // Typed or pasted text; line breaks inside it finish lines.
  function insertText(rl, text) {
    const pieces = text.split(/\r\n|\n|\r/);
    for (let i = 0; i < pieces.length; i++) {
      if (pieces[i]) rl._insertString(pieces[i]);
      if (i < pieces.length - 1) rl._line();
    }
  }
}

module.exports = { install };
