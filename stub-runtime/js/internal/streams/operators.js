// The iterator-style helpers on Readable (map, filter, toArray, ...). Each one consumes the
// stream with for-await; the ones returning streams wrap an async generator in Readable.from.
// They run one item at a time (the `concurrency` option is accepted but not used).
'use strict';
const utils = require('internal/streams/utils');

function validateFn(fn) {
  utils.validateFunction(fn, 'fn');
}

function validateOptions(options) {
  if (options != null) utils.validateObject(options, 'options');
  if (options && options.signal !== undefined) utils.validateAbortSignal(options.signal, 'options.signal');
}

function checkAborted(options) {
  if (options && options.signal && options.signal.aborted) {
    throw new utils.AbortError(undefined, { cause: options.signal.reason });
  }
}

function fromGenerator(stream, generate) {
  const { Readable } = require('internal/streams/readable');
  return Readable.from(generate(stream), { objectMode: true });
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);
  return fromGenerator(this, async function* (source) {
    for await (const item of source) {
      checkAborted(options);
      yield await fn(item, { signal: options && options.signal });
    }
  });
}

function filter(fn, options) {
  validateFn(fn);
  validateOptions(options);
  return fromGenerator(this, async function* (source) {
    for await (const item of source) {
      checkAborted(options);
      if (await fn(item, { signal: options && options.signal })) yield item;
    }
  });
}

function flatMap(fn, options) {
  validateFn(fn);
  validateOptions(options);
  return fromGenerator(this, async function* (source) {
    for await (const item of source) yield* await fn(item, { signal: options && options.signal });
  });
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw utils.errors.outOfRange('number', '>= 0', number);
  return number;
}

function take(number, options) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return fromGenerator(this, async function* (source) {
    if (number <= 0) return;
    for await (const item of source) {
      checkAborted(options);
      yield item;
      if (--number <= 0) return;
    }
  });
}

function drop(number, options) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return fromGenerator(this, async function* (source) {
    for await (const item of source) {
      checkAborted(options);
      if (number-- <= 0) yield item;
    }
  });
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const item of this) {
    checkAborted(options);
    result.push(item);
  }
  return result;
}

async function forEach(fn, options) {
  validateFn(fn);
  validateOptions(options);
  for await (const item of this) {
    checkAborted(options);
    await fn(item, { signal: options && options.signal });
  }
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer);
  validateOptions(options);
  let hasInitial = arguments.length > 1;
  let accumulator = initialValue;
  for await (const item of this) {
    checkAborted(options);
    if (!hasInitial) {
      accumulator = item;
      hasInitial = true;
    } else {
      accumulator = await reducer(accumulator, item, { signal: options && options.signal });
    }
  }
  if (!hasInitial) {
    throw utils.nodeError(TypeError, 'ERR_INVALID_ARGS', 'Reduce of an empty stream requires an initial value');
  }
  return accumulator;
}

async function some(fn, options) {
  validateFn(fn);
  validateOptions(options);
  for await (const item of this) {
    if (await fn(item, { signal: options && options.signal })) return true;
  }
  return false;
}

async function every(fn, options) {
  validateFn(fn);
  for await (const item of this) {
    if (!(await fn(item, { signal: options && options.signal }))) return false;
  }
  return true;
}

async function find(fn, options) {
  validateFn(fn);
  for await (const item of this) {
    if (await fn(item, { signal: options && options.signal })) return item;
  }
  return undefined;
}

function asIndexedPairs(options) {
  validateOptions(options);
  return fromGenerator(this, async function* (source) {
    let index = 0;
    for await (const item of source) yield [index++, item];
  });
}

module.exports = {
  streamReturning: { map, filter, flatMap, take, drop, asIndexedPairs },
  promiseReturning: { toArray, forEach, reduce, some, every, find },
};
