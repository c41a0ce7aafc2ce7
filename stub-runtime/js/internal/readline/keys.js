// Turns terminal input text into Node-style 'keypress' events ({ sequence, name, ctrl, meta, shift }).
'use strict';

const ESC = '\x1b';

// Final bytes / "~" codes of escape sequences, and the key each one names.
const SEQUENCE_NAMES = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear', 'OF': 'end', 'OH': 'home',
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end', '[Z': 'tab',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4', '[15~': 'f5', '[17~': 'f6', '[18~': 'f7',
  '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
};

function makeKey(sequence) {
  return { sequence, name: undefined, ctrl: false, meta: false, shift: false };
}

/** The key for one character that is not part of an escape sequence. */
function plainKey(ch, meta) {
  const key = makeKey(meta ? ESC + ch : ch);
  key.meta = meta;
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === ESC) key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch < ' ') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
    key.ctrl = true;
  } else if (/^[a-z0-9]$/.test(ch)) key.name = ch;
  else if (/^[A-Z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = true;
  }
  return key;
}

// Length of an escape sequence's body after "ESC[" or "ESCO": params then one final byte.
function sequenceEnd(text, start) {
  let i = start;
  if (text[start - 1] === 'O') {
    while (i < text.length && /[0-9;]/.test(text[i])) i++;
    return i + 1;
  }
  // rxvt's "ESC[7" style home/end have no final byte besides the digit when followed by nothing.
  while (i < text.length && /[0-9;]/.test(text[i])) i++;
  if (i < text.length && /[~^$A-Za-z>]/.test(text[i])) return i + 1;
  return i;
}

/** The key described by an escape sequence "ESC[..." or "ESCO...". */
function escapeKey(sequence, body) {
  const key = makeKey(sequence);
  // Modifier parameter "1;5" style: 2=shift, 3=meta, 5=ctrl (bit flags of value-1).
  const match = /^([\[O])(\d*)(?:;(\d+))?(.*)$/.exec(body);
  let code = body;
  let modifier = 0;
  if (match && match[3] !== undefined) {
    modifier = Number(match[3]) - 1;
    code = match[1] + (match[2] && match[2] !== '1' ? match[2] : '') + match[4];
  }
  key.code = code;
  key.name = SEQUENCE_NAMES[code] || SEQUENCE_NAMES[code + '~'] || 'undefined';
  if (key.name === 'undefined') key.name = undefined;
  key.ctrl = Boolean(modifier & 4);
  key.meta = Boolean(modifier & 10);
  key.shift = Boolean(modifier & 1) || code === '[Z';
  return key;
}

/** Splits text into [chunk, key] pairs in the order a terminal produced them. */
function parseKeys(text) {
  const keys = [];
  let i = 0;
  while (i < text.length) {
    let start = i;
    const ch = text[i];
    if (ch !== ESC || i + 1 >= text.length) {
      keys.push([ch, plainKey(ch, false)]);
      i++;
      continue;
    }
    // A doubled ESC before a sequence is a terminal's way of saying "meta"; Node ignores it.
    if (text[i + 1] === ESC && (text[i + 2] === '[' || text[i + 2] === 'O')) i++;
    const next = text[i + 1];
    if (next === '[' || next === 'O') {
      const end = Math.min(sequenceEnd(text, i + 2), text.length);
      keys.push([undefined, escapeKey(text.slice(start, end), text.slice(i + 1, end))]);
      i = end;
    } else {
      keys.push([undefined, plainKey(next, true)]);
      i += 2;
    }
  }
  return keys;
}

const kKeypressDecoder = Symbol('keypressDecoder');

/** Makes `stream` emit 'keypress' events for the text it reads, once something listens for them. */
function emitKeypressEvents(stream) {
  if (stream[kKeypressDecoder]) return;
  const { StringDecoder } = require('string_decoder');
  stream[kKeypressDecoder] = new StringDecoder('utf8');

  function onData(chunk) {
    if (stream.listenerCount('keypress') === 0) {
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const text = typeof chunk === 'string' ? chunk : stream[kKeypressDecoder].write(chunk);
    for (const [ch, key] of parseKeys(text)) stream.emit('keypress', ch, key);
  }
  function onNewListener(event) {
    if (event !== 'keypress') return;
    stream.on('data', onData);
    stream.removeListener('newListener', onNewListener);
  }
  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, parseKeys };
