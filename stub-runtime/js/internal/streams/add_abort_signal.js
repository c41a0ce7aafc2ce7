// addAbortSignal(signal, stream): destroys the stream with an AbortError when the signal fires.
'use strict';
const utils = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  utils.validateAbortSignal(signal, 'signal');
  if (!utils.isNodeStream(stream)) throw utils.errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = () => stream.destroy(new utils.AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    utils.eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
