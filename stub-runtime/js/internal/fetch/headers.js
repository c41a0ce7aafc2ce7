// The Fetch standard's Headers: a list of name/value pairs looked up case-insensitively.
// Values of a repeated name are kept joined with ", " (what `get` returns), except Set-Cookie,
// whose values stay separate (getSetCookie). Iteration is in lower-cased, sorted order.
'use strict';
const {
  customInspect, illegalInvocation, requireArgs, toByteString, definePairIterable, enumerableMembers,
  defineToStringTag, inspectAs,
} = require('internal/fetch/webidl');

// An RFC 9110 token: the characters a header name may use.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Leading and trailing HTTP whitespace is trimmed from values; NUL, CR and LF are refused.
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const FORBIDDEN_IN_VALUE = /[\0\r\n]/;
const INIT_TYPES = 'sequence<sequence<ByteString>>, record<ByteString, ByteString>';

// Each Headers' state: `map` (lower-cased name -> { name as first written, value joined }),
// `cookies` (the separate Set-Cookie values), `guard` ('none', 'request', 'response' or
// 'immutable') and `sorted` (the iteration list, kept until the next change).
const states = new WeakMap();

function stateOf(headers) {
  const state = states.get(headers);
  if (state === undefined) throw illegalInvocation();
  return state;
}

function normalizeValue(value) {
  return toByteString(value).replace(EDGE_WHITESPACE, '');
}

function checkName(name, context) {
  if (!TOKEN.test(name)) throw new TypeError(`${context}: "${name}" is an invalid header name.`);
}

function checkValue(value, context) {
  if (FORBIDDEN_IN_VALUE.test(value)) throw new TypeError(`${context}: "${value}" is an invalid header value.`);
}

function checkMutable(state) {
  if (state.guard === 'immutable') throw new TypeError('immutable');
}

function appendEntry(state, name, value) {
  const key = name.toLowerCase();
  const existing = state.map.get(key);
  if (existing === undefined) state.map.set(key, { name, value });
  else existing.value = `${existing.value}, ${value}`;
  if (key === 'set-cookie') state.cookies.push(value);
  state.sorted = null;
}

function appendChecked(state, name, value, context) {
  name = toByteString(name);
  value = normalizeValue(value);
  checkName(name, context);
  checkValue(value, context);
  checkMutable(state);
  appendEntry(state, name, value);
}

/** Fills from a Headers constructor argument: a Headers, a sequence of pairs or a record. */
function fill(state, init) {
  if (init === undefined) return;
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError(`Headers constructor: Argument 1 could not be converted to one of: ${INIT_TYPES}.`);
  }
  const source = states.get(init);
  if (source !== undefined) {
    for (const [, entry] of source.map) {
      if (entry.name.toLowerCase() === 'set-cookie') continue;
      appendEntry(state, entry.name, entry.value);
    }
    for (const cookie of source.cookies) appendEntry(state, 'set-cookie', cookie);
    return;
  }
  if (typeof init[Symbol.iterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError(`Headers constructor: Argument 1 could not be converted to one of: ${INIT_TYPES}.`);
      }
      const items = [...pair];
      if (items.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
      }
      appendChecked(state, items[0], items[1], 'Headers.append');
    }
    return;
  }
  for (const key of Reflect.ownKeys(init)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
    if (descriptor === undefined || !descriptor.enumerable) continue;
    appendChecked(state, key, init[key], 'Headers.append');
  }
}

/** The sort-and-combine list iteration walks; Set-Cookie values stay one entry each. */
function sortedEntries(state) {
  if (state.sorted !== null) return state.sorted;
  const names = [...state.map.keys()].sort();
  const entries = [];
  for (const name of names) {
    if (name === 'set-cookie') {
      for (const cookie of state.cookies) entries.push([name, cookie]);
    } else {
      entries.push([name, state.map.get(name).value]);
    }
  }
  state.sorted = entries;
  return entries;
}

class Headers {
  constructor(init = undefined) {
    const state = { map: new Map(), cookies: [], guard: 'none', sorted: null };
    states.set(this, state);
    fill(state, init);
  }

  append(name, value) {
    const state = stateOf(this);
    requireArgs(arguments.length, 2, 'Headers.append');
    appendChecked(state, name, value, 'Headers.append');
  }

  delete(name) {
    const state = stateOf(this);
    requireArgs(arguments.length, 1, 'Headers.delete');
    name = toByteString(name);
    checkName(name, 'Headers.delete');
    checkMutable(state);
    const key = name.toLowerCase();
    if (!state.map.delete(key)) return;
    if (key === 'set-cookie') state.cookies = [];
    state.sorted = null;
  }

  get(name) {
    const state = stateOf(this);
    requireArgs(arguments.length, 1, 'Headers.get');
    name = toByteString(name);
    checkName(name, 'Headers.get');
    const entry = state.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    const state = stateOf(this);
    requireArgs(arguments.length, 1, 'Headers.has');
    name = toByteString(name);
    checkName(name, 'Headers.has');
    return state.map.has(name.toLowerCase());
  }

  set(name, value) {
    const state = stateOf(this);
    requireArgs(arguments.length, 2, 'Headers.set');
    name = toByteString(name);
    value = normalizeValue(value);
    checkName(name, 'Headers.set');
    checkValue(value, 'Headers.set');
    checkMutable(state);
    const key = name.toLowerCase();
    const existing = state.map.get(key);
    // A replaced header keeps its place (and first spelling) in the list.
    if (existing === undefined) state.map.set(key, { name, value });
    else existing.value = value;
    if (key === 'set-cookie') state.cookies = [value];
    state.sorted = null;
  }

  getSetCookie() {
    return [...stateOf(this).cookies];
  }

  [customInspect](depth, options, inspect) {
    const fields = {};
    for (const entry of stateOf(this).map.values()) fields[entry.name] = entry.value;
    return inspectAs('Headers', fields, options, inspect);
  }
}
enumerableMembers(Headers);
definePairIterable(Headers, 'Headers', (headers) => sortedEntries(stateOf(headers)), (headers) => {
  stateOf(headers);
  return headers;
});
defineToStringTag(Headers, 'Headers');

// ---------------------------------------------------------------------------------------------
// For the other fetch modules.

/** A new Headers with the given guard, filled from a constructor-style init. */
function createHeaders(init, guard) {
  const headers = new Headers(init);
  stateOf(headers).guard = guard;
  return headers;
}

/** A new Headers filled from raw [name, value, name, value, ...] as a response delivers them. */
function headersFromRaw(raw, guard) {
  const headers = new Headers();
  const state = stateOf(headers);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = `${raw[i + 1]}`.replace(EDGE_WHITESPACE, '');
    if (TOKEN.test(name) && !FORBIDDEN_IN_VALUE.test(value)) appendEntry(state, name, value);
  }
  state.guard = guard;
  return headers;
}

function setGuard(headers, guard) {
  stateOf(headers).guard = guard;
}

/** A lookup that skips validation (the name is the runtime's own). */
function getHeader(headers, name) {
  const entry = stateOf(headers).map.get(name);
  return entry === undefined ? null : entry.value;
}

/** Appends or removes without the guard's say (the runtime sets content-type, location, ...). */
function appendHeader(headers, name, value) {
  appendEntry(stateOf(headers), name, value);
}

function removeHeader(headers, name) {
  const state = stateOf(headers);
  if (state.map.delete(name) && name === 'set-cookie') state.cookies = [];
  state.sorted = null;
}

/** The pairs to send, in insertion order with each name as first written. */
function wireEntries(headers) {
  const state = stateOf(headers);
  const entries = [];
  for (const [key, entry] of state.map) {
    if (key === 'set-cookie') for (const cookie of state.cookies) entries.push([entry.name, cookie]);
    else entries.push([entry.name, entry.value]);
  }
  return entries;
}

function isHeaders(value) {
  return states.has(value);
}

module.exports = {
  Headers,
  createHeaders,
  headersFromRaw,
  setGuard,
  getHeader,
  appendHeader,
  removeHeader,
  wireEntries,
  isHeaders,
};
