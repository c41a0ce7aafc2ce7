// The Fetch standard's Request: a URL, a method, headers, an optional body and the options
// fetch() honours (redirect, signal); the browser-only options are kept for their getters.
'use strict';
const { URL } = require('internal/whatwg_url');
const { AbortController, AbortSignal } = require('internal/abort_controller');
const {
  customInspect, illegalInvocation, requireArgs, toByteString, toEnum, enumerableMembers, defineToStringTag, inspectAs,
} = require('internal/fetch/webidl');
const { Headers, createHeaders, getHeader, appendHeader, setGuard } = require('internal/fetch/headers');
const { extractBody, installBodyMembers, bodyStreamOf, isDisturbed, isUnusable, takeBody, cloneBody } = require('internal/fetch/body');

const kInternal = Symbol('internal');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Spelled in upper case whatever case they are given in; other methods are kept as written.
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const CORS_SAFE_METHODS = new Set(['GET', 'HEAD', 'POST']);

const ENUMS = {
  mode: ['same-origin', 'no-cors', 'cors', 'navigate', 'websocket'],
  credentials: ['omit', 'same-origin', 'include'],
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  redirect: ['follow', 'manual', 'error'],
  referrerPolicy: [
    '', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
    'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url',
  ],
  duplex: ['half'],
  priority: ['high', 'low', 'auto'],
};

// Each Request's state: method, url (a URL), headers, body, signal and the option values.
const states = new WeakMap();

function stateOf(request) {
  const state = states.get(request);
  if (state === undefined) throw illegalInvocation();
  return state;
}

function parseURL(input) {
  try {
    return new URL(`${input}`);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
}

let warnedPatch = false;

function normalizeMethod(value) {
  const method = toByteString(value);
  if (!TOKEN.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  const upper = method.toUpperCase();
  if (FORBIDDEN_METHODS.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  if (NORMALIZED_METHODS.has(upper)) return upper;
  if (method === 'patch' && !warnedPatch) {
    // Node warns because servers rarely accept the lower-case spelling.
    warnedPatch = true;
    process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. `PATCH` is much more likely to succeed.', {
      code: 'UNDICI-FETCH-patch',
    });
  }
  return method;
}

function checkInit(init) {
  if (init === undefined || init === null) return {};
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(`Request constructor: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
  }
  return init;
}

/** A signal of the Request's own that aborts when `source` does. */
function followSignal(source) {
  const controller = new AbortController();
  if (source === null) return controller.signal;
  if (source.aborted) controller.abort(source.reason);
  else source.addEventListener('abort', () => controller.abort(source.reason), { once: true });
  return controller.signal;
}

function defaultState(url) {
  return {
    method: 'GET',
    url,
    headers: null,
    body: null,
    signal: null,
    mode: 'cors',
    credentials: 'same-origin',
    cache: 'default',
    redirect: 'follow',
    referrer: 'about:client',
    referrerPolicy: '',
    integrity: '',
    keepalive: false,
  };
}

function referrerOf(value) {
  const text = `${value}`;
  if (text === '') return '';
  const url = parseURL(text);
  return url.href === 'about:client' ? 'about:client' : url.href;
}

class Request {
  constructor(input, init = undefined) {
    if (input === kInternal) {
      states.set(this, init);
      return;
    }
    requireArgs(arguments.length, 1, 'Request constructor');
    init = checkInit(init);
    const inputState = input instanceof Request ? stateOf(input) : null;
    const state = inputState === null ? defaultState(parseURL(input)) : { ...inputState, url: new URL(inputState.url.href) };
    if (inputState === null && (state.url.username !== '' || state.url.password !== '')) {
      throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
    }
    applyOptions(state, init);
    if (init.window !== undefined && init.window !== null) throw new TypeError("'window' option 'client' must be null");
    if (init.signal !== undefined && init.signal !== null && !(init.signal instanceof AbortSignal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    const signal = init.signal !== undefined ? init.signal : inputState === null ? null : inputState.signal;
    state.signal = followSignal(signal);
    state.headers = createHeaders(init.headers !== undefined ? init.headers : inputState === null ? undefined : inputState.headers, 'request');
    if (state.mode === 'no-cors' && !CORS_SAFE_METHODS.has(state.method)) {
      throw new TypeError(`'${state.method} is unsupported in no-cors mode.`);
    }
    setBody(state, init, inputState);
    states.set(this, state);
  }

  get method() {
    return stateOf(this).method;
  }

  get url() {
    return stateOf(this).url.href;
  }

  get headers() {
    return stateOf(this).headers;
  }

  get destination() {
    stateOf(this);
    return '';
  }

  get referrer() {
    return stateOf(this).referrer;
  }

  get referrerPolicy() {
    return stateOf(this).referrerPolicy;
  }

  get mode() {
    return stateOf(this).mode;
  }

  get credentials() {
    return stateOf(this).credentials;
  }

  get cache() {
    return stateOf(this).cache;
  }

  get redirect() {
    return stateOf(this).redirect;
  }

  get integrity() {
    return stateOf(this).integrity;
  }

  get keepalive() {
    return stateOf(this).keepalive;
  }

  get isReloadNavigation() {
    stateOf(this);
    return false;
  }

  get isHistoryNavigation() {
    stateOf(this);
    return false;
  }

  get signal() {
    return stateOf(this).signal;
  }

  get body() {
    return bodyStreamOf(stateOf(this).body);
  }

  get bodyUsed() {
    return isDisturbed(stateOf(this).body);
  }

  get duplex() {
    stateOf(this);
    return 'half';
  }

  clone() {
    const state = stateOf(this);
    if (isUnusable(state.body)) throw new TypeError('unusable');
    return new Request(kInternal, cloneState(state));
  }

  [customInspect](depth, options, inspect) {
    const fields = {};
    for (const key of [
      'method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect',
      'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation', 'signal',
    ]) {
      fields[key] = this[key];
    }
    return inspectAs('Request', fields, options, inspect);
  }
}
installBodyMembers(Request, stateOf);
enumerableMembers(Request);
defineToStringTag(Request, 'Request');

/** The init members that are plain values: method, mode, redirect, and the rest. */
function applyOptions(state, init) {
  if (init.referrer !== undefined) state.referrer = referrerOf(init.referrer);
  for (const key of ['referrerPolicy', 'credentials', 'cache', 'redirect', 'duplex', 'priority']) {
    const value = toEnum(init[key], ENUMS[key], 'Request constructor');
    if (value !== undefined && key in state) state[key] = value;
  }
  if (init.mode !== undefined) {
    const mode = `${init.mode}`;
    if (mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
    state.mode = toEnum(mode, ENUMS.mode, 'Request constructor');
  }
  if (state.cache === 'only-if-cached' && state.mode !== 'same-origin') {
    throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
  }
  if (init.integrity !== undefined) state.integrity = `${init.integrity}`;
  if (init.keepalive !== undefined) state.keepalive = Boolean(init.keepalive);
  if (init.method !== undefined) state.method = normalizeMethod(init.method);
}

function setBody(state, init, inputState) {
  const inputBody = inputState === null ? null : inputState.body;
  const initBody = init.body === undefined ? null : init.body;
  if ((initBody !== null || inputBody !== null) && (state.method === 'GET' || state.method === 'HEAD')) {
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  }
  if (initBody !== null) {
    const { body, type } = extractBody(initBody);
    if (type !== null && getHeader(state.headers, 'content-type') === null) appendHeader(state.headers, 'content-type', type);
    if (body.parts === null && init.duplex === undefined) {
      throw new TypeError('RequestInit: duplex option is required when sending a body.');
    }
    state.body = body;
    return;
  }
  if (inputBody !== null) {
    if (isUnusable(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
    state.body = takeBody(inputBody);
  }
}

function cloneState(state) {
  const copy = { ...state, url: new URL(state.url.href), headers: new Headers(state.headers), signal: followSignal(state.signal) };
  setGuard(copy.headers, 'request');
  if (state.body !== null) [state.body, copy.body] = cloneBody(state.body);
  return copy;
}

/** The state fetch() sends: method, url (a URL), headers, body, redirect, signal. */
function requestState(request) {
  return stateOf(request);
}

module.exports = { Request, requestState };
