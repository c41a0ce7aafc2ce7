'use strict';
// Node.js `util` module for the pack runtime (QuickJS-ng via deno_core).
//
// Written from scratch against Node 20's documented/observed behaviour. It is
// self-contained: no require() calls and no engine internals, so it runs the
// same under QuickJS and under Node (which is how it is tested).

// Built-ins captured when util loads, so an app that later replaces e.g. Object.keys
// cannot break inspect() or the error messages built with it.
const {
  assign: ObjectAssign,
  create: ObjectCreate,
  defineProperties: ObjectDefineProperties,
  defineProperty: ObjectDefineProperty,
  entries: ObjectEntries,
  getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
  getOwnPropertyDescriptors: ObjectGetOwnPropertyDescriptors,
  getOwnPropertyNames: ObjectGetOwnPropertyNames,
  getOwnPropertySymbols: ObjectGetOwnPropertySymbols,
  getPrototypeOf: ObjectGetPrototypeOf,
  is: ObjectIs,
  keys: ObjectKeys,
  setPrototypeOf: ObjectSetPrototypeOf,
} = Object;
const {
  apply: ReflectApply,
  construct: ReflectConstruct,
} = Reflect;
const {
  isArray: ArrayIsArray,
} = Array;
const {
  floor: MathFloor,
  max: MathMax,
  min: MathMin,
  round: MathRound,
  sqrt: MathSqrt,
} = Math;
const {
  isFinite: NumberIsFinite,
  isNaN: NumberIsNaN,
} = Number;
const {
  stringify: JSONStringify,
} = JSON;
const { hasOwnProperty, propertyIsEnumerable, toString: objectToString } = Object.prototype;

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const customPromisify = Symbol.for('nodejs.util.promisify.custom');

const hasOwn = (obj, key) => ReflectApply(hasOwnProperty, obj, [key]);
const isEnumerable = (obj, key) => ReflectApply(propertyIsEnumerable, obj, [key]);
const objectTag = (v) => ReflectApply(objectToString, v, []);
const isObjectLike = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');

// ---------------------------------------------------------------------------
// Errors shaped like Node's (with a `code` property).

function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') return ` Received function ${value.name || '(anonymous)'}`;
  if (typeof value === 'object') {
    const ctor = value.constructor;
    if (ctor && ctor.name) return ` Received an instance of ${ctor.name}`;
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function codedError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function invalidArgType(name, expected, value) {
  // Node words it by name: "The last argument", "The "options.depth" property",
  // "The "value" argument".
  let subject;
  if (name.endsWith(' argument')) subject = name;
  else subject = `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The ${subject} must be of type ${expected}.${describeReceived(value)}`);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'function', value);
}

// ---------------------------------------------------------------------------
// Portable type checks. Brand checks call a built-in accessor/method that
// throws for objects lacking the internal slot, so they cannot be fooled by
// Symbol.toStringTag. Where no side-effect free brand check exists we fall
// back to the Object.prototype.toString tag.

function brandCheck(probe) {
  return (value) => {
    if (!isObjectLike(value)) return false;
    try {
      probe(value);
      return true;
    } catch {
      return false;
    }
  };
}

const accessor = (proto, key) => ObjectGetOwnPropertyDescriptor(proto, key).get;
const tagCheck = (tag) => (value) => isObjectLike(value) && objectTag(value) === `[object ${tag}]`;

const TypedArrayProto = ObjectGetPrototypeOf(Uint8Array.prototype);
const typedArrayTagGetter = accessor(TypedArrayProto, Symbol.toStringTag);
// Returns e.g. 'Uint8Array' for typed arrays, undefined for anything else.
const typedArrayName = (value) => (isObjectLike(value) ? typedArrayTagGetter.call(value) : undefined);

const weakProbeKey = {};
const isDate = brandCheck((v) => Date.prototype.getTime.call(v));
const isMap = brandCheck((v) => accessor(Map.prototype, 'size').call(v));
const isSet = brandCheck((v) => accessor(Set.prototype, 'size').call(v));
const isWeakMap = brandCheck((v) => WeakMap.prototype.has.call(v, weakProbeKey));
const isWeakSet = brandCheck((v) => WeakSet.prototype.has.call(v, weakProbeKey));
const isArrayBuffer = brandCheck((v) => accessor(ArrayBuffer.prototype, 'byteLength').call(v));
const isSharedArrayBuffer = typeof SharedArrayBuffer === 'function'
  ? brandCheck((v) => accessor(SharedArrayBuffer.prototype, 'byteLength').call(v))
  : () => false;
const isDataView = brandCheck((v) => accessor(DataView.prototype, 'buffer').call(v));
const isNumberObject = (v) => typeof v === 'object' && brandCheck((x) => Number.prototype.valueOf.call(x))(v);
const isStringObject = (v) => typeof v === 'object' && brandCheck((x) => String.prototype.valueOf.call(x))(v);
const isBooleanObject = (v) => typeof v === 'object' && brandCheck((x) => Boolean.prototype.valueOf.call(x))(v);
const isBigIntObject = (v) => typeof v === 'object' && typeof BigInt === 'function' &&
  brandCheck((x) => BigInt.prototype.valueOf.call(x))(v);
const isSymbolObject = (v) => typeof v === 'object' && brandCheck((x) => Symbol.prototype.valueOf.call(x))(v);
// RegExp.prototype itself answers the `source` getter without throwing.
const isRegExp = (v) => v !== RegExp.prototype &&
  brandCheck((x) => accessor(RegExp.prototype, 'source').call(x))(v);
const isTypedArray = (v) => typedArrayName(v) !== undefined;
const isPromise = (v) => v instanceof Promise || tagCheck('Promise')(v);
const isArgumentsObject = tagCheck('Arguments');
const isMapIterator = tagCheck('Map Iterator');
const isSetIterator = tagCheck('Set Iterator');
const isGeneratorObject = tagCheck('Generator');
const isAsyncFunction = (v) => typeof v === 'function' &&
  (objectTag(v) === '[object AsyncFunction]' || objectTag(v) === '[object AsyncGeneratorFunction]');
const isGeneratorFunction = (v) => typeof v === 'function' &&
  (objectTag(v) === '[object GeneratorFunction]' || objectTag(v) === '[object AsyncGeneratorFunction]');
const isNativeError = (v) => (typeof Error.isError === 'function'
  ? Error.isError(v)
  : isObjectLike(v) && objectTag(v) === '[object Error]');
const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) ||
  isBigIntObject(v) || isSymbolObject(v);
const isAnyArrayBuffer = (v) => isArrayBuffer(v) || isSharedArrayBuffer(v);
const isError = (v) => isNativeError(v) || v instanceof Error;

const types = {
  isPromise, isRegExp, isDate, isMap, isSet, isWeakMap, isWeakSet, isTypedArray,
  isArrayBuffer, isSharedArrayBuffer, isAnyArrayBuffer, isDataView,
  isArrayBufferView: (v) => isTypedArray(v) || isDataView(v),
  isAsyncFunction, isGeneratorFunction, isGeneratorObject, isNativeError,
  isBoxedPrimitive, isNumberObject, isStringObject, isBooleanObject, isBigIntObject,
  isSymbolObject, isMapIterator, isSetIterator, isArgumentsObject,
  isWeakRef: typeof WeakRef === 'function' ? brandCheck((v) => WeakRef.prototype.deref.call(v)) : () => false,
  isModuleNamespaceObject: (v) => isObjectLike(v) && ObjectGetPrototypeOf(v) === null &&
    v[Symbol.toStringTag] === 'Module',
  isProxy: () => false, // not observable from JavaScript
  isExternal: () => false,
  isKeyObject: () => false,
  isCryptoKey: () => false,
};
for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  types[`is${name}`] = (v) => typedArrayName(v) === name;
}

// ---------------------------------------------------------------------------
// inspect: options, colours and styles.

const inspectDefaults = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

// ANSI SGR codes: [open, close].
const colors = ObjectAssign(ObjectCreate(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
  blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
  doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
  bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
  bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39],
  greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39],
  magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39],
  bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
  bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
});
// Aliases are non-enumerable so Object.keys(colors) lists each style once.
const colorAliases = {
  grey: 'gray', blackBright: 'gray', bgGrey: 'bgGray', bgBlackBright: 'bgGray',
  faint: 'dim', crossedout: 'strikethrough', strikeThrough: 'strikethrough',
  crossedOut: 'strikethrough', conceal: 'hidden', swapColors: 'inverse',
  swapcolors: 'inverse', doubleUnderline: 'doubleunderline',
};
for (const [alias, target] of ObjectEntries(colorAliases)) {
  ObjectDefineProperty(colors, alias, {
    get() { return this[target]; },
    set(v) { ObjectDefineProperty(this, alias, { value: v, writable: true, enumerable: false, configurable: true }); },
    enumerable: false,
    configurable: true,
  });
}

const styles = ObjectAssign(ObjectCreate(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow',
  undefined: 'grey', null: 'bold', string: 'green', symbol: 'green',
  date: 'magenta', regexp: 'red', module: 'underline',
});

function stylizeNoColor(str) {
  return str;
}

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  const codes = style !== undefined ? colors[style] : undefined;
  if (codes === undefined) return str;
  return `\u001b[${codes[0]}m${str}\u001b[${codes[1]}m`;
}

// ---------------------------------------------------------------------------
// inspect: primitives.

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const NEEDS_ESCAPE = /[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/;
const ANSI_PATTERN = new RegExp(
  '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)' + // OSC ... BEL / ST
  '|(?:\\u001b\\[|\\u009b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]' + // CSI sequences
  '|\\u001b[()#][0-9A-Za-z]' + // character set selection, line attributes
  '|\\u001b[\\x30-\\x5a\\x5c-\\x7e]', // two-character escapes
  'g');

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw invalidArgType('str', 'string', str);
  return str.replace(ANSI_PATTERN, '');
}

function escapeCodeUnit(code) {
  switch (code) {
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 12: return '\\f';
    case 13: return '\\r';
    case 39: return "\\'";
    case 92: return '\\\\';
    default: return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
}

// Escapes control characters, backslashes and lone surrogates. Single quotes
// are escaped only when `escapeSingle` is set (i.e. we quote with ').
function escapeString(str, escapeSingle) {
  if (!NEEDS_ESCAPE.test(str)) return str;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code === 39) {
      out += escapeSingle ? "\\'" : "'";
    } else if (code < 32 || code === 92 || (code >= 0x7f && code <= 0x9f)) {
      out += escapeCodeUnit(code);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = str.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1]; // well-formed pair: keep as is
        i++;
      } else {
        out += `\\u${code.toString(16)}`;
      }
    } else {
      out += str[i];
    }
  }
  return out;
}

// Quote with ' unless the text contains it; then try " and finally `.
function quoteString(str) {
  if (str.includes("'")) {
    if (!str.includes('"')) return `"${escapeString(str, false)}"`;
    if (!str.includes('`') && !str.includes('${')) return `\`${escapeString(str, false)}\``;
  }
  return `'${escapeString(str, true)}'`;
}

// Inserts `_` every three digits from the right of an integer digit string.
function groupDigits(digits) {
  let out = '';
  let i = digits.length;
  const stop = digits[0] === '-' ? 1 : 0;
  for (; i >= stop + 4; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
  return digits.slice(0, i) + out;
}

function formatNumber(stylize, num, separators) {
  if (ObjectIs(num, -0)) return stylize('-0', 'number');
  let text = `${num}`;
  if (separators && NumberIsFinite(num) && !text.includes('e')) {
    const [int, frac] = text.split('.');
    text = groupDigits(int);
    if (frac !== undefined) text += `.${frac.replace(/(\d{3})(?=\d)/g, '$1_')}`;
  }
  return stylize(text, 'number');
}

function formatBigInt(stylize, big, separators) {
  const text = separators ? groupDigits(`${big}`) : `${big}`;
  return stylize(`${text}n`, 'bigint');
}

function formatPrimitive(stylize, value, ctx) {
  switch (typeof value) {
    case 'string': return formatStringValue(stylize, value, ctx);
    case 'number': return formatNumber(stylize, value, ctx.numericSeparator);
    case 'bigint': return formatBigInt(stylize, value, ctx.numericSeparator);
    case 'boolean': return stylize(`${value}`, 'boolean');
    case 'undefined': return stylize('undefined', 'undefined');
    default: return stylize(Symbol.prototype.toString.call(value), 'symbol');
  }
}

function formatStringValue(stylize, value, ctx) {
  let trailer = '';
  if (value.length > ctx.maxStringLength) {
    const remaining = value.length - ctx.maxStringLength;
    value = value.slice(0, ctx.maxStringLength);
    trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
  }
  // Long multi-line strings are printed as 'line\n' + 'line' chunks.
  if (ctx.compact !== true && value.length > 16 &&
      value.length > ctx.breakLength - ctx.indentationLvl - 4) {
    const lines = value.split(/(?<=\n)/);
    const joiner = ` +\n${' '.repeat(ctx.indentationLvl + 2)}`;
    return lines.map((line) => stylize(quoteString(line), 'string')).join(joiner) + trailer;
  }
  return stylize(quoteString(value), 'string') + trailer;
}

// Display width of a string: ANSI codes are invisible, combining marks take
// no room and East Asian wide / emoji code points take two columns.
function getStringWidth(str, removeControl = true) {
  if (removeControl) str = str.replace(ANSI_PATTERN, '');
  let width = 0;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) ||
        (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    width += isWideCodePoint(cp) ? 2 : 1;
  }
  return width;
}

function isWideCodePoint(cp) {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

// ---------------------------------------------------------------------------
// inspect: entry point and the object walker.

function inspect(value, opts) {
  const ctx = {
    ...inspectDefaults,
    stylize: stylizeNoColor,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
    outputSize: [], // characters produced so far, per indentation level
    userOptions: undefined,
  };
  if (arguments.length > 2) {
    // Legacy signature: inspect(value, showHidden, depth, colors)
    if (arguments[2] !== undefined) ctx.depth = arguments[2];
    if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
  }
  if (typeof opts === 'boolean') {
    ctx.showHidden = opts;
  } else if (opts) {
    for (const key of ObjectKeys(opts)) {
      if (hasOwn(inspectDefaults, key) || key === 'stylize') ctx[key] = opts[key];
      else if (ctx.userOptions === undefined) ctx.userOptions = opts;
    }
  }
  if (ctx.colors && ctx.stylize === stylizeNoColor) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

const NO_RESULT = Symbol('no custom result');

function formatValue(ctx, value, recurseTimes, inTypedArray) {
  if (value === null) return ctx.stylize('null', 'null');
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (ctx.customInspect) {
    const custom = callCustomInspect(ctx, value, recurseTimes);
    if (custom !== NO_RESULT) return custom;
  }
  if (ctx.seen.includes(value)) return formatCircular(ctx, value);
  return formatRaw(ctx, value, recurseTimes, inTypedArray);
}

// Options object handed to [inspect.custom] implementations.
function optionsForCustom(ctx) {
  const opts = { ...ctx.userOptions };
  for (const key of ObjectKeys(inspectDefaults)) opts[key] = ctx[key];
  opts.stylize = ctx.stylize;
  return opts;
}

function callCustomInspect(ctx, value, recurseTimes) {
  const fn = value[customInspect];
  // Skip prototype objects (e.g. Foo.prototype) so classes can be inspected.
  if (typeof fn !== 'function' || fn === inspect ||
      (value.constructor && value.constructor.prototype === value)) return NO_RESULT;
  const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
  const result = fn.call(value, depth, optionsForCustom(ctx), inspect);
  if (result === value) return NO_RESULT;
  if (typeof result !== 'string') return formatValue(ctx, result, recurseTimes);
  return result.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
}

function formatCircular(ctx, value) {
  if (ctx.circular === undefined) ctx.circular = new Map();
  let index = ctx.circular.get(value);
  if (index === undefined) {
    index = ctx.circular.size + 1;
    ctx.circular.set(value, index);
  }
  return ctx.stylize(`[Circular *${index}]`, 'special');
}

function isIndexKey(key) {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

// Own keys to print: enumerable string keys plus enumerable symbols, or all
// own keys with showHidden. Array-like containers drop their index keys.
function getKeys(value, showHidden, dropIndices) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value).concat(symbols);
  } else {
    keys = ObjectKeys(value);
    for (const sym of symbols) {
      if (isEnumerable(value, sym)) keys.push(sym);
    }
  }
  return dropIndices ? keys.filter((k) => typeof k !== 'string' || !isIndexKey(k)) : keys;
}

// Finds the name of the nearest constructor on the prototype chain; null for
// objects whose prototype is null.
function getConstructorName(obj, ctx) {
  let proto = obj;
  let firstProto;
  while (proto !== null) {
    const desc = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        isInstanceOf(obj, desc.value)) {
      return String(desc.value.name);
    }
    proto = ObjectGetPrototypeOf(proto);
    if (firstProto === undefined) firstProto = proto;
  }
  if (firstProto === null) return null;
  // A chain without any named constructor (e.g. Object.create(nullProtoObj)).
  const fallback = ArrayIsArray(obj) ? 'Array' : typeof obj === 'function' ? 'Function' : 'Object';
  const protoName = getConstructorName(firstProto, ctx);
  if (protoName !== null) return `${fallback} <${protoName}>`;
  return `${fallback} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
}

function isInstanceOf(obj, ctor) {
  try {
    return obj instanceof ctor;
  } catch {
    return false;
  }
}

// "Foo(2) [Bar] " style prefix placed before braces.
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

// Symbol.toStringTag is shown unless it is an own property that is printed
// anyway as a key.
function getTag(ctx, value) {
  const tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || tag === '') return '';
  const desc = ObjectGetOwnPropertyDescriptor(value, Symbol.toStringTag);
  if (desc !== undefined && (ctx.showHidden || desc.enumerable)) return '';
  return tag;
}

// Layout kinds: array-likes (elements unlabelled, eligible for column
// grouping) versus keyed objects/collections.
const ARRAY_EXTRAS = 1;
const OBJECT_ENTRIES = 0;

// Decides how `value` is laid out. Returns a string when the value can be
// printed without visiting entries, otherwise a layout description.
function describeObject(ctx, value, constructor, tag, inTypedArray) {
  const layout = { keys: undefined, braces: ['{', '}'], base: '', formatter: noEntries, extras: OBJECT_ENTRIES };
  const name = typedArrayName(value);
  if (ArrayIsArray(value)) {
    const prefix = constructor !== 'Array' || tag !== '' ? getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
    layout.keys = getKeys(value, ctx.showHidden, true);
    layout.braces = [`${prefix}[`, ']'];
    if (value.length === 0 && layout.keys.length === 0) return `${layout.braces[0]}]`;
    layout.extras = ARRAY_EXTRAS;
    layout.formatter = formatArray;
  } else if (isSet(value) || isMap(value)) {
    const map = isMap(value);
    const size = map ? accessor(Map.prototype, 'size').call(value) : accessor(Set.prototype, 'size').call(value);
    const prefix = getPrefix(constructor, tag, map ? 'Map' : 'Set', `(${size})`);
    layout.keys = getKeys(value, ctx.showHidden);
    if (size === 0 && layout.keys.length === 0) return `${prefix}{}`;
    layout.braces = [`${prefix}{`, '}'];
    layout.formatter = map ? formatMap : formatSet;
  } else if (name !== undefined) {
    const prefix = getPrefix(constructor, tag, name, `(${value.length})`);
    layout.keys = getKeys(value, ctx.showHidden, true);
    layout.braces = [`${prefix}[`, ']'];
    if (value.length === 0 && layout.keys.length === 0 && !ctx.showHidden) return `${layout.braces[0]}]`;
    layout.extras = ARRAY_EXTRAS;
    layout.formatter = formatTypedArray;
  } else if (isMapIterator(value) || isSetIterator(value)) {
    // Peeking at iterator contents needs engine internals; say so instead.
    layout.keys = getKeys(value, ctx.showHidden);
    layout.braces = [`[${tag || objectTag(value).slice(8, -1)}] {`, '}'];
    layout.formatter = unknownItems;
  } else {
    return describePlainObject(ctx, value, constructor, tag, inTypedArray, layout);
  }
  return layout;
}

function describePlainObject(ctx, value, constructor, tag, inTypedArray, layout) {
  const keys = layout.keys = getKeys(value, ctx.showHidden);
  const style = ctx.stylize;
  if (typeof value === 'function') {
    layout.base = functionBase(value, constructor, tag);
    if (keys.length === 0) return style(layout.base, 'special');
  } else if (constructor === 'Object') {
    if (isArgumentsObject(value)) layout.braces[0] = '[Arguments] {';
    else if (tag !== '') layout.braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    if (keys.length === 0) return `${layout.braces[0]}}`;
  } else if (isRegExp(value)) {
    const source = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
    const prefix = getPrefix(constructor, tag, 'RegExp');
    layout.base = prefix !== 'RegExp ' ? `${prefix}${source}` : source;
    if (keys.length === 0) return style(layout.base, 'regexp');
  } else if (isDate(value)) {
    const time = Date.prototype.getTime.call(value);
    const text = NumberIsNaN(time) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
    const prefix = getPrefix(constructor, tag, 'Date');
    layout.base = prefix !== 'Date ' ? `${prefix}${text}` : text;
    if (keys.length === 0) return style(layout.base, 'date');
  } else if (isError(value)) {
    layout.base = formatError(ctx, value, constructor, tag, keys);
    if (keys.length === 0) return layout.base;
  } else if (isAnyArrayBuffer(value)) {
    const prefix = getPrefix(constructor, tag, isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer');
    if (!inTypedArray) layout.formatter = formatArrayBuffer;
    else if (keys.length === 0) return `${prefix}{ byteLength: ${formatNumber(style, value.byteLength, false)} }`;
    layout.braces[0] = `${prefix}{`;
    keys.unshift('byteLength');
  } else if (isDataView(value)) {
    layout.braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
    keys.unshift('byteLength', 'byteOffset', 'buffer');
  } else if (isPromise(value)) {
    // The settled state of a promise is not observable synchronously.
    layout.braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
    layout.formatter = (c) => [c.stylize('<pending>', 'special')];
  } else if (isWeakSet(value) || isWeakMap(value)) {
    layout.braces[0] = `${getPrefix(constructor, tag, isWeakSet(value) ? 'WeakSet' : 'WeakMap')}{`;
    layout.formatter = unknownItems;
  } else if (isBoxedPrimitive(value)) {
    layout.base = boxedBase(ctx, value, keys, constructor, tag);
    if (keys.length === 0) return layout.base;
  } else {
    const prefix = getPrefix(constructor, tag, 'Object');
    if (keys.length === 0) return `${prefix}{}`;
    layout.braces[0] = `${prefix}{`;
  }
  return layout;
}

// The engine's own stack-overflow error, learnt once by overflowing on purpose
// so the check does not depend on any one engine's wording.
let stackOverflowSample;
function isStackOverflow(err) {
  if (stackOverflowSample === undefined) {
    const recurse = () => recurse() + 1;
    try {
      recurse();
    } catch (sample) {
      stackOverflowSample = { name: sample && sample.name, message: sample && sample.message };
    }
  }
  return isObjectLike(err) && err.name === stackOverflowSample.name &&
    err.message === stackOverflowSample.message;
}

function formatRaw(ctx, value, recurseTimes, inTypedArray) {
  const constructor = getConstructorName(value, ctx);
  const tag = getTag(ctx, value);
  const layout = describeObject(ctx, value, constructor, tag, inTypedArray);
  if (typeof layout === 'string') return layout;

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    return ctx.stylize(constructor !== null ? `[${name}]` : name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes; // read by reduceToSingleString of ancestors
  const { indentationLvl } = ctx;
  let output;
  try {
    output = layout.formatter(ctx, value, recurseTimes);
    for (const key of layout.keys) {
      output.push(formatProperty(ctx, value, recurseTimes, key, layout.extras));
    }
  } catch (err) {
    // Like Node, a structure nested deeper than the engine's stack allows is
    // cut short with a marker instead of failing the whole inspect() call.
    if (!isStackOverflow(err)) throw err;
    ctx.indentationLvl = indentationLvl;
    return ctx.stylize(`[${constructor === null ? 'Object' : constructor}: Inspection interrupted ` +
      'prematurely. Maximum call stack size exceeded.]', 'special');
  } finally {
    ctx.seen.pop();
  }

  let { base } = layout;
  const { braces } = layout;
  const refIndex = ctx.circular !== undefined ? ctx.circular.get(value) : undefined;
  if (refIndex !== undefined) {
    const ref = ctx.stylize(`<ref *${refIndex}>`, 'special');
    if (ctx.compact !== true) base = base === '' ? ref : `${ref} ${base}`;
    else braces[0] = `${ref} ${braces[0]}`;
  }
  if (ctx.sorted) sortOutput(ctx, output, layout);
  const result = reduceToSingleString(ctx, output, base, braces, layout.extras, recurseTimes, value);
  limitOutputSize(ctx, result.length);
  return result;
}

// Past about 128M characters at any one nesting level, everything not yet
// formatted is shown as [Object] etc. (as in Node): this keeps the result
// under the engine's maximum string length and bounds the time spent.
const OUTPUT_SIZE_LIMIT = 2 ** 27;
function limitOutputSize(ctx, length) {
  const level = ctx.indentationLvl;
  const total = (ctx.outputSize[level] || 0) + length;
  ctx.outputSize[level] = total;
  if (total > OUTPUT_SIZE_LIMIT) ctx.depth = -1;
}

// Objects sort all entries; arrays keep element order and sort extra keys.
function sortOutput(ctx, output, layout) {
  const compare = ctx.sorted === true ? undefined : ctx.sorted;
  if (layout.extras === OBJECT_ENTRIES) {
    output.sort(compare);
  } else if (layout.keys.length > 1) {
    const count = layout.keys.length;
    const sorted = output.slice(output.length - count).sort(compare);
    output.splice(output.length - count, count, ...sorted);
  }
}

function noEntries() {
  return [];
}

function unknownItems(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function moreItems(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function emptyItems(ctx, count) {
  return ctx.stylize(`<${count} empty item${count > 1 ? 's' : ''}>`, 'undefined');
}

// Array elements; runs of holes collapse into "<N empty items>" and each
// collapsed run counts as one printed entry against maxArrayLength.
function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const limit = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  let index = 0;
  while (index < length && output.length < limit) {
    if (!hasOwn(value, index)) {
      let end = index + 1;
      while (end < length && !hasOwn(value, end)) end++;
      output.push(emptyItems(ctx, end - index));
      index = end;
      continue;
    }
    output.push(formatProperty(ctx, value, recurseTimes, index, ARRAY_EXTRAS));
    index++;
  }
  if (index < length) output.push(moreItems(length - index));
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = value.length;
  const limit = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  const asBigInt = length > 0 && typeof value[0] === 'bigint';
  for (let i = 0; i < limit; i++) {
    output.push(asBigInt
      ? formatBigInt(ctx.stylize, value[i], ctx.numericSeparator)
      : formatNumber(ctx.stylize, value[i], ctx.numericSeparator));
  }
  if (length > limit) output.push(moreItems(length - limit));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = MathMin(ctx.maxArrayLength, bytes.length);
  const hex = [];
  for (let i = 0; i < shown; i++) hex.push(bytes[i].toString(16).padStart(2, '0'));
  let text = hex.join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${text}>`];
}

function formatSet(ctx, value, recurseTimes) {
  return formatCollection(ctx, value, (v) => formatValue(ctx, v, recurseTimes));
}

function formatMap(ctx, value, recurseTimes) {
  return formatCollection(ctx, value,
    ([k, v]) => `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
}

function formatCollection(ctx, collection, formatEntry) {
  const size = collection.size;
  const limit = MathMin(MathMax(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const entry of collection) {
    if (output.length >= limit) break;
    output.push(formatEntry(entry));
  }
  if (size > limit) output.push(moreItems(size - limit));
  ctx.indentationLvl -= 2;
  return output;
}

function boxedBase(ctx, value, keys, constructor, tag) {
  let type;
  let primitive;
  if (isNumberObject(value)) {
    type = 'Number';
    primitive = Number.prototype.valueOf.call(value);
  } else if (isStringObject(value)) {
    type = 'String';
    primitive = String.prototype.valueOf.call(value);
    // The characters show up in the base; drop their index keys.
    const drop = keys.filter((k) => typeof k === 'string' && isIndexKey(k) && Number(k) < primitive.length);
    for (const k of drop) keys.splice(keys.indexOf(k), 1);
  } else if (isBooleanObject(value)) {
    type = 'Boolean';
    primitive = Boolean.prototype.valueOf.call(value);
  } else if (isBigIntObject(value)) {
    type = 'BigInt';
    primitive = BigInt.prototype.valueOf.call(value);
  } else {
    type = 'Symbol';
    primitive = Symbol.prototype.valueOf.call(value);
  }
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${formatPrimitive(stylizeNoColor, primitive, { ...ctx, compact: true })}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function functionBase(fn, constructor, tag) {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch { /* revoked or exotic: treat as plain function */ }
  if (/^class(?=[\s{])/.test(source) && source.endsWith('}')) return classBase(fn, constructor, tag);
  let type = 'Function';
  if (isGeneratorFunction(fn)) type = `Generator${type}`;
  if (isAsyncFunction(fn)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function classBase(fn, constructor, tag) {
  const name = (hasOwn(fn, 'name') && fn.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(fn).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

// err.stack, normalised to V8's "Name: message\n    at ..." shape. QuickJS
// stacks hold only the frames, so the header is added here.
function errorStack(err) {
  const stack = err.stack;
  const header = Error.prototype.toString.call(err);
  if (!stack) return header;
  const text = String(stack).replace(/\n+$/, '');
  if (/^\s+at\s/.test(text)) return `${header}\n${text.replace(/^\s+at\s/gm, '    at ')}`;
  return text;
}

function formatError(ctx, err, constructor, tag, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = errorStack(err);
  // name/message/stack keys already visible in the stack text are redundant.
  if (!ctx.showHidden && keys.length !== 0) {
    for (const key of ['name', 'message', 'stack']) {
      const at = keys.indexOf(key);
      if (at !== -1 && stack.includes(err[key])) keys.splice(at, 1);
    }
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (ArrayIsArray(err.errors) && !keys.includes('errors')) keys.push('errors');
  stack = adjustErrorHeader(stack, constructor, name, tag);

  let messageEnd = (err.message && stack.indexOf(err.message)) || -1;
  if (messageEnd !== -1) messageEnd += err.message.length;
  const framesStart = stack.indexOf('\n    at', messageEnd);
  if (framesStart === -1) {
    stack = `[${stack}]`; // without any stack frames the error is shown in brackets
  } else {
    const frames = stack.slice(framesStart + 1).split('\n');
    collapseCauseFrames(ctx, err, frames);
    if (ctx.colors) colorizeFrames(ctx, frames);
    stack = `${stack.slice(0, framesStart)}\n${frames.join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// Frames shared with err.cause (printed right below) are summarised as
// "... N lines matching cause stack trace ...", keeping the run's ends.
function collapseCauseFrames(ctx, err, frames) {
  let cause;
  try {
    cause = err.cause;
  } catch {
    return;
  }
  if (cause == null || !isError(cause)) return;
  const causeStack = errorStack(cause);
  const start = causeStack.indexOf('\n    at');
  if (start === -1) return;
  const causeFrames = causeStack.slice(start + 1).split('\n');
  for (let i = 0; i < frames.length - 3; i++) {
    const pos = causeFrames.indexOf(frames[i]);
    if (pos === -1 || causeFrames.length - pos <= 3) continue;
    const limit = MathMin(frames.length - i, causeFrames.length - pos);
    let len = 1;
    while (len < limit && frames[i + len] === causeFrames[pos + len]) len++;
    if (len > 3) {
      const hidden = len - 2;
      const note = ctx.stylize(`    ... ${hidden} lines matching cause stack trace ...`, 'undefined');
      frames.splice(i + 1, hidden, note);
      return;
    }
  }
}

// Dims runtime-internal frames and underlines package names in node_modules.
function colorizeFrames(ctx, frames) {
  for (let i = 0; i < frames.length; i++) {
    const line = frames[i];
    if (/^\s+at (?:.*\()?node:/.test(line)) {
      frames[i] = ctx.stylize(line, 'undefined');
    } else {
      frames[i] = line.replace(/(node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)/g,
        (_, dir, pkg) => `${dir}${ctx.stylize(pkg, 'module')}`);
    }
  }
}

// Makes the first line name the real class, e.g. "MyError [TypeError]: msg"
// when a subclass did not override `name`.
function adjustErrorHeader(stack, constructor, name, tag) {
  let len = name.length;
  const looksNormal = name.endsWith('Error') && stack.startsWith(name) &&
    (stack.length === len || stack[len] === ':' || stack[len] === '\n');
  if (constructor !== null && !looksNormal) return stack;
  let fallback = 'Error';
  if (constructor === null) {
    const match = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
      /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    fallback = (match && match[1]) || '';
    len = fallback.length;
    fallback = fallback || 'Error';
  }
  const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
  if (name === prefix) return stack;
  if (prefix.includes(name)) {
    return len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
  }
  return `${prefix} [${name}]${stack.slice(len)}`;
}

function formatProperty(ctx, value, recurseTimes, key, extras) {
  const desc = ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  let str;
  let separator = ' ';
  if (desc.value !== undefined) {
    // compact=true mode indents object values by 3 to line up after "key: "
    const indent = ctx.compact !== true || extras !== OBJECT_ENTRIES ? 2 : 3;
    ctx.indentationLvl += indent;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (indent === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      separator = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= indent;
  } else if (desc.get !== undefined) {
    str = formatAccessor(ctx, value, desc, recurseTimes);
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (typeof key === 'number') return str; // array element: no label
  return `${formatKey(ctx, key, desc)}:${separator}${str}`;
}

function formatKey(ctx, key, desc) {
  if (typeof key === 'symbol') {
    return `[${ctx.stylize(Symbol.prototype.toString.call(key), 'symbol')}]`;
  }
  if (key === '__proto__') return "['__proto__']";
  if (desc.enumerable === false) return `[${escapeString(key, true)}]`;
  if (IDENTIFIER.test(key)) return ctx.stylize(key, 'name');
  return ctx.stylize(quoteString(key), 'string');
}

function formatAccessor(ctx, obj, desc, recurseTimes) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const s = ctx.stylize;
  const wanted = ctx.getters === true ||
    (ctx.getters === 'get' && desc.set === undefined) ||
    (ctx.getters === 'set' && desc.set !== undefined);
  if (!ctx.getters || !wanted) return s(`[${label}]`, 'special');
  try {
    const result = desc.get.call(obj);
    ctx.indentationLvl += 2;
    let str;
    if (result === null) str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
    else if (typeof result === 'object') str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, result, recurseTimes)}`;
    else str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, result, ctx)}${s(']', 'special')}`;
    ctx.indentationLvl -= 2;
    return str;
  } catch (err) {
    return `${s(`[${label}:`, 'special')} <Inspection threw (${err && err.message})>${s(']', 'special')}`;
  }
}

// ---------------------------------------------------------------------------
// inspect: line breaking.

const visibleLength = (ctx, str) => (ctx.colors ? str.replace(ANSI_PATTERN, '').length : str.length);

// True when the entries (plus `start` overhead) fit within breakLength.
function fitsOnOneLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += visibleLength(ctx, entry);
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extras, recurseTimes, value) {
  const head = base ? `${base} ` : '';
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extras === ARRAY_EXTRAS && entries > 6) output = groupArrayElements(ctx, output, value);
      // Only objects nesting at most `compact` levels deep may share one line.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (fitsOnOneLine(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) return `${head}${braces[0]} ${joined} ${braces[1]}`;
        }
      }
    }
    const indent = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${head}${braces[0]}${indent}  ${output.join(`,${indent}  `)}${indent}${braces[1]}`;
  }
  // Legacy compact=true: pack entries, wrapping with a 2-space hanging indent.
  if (fitsOnOneLine(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indent = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indent}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indent}  `)} ${braces[1]}`;
}

// Lays out many short array entries in aligned columns. Numbers are right
// aligned, anything else left aligned; a trailing "... more items" stays on
// its own line.
function groupArrayElements(ctx, output, value) {
  const SEPARATOR = 2; // ", "
  const count = ctx.maxArrayLength < output.length ? output.length - 1 : output.length;
  const widths = [];
  let totalWidth = 0;
  let widest = 0;
  for (let i = 0; i < count; i++) {
    const width = getStringWidth(output[i], ctx.colors);
    widths.push(width);
    totalWidth += width + SEPARATOR;
    widest = MathMax(widest, width);
  }
  const cell = widest + SEPARATOR;
  // Need room for three columns, and avoid grids where one entry dwarfs the rest.
  if (cell * 3 + ctx.indentationLvl >= ctx.breakLength) return output;
  if (!(totalWidth / cell > 5 || widest <= 6)) return output;

  // Aim for a roughly square block, assuming glyphs are ~2.5x taller than wide.
  const bias = MathSqrt(cell - totalWidth / output.length);
  const biasedCell = MathMax(cell - 3 - bias, 1);
  const columns = MathMin(
    MathRound(MathSqrt(2.5 * biasedCell * count) / biasedCell),
    MathFloor((ctx.breakLength - ctx.indentationLvl) / cell),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const columnWidths = [];
  for (let c = 0; c < columns; c++) {
    let max = 0;
    for (let j = c; j < output.length; j += columns) if (widths[j] > max) max = widths[j];
    columnWidths.push(max + SEPARATOR);
  }
  let numeric = value !== undefined;
  for (let i = 0; numeric && i < output.length; i++) {
    numeric = typeof value[i] === 'number' || typeof value[i] === 'bigint';
  }
  const rows = [];
  for (let start = 0; start < count; start += columns) {
    const end = MathMin(start + columns, count);
    let row = '';
    for (let j = start; j < end; j++) {
      const last = j === end - 1;
      const cellText = last ? output[j] : `${output[j]}, `;
      // Padding is in visible columns; add back invisible colour codes.
      const target = columnWidths[j - start] + output[j].length - widths[j] - (last ? SEPARATOR : 0);
      if (numeric) row += cellText.padStart(target, ' ');
      else row += last ? cellText : cellText.padEnd(target, ' ');
    }
    rows.push(row);
  }
  if (count < output.length) rows.push(output[count]);
  return rows;
}

ObjectDefineProperty(inspect, 'custom', { value: customInspect, enumerable: false });
ObjectDefineProperty(inspect, 'defaultOptions', {
  get() { return inspectDefaults; },
  set(options) {
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
    ObjectAssign(inspectDefaults, options);
  },
  enumerable: true,
});
inspect.colors = colors;
inspect.styles = styles;

// ---------------------------------------------------------------------------
// format / formatWithOptions

// Capitalised globals (Object, Date, Error, ...) count as built-in classes; the classes the
// runtime itself adds as globals (Buffer, URL, ...) do not, as in Node, where the set is taken
// before they exist.
const runtimeGlobalClasses = new Set([
  'Buffer', 'Blob', 'File', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'EventTarget', 'Event',
  'CustomEvent', 'AbortController', 'AbortSignal',
]);
let builtinNames;
function isBuiltinConstructorName(name) {
  if (builtinNames === undefined) {
    builtinNames = new Set(
      ObjectGetOwnPropertyNames(globalThis).filter((n) => /^[A-Z][a-zA-Z0-9]+$/.test(n) && !runtimeGlobalClasses.has(n)),
    );
  }
  return builtinNames.has(name);
}

// %s prints objects through String() when they bring their own toString or
// Symbol.toPrimitive; objects relying on built-in conversions get inspected.
function hasUserStringConversion(obj) {
  for (const key of [Symbol.toPrimitive, 'toString']) {
    let holder = obj;
    while (holder !== null && !hasOwn(holder, key)) holder = ObjectGetPrototypeOf(holder);
    if (holder === null || typeof holder[key] !== 'function') continue;
    if (holder === obj) return true;
    const ctor = ObjectGetOwnPropertyDescriptor(holder, 'constructor');
    if (!ctor || typeof ctor.value !== 'function' || !isBuiltinConstructorName(ctor.value.name)) return true;
  }
  return false;
}

function jsonForFormat(value) {
  try {
    return `${JSONStringify(value)}`;
  } catch (err) {
    if (err instanceof TypeError && /circular|cyclic/i.test(String(err.message))) return '[Circular]';
    throw err;
  }
}

function formatArg(spec, arg, inspectOptions) {
  switch (spec) {
    case 's':
      if (typeof arg === 'number') return formatNumber(stylizeNoColor, arg, false);
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (!isObjectLike(arg) || typeof arg === 'function' || hasUserStringConversion(arg)) return String(arg);
      return inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
    case 'j':
      return jsonForFormat(arg);
    case 'd':
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number(arg), false);
    case 'i':
      if (typeof arg === 'bigint') return formatBigInt(stylizeNoColor, arg, false);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, parseInt(arg), false);
    case 'f':
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, parseFloat(arg), false);
    case 'O':
      return inspect(arg, inspectOptions);
    case 'o':
      return inspect(arg, { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
    case 'c':
      return ''; // CSS is meaningless in a terminal
    default:
      return undefined;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let used = 0; // index of the last argument consumed by the format string
  let out = '';
  let separator = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let copiedUpTo = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first[i] !== '%') continue;
      const spec = first[++i];
      if (spec === '%') {
        out += first.slice(copiedUpTo, i);
        copiedUpTo = i + 1;
        continue;
      }
      if (used + 1 === args.length) continue; // no argument left: keep literal
      const text = formatArg(spec, args[used + 1], inspectOptions);
      if (text === undefined) continue; // unknown specifier stays verbatim
      used++;
      out += first.slice(copiedUpTo, i - 1) + text;
      copiedUpTo = i + 1;
    }
    if (copiedUpTo !== 0) {
      used++;
      separator = ' ';
      if (copiedUpTo < first.length) out += first.slice(copiedUpTo);
    }
  }
  for (; used < args.length; used++) {
    const value = args[used];
    out += separator + (typeof value === 'string' ? value : inspect(value, inspectOptions));
    separator = ' ';
  }
  return out;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw invalidArgType('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

// ---------------------------------------------------------------------------
// isDeepStrictEqual

function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, []);
}

function deepEqual(a, b, stack) {
  if (a === b) return a !== 0 || ObjectIs(a, b);
  if (!isObjectLike(a) || !isObjectLike(b)) {
    return typeof a === 'number' && typeof b === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
  }
  if (typeof a === 'function' || typeof b === 'function') return false;
  if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  if (objectTag(a) !== objectTag(b)) return false;
  // Cycles: a pair already being compared is assumed equal.
  for (const [x, y] of stack) if (x === a && y === b) return true;
  stack.push([a, b]);
  try {
    return compareObjects(a, b, stack);
  } finally {
    stack.pop();
  }
}

function compareObjects(a, b, stack) {
  if (ArrayIsArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i) !== hasOwn(b, i)) return false;
      if (!deepEqual(a[i], b[i], stack)) return false;
    }
    return compareKeys(a, b, stack, true);
  }
  if (!compareSpecial(a, b)) return false;
  const arrayLike = isTypedArray(a) || isStringObject(a);
  if (isSet(a) && !compareSets(a, b, stack)) return false;
  if (isMap(a) && !compareMaps(a, b, stack)) return false;
  return compareKeys(a, b, stack, arrayLike);
}

// Internal-slot state that is not visible through own keys.
function compareSpecial(a, b) {
  if (isDate(a)) return isDate(b) && a.getTime() === b.getTime(); // Invalid Dates differ
  if (isRegExp(a)) {
    return isRegExp(b) && a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
  }
  if (isError(a)) {
    if (a.message !== b.message || a.name !== b.name) return false;
  }
  if (isBoxedPrimitive(a)) {
    if (!isBoxedPrimitive(b)) return false;
    return ObjectIs(a.valueOf(), b.valueOf()) &&
      (typeof a.valueOf() !== 'symbol' || a.valueOf() === b.valueOf());
  }
  if (isTypedArray(a) || isDataView(a)) {
    if (typedArrayName(a) !== typedArrayName(b) || a.byteLength !== b.byteLength) return false;
    return sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
      new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }
  if (isAnyArrayBuffer(a)) {
    return isAnyArrayBuffer(b) && a.byteLength === b.byteLength && sameBytes(new Uint8Array(a), new Uint8Array(b));
  }
  return true;
}

function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function compareKeys(a, b, stack, skipIndices) {
  const keysA = getKeys(a, false, skipIndices);
  const keysB = getKeys(b, false, skipIndices);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!isEnumerable(b, key)) return false;
    if (!deepEqual(a[key], b[key], stack)) return false;
  }
  return true;
}

// Pairs each unmatched object in `left` with a distinct deep-equal one.
function matchAll(left, right, equal) {
  const pool = right.slice();
  for (const item of left) {
    const at = pool.findIndex((candidate) => equal(item, candidate));
    if (at === -1) return false;
    pool.splice(at, 1);
  }
  return true;
}

function compareSets(a, b, stack) {
  if (a.size !== b.size) return false;
  const onlyA = [];
  for (const v of a) {
    if (b.has(v)) continue;
    if (!isObjectLike(v)) return false;
    onlyA.push(v);
  }
  const onlyB = [...b].filter((v) => !a.has(v));
  return onlyA.length === onlyB.length && matchAll(onlyA, onlyB, (x, y) => deepEqual(x, y, stack));
}

function compareMaps(a, b, stack) {
  if (a.size !== b.size) return false;
  const onlyA = [];
  for (const [k, v] of a) {
    if (b.has(k) && deepEqual(v, b.get(k), stack)) continue;
    if (!isObjectLike(k)) return false;
    onlyA.push([k, v]);
  }
  const onlyB = [...b].filter(([k, v]) => !(a.has(k) && deepEqual(a.get(k), v, stack)));
  return onlyA.length === onlyB.length && matchAll(onlyA, onlyB,
    (x, y) => deepEqual(x[0], y[0], stack) && deepEqual(x[1], y[1], stack));
}

// ---------------------------------------------------------------------------
// Function helpers: inherits, promisify, callbackify, deprecate, debuglog.

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) throw invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[customPromisify]) {
    const fn = original[customPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return ObjectDefineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function promisified(...args) {
    return new Promise((resolve, reject) => {
      ReflectApply(original, this, [...args, (err, value) => (err ? reject(err) : resolve(value))]);
    });
  }
  ObjectSetPrototypeOf(promisified, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(promisified, customPromisify, { value: promisified, enumerable: false, writable: false, configurable: true });
  ObjectDefineProperties(promisified, ObjectGetOwnPropertyDescriptors(original));
  return promisified;
}
promisify.custom = customPromisify;

// Deliver on a later tick so exceptions thrown by the callback are not
// swallowed by the promise chain.
function nextTick(fn, ...args) {
  const proc = globalThis.process;
  if (proc && typeof proc.nextTick === 'function') proc.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const lastArg = args.pop();
    validateFunction(lastArg, 'last argument');
    // The callback sees the same `this` the callbackified function was called with.
    const callback = (...results) => ReflectApply(lastArg, this, results);
    const onRejected = (reason) => {
      if (!reason) {
        const err = codedError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
        err.reason = reason;
        reason = err;
      }
      nextTick(callback, reason);
    };
    ReflectApply(original, this, args).then((value) => nextTick(callback, null, value), onRejected);
  }
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const proto = descriptors.prototype;
  delete descriptors.prototype; // keep our own (writable) prototype slot
  // Unlike promisify, Node leaves the result a plain function (prototype
  // Function.prototype) even when `original` is an async function.
  ObjectDefineProperties(callbackified, descriptors);
  if (proto) callbackified.prototype = proto.value;
  return callbackified;
}

// Writes one line to stderr with whatever the host provides.
function writeStderr(line) {
  const proc = globalThis.process;
  if (proc && proc.stderr && typeof proc.stderr.write === 'function') proc.stderr.write(`${line}\n`);
  else if (typeof console.error === 'function') console.error(line);
  else console.log(line);
}

const warnedDeprecationCodes = new Set();

function emitDeprecation(msg, code, fn) {
  const proc = globalThis.process;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning(msg, 'DeprecationWarning', code, fn);
  } else {
    writeStderr(`${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}`);
  }
}

function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  const proc = globalThis.process;
  if (proc && proc.noDeprecation === true) return fn;
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code === undefined || !warnedDeprecationCodes.has(code)) {
        if (code !== undefined) warnedDeprecationCodes.add(code);
        emitDeprecation(msg, code, deprecated);
      }
    }
    return new.target ? ReflectConstruct(fn, args, new.target) : ReflectApply(fn, this, args);
  }
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// NODE_DEBUG=foo,bar*  enables debuglog('foo') and debuglog('barbaz').
function debugSectionEnabled(section) {
  const proc = globalThis.process;
  const spec = proc && proc.env ? proc.env.NODE_DEBUG : undefined;
  if (!spec) return false;
  return String(spec).split(',').some((raw) => {
    const pattern = raw.trim().replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*');
    return pattern !== '' && new RegExp(`^${pattern}$`, 'i').test(section);
  });
}

function debuglog(section, onInit) {
  let impl;
  let enabled = false;
  function init() {
    const name = String(section).toUpperCase();
    enabled = debugSectionEnabled(name);
    impl = enabled ? (...args) => writeDebug(name, args) : () => {};
    if (typeof onInit === 'function') onInit(impl);
  }
  function logger(...args) {
    if (impl === undefined) init();
    impl(...args);
  }
  ObjectDefineProperty(logger, 'enabled', {
    get() {
      if (impl === undefined) init();
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

function writeDebug(name, args) {
  const proc = globalThis.process;
  writeStderr(format('%s %d: %s', name, proc && proc.pid ? proc.pid : 0, format(...args)));
}

// ---------------------------------------------------------------------------
// Strings and styling.

function toUSVString(value) {
  const str = `${value}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// Colour only when the target stream is a terminal, honouring the usual
// NO_COLOR / FORCE_COLOR conventions.
function streamWantsColor(stream) {
  const env = (globalThis.process && globalThis.process.env) || {};
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return !!(stream && stream.isTTY);
}

function styleText(format, text, { validateStream = true, stream } = {}) {
  if (typeof text !== 'string') throw invalidArgType('text', 'string', text);
  const formats = ArrayIsArray(format) ? format : [format];
  let open = '';
  let close = '';
  for (const key of formats) {
    const codes = colors[key];
    if (codes === undefined) {
      const allowed = ObjectKeys(colors).map((k) => `'${k}'`).join(', ');
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument 'format' must be one of: ${allowed}. Received ${inspect(key)}`);
    }
    open += `\u001b[${codes[0]}m`;
    close = `\u001b[${codes[1]}m${close}`;
  }
  if (validateStream) {
    const target = stream !== undefined ? stream : globalThis.process && globalThis.process.stdout;
    if (!streamWantsColor(target)) return text;
  }
  return `${open}${text}${close}`;
}

// ---------------------------------------------------------------------------
// Legacy helpers still used by older npm packages.

function extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of ObjectKeys(source)) target[key] = source[key];
  return target;
}

const isPrimitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');

module.exports = {
  format,
  formatWithOptions,
  inspect,
  inherits,
  promisify,
  callbackify,
  deprecate,
  debuglog,
  debug: debuglog,
  isDeepStrictEqual,
  types,
  isArray: ArrayIsArray,
  // Read on use: the globals are themselves loaded lazily, after util.
  get TextEncoder() {
    return globalThis.TextEncoder;
  },
  get TextDecoder() {
    return globalThis.TextDecoder;
  },
  stripVTControlCharacters,
  toUSVString,
  styleText,
  get parseArgs() { return require('internal/parse_args').parseArgs; },
  _extend: extend,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => !!(globalThis.Buffer && globalThis.Buffer.isBuffer(v)),
  isDate,
  isError,
  isFunction: (v) => typeof v === 'function',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isObject: (v) => v !== null && typeof v === 'object',
  isPrimitive,
  isRegExp,
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
};
