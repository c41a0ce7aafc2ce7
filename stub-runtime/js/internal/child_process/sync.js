// spawnSync(), execSync() and execFileSync(): the JS thread waits while ops/child_process.rs
// feeds the child its input and collects what it writes.
'use strict';
const { ops } = require('internal/core');
const { invalidArgType } = require('internal/errors');
const {
  uvException,
  signalNumber,
  signalName,
  validateString,
  validateTimeout,
  validateMaxBuffer,
  normalizeSpawnArguments,
  normalizeStdio,
  spawnRequest,
  DEFAULT_MAX_BUFFER,
} = require('internal/child_process/options');

function inputBytes(input, encoding, name) {
  const { Buffer } = require('buffer');
  if (typeof input === 'string') {
    return Buffer.from(input, encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', input);
}

function spawnSync(file, args, options) {
  const normalized = normalizeSpawnArguments(file, args, options);
  options = normalized.options;
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  const killSignal = signalNumber(options.killSignal === undefined ? 'SIGTERM' : options.killSignal);
  const maxBuffer = options.maxBuffer === undefined || options.maxBuffer === null ? DEFAULT_MAX_BUFFER : options.maxBuffer;

  const { entries } = normalizeStdio(options.stdio, true);
  let input = new Uint8Array(0);
  if (options.input !== undefined && options.input !== null) {
    entries[0] = { kind: 'pipe', input: options.input };
  }
  if (entries[0].input !== undefined) input = inputBytes(entries[0].input, options.encoding, 'options.stdio[0]');

  const outcome = ops.op_cp_spawn_sync(
    spawnRequest(normalized, entries),
    { timeout: options.timeout || 0, maxBuffer, killSignal },
    input,
  );
  return syncResult(outcome, normalized, entries, options.encoding);
}

// The result object, keys in Node's order; `error` comes first when there is one.
function syncResult(outcome, normalized, entries, encoding) {
  const result = {};
  if (outcome.errno !== 0) {
    result.error = uvException(outcome.errno, `spawnSync ${normalized.file}`, {
      path: normalized.file,
      spawnargs: normalized.args.slice(1),
    });
  }
  if (outcome.pid === 0) {
    return Object.assign(result, { status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null });
  }
  const { Buffer } = require('buffer');
  const decode = encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding);
  const output = entries.map((entry, index) => {
    const bytes = outcome.output[index];
    if (index === 0 || bytes === null || bytes === undefined) return null;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return decode ? buffer.toString(encoding) : buffer;
  });
  result.status = outcome.status ?? null;
  result.signal = outcome.signal === null || outcome.signal === undefined ? null : signalName(outcome.signal);
  result.output = output;
  result.pid = outcome.pid;
  result.stdout = output[1];
  result.stderr = output[2];
  return result;
}

// What execSync/execFileSync throw: the spawn error, or a "Command failed" error; either way
// with the whole result copied onto it.
function checkExecSyncError(result, command) {
  let error;
  if (result.error) {
    error = result.error;
  } else if (result.status !== 0) {
    let message = `Command failed: ${command}`;
    if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
    error = new Error(message);
  }
  if (error) Object.assign(error, result);
  return error;
}

// Unless the app chose its own stdio, the child's stderr goes on to ours, as in Node.
function runSync(file, args, options, command) {
  const inheritStderr = !options.stdio;
  const result = spawnSync(file, args, options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const error = checkExecSyncError(result, command);
  if (error) throw error;
  return result.stdout;
}

function execFileSync(file, args, options) {
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (typeof args !== 'object') throw invalidArgType('args', 'of type object', args);
    options = args;
    args = [];
  }
  args = args || [];
  options = { maxBuffer: DEFAULT_MAX_BUFFER, ...options };
  validateString(file, 'file');
  return runSync(file, args, options, [file, ...args].join(' '));
}

function execSync(command, options) {
  validateString(command, 'command');
  options = { maxBuffer: DEFAULT_MAX_BUFFER, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return runSync(command, [], options, command);
}

module.exports = { spawnSync, execSync, execFileSync };
