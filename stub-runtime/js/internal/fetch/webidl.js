// The small part of WebIDL the fetch classes need: argument counts, ByteString and enum
// conversion, brand-check errors, the iterator objects of Headers and FormData, and the
// `Name { ... }` shape Node's util.inspect shows for them. Messages follow undici's, so errors
// read as they do in Node.
'use strict';
const { nodeError } = require('internal/errors');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function illegalInvocation() {
  return nodeError(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

/** "Headers.append: 2 arguments required, but only 1 found." */
function requireArgs(count, min, context) {
  if (count >= min) return;
  const plural = min === 1 ? '' : 's';
  throw new TypeError(`${context}: ${min} argument${plural} required, but${count ? ' only' : ''} ${count} found.`);
}

/** A string whose characters all fit in a byte, as headers carry. */
function toByteString(value) {
  const text = `${value}`;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) {
      throw new TypeError(
        `Cannot convert argument to a ByteString because the character at index ${i} has a value of ${code} which is greater than 255.`,
      );
    }
  }
  return text;
}

/** One of a fixed set of strings (an IDL enum); undefined keeps the default. */
function toEnum(value, allowed, context) {
  if (value === undefined) return undefined;
  const text = `${value}`;
  if (!allowed.includes(text)) {
    throw new TypeError(`${context}: ${text} is not an accepted type. Expected one of ${allowed.join(', ')}.`);
  }
  return text;
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

/**
 * The prototype of `Headers Iterator` / `FormData Iterator` objects. `entriesOf(target)` is
 * called on each step, so an iteration sees changes made while it runs, as the spec asks.
 */
function makeIteratorPrototype(name, entriesOf) {
  const state = new WeakMap();
  const prototype = Object.create(IteratorPrototype, {
    next: {
      value: function next() {
        const record = state.get(this);
        if (record === undefined) throw illegalInvocation();
        const entries = entriesOf(record.target);
        if (record.index >= entries.length) return { value: undefined, done: true };
        const [key, value] = entries[record.index++];
        const result = record.kind === 'key' ? key : record.kind === 'value' ? value : [key, value];
        return { value: result, done: false };
      },
      writable: true,
      enumerable: true,
      configurable: true,
    },
    [Symbol.toStringTag]: { value: `${name} Iterator`, configurable: true },
  });
  return function createIterator(target, kind) {
    const iterator = Object.create(prototype);
    state.set(iterator, { target, kind, index: 0 });
    return iterator;
  };
}

/**
 * keys/values/entries/forEach/[Symbol.iterator] for a pair-iterable class (Headers, FormData).
 * `check(this)` brand-checks and returns the target the entries are read from.
 */
function definePairIterable(Class, name, entriesOf, check) {
  const createIterator = makeIteratorPrototype(name, entriesOf);
  const methods = {
    keys() {
      return createIterator(check(this), 'key');
    },
    values() {
      return createIterator(check(this), 'value');
    },
    entries() {
      return createIterator(check(this), 'key+value');
    },
    forEach(callback, thisArg = undefined) {
      const target = check(this);
      requireArgs(arguments.length, 1, `${name}.forEach`);
      if (typeof callback !== 'function') {
        throw new TypeError(`Failed to execute 'forEach' on '${name}': parameter 1 is not of type 'Function'.`);
      }
      for (const [key, value] of createIterator(target, 'key+value')) callback.call(thisArg, value, key, this);
    },
  };
  for (const [key, fn] of Object.entries(methods)) {
    Object.defineProperty(Class.prototype, key, { value: fn, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(Class.prototype, Symbol.iterator, {
    value: methods.entries,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

/** Makes a class's prototype members enumerable, as WebIDL interfaces have them. */
function enumerableMembers(Class) {
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(Class.prototype, key);
    Object.defineProperty(Class.prototype, key, { ...descriptor, enumerable: true });
  }
}

function defineToStringTag(Class, name) {
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: name, configurable: true });
}

/** `Name { fields }`, as util.inspect shows the fetch classes in Node. */
function inspectAs(name, fields, options, inspect) {
  if (typeof inspect !== 'function') inspect = require('util').inspect;
  // As in Node, the fields show whatever depth the caller has reached.
  return `${name} ${inspect(fields, options)}`;
}

module.exports = {
  customInspect,
  illegalInvocation,
  requireArgs,
  toByteString,
  toEnum,
  definePairIterable,
  enumerableMembers,
  defineToStringTag,
  inspectAs,
};
