// `assert`: Node's assertion functions, the loose and strict deep-equality algorithms, the
// exception checks (throws/rejects and their negations) and CallTracker. Messages come from
// `internal/assertion_error`.
'use strict';
const { inspect, types } = require('util');
const { AssertionError, describeValue } = require('internal/assertion_error');

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isEnumerable = (object, key) => Object.prototype.propertyIsEnumerable.call(object, key);
const objectTag = (value) => Object.prototype.toString.call(value);
const isError = (value) => types.isNativeError(value) || value instanceof Error;
const matches = (regexp, text) => RegExp.prototype.exec.call(regexp, text) !== null;

// ---------------------------------------------------------------------------
// Errors for bad arguments, with Node's codes and wording.

function codedError(Ctor, code, message) {
  const error = new Ctor(message);
  error.code = code;
  // Node's stack header names the code: `TypeError [ERR_X]: message`.
  if (typeof error.stack === 'string' && error.stack.startsWith(`${error.name}:`)) {
    error.stack = `${error.name} [${code}]${error.stack.slice(error.name.length)}`;
  }
  return error;
}

/** `expectation` reads on from "must be", e.g. "of type function". */
function invalidArgType(name, expectation, value) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be ${expectation}. Received ${describeValue(value)}`);
}

function invalidArgValue(name, value, reason) {
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${inspect(value)}`);
}

function missingArgs() {
  return codedError(TypeError, 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
}

function ambiguousArgument(reason) {
  return codedError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. ${reason}`);
}

function invalidReturnValue(value) {
  return codedError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected instance of Promise to be returned from the "promiseFn" function but got ${describeValue(value)}.`);
}

const ERROR_VALIDATOR_TYPES = 'of type function or an instance of Error, RegExp, or Object';

/** Throws the caller's own Error in place of an AssertionError, as Node does. */
function innerFail(options) {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}

// ---------------------------------------------------------------------------
// Deep equality. One walk serves both modes: `strict` compares prototypes, symbol keys and
// primitives with Object.is; loose mode compares primitives with == and ignores prototypes.

function isDeepEqual(actual, expected) {
  return deepCompare(actual, expected, false, undefined);
}

function isDeepStrictEqual(actual, expected) {
  return deepCompare(actual, expected, true, undefined);
}

const PLAIN = 0;
const ARRAY = 1;
const SET = 2;
const MAP = 3;

function deepCompare(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      // eslint-disable-next-line eqeqeq
      if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b));
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  if (objectTag(a) !== objectTag(b)) return false;
  return compareObjects(a, b, strict, memo);
}

// Two objects with the same type tag: first what lives in internal slots, then own properties.
function compareObjects(a, b, strict, memo) {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareProperties(a, b, strict, memo, ARRAY, keysA);
  }
  if (objectTag(a) === '[object Object]') return compareProperties(a, b, strict, memo, PLAIN);
  if (types.isDate(a)) {
    if (!types.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (isError(a)) {
    if (!isError(b) || !sameErrorFields(a, b, strict, memo)) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || !sameViewContents(a, b, strict)) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return compareProperties(a, b, strict, memo, PLAIN, keysA);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return compareProperties(a, b, strict, memo, SET);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return compareProperties(a, b, strict, memo, MAP);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!sameBoxedValue(a, b)) return false;
  } else if (hasInternalSlots(b)) {
    // `b` is a special object dressed up with `a`'s tag.
    return false;
  }
  return compareProperties(a, b, strict, memo, PLAIN);
}

function hasInternalSlots(value) {
  return Array.isArray(value) || ArrayBuffer.isView(value) || types.isSet(value) || types.isMap(value) ||
    types.isDate(value) || types.isRegExp(value) || types.isAnyArrayBuffer(value) ||
    types.isBoxedPrimitive(value) || isError(value);
}

// Name and message are not enumerable but always count; so do `cause` and AggregateError's
// `errors`, compared in the same mode.
function sameErrorFields(a, b, strict, memo) {
  if (a.message !== b.message || a.name !== b.name) return false;
  for (const key of ['cause', 'errors']) {
    if ((hasOwn(a, key) || hasOwn(b, key)) && !deepCompare(a[key], b[key], strict, memo)) return false;
  }
  return true;
}

// Loose mode compares float arrays by value (so 0 equals -0); everything else byte by byte.
function sameViewContents(a, b, strict) {
  if (a.byteLength !== b.byteLength) return false;
  if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function sameBoxedValue(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  return types.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
}

const INDEX_KEY = /^(?:0|[1-9][0-9]*)$/;
const isIndexKey = (key) => typeof key === 'string' && INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1;

/** Enumerable own keys of an array or typed array that are not indices (symbols too if strict). */
function nonIndexKeys(value, strict) {
  const keys = Reflect.ownKeys(value);
  // Own keys list indices first, so a binary search finds where the others begin.
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isIndexKey(keys[middle])) low = middle + 1;
    else high = middle;
  }
  return keys.slice(low).filter((key) =>
    (typeof key === 'string' ? !isIndexKey(key) : strict) && isEnumerable(value, key));
}

// Compares own enumerable properties (and, for arrays, sets and maps, their entries). `keysA`
// is given when the caller has already checked the key counts.
function compareProperties(a, b, strict, memo, kind, keysA) {
  const ownKeysCounted = keysA !== undefined;
  if (!ownKeysCounted) {
    keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
  }
  for (const key of keysA) if (!isEnumerable(b, key)) return false;
  if (strict && !ownKeysCounted && !addEnumerableSymbols(a, b, keysA)) return false;

  const empty = kind === PLAIN || (kind === ARRAY && a.length === 0) || a.size === 0;
  if (keysA.length === 0 && empty) return true;

  return withCycleGuard(a, b, memo, (guard) => compareEntries(a, b, strict, guard, kind, keysA));
}

// Cycles: a pair of objects met again while it is still being compared counts as equal, so two
// structures that unfold the same way forever are equal. `memo` maps each `a` in progress to
// the `b`s it is being compared with.
function withCycleGuard(a, b, memo, compare) {
  memo ??= new Map();
  let partners = memo.get(a);
  if (partners === undefined) {
    partners = new Set();
    memo.set(a, partners);
  } else if (partners.has(b)) {
    return true;
  }
  partners.add(b);
  try {
    return compare(memo);
  } finally {
    partners.delete(b);
    if (partners.size === 0) memo.delete(a);
  }
}

// Strict mode: enumerable symbol keys must match too; they join `keysA` for the value checks.
function addEnumerableSymbols(a, b, keysA) {
  let count = 0;
  for (const symbol of Object.getOwnPropertySymbols(a)) {
    if (isEnumerable(a, symbol)) {
      if (!isEnumerable(b, symbol)) return false;
      keysA.push(symbol);
      count++;
    } else if (isEnumerable(b, symbol)) {
      return false;
    }
  }
  const countB = Object.getOwnPropertySymbols(b).filter((symbol) => isEnumerable(b, symbol)).length;
  return countB === count;
}

function compareEntries(a, b, strict, memo, kind, keys) {
  if (kind === SET) {
    if (!setsEquivalent(a, b, strict, memo)) return false;
  } else if (kind === MAP) {
    if (!mapsEquivalent(a, b, strict, memo)) return false;
  } else if (kind === ARRAY) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !deepCompare(a[i], b[i], strict, memo)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        return sparseArraysEqual(a, b, i, strict, memo);
      }
    }
  }
  for (const key of keys) {
    if (!deepCompare(a[key], b[key], strict, memo)) return false;
  }
  return true;
}

// From the first hole on, a sparse array is compared by its remaining own keys.
function sparseArraysEqual(a, b, firstHole, strict, memo) {
  const keysA = Object.keys(a);
  for (let i = firstHole; i < keysA.length; i++) {
    const key = keysA[i];
    if (!hasOwn(b, key) || !deepCompare(a[key], b[key], strict, memo)) return false;
  }
  return keysA.length === Object.keys(b).length;
}

const isObjectValue = (value) => typeof value === 'object' && value !== null;

// Set members and map keys are unordered: primitives are looked up directly; objects (and, in
// loose mode, primitives with no identical counterpart) are paired off with a deep-equal one.
function setsEquivalent(a, b, strict, memo) {
  let unmatched = null;
  for (const value of a) {
    if (isObjectValue(value)) {
      (unmatched ??= new Set()).add(value);
    } else if (!b.has(value)) {
      if (strict || !mayHaveLooseTwin(a, b, value)) return false;
      (unmatched ??= new Set()).add(value);
    }
  }
  if (unmatched === null) return true;
  for (const value of b) {
    if (isObjectValue(value)) {
      if (!takeEqualMember(unmatched, value, strict, memo)) return false;
    } else if (!strict && !a.has(value) && !takeEqualMember(unmatched, value, strict, memo)) {
      return false;
    }
  }
  return unmatched.size === 0;
}

function takeEqualMember(candidates, value, strict, memo) {
  for (const candidate of candidates) {
    if (deepCompare(value, candidate, strict, memo)) {
      candidates.delete(candidate);
      return true;
    }
  }
  return false;
}

/**
 * For a primitive missing from the other collection: `true`/`false` when loose equality settles
 * it, or the one other primitive it could loosely equal (null and undefined pair up).
 */
function looseTwinOf(value) {
  switch (typeof value) {
    case 'undefined':
      return { twin: null };
    case 'object': // null
      return { twin: undefined };
    case 'symbol':
      return false;
    case 'string':
      return !Number.isNaN(Number(value));
    case 'number':
      return !Number.isNaN(value);
    default:
      return true;
  }
}

function mayHaveLooseTwin(a, b, value) {
  const result = looseTwinOf(value);
  if (typeof result === 'boolean') return result;
  return b.has(result.twin) && !a.has(result.twin);
}

function mapMayHaveLooseTwin(a, b, key, value, memo) {
  const result = looseTwinOf(key);
  if (typeof result === 'boolean') return result;
  const { twin } = result;
  if (!b.has(twin)) return false;
  return !a.has(twin) && deepCompare(value, b.get(twin), false, memo);
}

function mapsEquivalent(a, b, strict, memo) {
  let unmatched = null;
  for (const [key, valueA] of a) {
    if (isObjectValue(key)) {
      (unmatched ??= new Set()).add(key);
      continue;
    }
    const valueB = b.get(key);
    if ((valueB === undefined && !b.has(key)) || !deepCompare(valueA, valueB, strict, memo)) {
      if (strict || !mapMayHaveLooseTwin(a, b, key, valueA, memo)) return false;
      (unmatched ??= new Set()).add(key);
    }
  }
  if (unmatched === null) return true;
  for (const [key, valueB] of b) {
    if (isObjectValue(key)) {
      if (!takeEqualEntry(unmatched, a, key, valueB, strict, memo)) return false;
    } else if (!strict && (!a.has(key) || !deepCompare(a.get(key), valueB, false, memo)) &&
      !takeEqualEntry(unmatched, a, key, valueB, false, memo)) {
      return false;
    }
  }
  return unmatched.size === 0;
}

function takeEqualEntry(candidateKeys, mapA, key, value, strict, memo) {
  for (const candidate of candidateKeys) {
    if (deepCompare(key, candidate, strict, memo) && deepCompare(value, mapA.get(candidate), strict, memo)) {
      candidateKeys.delete(candidate);
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// assert.ok and the message naming the failed expression.

function innerOk(fn, argCount, value, message) {
  if (value) return;
  let generated = false;
  if (argCount === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    message = falsyExpressionMessage(fn);
  } else if (message instanceof Error) {
    throw message;
  }
  const error = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  error.generatedMessage = generated;
  throw error;
}

/**
 * "The expression evaluated to a falsy value: assert(x)", with the call's source text read
 * from the app's bundled module. Undefined when the caller's source is not available (eval,
 * new Function), which leaves the generic `false == true` message.
 */
function falsyExpressionMessage(fn) {
  try {
    const site = callerSite(fn);
    if (site === null) return undefined;
    const source = require('internal/modules').sourceOf(site.file);
    if (typeof source !== 'string') return undefined;
    const code = callSourceAt(source, site.line, site.column);
    if (code === null) return undefined;
    return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
  } catch {
    return undefined;
  }
}

function callerSite(fn) {
  const probe = {};
  Error.captureStackTrace(probe, fn);
  const frame = String(probe.stack).split('\n')[1] ?? '';
  const match = /(?:\(|at )(?:file:\/\/)?([^()]+?):(\d+):(\d+)\)?$/.exec(frame);
  if (match === null || /^[a-z]+:/.test(match[1])) return null; // node:, ext: and other built-ins
  return { file: match[1], line: Number(match[2]), column: Number(match[3]) };
}

// The call expression whose callee the stack frame points at, spanning lines if it does.
// Continuation lines lose the call's own indentation, as in Node's message.
function callSourceAt(source, line, column) {
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    lineStart = source.indexOf('\n', lineStart) + 1;
    if (lineStart === 0) return null;
  }
  const at = lineStart + column - 1;
  const calleeChar = /[\w$.]/;
  let start = at;
  // Engines point at the last name of `a.b.ok(`; the expression starts at `a`.
  while (start > lineStart && calleeChar.test(source[start - 1])) start--;
  let open = at;
  while (open < source.length && calleeChar.test(source[open])) open++;
  while (open < source.length && /[ \t]/.test(source[open])) open++;
  if (source[open] !== '(') return null;
  const close = closingBracket(source, open);
  if (close === -1) return null;
  const indent = start - lineStart;
  const [first, ...rest] = source.slice(start, close + 1).replace(/\r/g, '').split('\n');
  return [first, ...rest.map((text) => {
    let cut = 0;
    while (cut < indent && (text[cut] === ' ' || text[cut] === '\t')) cut++;
    return `  ${text.slice(cut)}`;
  })].join('\n');
}

const OPENERS = '([{';
const CLOSERS = ')]}';
// After these characters a `/` starts a regular expression rather than a division.
const BEFORE_REGEXP = '(,=:[!&|?{};+-*%<>~^';

/** Index of the bracket closing the one at `open`, skipping strings, comments and regexps. */
function closingBracket(source, open) {
  let depth = 0;
  let previous = '(';
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'") {
      i = endOfQuoted(source, i, ch);
    } else if (ch === '`') {
      i = endOfTemplate(source, i);
    } else if (ch === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i === -1) return -1;
      continue;
    } else if (ch === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      if (i === 0) return -1;
      continue;
    } else if (ch === '/' && BEFORE_REGEXP.includes(previous)) {
      i = endOfRegExp(source, i);
    } else if (OPENERS.includes(ch)) {
      depth++;
    } else if (CLOSERS.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
    if (i === -1) return -1;
    if (!/\s/.test(ch)) previous = ch;
  }
  return -1;
}

function endOfQuoted(source, start, quote) {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote || source[i] === '\n') return i;
  }
  return -1;
}

function endOfTemplate(source, start) {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
    } else if (source[i] === '`') {
      return i;
    } else if (source[i] === '$' && source[i + 1] === '{') {
      i = closingBracket(source, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

function endOfRegExp(source, start) {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i;
    else if (ch === '\n') return -1;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// The comparison functions.

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

// Node's legacy `fail(actual, expected, message, operator)` form still works, with a warning.
let warnedLegacyFail = false;
function fail(actual, expected, message, operator, stackStartFn) {
  const argCount = arguments.length;
  let generated = false;
  if (argCount === 0 || (argCount === 1 && actual == null)) {
    generated = true;
    message = 'Failed';
  } else if (argCount === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedLegacyFail) {
      warnedLegacyFail = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
    }
    if (argCount === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const error = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (generated) error.generatedMessage = true;
  throw error;
}

function equal(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
}

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
}

function internalMatch(string, regexp, message, fn) {
  if (!types.isRegExp(regexp)) throw invalidArgType('regexp', 'an instance of RegExp', regexp);
  const wanted = fn === match;
  if (typeof string === 'string' && matches(regexp, string) === wanted) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  if (generated) {
    if (typeof string !== 'string') {
      message = `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`;
    } else {
      const verb = wanted ? 'did not match' : 'was expected to not match';
      message = `The input ${verb} the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const error = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  error.generatedMessage = generated;
  throw error;
}

function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  const error = new AssertionError({
    actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError,
  });
  appendOriginalFrames(error, err.stack);
  throw error;
}

// The new error's stack continues with the unwanted error's own frames, without repeating the
// frames both share.
function appendOriginalFrames(error, originalStack) {
  if (typeof originalStack !== 'string') return;
  const framesStart = originalStack.indexOf('\n    at');
  if (framesStart === -1) return;
  const originalFrames = originalStack.slice(framesStart + 1).split('\n');
  let ownFrames = String(error.stack).split('\n');
  for (const frame of originalFrames) {
    const shared = ownFrames.indexOf(frame);
    if (shared !== -1) {
      ownFrames = ownFrames.slice(0, shared);
      break;
    }
  }
  error.stack = `${ownFrames.join('\n')}\n${originalFrames.join('\n')}`;
}

// ---------------------------------------------------------------------------
// throws, rejects, doesNotThrow, doesNotReject.

const NO_EXCEPTION = Symbol('no exception');

function getActual(fn) {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
  try {
    fn();
  } catch (error) {
    return error;
  }
  return NO_EXCEPTION;
}

// A promise, or an object with both `then` and `catch` (a bare thenable is not accepted).
const isThenable = (value) => types.isPromise(value) ||
  (value !== null && typeof value === 'object' &&
    typeof value.then === 'function' && typeof value.catch === 'function');

async function waitForActual(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isThenable(promise)) throw invalidReturnValue(promise);
  } else if (isThenable(promiseFn)) {
    promise = promiseFn;
  } else {
    throw invalidArgType('promiseFn', 'of type function or an instance of Promise', promiseFn);
  }
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return NO_EXCEPTION;
}

function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
}

async function rejects(promiseFn, ...args) {
  const outcome = await waitForActual(promiseFn);
  withAsyncFrame(rejects, () => expectsError(rejects, outcome, ...args));
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  const outcome = await waitForActual(fn);
  withAsyncFrame(doesNotReject, () => expectsNoError(doesNotReject, outcome, ...args));
}

// V8 ends the stack of an error raised after an `await` with "at async <function>" frames;
// this engine keeps no async frames, so the assertion's own frame is added by hand.
function withAsyncFrame(fn, check) {
  try {
    check();
  } catch (error) {
    if (error instanceof AssertionError && typeof error.stack === 'string') {
      error.stack += `\n    at async Function.${fn.name} (node:assert)`;
    }
    throw error;
  }
}

function expectsError(fn, actual, ...rest) {
  let [error, message] = rest;
  if (typeof error === 'string') {
    if (rest.length === 2) throw invalidArgType('error', ERROR_VALIDATOR_TYPES, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw ambiguousArgument(`The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw ambiguousArgument(`The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw invalidArgType('error', ERROR_VALIDATOR_TYPES, error);
  }
  if (actual === NO_EXCEPTION) {
    let details = error?.name ? ` (${error.name})` : '';
    details += message ? `: ${message}` : '.';
    const kind = fn === rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: fn.name,
      message: `Missing expected ${kind}${details}`,
      stackStartFn: fn,
    });
  }
  if (error) checkExpectedError(actual, error, message, fn);
}

/** Validates what was thrown against a class, RegExp, validation function or object. */
function checkExpectedError(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (!types.isRegExp(expected)) {
      checkErrorProperties(actual, expected, message, fn);
      return;
    }
    const text = String(actual);
    if (matches(expected, text)) return;
    if (!message) {
      generated = true;
      message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generated = true;
      message = wrongClassMessage(actual, expected);
    }
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (!message) {
      generated = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(result)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const error = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  error.generatedMessage = generated;
  throw error;
}

function wrongClassMessage(actual, expected) {
  let message = `The error is expected to be an instance of "${expected.name}". Received `;
  if (!isError(actual)) return `${message}"${inspect(actual, { depth: -1 })}"`;
  const name = actual.constructor?.name || actual.name;
  message += expected.name === name ? 'an error with identical name but a different prototype.' : `"${name}"`;
  if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
  return message;
}

const regExpMatchesText = (pattern, text) =>
  typeof text === 'string' && types.isRegExp(pattern) && matches(pattern, text);

// Each own key of `expected` (plus name and message for an Error) must deep-equal the thrown
// value's; a RegExp may stand for a string property.
function checkErrorProperties(actual, expected, message, fn) {
  if (typeof actual !== 'object' || actual === null) {
    const error = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
    error.operator = fn.name;
    throw error;
  }
  const keys = Object.keys(expected);
  if (expected instanceof Error) keys.push('name', 'message');
  else if (keys.length === 0) throw invalidArgValue('error', expected, 'may not be an empty object');
  for (const key of keys) {
    if (regExpMatchesText(expected[key], actual[key])) continue;
    if (key in actual && isDeepStrictEqual(actual[key], expected[key])) continue;
    if (message) innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    // The diff shows only the compared keys, with matched RegExps replaced by the text.
    const error = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    error.actual = actual;
    error.expected = expected;
    error.operator = fn.name;
    throw error;
  }
}

class Comparison {
  constructor(source, keys, actual) {
    for (const key of keys) {
      if (!(key in source)) continue;
      const value = source[key];
      this[key] = actual !== undefined && regExpMatchesText(value, actual[key]) ? actual[key] : value;
    }
  }
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || matchesExpectedError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const kind = fn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: fn.name,
      message: `Got unwanted ${kind}${details}\nActual message: "${actual?.message}"`,
      stackStartFn: fn,
    });
  }
  throw actual;
}

function matchesExpectedError(actual, expected) {
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) return matches(expected, String(actual));
    throw invalidArgType('expected', 'of type function or an instance of RegExp', expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

// ---------------------------------------------------------------------------
// CallTracker: functions that must be called an exact number of times.

const MAX_UINT32 = 2 ** 32 - 1;

class CallTracker {
  #tracked = new Map(); // wrapper -> { name, expected, calls, stack }

  calls(fn, expected = 1) {
    if (typeof fn === 'number') {
      expected = fn;
      fn = undefined;
    }
    const target = fn === undefined ? function calls() {} : fn;
    validateExpectedCount(expected);
    const record = { name: target.name || 'calls', expected, calls: [], stack: new Error() };
    const wrapper = new Proxy(target, {
      apply(original, thisArg, args) {
        record.calls.push({ thisArg, arguments: args });
        return Reflect.apply(original, thisArg, args);
      },
    });
    this.#tracked.set(wrapper, record);
    return wrapper;
  }

  getCalls(fn) {
    return this.#recordOf(fn).calls.map((call) => Object.freeze({ ...call }));
  }

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#tracked.values()) record.calls = [];
    } else {
      this.#recordOf(fn).calls = [];
    }
  }

  report() {
    const errors = [];
    for (const record of this.#tracked.values()) {
      const actual = record.calls.length;
      if (actual === record.expected) continue;
      errors.push({
        message: `Expected the ${record.name} function to be executed ${record.expected} time(s) but was ` +
          `executed ${actual} time(s).`,
        actual,
        expected: record.expected,
        operator: record.name,
        stack: record.stack,
      });
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors, stackStartFn: this.verify });
  }

  #recordOf(fn) {
    const record = this.#tracked.get(fn);
    if (record === undefined) throw invalidArgValue('tracked', fn, 'is not a tracked function');
    return record;
  }
}

function validateExpectedCount(value) {
  if (typeof value !== 'number') throw invalidArgType('expected', 'of type number', value);
  if (!Number.isInteger(value)) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "expected" is out of range. It must be an integer. Received ${inspect(value)}`);
  }
  if (value < 1 || value > MAX_UINT32) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "expected" is out of range. It must be >= 1 && <= ${MAX_UINT32}. Received ${inspect(value)}`);
  }
}

// ---------------------------------------------------------------------------
// Exports. `assert` is `ok` itself; `assert.strict` swaps the loose comparisons for strict ones.

const assert = ok;
module.exports = assert;
Object.assign(assert, {
  fail,
  AssertionError,
  ok,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  strictEqual,
  notStrictEqual,
  throws,
  rejects,
  doesNotThrow,
  doesNotReject,
  ifError,
  match,
  doesNotMatch,
  CallTracker,
});

function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: strictEqual,
  deepEqual: deepStrictEqual,
  notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
