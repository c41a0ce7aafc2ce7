// Bodies of Requests and Responses: turning a body init (string, bytes, Blob, FormData,
// URLSearchParams, a stream or an async iterable) into bytes to send, and reading a body back
// (text, json, arrayBuffer, bytes, blob, formData), each body at most once.
//
// The runtime has no WHATWG streams, so `body` is a small byte stream of its own: it reads like
// a ReadableStream (getReader().read(), cancel, tee, `for await`), which is what most code does
// with a fetch body, but it cannot be piped into other web streams.
'use strict';
const { Blob } = require('buffer');
const encoding = require('internal/encoding');
const { URLSearchParams } = require('internal/whatwg_url');
const { nodeError } = require('internal/errors');
const { customInspect, illegalInvocation, inspectAs, enumerableMembers, defineToStringTag } = require('internal/fetch/webidl');

const kInternal = Symbol('internal');

// ---------------------------------------------------------------------------------------------
// The body stream.
//
// A stream reads from a source `{ pull(): Promise<Uint8Array|null>, cancel(reason) }`; null
// means the end. Its record: state ('readable', 'closed', 'errored'), the stored error,
// whether it was ever read or cancelled (`disturbed`), the reader holding its lock, and the
// chain that keeps reads in order.

const streams = new WeakMap();

function streamRecord(stream) {
  const record = streams.get(stream);
  if (record === undefined) throw illegalInvocation();
  return record;
}

function invalidState(message) {
  return nodeError(TypeError, 'ERR_INVALID_STATE', `Invalid state: ${message}`);
}

class ReadableStream {
  constructor(key, source) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
    streams.set(this, { source, state: 'readable', error: undefined, disturbed: false, reader: null, chain: Promise.resolve() });
  }

  get locked() {
    return streamRecord(this).reader !== null;
  }

  cancel(reason = undefined) {
    let record;
    try {
      record = streamRecord(this);
    } catch (error) {
      return Promise.reject(error);
    }
    if (record.reader !== null) return Promise.reject(invalidState('ReadableStream is locked'));
    return cancelStream(record, reason);
  }

  getReader(options = undefined) {
    const record = streamRecord(this);
    if (options != null && options.mode !== undefined) {
      if (`${options.mode}` !== 'byob') throw new TypeError(`${options.mode} is not a valid ReadableStreamReaderMode`);
      throw nodeError(TypeError, 'ERR_METHOD_NOT_IMPLEMENTED', 'BYOB readers are not supported by this runtime');
    }
    if (record.reader !== null) throw invalidState('ReadableStream is locked');
    return new ReadableStreamDefaultReader(kInternal, record);
  }

  pipeThrough() {
    throw nodeError(TypeError, 'ERR_METHOD_NOT_IMPLEMENTED', 'The pipeThrough() method is not implemented');
  }

  pipeTo() {
    return Promise.reject(nodeError(TypeError, 'ERR_METHOD_NOT_IMPLEMENTED', 'The pipeTo() method is not implemented'));
  }

  tee() {
    const record = streamRecord(this);
    if (record.reader !== null) throw invalidState('ReadableStream is locked');
    return teeStream(this);
  }

  values(options = undefined) {
    const reader = this.getReader();
    const preventCancel = Boolean(options != null && options.preventCancel);
    return streamIterator(reader, preventCancel);
  }

  [customInspect](depth, options, inspect) {
    const record = streamRecord(this);
    return inspectAs('ReadableStream', { locked: record.reader !== null, state: record.state, supportsBYOB: true }, options, inspect);
  }
}
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values,
  writable: true,
  configurable: true,
});
enumerableMembers(ReadableStream);
defineToStringTag(ReadableStream, 'ReadableStream');

function cancelStream(record, reason) {
  record.disturbed = true;
  if (record.state === 'closed') return Promise.resolve();
  if (record.state === 'errored') return Promise.reject(record.error);
  closeStream(record);
  try {
    return Promise.resolve(record.source.cancel(reason)).then(() => undefined);
  } catch (error) {
    return Promise.reject(error);
  }
}

function closeStream(record) {
  record.state = 'closed';
  if (record.reader !== null) settleReader(record.reader, null);
}

/**
 * Errors a stream from outside (fetch's abort): pending and later reads reject with `error`,
 * and the source is told to stop.
 */
function errorStream(stream, error) {
  const record = streams.get(stream);
  if (record === undefined || record.state !== 'readable') return;
  errorStreamRecord(record, error);
  try {
    Promise.resolve(record.source.cancel(error)).catch(() => {});
  } catch {
    // The source is going away anyway.
  }
}

async function readChunk(record) {
  if (record.state === 'closed') return { value: undefined, done: true };
  if (record.state === 'errored') throw record.error;
  let chunk;
  try {
    chunk = await record.source.pull();
  } catch (error) {
    errorStreamRecord(record, error);
    throw record.error;
  }
  // Errored or cancelled while the pull was under way: the pulled chunk is dropped.
  if (record.state === 'errored') throw record.error;
  if (record.state === 'closed') return { value: undefined, done: true };
  if (chunk === null) {
    closeStream(record);
    return { value: undefined, done: true };
  }
  return { value: chunk, done: false };
}

function errorStreamRecord(record, error) {
  if (record.state !== 'readable') return;
  record.state = 'errored';
  record.error = error;
  if (record.reader !== null) settleReader(record.reader, error);
}

function readStream(record) {
  record.disturbed = true;
  const result = record.chain.then(() => readChunk(record));
  record.chain = result.catch(() => {});
  return result;
}

// Each reader's function that settles its `closed` promise (null: closed, else the error).
const closers = new WeakMap();

function settleReader(reader, error) {
  const settle = closers.get(reader);
  if (settle === undefined) return;
  closers.delete(reader);
  settle(error);
}

class ReadableStreamDefaultReader {
  #record;
  #closed;

  constructor(key, record) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
    this.#record = record;
    record.reader = this;
    this.#closed = new Promise((resolve, reject) => {
      closers.set(this, (error) => (error === null ? resolve() : reject(error)));
    });
    this.#closed.catch(() => {});
    if (record.state === 'closed') settleReader(this, null);
    else if (record.state === 'errored') settleReader(this, record.error);
  }

  read() {
    if (this.#record === null) return Promise.reject(invalidState('Reader released'));
    return readStream(this.#record);
  }

  releaseLock() {
    const record = this.#record;
    if (record === null) return;
    record.reader = null;
    this.#record = null;
    // As in Node, a released reader's `closed` rejects from now on.
    const released = invalidState('Reader released');
    settleReader(this, released);
    this.#closed = Promise.reject(released);
    this.#closed.catch(() => {});
  }

  get closed() {
    return this.#closed;
  }

  cancel(reason = undefined) {
    if (this.#record === null) return Promise.reject(invalidState('Reader released'));
    return cancelStream(this.#record, reason);
  }
}
enumerableMembers(ReadableStreamDefaultReader);
defineToStringTag(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

/** The async iterator `for await (const chunk of body)` uses. */
function streamIterator(reader, preventCancel) {
  let finished = false;
  const finish = () => {
    finished = true;
    reader.releaseLock();
  };
  return Object.create(AsyncIteratorPrototype, {
    next: {
      value: async function next() {
        if (finished) return { value: undefined, done: true };
        let result;
        try {
          result = await reader.read();
        } catch (error) {
          finish();
          throw error;
        }
        if (result.done) finish();
        return result;
      },
      writable: true,
      configurable: true,
    },
    return: {
      value: async function (value) {
        if (!finished) {
          const cancelled = preventCancel ? undefined : reader.cancel(value);
          finish();
          await cancelled;
        }
        return { value, done: true };
      },
      writable: true,
      configurable: true,
    },
  });
}

/** Two streams that each see every chunk of `stream` (which stays locked to them). */
function teeStream(stream) {
  const reader = stream.getReader();
  const queues = [[], []];
  const cancelled = [false, false];
  let ended = false;
  let failure = null;
  let pulling = null;

  function pullOnce() {
    if (pulling === null) {
      pulling = reader.read().then(
        ({ value, done }) => {
          pulling = null;
          if (done) ended = true;
          // Each branch gets its own copy, so one reader cannot change what the other sees.
          else queues.forEach((queue, i) => !cancelled[i] && queue.push(i === 0 ? value : value.slice()));
        },
        (error) => {
          pulling = null;
          failure = { error };
        },
      );
    }
    return pulling;
  }

  const branch = (i) =>
    new ReadableStream(kInternal, {
      async pull() {
        while (queues[i].length === 0) {
          if (failure !== null) throw failure.error;
          if (ended) return null;
          await pullOnce();
        }
        return queues[i].shift();
      },
      cancel(reason) {
        cancelled[i] = true;
        queues[i] = [];
        if (cancelled[0] && cancelled[1]) return reader.cancel(reason);
        return undefined;
      },
    });
  return [branch(0), branch(1)];
}

// ---------------------------------------------------------------------------------------------
// Sources.

/** Bytes and Blobs, read in order; kept so the body can be sent again (after a redirect). */
function partsSource(parts) {
  let index = 0;
  return {
    async pull() {
      while (index < parts.length) {
        const part = parts[index++];
        // A copy: whoever reads the chunk may change it, and the parts are shared with clones.
        const bytes = part instanceof Blob ? new Uint8Array(await part.arrayBuffer()) : part.slice();
        if (bytes.length > 0) return bytes;
      }
      return null;
    },
    cancel() {
      index = parts.length;
    },
  };
}

function toChunk(value) {
  if (typeof value === 'string') return encoding.utf8Encode(value);
  if (encoding.isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('Received non-Uint8Array chunk');
}

/** An async iterable (a Node Readable, an async generator) as a source. */
function iterableSource(iterable) {
  let iterator = null;
  return {
    async pull() {
      if (iterator === null) iterator = iterable[Symbol.asyncIterator]();
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return null;
        const chunk = toChunk(value);
        if (chunk.length > 0) return chunk;
      }
    },
    async cancel(reason) {
      if (iterator !== null && typeof iterator.return === 'function') await iterator.return(reason);
    },
  };
}

/** Something with getReader() (a web ReadableStream from elsewhere) as a source. */
function readerSource(webStream) {
  let reader = null;
  return {
    async pull() {
      if (reader === null) reader = webStream.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        const chunk = toChunk(value);
        if (chunk.length > 0) return chunk;
      }
    },
    cancel(reason) {
      return reader === null ? webStream.cancel(reason) : reader.cancel(reason);
    },
  };
}

/**
 * A Node Readable as a source: the body of a fetched response. `mapError` turns the stream's
 * error into the one readers see.
 */
function readableSource(readable, mapError) {
  let iterator = null;
  return {
    async pull() {
      if (iterator === null) iterator = readable[Symbol.asyncIterator]();
      for (;;) {
        let step;
        try {
          step = await iterator.next();
        } catch (error) {
          throw mapError(error);
        }
        if (step.done) return null;
        if (step.value.length > 0) return new Uint8Array(step.value.buffer, step.value.byteOffset, step.value.length);
      }
    },
    cancel() {
      readable.destroy();
    },
  };
}

function createStream(source) {
  return new ReadableStream(kInternal, source);
}

// ---------------------------------------------------------------------------------------------
// Extracting a body from a body init.
//
// A body is `{ stream, parts, length }`: `parts` (bytes and Blobs) when it can be sent again,
// null for a stream; `length` when known in advance. `extractBody` also gives the Content-Type
// the init implies, or null.

function bodyFromParts(parts, length) {
  return { stream: createStream(partsSource(parts)), parts, length };
}

function isBodyStream(value) {
  return streams.has(value);
}

function extractBody(init) {
  if (typeof init === 'string') {
    const bytes = encoding.utf8Encode(init);
    return { body: bodyFromParts([bytes], bytes.length), type: 'text/plain;charset=UTF-8' };
  }
  if (init instanceof URLSearchParams) {
    const bytes = encoding.utf8Encode(init.toString());
    return { body: bodyFromParts([bytes], bytes.length), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (encoding.isAnyArrayBuffer(init) || ArrayBuffer.isView(init)) {
    const bytes = encoding.copyOf(init);
    return { body: bodyFromParts([bytes], bytes.length), type: null };
  }
  if (init instanceof Blob) {
    return { body: bodyFromParts([init], init.size), type: init.type === '' ? null : init.type };
  }
  const formData = require('internal/fetch/form_data');
  if (formData.isFormData(init)) {
    const { parts, length, boundary } = formData.multipartParts(init);
    return { body: bodyFromParts(parts, length), type: `multipart/form-data; boundary=${boundary}` };
  }
  if (isBodyStream(init)) {
    const record = streamRecord(init);
    if (record.disturbed || record.reader !== null) throw new TypeError('Response body object should not be disturbed or locked');
    return { body: { stream: init, parts: null, length: null }, type: null };
  }
  if (init !== null && typeof init === 'object' && typeof init.getReader === 'function') {
    if (init.locked) throw new TypeError('Response body object should not be disturbed or locked');
    return { body: { stream: createStream(readerSource(init)), parts: null, length: null }, type: null };
  }
  if (init !== null && typeof init === 'object' && typeof init[Symbol.asyncIterator] === 'function') {
    return { body: { stream: createStream(iterableSource(init)), parts: null, length: null }, type: null };
  }
  const bytes = encoding.utf8Encode(`${init}`);
  return { body: bodyFromParts([bytes], bytes.length), type: 'text/plain;charset=UTF-8' };
}

/** The same body again, for a redirected request; null when it was a stream. */
function resendableBody(body) {
  return body.parts === null ? null : bodyFromParts(body.parts, body.length);
}

function isUnusable(body) {
  if (body === null) return false;
  const record = streamRecord(body.stream);
  return record.disturbed || record.reader !== null;
}

/** A body moves to a new Request: the old one's stream reads as used from now on. */
function takeBody(body) {
  if (body.parts !== null) {
    streamRecord(body.stream).disturbed = true;
    return bodyFromParts(body.parts, body.length);
  }
  const reader = body.stream.getReader();
  const stream = createStream({
    async pull() {
      const { value, done } = await reader.read();
      return done ? null : value;
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { stream, parts: null, length: body.length };
}

/** Two bodies with the same contents, for clone(): the original's stream is replaced too. */
function cloneBody(body) {
  if (body.parts !== null) {
    // As after a tee, the stream the body had before stays locked.
    body.stream.getReader();
    return [bodyFromParts(body.parts, body.length), bodyFromParts(body.parts, body.length)];
  }
  const [first, second] = body.stream.tee();
  return [
    { stream: first, parts: null, length: body.length },
    { stream: second, parts: null, length: body.length },
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading a body.

function concatChunks(chunks) {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function unusableError() {
  return new TypeError('Body is unusable: Body has already been read');
}

/** All of a body's bytes (a new array the caller may keep); the body is used up. */
async function readAllBytes(body) {
  if (body === null) return new Uint8Array(0);
  if (isUnusable(body)) throw unusableError();
  const reader = body.stream.getReader();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  reader.releaseLock();
  if (chunks.length === 0) return new Uint8Array(0);
  // arrayBuffer() hands out the chunk's buffer, which must hold exactly the body.
  const [first] = chunks;
  if (chunks.length === 1 && (first.byteOffset !== 0 || first.byteLength !== first.buffer.byteLength)) return first.slice();
  return concatChunks(chunks);
}

function decodeText(bytes) {
  // UTF-8 decode as the Fetch standard says: a leading BOM is dropped, bad bytes become U+FFFD.
  return new encoding.TextDecoder().decode(bytes);
}

/** The `body` getter's value: the stream, or null. */
function bodyStreamOf(body) {
  return body === null ? null : body.stream;
}

/** The `bodyUsed` getter's value: whether the body was ever read from or cancelled. */
function isDisturbed(body) {
  return body !== null && streamRecord(body.stream).disturbed;
}

/**
 * Adds the Body methods (text, json, ...) to a Request or Response prototype. `stateOf(object)` brand-checks and
 * returns `{ body, headers }`.
 */
function installBodyMembers(Class, stateOf) {
  // Brand-checks before anything else; a consumer's errors arrive as rejections.
  async function consume(object, finish) {
    const state = stateOf(object);
    if (isUnusable(state.body)) throw unusableError();
    return finish(await readAllBytes(state.body), state);
  }
  const members = {
    arrayBuffer: {
      value() {
        return consume(this, (bytes) => bytes.buffer);
      },
    },
    blob: {
      value() {
        return consume(this, (bytes, state) => {
          const { getHeader } = require('internal/fetch/headers');
          return new Blob([bytes], { type: getHeader(state.headers, 'content-type') ?? '' });
        });
      },
    },
    bytes: {
      value() {
        return consume(this, (bytes) => bytes);
      },
    },
    formData: {
      value() {
        return consume(this, (bytes, state) => {
          const { getHeader } = require('internal/fetch/headers');
          return require('internal/fetch/form_data').parseFormData(bytes, getHeader(state.headers, 'content-type'));
        });
      },
    },
    json: {
      value() {
        return consume(this, (bytes) => JSON.parse(decodeText(bytes)));
      },
    },
    text: {
      value() {
        return consume(this, (bytes) => decodeText(bytes));
      },
    },
  };
  // In the order Node's classes list them.
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    Object.defineProperty(Class.prototype, name, { ...members[name], writable: true, enumerable: true, configurable: true });
  }
}

module.exports = {
  ReadableStream,
  createStream,
  readableSource,
  errorStream,
  isBodyStream,
  extractBody,
  resendableBody,
  isUnusable,
  takeBody,
  cloneBody,
  readAllBytes,
  bodyStreamOf,
  isDisturbed,
  decodeText,
  installBodyMembers,
};
