// exec() and execFile(): spawn, collect stdout and stderr (up to maxBuffer), and call back
// with (error, stdout, stderr) once the child has closed; plus their util.promisify forms.
'use strict';
const { nodeError, invalidArgType } = require('internal/errors');
const { spawn } = require('internal/child_process/child_process');
const {
  signalNumber,
  validateString,
  validateFunction,
  validateTimeout,
  validateMaxBuffer,
  validateAbortSignal,
  DEFAULT_MAX_BUFFER,
} = require('internal/child_process/options');

// exec(command[, options][, callback]): the command runs in a shell.
function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const normalized = normalizeExecArgs(command, options, callback);
  return execFile(normalized.file, normalized.options, normalized.callback);
}

// execFile(file[, args][, options][, callback]).
function execFile(file, args, options, callback) {
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (typeof args === 'function') {
      callback = args;
      options = undefined;
    } else if (typeof args === 'object') {
      if (typeof options === 'function') callback = options;
      options = args;
    } else {
      throw invalidArgType('args', 'of type object', args);
    }
    args = [];
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw invalidArgType('options', 'of type object', options);
  }
  if (callback !== undefined && callback !== null) validateFunction(callback, 'callback');

  options = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: DEFAULT_MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = signalNumber(options.killSignal);

  const child = spawn(file, args || [], {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    argv0: options.argv0,
    windowsHide: Boolean(options.windowsHide),
    windowsVerbatimArguments: Boolean(options.windowsVerbatimArguments),
  });
  collectOutput(child, file, args || [], options, killSignal, callback);
  return child;
}

// Buffers the child's output and reports it once, on 'close' or on the first error.
function collectOutput(child, file, args, options, killSignal, callback) {
  const { Buffer } = require('buffer');
  const encoding = options.encoding && options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const output = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let error = null;
  let killed = false;
  let exited = false;
  let timer = null;
  const cmd = [file, ...args].join(' ');

  function text(name) {
    return encoding ? output[name].join('') : Buffer.concat(output[name]);
  }

  function done(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) clearTimeout(timer);
    if (!callback) return;
    const stdout = text('stdout');
    const stderr = text('stderr');
    if (!error && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (!error) {
      const failed = new Error(`Command failed: ${cmd}\n${stderr}`);
      failed.code = code < 0 ? require('internal/core').ops.op_os_errno_info(-code).code : code;
      failed.killed = child.killed || killed;
      failed.signal = signal;
      error = failed;
    }
    error.cmd = cmd;
    callback(error, stdout, stderr);
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(killSignal);
    } catch (thrown) {
      error = thrown;
      done();
    }
  }

  if (options.timeout > 0) {
    timer = setTimeout(() => {
      timer = null;
      kill();
    }, options.timeout);
  }

  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const length = encoding ? Buffer.byteLength(chunk, encoding) : chunk.length;
      lengths[name] += length;
      if (lengths[name] > options.maxBuffer) {
        const keep = options.maxBuffer - (lengths[name] - length);
        output[name].push(chunk.slice(0, keep));
        error = nodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
        kill();
      } else {
        output[name].push(chunk);
      }
    });
  }

  child.addListener('close', done);
  child.addListener('error', (thrown) => {
    error = thrown;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    done();
  });
}

// util.promisify(exec) and util.promisify(execFile) resolve { stdout, stderr }; a failure
// carries both too. The promise's `child` is the ChildProcess.
function promisified(original) {
  return function promisifiedExec(...args) {
    let child;
    const promise = new Promise((resolve, reject) => {
      child = original(...args, (error, stdout, stderr) => {
        if (error !== null) {
          error.stdout = stdout;
          error.stderr = stderr;
          reject(error);
        } else {
          resolve({ stdout, stderr });
        }
      });
    });
    promise.child = child;
    return promise;
  };
}

module.exports = { exec, execFile, promisified };
