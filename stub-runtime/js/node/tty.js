// `tty`: whether a file descriptor is a terminal, and the terminal stream classes. The
// process's own stdout/stderr/stdin already carry isTTY, columns and rows (see process.js).
'use strict';
const { ops } = require('internal/core');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && ops.op_process_tty_info(fd).isTTY;
}

// Terminal colour support from the environment, as Node reads it for getColorDepth().
function colorDepth(env = process.env) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return { '': 4, 1: 4, true: 4, 2: 8, 3: 24, 0: 1, false: 1 }[force] ?? 4;
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (/-256(color)?$/.test(env.TERM ?? '')) return 8;
  return env.TERM ? 4 : 1;
}

class WriteStream {
  constructor(fd) {
    const terminal = ops.op_process_tty_info(fd);
    this.fd = fd;
    this.isTTY = terminal.isTTY || undefined;
    this.columns = terminal.columns ?? undefined;
    this.rows = terminal.rows ?? undefined;
  }

  getColorDepth(env) {
    return colorDepth(env);
  }

  hasColors(count = 16, env) {
    if (typeof count === 'object') [count, env] = [16, count];
    return 2 ** colorDepth(env) >= count;
  }

  getWindowSize() {
    return [this.columns, this.rows];
  }

  write(chunk) {
    ops.op_process_write(this.fd, typeof chunk === 'string' ? chunk : require('internal/core').decode(chunk));
    return true;
  }
}

class ReadStream {
  constructor(fd) {
    this.fd = fd;
    this.isTTY = ops.op_process_tty_info(fd).isTTY || undefined;
    this.isRaw = false;
  }

  setRawMode(mode) {
    ops.op_tty_set_raw_mode(this.fd, !!mode);
    this.isRaw = !!mode;
    return this;
  }
}

module.exports = { isatty, WriteStream, ReadStream };
