// Node's `stream` module: the legacy Stream plus Readable, Writable, Duplex, Transform,
// PassThrough and the helpers that tie them together (pipeline, finished, addAbortSignal).
'use strict';
const { Stream } = require('internal/streams/legacy');
const { Readable } = require('internal/streams/readable');
const { Writable } = require('internal/streams/writable');
const { Duplex, Transform, PassThrough } = require('internal/streams/duplex');
const { pipeline, pipelineImpl } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add_abort_signal');
const utils = require('internal/streams/utils');

function finished(stream, options, callback) {
  return utils.eos.apply(this, arguments);
}
Object.defineProperty(finished, require('util').promisify.custom, {
  enumerable: true,
  configurable: true,
  value: utils.finishedPromise,
});

// The promise forms, as in `require('stream/promises')`.
function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !utils.isNodeStream(last) && !utils.isIterable(last)) {
      opts = streams.pop();
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
  });
}
Object.defineProperty(pipeline, require('util').promisify.custom, {
  enumerable: true,
  configurable: true,
  value: pipelinePromise,
});

const promises = { pipeline: pipelinePromise, finished: utils.finishedPromise };

// compose(...streams): one Duplex writing into the first stream and reading from the last.
function compose(...streams) {
  if (streams.length === 0) throw utils.errors.missingArgs('streams');
  if (streams.length === 1) return streams[0];
  const head = streams[0];
  const tail = streams[streams.length - 1];
  let onDrain = null;
  let onFinish = null;
  let onRead = null;
  const duplex = new Duplex({
    objectMode: !!(head.writableObjectMode || tail.readableObjectMode),
    writable: utils.isWritableNodeStream(head),
    readable: utils.isReadableNodeStream(tail),
    write(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else onDrain = callback;
    },
    final(callback) {
      head.end();
      onFinish = callback;
    },
    read() {
      const next = onRead;
      onRead = null;
      if (next) next();
    },
    destroy(err, callback) {
      if (!err && onFinish !== null) err = new utils.AbortError();
      onRead = onDrain = onFinish = null;
      if (onReadable) tail.removeListener('readable', onReadable);
      utils.destroyer(tail, err);
      callback(err);
    },
  });
  head.on('drain', () => {
    if (onDrain) {
      const callback = onDrain;
      onDrain = null;
      callback();
    }
  });
  head.on('finish', () => {
    if (onFinish) {
      const callback = onFinish;
      onFinish = null;
      callback();
    }
  });
  let onReadable = null;
  if (utils.isReadableNodeStream(tail)) {
    onReadable = () => {
      for (;;) {
        const chunk = tail.read();
        if (chunk === null) {
          onRead = onReadable;
          return;
        }
        if (!duplex.push(chunk)) return;
      }
    };
    tail.on('readable', onReadable);
    tail.on('end', () => duplex.push(null));
  }
  pipeline(streams, (err) => {
    if (err) duplex.destroy(err);
  });
  return duplex;
}

module.exports = Stream;
Object.assign(Stream, {
  Stream,
  Readable,
  Writable,
  Duplex,
  Transform,
  PassThrough,
  pipeline,
  finished,
  addAbortSignal,
  compose,
  destroy: utils.destroyer,
  isReadable: utils.isReadable,
  isWritable: utils.isWritable,
  isErrored: utils.isErrored,
  isDisturbed: utils.isDisturbed,
  isDestroyed: utils.isDestroyed,
  getDefaultHighWaterMark: utils.getDefaultHighWaterMark,
  setDefaultHighWaterMark: utils.setDefaultHighWaterMark,
  _isUint8Array: (value) => value instanceof Uint8Array,
  _uint8ArrayToBuffer: (chunk) => require('buffer').Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
});
Object.defineProperty(Stream, 'promises', { enumerable: true, configurable: true, get: () => promises });
