// LazyTransform: the base of Hash and Hmac. They are stream.Transform objects, but most code only
// calls update() and digest(), so neither the `stream` module nor a stream's state is set up
// until something stream-like happens to one:
//
// - Until `stream` is needed, the prototype chain ends in a stand-in (a Proxy) where
//   Transform.prototype belongs. The first lookup that reaches it (`h.pipe`, `h.on`,
//   `h instanceof Transform`...) loads `stream` and splices Transform.prototype in its place.
// - Each object runs the Transform constructor the first time its `_readableState` or
//   `_writableState` is read, which every stream method does first.
//
// A plain assignment to a property that no object above the stand-in has walks down to it and
// wakes it, so subclasses give each field they assign a writable default on their prototype (or
// create it with Object.defineProperty).
'use strict';

function LazyTransform(options) {
  this._options = options;
}

let Transform = null;

/** Loads `stream` once and puts Transform.prototype under LazyTransform.prototype. */
function streamPrototype() {
  if (Transform === null) {
    Transform = require('stream').Transform;
    Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  }
  return Transform.prototype;
}

const standIn = new Proxy(Object.create(null), {
  get: (_, key, receiver) => Reflect.get(streamPrototype(), key, receiver),
  set: (_, key, value, receiver) => Reflect.set(streamPrototype(), key, value, receiver),
  has: (_, key) => Reflect.has(streamPrototype(), key),
  getPrototypeOf: () => streamPrototype(),
});
Object.setPrototypeOf(LazyTransform.prototype, standIn);
// A writable `_options` here lets the constructor assign it without reaching the stand-in.
Object.defineProperty(LazyTransform.prototype, '_options', { value: undefined, writable: true, configurable: true });

/** Runs the Transform constructor on `stream`, once. */
function construct(stream) {
  streamPrototype();
  // Own placeholders first, so that reading either state during construction finds a value
  // instead of coming back here.
  for (const name of ['_readableState', '_writableState']) {
    Object.defineProperty(stream, name, { value: undefined, writable: true, enumerable: true, configurable: true });
  }
  Transform.call(stream, stream._options);
}

for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    configurable: true,
    enumerable: false,
    get() {
      // Only instances have stream state, not the prototypes this getter also sits on.
      if (!Object.prototype.hasOwnProperty.call(this, '_options')) return undefined;
      construct(this);
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

module.exports = { LazyTransform };
