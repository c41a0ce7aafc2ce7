// A worker's standard streams, carried over a MessagePort of their own as Node carries them:
// the worker's process.stdout/stderr writes become the parent's `worker.stdout`/`stderr`
// Readables (piped into the parent's own stdout/stderr unless the Worker was made with
// `stdout: true` / `stderr: true`), and with `stdin: true` the parent's `worker.stdin` Writable
// feeds the worker's process.stdin.
'use strict';
const { Buffer } = require('buffer');

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;

function bytesOf(chunk, encoding) {
  const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

function portWritable(port, fd) {
  const { Writable } = require('internal/streams/writable');
  return new Writable({
    write(chunk, encoding, callback) {
      port.postMessage({ fd, chunk: bytesOf(chunk, encoding) });
      callback();
    },
    final(callback) {
      port.postMessage({ fd, end: true });
      callback();
    },
  });
}

function portReadable() {
  const { Readable } = require('internal/streams/readable');
  return new Readable({ read() {} });
}

/**
 * The parent's side: sets worker.stdin/stdout/stderr and returns the port to hand to the
 * worker thread with what it should capture.
 */
function attachToWorker(worker, options, MessageChannel) {
  const { port1, port2 } = new MessageChannel();
  worker.stdout = portReadable();
  worker.stderr = portReadable();
  worker.stdin = options.stdin ? portWritable(port1, STDIN) : null;
  if (!options.stdout) worker.stdout.pipe(process.stdout, { end: false });
  if (!options.stderr) worker.stderr.pipe(process.stderr, { end: false });
  const streams = { [STDOUT]: worker.stdout, [STDERR]: worker.stderr };
  port1.on('message', ({ fd, chunk, end }) => {
    const stream = streams[fd];
    if (stream === undefined) return;
    stream.push(end ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  port1.on('close', () => {
    for (const stream of Object.values(streams)) {
      if (!stream.readableEnded) stream.push(null);
    }
  });
  port1.unref();
  return { port: port1, spec: { port: port2._detachForTransfer(), stdin: Boolean(options.stdin) } };
}

/** The worker's side: its process.stdout/stderr (and stdin when asked) go through the port. */
function installInWorker(process, spec, portFromId) {
  const port = portFromId(spec.port);
  process.stdout = portWritable(port, STDOUT);
  process.stderr = portWritable(port, STDERR);
  if (spec.stdin) {
    const stdin = portReadable();
    port.on('message', ({ fd, chunk, end }) => {
      if (fd === STDIN) stdin.push(end ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    stdin.on('end', () => port.unref());
    process.stdin = stdin;
  }
  port.unref();
}

module.exports = { attachToWorker, installInWorker };
