'use strict';
// Behaviour checks for `console` and `Console`. Prints one result per line; the expected output
// (console.test.out) was generated with real Node.js v20. Output written by consoles under test
// is captured and printed with JSON.stringify; stack frames and durations are masked.

const { Console } = require('console');
const EventEmitter = require('events');

// A writable stand-in that records what is written.
function recorder() {
  const chunks = [];
  const stream = Object.assign(new EventEmitter(), {
    write(chunk) {
      chunks.push(chunk);
      return true;
    },
  });
  return { stream, chunks };
}

function maskFrames(text) {
  return text.replace(/\n( *)at [^\n]*/g, '\n$1at <frame>').replace(/(\n *at <frame>)+/g, '$1');
}

function show(label, chunks) {
  console.log(`${label}: ${JSON.stringify(chunks.map(maskFrames))}`);
  chunks.length = 0;
}

function errorSummary(fn) {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return `${err.name} ${err.code} ${err.message}`;
  }
}

// Collects process.emitWarning calls for the duration of fn().
function captureWarnings(fn) {
  const original = process.emitWarning;
  const warnings = [];
  process.emitWarning = (warning) => warnings.push(String(warning));
  try {
    fn();
  } finally {
    process.emitWarning = original;
  }
  return warnings;
}

const out = recorder();
const err = recorder();
const c = new Console(out.stream, err.stream);

// --- Formatting and streams.
c.log('hi %s %d %i %j %o', 'x', 1.5, 2.7, { a: 1 }, [1]);
c.info({ a: 1, b: [1, 2] }, 'tail');
c.debug('debug');
c.dirxml({ a: 1 }, 'x');
show('stdout', out.chunks);
c.error('bad %s', 'thing');
c.warn(new Map([[1, 2]]));
show('stderr', err.chunks);
c.log();
c.log('');
c.log('multi\nline');
show('empty', out.chunks);

// --- dir ignores custom inspection and takes inspect options.
c.dir({ a: { b: { c: { d: 1 } } } });
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
c.dir({ x: 1, [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom'; } });
c.dir('string', { colors: false });
show('dir', out.chunks);

// --- assert.
c.assert(true, 'not printed');
c.assert(false);
c.assert(false, 'x %s', 'y');
c.assert(false, { a: 1 }, 2);
c.assert(0, 'zero');
show('assert', err.chunks);

// --- count and countReset.
c.count();
c.count();
c.count('x');
c.count(undefined);
c.countReset();
c.count();
c.count(42);
show('count', out.chunks);
console.log(JSON.stringify(captureWarnings(() => c.countReset('nope'))));

// --- group indentation reaches every method.
c.group('level %d', 1);
c.log('a\nb');
c.error('err');
c.dir({ k: 'v' });
c.table([{ a: 1 }]);
c.count('grouped');
c.assert(false, 'inside');
c.groupCollapsed();
c.warn('deeper');
c.trace('traced %s', 'here');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('back');
show('group stdout', out.chunks);
show('group stderr', err.chunks);

// --- trace goes to stderr with the stack.
c.trace();
c.trace('with %s', 'format', { a: 1 });
show('trace', err.chunks);

// --- Timers: the duration is masked; warnings for unknown and duplicate labels.
c.time('t');
console.log(JSON.stringify(captureWarnings(() => c.time('t'))));
c.timeLog('t', 'extra', { a: 1 });
c.timeEnd('t');
c.time();
c.timeEnd();
console.log(JSON.stringify(out.chunks.map((line) => line.replace(/\d+(\.\d+)?ms/, '<ms>'))));
out.chunks.length = 0;
console.log(JSON.stringify(captureWarnings(() => {
  c.timeEnd('t');
  c.timeLog('missing');
})));

// --- table.
const tables = [
  [[{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]],
  [[[1, 2], [3, 4, 5]]],
  [{ x: { a: 1 }, y: { b: 2 } }],
  [[1, 'two', { three: 3 }]],
  [[{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }], ['a']],
  [new Map([['k', { v: 1 }], ['k2', 2]])],
  [new Set([1, { a: 2 }])],
  [5], ['str'], [null], [undefined], [[]], [{}],
  [[{ 'long key name': 'a value with 中文 wide' }]],
  [[{ a: [1, 2, { x: 1 }], b: { c: { d: 1 } }, f() {}, s: Symbol('x'), n: null, u: undefined }]],
  [[[]]],
  [[undefined, null]],
  [{ a: 1, b: 'x' }],
  [[{ a: 1 }, { b: 2 }], ['b', 'c']],
  [[1, 2], []],
  [[{ a: 'x\ny' }]],
  [new Map([[{ a: 1 }, 'obj-key']])],
  [[{ a: { x: 1, y: 2 }, b: { x: 1, y: 2, z: 3 }, c: [1, 2, 3, 4, 5], d: 'aaa' }]],
  [new Map([['k', { v: 1 }]]), ['v']],
  [[{ a: 1 }, 5], ['a']],
  [{ [Symbol('s')]: { a: 1 }, k: { a: 2 } }],
  [new Uint8Array([1, 2])],
  [new Map([[1, 2]]).entries()],
  [new Map([[1, 2]]).values()],
  [new Set(['s']).values()],
  [[[1, [2, 3]], { a: new Date(0) }]],
  [Object.create({ inherited: 1 }, { own: { value: { a: 1 }, enumerable: true } })],
  [function foo() {}],
  [[{ a: 1, b: 2 }], ['b', 'a']],
  [Object.assign([1], { extra: { a: 1 } })],
  [['a\tb', '\u001b[31mred\u001b[39m']],
  [[{ 'a b': 1, '': 2, 1: 3 }]],
];
for (const args of tables) {
  c.table(...args);
  for (const chunk of out.chunks) console.log(chunk.trimEnd());
  out.chunks.length = 0;
}
console.log(errorSummary(() => c.table([], 'a')));

// --- The Console class.
{
  const solo = recorder();
  const called = Console({ stdout: solo.stream });
  called.error('stderr defaults to stdout');
  show('without new', solo.chunks);
  const wide = new Console({ stdout: solo.stream, groupIndentation: 4, inspectOptions: { depth: 0 } });
  wide.group();
  wide.log({ a: { b: 1 } });
  wide.groupEnd();
  wide.log('out');
  show('options', solo.chunks);
  const { log, table } = wide;
  log('destructured %s', 'log');
  table([1]);
  show('bound', solo.chunks);
  console.log(log.name, table.name, wide.error.name, wide instanceof Console, console instanceof Console);
  console.log(Object.keys(wide).join());
  console.log(Object.keys(Console.prototype).join());
  console.log(wide._stdout === solo.stream, wide._stderr === solo.stream, wide._ignoreErrors, typeof wide._times);
}
for (const options of [undefined, {}, { stdout: {} }, { stdout: out.stream, stderr: {} },
  { stdout: out.stream, groupIndentation: 'x' }, { stdout: out.stream, groupIndentation: 2000 },
  { stdout: out.stream, groupIndentation: 1.5 }, { stdout: out.stream, colorMode: 'x' },
  { stdout: out.stream, inspectOptions: 5 }, { stdout: out.stream, inspectOptions: { colors: true }, colorMode: true }]) {
  console.log(errorSummary(() => new Console(options)));
}
{
  const failing = Object.assign(new EventEmitter(), { write() { throw new Error('boom'); } });
  console.log(errorSummary(() => new Console({ stdout: failing }).log('swallowed')));
  console.log(errorSummary(() => new Console({ stdout: failing, ignoreErrors: false }).log('thrown')));
  console.log(errorSummary(() => new Console(failing, failing, false).log('thrown')));
}

// --- The global console.
{
  console.log(require('console') === console, require('node:console') === console, console.Console === Console);
  console.log(Object.prototype.toString.call(console), Object.keys(console).join());
  console.log(typeof console.profile, typeof console.timeStamp, typeof console.context, typeof console.createTask);
  console.log(console.createTask('task').run(() => 'ran'));
  // console writes through process.stdout.write, so replacing it captures console output.
  const original = process.stdout.write;
  const seen = [];
  process.stdout.write = (chunk) => {
    seen.push(chunk);
    return true;
  };
  console.log('captured %d', 1);
  console.info({ a: 1 });
  console.group('g');
  console.table([{ a: 1 }]);
  console.groupEnd();
  process.stdout.write = original;
  console.log(JSON.stringify(seen));
  const { log } = console;
  log('destructured global log');
}
