// The Fetch standard's Response: status, headers and body, made by the app (`new Response`,
// Response.json/redirect/error) or by fetch() from what the server sent.
'use strict';
const { URL } = require('internal/whatwg_url');
const encoding = require('internal/encoding');
const { customInspect, illegalInvocation, toByteString, enumerableMembers, defineToStringTag, inspectAs } = require('internal/fetch/webidl');
const { Headers, createHeaders, getHeader, appendHeader, setGuard } = require('internal/fetch/headers');
const { extractBody, installBodyMembers, bodyStreamOf, isDisturbed, isUnusable, cloneBody } = require('internal/fetch/body');

const kInternal = Symbol('internal');
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// The reason-phrase grammar: tab, space, visible ASCII and obs-text.
const REASON_PHRASE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

// Each Response's state: type, status, statusText, headers, body, urlList (URLs visited).
const states = new WeakMap();

function stateOf(response) {
  const state = states.get(response);
  if (state === undefined) throw illegalInvocation();
  return state;
}

/** WebIDL `unsigned short`: a number truncated and wrapped into 0..65535. */
function toUnsignedShort(value) {
  const number = Number(value);
  if (!Number.isFinite(number)) return 0;
  const truncated = Math.trunc(number) % 65536;
  return truncated < 0 ? truncated + 65536 : truncated;
}

function checkInit(init) {
  if (init === undefined || init === null) return {};
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(`Response constructor: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
  }
  return init;
}

/** Status, statusText and headers from a ResponseInit, and the body with its content-type. */
function initialize(state, init, extracted) {
  const status = init.status === undefined ? 200 : toUnsignedShort(init.status);
  if (status < 200 || status > 599) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  const statusText = init.statusText === undefined ? '' : toByteString(init.statusText);
  if (!REASON_PHRASE.test(statusText)) throw new TypeError('Invalid statusText');
  state.status = status;
  state.statusText = statusText;
  if (init.headers !== undefined) state.headers = createHeaders(init.headers, 'response');
  if (extracted === null) return;
  if (NULL_BODY_STATUSES.has(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
  state.body = extracted.body;
  if (extracted.type !== null && getHeader(state.headers, 'content-type') === null) {
    appendHeader(state.headers, 'content-type', extracted.type);
  }
}

function emptyState(type, guard) {
  return { type, status: 200, statusText: '', headers: createHeaders(undefined, guard), body: null, urlList: [] };
}

class Response {
  constructor(body = null, init = undefined) {
    if (body === kInternal) {
      states.set(this, init);
      return;
    }
    init = checkInit(init);
    const state = emptyState('default', 'response');
    initialize(state, init, body === null || body === undefined ? null : extractBody(body));
    states.set(this, state);
  }

  static error() {
    const state = emptyState('error', 'immutable');
    state.status = 0;
    return new Response(kInternal, state);
  }

  static json(data, init = undefined) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const bytes = encoding.utf8Encode(text);
    const state = emptyState('default', 'response');
    initialize(state, checkInit(init), { body: extractBody(bytes).body, type: 'application/json' });
    return new Response(kInternal, state);
  }

  static redirect(url, status = 302) {
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause });
    }
    status = toUnsignedShort(status);
    if (!REDIRECT_STATUSES.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const state = emptyState('default', 'immutable');
    state.status = status;
    appendHeader(state.headers, 'location', parsed.href);
    return new Response(kInternal, state);
  }

  get type() {
    return stateOf(this).type;
  }

  get url() {
    const { urlList } = stateOf(this);
    if (urlList.length === 0) return '';
    const url = new URL(urlList[urlList.length - 1].href);
    url.hash = '';
    return url.href;
  }

  get redirected() {
    return stateOf(this).urlList.length > 1;
  }

  get status() {
    return stateOf(this).status;
  }

  get ok() {
    const { status } = stateOf(this);
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return stateOf(this).statusText;
  }

  get headers() {
    return stateOf(this).headers;
  }

  get body() {
    return bodyStreamOf(stateOf(this).body);
  }

  get bodyUsed() {
    return isDisturbed(stateOf(this).body);
  }

  clone() {
    const state = stateOf(this);
    if (isUnusable(state.body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const copy = { ...state, headers: new Headers(state.headers), urlList: [...state.urlList] };
    setGuard(copy.headers, state.type === 'default' ? 'response' : 'immutable');
    if (state.body !== null) [state.body, copy.body] = cloneBody(state.body);
    return new Response(kInternal, copy);
  }

  [customInspect](depth, options, inspect) {
    const fields = {};
    for (const key of ['status', 'statusText', 'headers', 'body', 'bodyUsed', 'ok', 'redirected', 'type', 'url']) {
      fields[key] = this[key];
    }
    return inspectAs('Response', fields, options, inspect);
  }
}
installBodyMembers(Response, stateOf);
enumerableMembers(Response);
defineToStringTag(Response, 'Response');
// The static members are enumerable too, as WebIDL has them.
for (const key of ['error', 'json', 'redirect']) {
  Object.defineProperty(Response, key, { ...Object.getOwnPropertyDescriptor(Response, key), enumerable: true });
}

/** A Response for fetch(): `state` holds status, statusText, headers, body, urlList, type. */
function createResponse(state) {
  return new Response(kInternal, state);
}

module.exports = { Response, createResponse, responseState: stateOf, NULL_BODY_STATUSES, REDIRECT_STATUSES };
