// fetch(): a Request sent with the runtime's own http client, redirects followed as the Fetch
// standard says, the response body decompressed, and failures reported as undici reports
// them in Node (a TypeError "fetch failed" whose `cause` is the underlying error). This module
// also gathers the fetch globals: fetch, Headers, Request, Response, FormData.
'use strict';
const { URL } = require('internal/whatwg_url');
const { nodeError } = require('internal/errors');
const { Headers, headersFromRaw, wireEntries, getHeader, removeHeader, setGuard } = require('internal/fetch/headers');
const { createStream, readableSource, errorStream, resendableBody } = require('internal/fetch/body');
const { Request, requestState } = require('internal/fetch/request');
const { Response, createResponse, responseState, NULL_BODY_STATUSES, REDIRECT_STATUSES } = require('internal/fetch/response');
const { FormData, parseMimeType } = require('internal/fetch/form_data');

// The built-in module that carries each network scheme. Setting a scheme's entry to null
// switches it off: its URLs then fail with a "fetch failed" whose cause says so.
const TRANSPORTS = { 'http:': 'http', 'https:': 'https' };
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
const MAX_REDIRECTS = 20;
// Headers Node's fetch adds when the request has none of its own.
const DEFAULT_HEADERS = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];
// Methods that announce an empty body (content-length: 0) when they have none.
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);
// Headers that describe a body, dropped when a redirect turns the request into a GET.
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'];
// Headers that must not follow a redirect to another origin.
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];
// The Fetch standard's port blocklist: ports of protocols that must not be spoken to by fetch.
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

// ---------------------------------------------------------------------------------------------
// Errors.

/** The rejection for a request that never got a response: TypeError "fetch failed". */
function networkError(cause) {
  return new TypeError('fetch failed', { cause: typeof cause === 'string' ? new Error(cause) : cause });
}

/** What an abort rejects with: the signal's reason, or an AbortError DOMException. */
function abortReason(signal) {
  if (signal.reason !== undefined) return signal.reason;
  return new DOMException('This operation was aborted', 'AbortError');
}

// ---------------------------------------------------------------------------------------------
// One fetch: the controller that the abort signal and the response body share.

class FetchController {
  constructor(signal) {
    this.signal = signal;
    this.abortError = null;
    this.request = null;
    this.message = null;
    this.body = null;
    this.onAbort = () => this.abort(abortReason(signal));
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  abort(error) {
    if (this.abortError !== null) return;
    this.abortError = error;
    if (this.body !== null) errorStream(this.body, error);
    if (this.message !== null) this.message.destroy();
    if (this.request !== null) this.request.destroy();
  }

  /** The response body is done with (read, failed or dropped): the signal no longer matters. */
  finish() {
    this.signal.removeEventListener('abort', this.onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// fetch().

function fetch(input, init = undefined) {
  return fetchRequest(input, init);
}

async function fetchRequest(input, init) {
  const request = new Request(input, init);
  const state = requestState(request);
  if (state.signal.aborted) throw abortReason(state.signal);
  const controller = new FetchController(state.signal);
  try {
    return await mainFetch(state, controller);
  } catch (error) {
    controller.finish();
    throw controller.abortError !== null ? controller.abortError : error;
  }
}

/** Sends the request, following redirects as `state.redirect` says. */
async function mainFetch(state, controller) {
  let url = state.url;
  let method = state.method;
  let body = state.body;
  const headers = new Headers(state.headers);
  const urlList = [url];
  for (let redirects = 0; ; redirects++) {
    const local = localSchemeResponse(url, urlList);
    if (local !== null) {
      controller.finish();
      return local;
    }
    const message = await sendRequest(url, method, headers, body, controller);
    // Aborted after the response arrived but before this ran: nothing else saw the abort.
    if (controller.abortError !== null) {
      message.destroy();
      throw controller.abortError;
    }
    const status = message.statusCode;
    const location = message.headers.location;
    if (!REDIRECT_STATUSES.has(status) || state.redirect === 'manual') {
      return responseFrom(message, method, urlList, controller);
    }
    if (state.redirect === 'error') {
      message.destroy();
      throw networkError('unexpected redirect');
    }
    if (location === undefined) return responseFrom(message, method, urlList, controller);
    // The redirect's own body is not wanted: drain it so the connection can be reused.
    message.resume();
    const next = redirectTarget(location, url, redirects);
    if (body !== null && status !== 303 && body.parts === null) {
      // A stream cannot be sent twice. Node gives no message either.
      throw networkError(new Error());
    }
    if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD')) {
      method = 'GET';
      body = null;
      for (const name of BODY_HEADERS) removeHeader(headers, name);
    }
    if (next.origin !== url.origin) {
      for (const name of CREDENTIAL_HEADERS) removeHeader(headers, name);
    }
    if (body !== null) body = resendableBody(body);
    // The fragment stays with the request when the new location has none.
    if (next.hash === '' && url.hash !== '') next.hash = url.hash;
    url = next;
    urlList.push(url);
  }
}

function redirectTarget(location, base, redirects) {
  let next;
  try {
    next = new URL(location, base);
  } catch (error) {
    throw networkError(error);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw networkError('URL scheme must be a HTTP(S) scheme');
  if (redirects >= MAX_REDIRECTS) throw networkError('redirect count exceeded');
  return next;
}

/** A response for the schemes answered without the network, or null for http(s). */
function localSchemeResponse(url, urlList) {
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      if (BAD_PORTS.has(Number(url.port))) throw networkError('bad port');
      return null;
    case 'data:':
      return dataURLResponse(url, urlList);
    case 'about:':
      throw networkError('about scheme is not supported');
    case 'blob:':
      // No Blob URLs are ever registered in this runtime (URL.createObjectURL is absent).
      throw networkError('invalid method');
    case 'file:':
      throw networkError('not implemented... yet...');
    default:
      throw networkError('unknown scheme');
  }
}

// ---------------------------------------------------------------------------------------------
// http and https.

const agents = new Map();

function transportFor(protocol) {
  const id = TRANSPORTS[protocol];
  if (id === null) {
    throw networkError(nodeError(Error, 'ERR_PACK_UNAVAILABLE', `fetch cannot reach ${protocol} URLs: this runtime's fetch has no transport for them`));
  }
  const transport = require(id);
  // fetch keeps its own connections, apart from the module's globalAgent, as undici does in Node.
  if (!agents.has(id)) agents.set(id, new transport.Agent({ keepAlive: true }));
  return { transport, agent: agents.get(id) };
}

/** The request's headers as sent: host first, the request's own, then Node's defaults. */
function headerList(url, method, headers, body) {
  const flat = [];
  if (getHeader(headers, 'host') === null) flat.push('host', url.host);
  for (const [name, value] of wireEntries(headers)) flat.push(name, value);
  for (const [name, value] of DEFAULT_HEADERS) {
    if (getHeader(headers, name) === null) flat.push(name, value);
  }
  if (getHeader(headers, 'content-length') === null) {
    if (body !== null && body.length !== null) flat.push('content-length', `${body.length}`);
    else if (body === null && PAYLOAD_METHODS.has(method)) flat.push('content-length', '0');
  }
  return flat;
}

/** Sends one request; resolves with the response's IncomingMessage. */
function sendRequest(url, method, headers, body, controller) {
  const { transport, agent } = transportFor(url.protocol);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = transport.request({
        protocol: url.protocol,
        hostname,
        port: url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method,
        headers: headerList(url, method, headers, body),
        agent,
        setHost: false,
      });
    } catch (error) {
      reject(networkError(error));
      return;
    }
    controller.request = req;
    req.once('response', (message) => {
      controller.request = null;
      resolve(message);
    });
    // `on`, not `once`: a later error (after an abort, say) must not go unhandled.
    req.on('error', (error) => {
      controller.request = null;
      reject(controller.abortError !== null ? controller.abortError : networkError(error));
    });
    writeBody(req, body).catch((error) => req.destroy(error));
  });
}

/**
 * Writes the body. A body of known length goes out with its Content-Length (a single chunk
 * whole, with end()); a stream goes out chunked, as Node's fetch sends it.
 */
async function writeBody(req, body) {
  if (body === null) {
    req.end();
    return;
  }
  const reader = body.stream.getReader();
  let held = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (held !== null) await writeChunk(req, held);
    held = value;
    if (body.length === null) {
      await writeChunk(req, held);
      held = null;
    }
  }
  if (held === null) req.end();
  else req.end(held);
}

function writeChunk(req, chunk) {
  if (req.destroyed) return Promise.reject(new Error('the request was destroyed'));
  if (req.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

// ---------------------------------------------------------------------------------------------
// Responses.

/** Decoders for the response's content codings, outermost first; none if one is unknown. */
function decoderList(message, method) {
  const header = message.headers['content-encoding'];
  if (header === undefined || method === 'HEAD' || method === 'CONNECT' || NULL_BODY_STATUSES.has(message.statusCode)) return [];
  const zlib = require('zlib');
  const decoders = [];
  const codings = header.toLowerCase().split(',').map((coding) => coding.trim()).filter(Boolean).reverse();
  for (const coding of codings) {
    // Lenient flushing, as in Node: a body cut short yields what it has instead of an error.
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoders.push(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    } else if (coding === 'deflate') {
      decoders.push(zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    } else if (coding === 'br') {
      decoders.push(zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      }));
    } else {
      // An unknown coding: the body is handed over as it came.
      for (const decoder of decoders) decoder.destroy();
      return [];
    }
  }
  return decoders;
}

function responseFrom(message, method, urlList, controller) {
  const status = message.statusCode;
  let body = null;
  if (method === 'HEAD' || method === 'CONNECT' || NULL_BODY_STATUSES.has(status)) {
    message.resume();
    controller.finish();
  } else {
    body = { stream: createStream(bodySource(message, method, controller)), parts: null, length: null };
    controller.message = message;
    controller.body = body.stream;
  }
  return createResponse({
    // Once a redirect has crossed to another origin, the response is a CORS one, as in Node.
    type: urlList.every((url) => url.origin === urlList[0].origin) ? 'basic' : 'cors',
    status,
    statusText: message.statusMessage || '',
    headers: headersFromRaw(message.rawHeaders, 'immutable'),
    body,
    urlList: [...urlList],
  });
}

function bodySource(message, method, controller) {
  const decoders = decoderList(message, method);
  let readable = message;
  if (decoders.length > 0) {
    readable = require('stream').pipeline(message, ...decoders, () => {});
  }
  // Failures reach the reader through the stream's iterator; a body nobody reads must not
  // turn them into uncaught exceptions.
  message.on('error', () => {});
  if (readable !== message) readable.on('error', () => {});
  // A body that fails midway (connection lost, bad compressed data) reads as "terminated".
  const source = readableSource(readable, (error) => {
    controller.finish();
    return controller.abortError !== null ? controller.abortError : new TypeError('terminated', { cause: error });
  });
  const pull = source.pull;
  source.pull = async () => {
    const chunk = await pull();
    if (chunk === null) controller.finish();
    return chunk;
  };
  const cancel = source.cancel;
  source.cancel = (reason) => {
    controller.finish();
    message.destroy();
    return cancel(reason);
  };
  return source;
}

// ---------------------------------------------------------------------------------------------
// data: URLs.

function percentDecode(text) {
  const bytes = require('internal/encoding').utf8Encode(text);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x25 && i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1], bytes[i + 2]) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out[length++] = parseInt(hex, 16);
      i += 2;
    } else {
      out[length++] = bytes[i];
    }
  }
  return out.slice(0, length);
}

/** The MIME type as the Fetch standard serializes it: lower-case names, values as given. */
function serializeMimeType(mime) {
  let text = mime.essence;
  for (const [key, value] of mime.params) text += `;${key}=${/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`}`;
  return text;
}

function dataURLResponse(url, urlList) {
  const href = url.href;
  const withoutFragment = href.slice(5, url.hash === '' ? href.length : href.length - url.hash.length);
  const comma = withoutFragment.indexOf(',');
  if (comma === -1) throw networkError('failed to fetch the data URL');
  let type = withoutFragment.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  let bytes = percentDecode(withoutFragment.slice(comma + 1));
  const base64 = /;[\u0020]*base64$/i.exec(type);
  if (base64 !== null) {
    type = type.slice(0, base64.index);
    const encoding = require('internal/encoding');
    try {
      bytes = encoding.latin1Encode(require('buffer').atob(encoding.latin1Decode(bytes)));
    } catch {
      throw networkError('failed to fetch the data URL');
    }
  }
  if (type.startsWith(';')) type = `text/plain${type}`;
  const mime = parseMimeType(type);
  const contentType = mime === null ? 'text/plain;charset=US-ASCII' : serializeMimeType(mime);
  const response = new Response(bytes, { headers: [['content-type', contentType]] });
  return retype(response, urlList);
}

/** A Response made locally, given what fetch() responses carry: type, URL list, "OK". */
function retype(response, urlList) {
  const state = responseState(response);
  state.type = 'basic';
  state.statusText = 'OK';
  state.urlList = [...urlList];
  setGuard(state.headers, 'immutable');
  return response;
}

module.exports = { fetch, Headers, Request, Response, FormData };
