// The ANSI escape sequences readline writes to move the cursor and clear the screen.
'use strict';
const { nodeError } = require('internal/errors');

const CSI = '\x1b[';

function invalidValue(name, value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' is invalid. Received ${value}`);
}

// Writes `data`, or with no stream just reports success; the callback runs either way.
function writeOrCall(stream, data, callback) {
  if (stream === null || stream === undefined || data === '') {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw invalidValue('x', x);
  if (Number.isNaN(y)) throw invalidValue('y', y);
  if (typeof x !== 'number') {
    if (typeof y === 'number') throw nodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
    return writeOrCall(null, '', callback);
  }
  const data = typeof y === 'number' ? `${CSI}${y + 1};${x + 1}H` : `${CSI}${x + 1}G`;
  return writeOrCall(stream, data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return writeOrCall(stream, data, callback);
}

// dir < 0 clears left of the cursor, dir > 0 right of it, 0 the whole line.
function clearLine(stream, dir, callback) {
  const data = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return writeOrCall(stream, data, callback);
}

function clearScreenDown(stream, callback) {
  return writeOrCall(stream, `${CSI}0J`, callback);
}

module.exports = { cursorTo, moveCursor, clearLine, clearScreenDown };
