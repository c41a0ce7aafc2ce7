// `assert.AssertionError` and the messages it generates: the one-line comparisons, the
// "+ actual - expected" line diff for strictEqual/deepStrictEqual, and the "should loosely
// deep-equal" blocks, shaped after Node 20's observed output. No colours: Node only colours
// these messages when stderr is a terminal.
'use strict';
const { inspect } = require('util');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

// Headers Node prints above a generated message, by operator.
const HEADERS = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  sameStructure: 'Values have same structure but are not reference-equal:',
};

// Values shorter than this together are shown as `a !== b` rather than as a diff.
const SHORT_PAIR_LENGTH = 12;
// Past this many printed lines a diff is cut off.
const MAX_DIFF_LINES = 50;
// A first-difference caret is drawn only for pairs shorter than a terminal line.
const CARET_LINE_WIDTH = 80;

/** Every value in a message is shown expanded, one property per line, keys sorted. */
function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

const isObject = (value) => typeof value === 'object' && value !== null;

// Errors on both sides are shown without their stacks, which would only differ by line numbers.
function withoutStack(error) {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error);
  Object.defineProperty(copy, 'message', { value: error.message, configurable: true, writable: true });
  return copy;
}

function bothErrors(actual, expected) {
  return isObject(actual) && isObject(expected) && actual instanceof Error && expected instanceof Error &&
    'stack' in actual && 'stack' in expected;
}

/** Keeps the first lines of a long listing, as Node does for the one-sided messages. */
function capLines(lines) {
  if (lines.length <= MAX_DIFF_LINES) return lines;
  return [...lines.slice(0, 46), '...'];
}

function capLength(text, max) {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function firstDifference(a, b) {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return index;
}

/**
 * The message for a failed strictEqual/deepStrictEqual: a line-by-line comparison of the two
 * inspected values, or `a !== b` for short primitives. A caller's own message, if any, replaces
 * the header line.
 */
function diffMessage(actual, expected, operator, customHeader) {
  const actualText = inspectValue(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  const bothReferences = (isObject(actual) && isObject(expected)) ||
    (typeof actual === 'function' && typeof expected === 'function');
  if (operator === 'strictEqual' && bothReferences) operator = 'strictEqualObject';
  const header = customHeader ?? HEADERS[operator];

  let caret = '';
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const [a] = actualLines;
    const [b] = expectedLines;
    const length = a.length + b.length;
    if (length <= SHORT_PAIR_LENGTH) {
      // `0 !== -0` would look wrong, so zeros always get the diff.
      if (!isObject(actual) && !isObject(expected) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a} !== ${b}\n`;
      }
    } else if (operator !== 'strictEqualObject' && length < CARET_LINE_WIDTH) {
      const at = firstDifference(a, b);
      if (at > 2) caret = `\n  ${' '.repeat(at)}^`;
    }
  }

  const tail = takeCommonTail(actualLines, expectedLines);
  if (actualLines.length === 0 && expectedLines.length === 0) {
    // Every line matched: the values look the same but are different objects.
    return `${HEADERS.sameStructure}\n\n${capLines(actualText.split('\n')).join('\n')}\n`;
  }
  const body = diffBody(actualLines, expectedLines);
  if (body.truncated) return `${header}\n+ actual - expected ... Lines skipped\n${body.text}`;
  const skipped = body.skipped || tail.skipped;
  return `${header}\n+ actual - expected${skipped ? ' ... Lines skipped' : ''}\n${body.text}${tail.text}${caret}`;
}

// Removes the lines both listings end with; shows the last three of them (and the first, with
// `...` between, when more were dropped).
function takeCommonTail(actualLines, expectedLines) {
  const common = [];
  while (actualLines.length > 0 && expectedLines.length > 0 &&
    actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    common.unshift(actualLines.pop());
    expectedLines.pop();
  }
  const shown = common.length <= 4 ? common : [common[0], null, ...common.slice(-3)];
  const text = shown.map((line) => (line === null ? '\n...' : `\n  ${line}`)).join('');
  return { text, skipped: common.length >= 5 };
}

// Walks both listings line by line. Diverging lines print as `+ actual` / `- expected` pairs,
// with the `-` lines held back so a run of changes reads `+ + - -`. Runs of identical lines
// keep their first two and last two lines around a `...`.
function diffBody(actualLines, expectedLines) {
  const total = Math.max(actualLines.length, expectedLines.length);
  const actualLonger = actualLines.length >= total;
  const longer = actualLonger ? actualLines : expectedLines;
  const shorterLength = actualLonger ? expectedLines.length : actualLines.length;
  let text = '';
  let heldBack = '';
  let printed = 0;
  let sameRun = 0;
  let skipped = false;

  // The end of a run of identical lines, printed once the run is over.
  const closeRun = (i) => {
    if (sameRun > 4) {
      if (sameRun === 5) {
        text += `\n  ${longer[i - 3]}`;
        printed++;
      } else {
        text += '\n...';
        skipped = true;
      }
    }
    if (sameRun > 3) {
      text += `\n  ${longer[i - 2]}`;
      printed++;
    }
    if (sameRun > 2) {
      text += `\n  ${longer[i - 1]}`;
      printed++;
    }
    sameRun = 0;
  };

  for (let i = 0; i < total; i++) {
    if (i >= shorterLength) {
      closeRun(i);
      if (actualLonger) text += `\n+ ${longer[i]}`;
      else heldBack += `\n- ${longer[i]}`;
      printed++;
    } else {
      let actualLine = actualLines[i];
      const expectedLine = expectedLines[i];
      // A line differing only by a trailing comma (the last element on one side) is the same.
      let same = actualLine === expectedLine ||
        (actualLine.endsWith(',') && actualLine.slice(0, -1) === expectedLine);
      if (!same && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        same = true;
        actualLine += ',';
      }
      if (same) {
        text += heldBack;
        heldBack = '';
        sameRun++;
        if (sameRun <= 2) {
          text += `\n  ${actualLine}`;
          printed++;
        }
      } else {
        closeRun(i);
        text += `\n+ ${actualLine}`;
        heldBack += `\n- ${expectedLine}`;
        printed += 2;
      }
    }
    if (printed > MAX_DIFF_LINES && i < total - 2) {
      return { text: `${text}\n...${heldBack}\n...`, truncated: true, skipped: true };
    }
  }
  return { text: text + heldBack, truncated: false, skipped };
}

/** The message for notStrictEqual / notDeepStrictEqual: the one value both sides share. */
function sameValueMessage(actual, operator) {
  let header = HEADERS[operator];
  if (operator === 'notStrictEqual' && (isObject(actual) || typeof actual === 'function')) {
    header = HEADERS.notStrictEqualObject;
  }
  const lines = capLines(inspectValue(actual).split('\n'));
  if (lines.length === 1) return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${header}\n\n${lines.join('\n')}\n`;
}

/** Messages for the loose operators, `fail` with values, and any operator a caller names. */
function plainMessage(actual, expected, operator) {
  const actualText = inspectValue(actual);
  const expectedText = inspectValue(expected);
  if (operator === 'notDeepEqual' && actualText === expectedText) {
    return capLength(`${HEADERS.notDeepEqual}\n\n${actualText}`, 1024);
  }
  const left = capLength(actualText, 512);
  const right = capLength(expectedText, 512);
  if (operator === 'deepEqual') return `${HEADERS.deepEqual}\n\n${left}\n\nshould loosely deep-equal\n\n${right}`;
  if (operator === 'notDeepEqual') {
    return `${HEADERS.notDeepEqualUnequal}\n\n${left}\n\nshould not loosely deep-equal\n\n${right}`;
  }
  return `${left} ${operator} ${right}`;
}

function generatedMessage(actual, expected, operator, customMessage) {
  // Under a caller's own message Node leaves the stacks in.
  if (customMessage === undefined && bothErrors(actual, expected)) {
    actual = withoutStack(actual);
    expected = withoutStack(expected);
  }
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return diffMessage(actual, expected, operator, customMessage);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') return sameValueMessage(actual, operator);
  return plainMessage(actual, expected, operator);
}

function invalidOptions(options) {
  const error = new TypeError(`The "options" argument must be of type object. Received ${describeValue(options)}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) throw invalidOptions(options);
    const { message, actual, expected, operator, stackStartFn, details } = options;
    let text;
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      // Node 20 keeps the diff under a caller's message, which replaces the header line.
      text = generatedMessage(actual, expected, operator, message ? String(message) : undefined);
    } else if (message != null) {
      text = String(message);
    } else {
      text = generatedMessage(actual, expected, operator);
    }
    super(text);
    this.generatedMessage = !message;
    // The stack's first line reads `AssertionError [ERR_ASSERTION]: ...`; the name does not.
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      details.forEach((detail, i) => {
        this[`message ${i}`] = detail.message;
        this[`actual ${i}`] = detail.actual;
        this[`expected ${i}`] = detail.expected;
        this[`operator ${i}`] = detail.operator;
        this[`stack trace ${i}`] = detail.stack;
      });
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, typeof stackStartFn === 'function' ? stackStartFn : new.target);
    }
    void this.stack; // fixes the stack text while the name still carries the code
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Long strings in `actual`/`expected` are abbreviated when the error itself is inspected.
  [customInspect](recurseTimes, ctx) {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = abbreviate(actual);
    if (typeof expected === 'string') this.expected = abbreviate(expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

// Node 20 keeps the first ten lines of a long multi-line string, but of a long single line it
// shows what follows the first 512 characters; both are reproduced as observed.
function abbreviate(text) {
  const lines = text.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  return text.length > 512 ? `${text.slice(512)}...` : text;
}

/** Node's "Received ..." wording for a value of the wrong type. */
function describeValue(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor?.name) return `an instance of ${value.constructor.name}`;
    return inspect(value, { depth: -1 });
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

module.exports = { AssertionError, inspectValue, describeValue };
