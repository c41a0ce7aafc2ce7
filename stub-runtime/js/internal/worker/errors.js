// An uncaught exception crosses from a worker to its parent's 'error' event. The engine's
// serializer does not take Error objects, so an error travels as its parts and is rebuilt as
// the same built-in class with the same message, stack and own properties.
'use strict';
const core = require('internal/core');

const ERROR_CLASSES = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'];

function cloneable(value) {
  try {
    core.serialize(value);
    return true;
  } catch {
    return false;
  }
}

function serializeError(thrown) {
  if (!(thrown instanceof Error)) {
    if (cloneable(thrown)) return core.serialize({ kind: 'value', value: thrown });
    return core.serialize({ kind: 'value', value: String(thrown) });
  }
  const props = {};
  for (const key of Object.keys(thrown)) {
    if (cloneable(thrown[key])) props[key] = thrown[key];
  }
  let className = 'Error';
  for (let proto = Object.getPrototypeOf(thrown); proto; proto = Object.getPrototypeOf(proto)) {
    const name = proto.constructor?.name;
    if (ERROR_CLASSES.includes(name) && proto === globalThis[name].prototype) {
      className = name;
      break;
    }
  }
  return core.serialize({
    kind: 'error',
    className,
    name: String(thrown.name),
    message: String(thrown.message),
    stack: String(thrown.stack),
    props,
  });
}

function deserializeError(bytes) {
  const parts = core.deserialize(new Uint8Array(bytes));
  if (parts.kind === 'value') return parts.value;
  const error = new globalThis[parts.className](parts.message);
  if (parts.name !== parts.className) {
    Object.defineProperty(error, 'name', { value: parts.name, configurable: true, writable: true, enumerable: false });
  }
  Object.defineProperty(error, 'stack', { value: parts.stack, configurable: true, writable: true, enumerable: false });
  Object.assign(error, parts.props);
  return error;
}

module.exports = { serializeError, deserializeError };
