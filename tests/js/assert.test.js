'use strict';
// Behaviour checks for `assert` and `assert/strict`. Prints one result per line; the expected
// output (assert.test.out) was generated with real Node.js v20. Nothing printed depends on stack
// traces, so engines may differ there.

const assert = require('assert');
const util = require('util');

process.noDeprecation = true; // assert.fail(a, b) warns once; keep stderr quiet

// An error's identifying fields, without its stack.
function show(value) {
  if (value instanceof Error) return `<${value.name}: ${value.message}>`;
  if (typeof value === 'function') return `<function ${value.name}>`;
  if (typeof value === 'string') return JSON.stringify(value);
  return util.inspect(value, { depth: 0, breakLength: Infinity });
}

function outcome(fn) {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return describe(e);
  }
}

function describe(e) {
  if (!(e instanceof Error)) return `threw ${show(e)}`;
  const parts = [e.name, e.code, JSON.stringify(e.message)];
  if (e instanceof assert.AssertionError) {
    parts.push(`generated=${e.generatedMessage}`, `operator=${e.operator}`, `actual=${show(e.actual)}`,
      `expected=${show(e.expected)}`);
  }
  return parts.join(' ');
}

const thrower = (err) => () => { throw err; };

// --- Messages and validation of the synchronous functions.
const cases = [
  (a) => a.strictEqual(1, 2),
  (a) => a.strictEqual('a', 'b'),
  (a) => a.strictEqual('a\nb', 'a\nc'),
  (a) => a.strictEqual({a:1}, {a:1}),
  (a) => a.strictEqual({a:1}, {a:2}),
  (a) => a.deepStrictEqual({a:1}, {a:2}),
  (a) => a.deepStrictEqual({a:1, b: 2, c: 3}, {a:1, b:3, c: 3}),
  (a) => a.deepStrictEqual([1,2,3], [1,2,4]),
  (a) => a.deepStrictEqual(1, 2),
  (a) => a.deepStrictEqual(1, '1'),
  (a) => a.equal(1, 2),
  (a) => a.equal('a', 'b'),
  (a) => a.equal({}, {}),
  (a) => a.notEqual(1, 1),
  (a) => a.notStrictEqual(1, 1),
  (a) => a.notStrictEqual({a:1}, {a:1}),
  (a) => { const o = {a:1}; a.notStrictEqual(o, o); },
  (a) => a.deepEqual({a:1}, {a:2}),
  (a) => a.notDeepEqual({a:1}, {a:1}),
  (a) => a.notDeepStrictEqual({a:1}, {a:1}),
  (a) => a.notDeepStrictEqual(1, 1),
  (a) => a.ok(),
  (a) => a.ok(false, 'custom'),
  (a) => a.fail(),
  (a) => a.fail('boom'),
  (a) => a.fail(1, 2),
  (a) => a.fail(1, 2, undefined, '>'),
  (a) => a.fail(null),
  (a) => a.fail(5),
  (a) => a.fail(new TypeError('zz')),
  (a) => a.match('abc', /x/),
  (a) => a.doesNotMatch('abc', /b/),
  (a) => a.match(123, /x/),
  (a) => a.match('a', 'a'),
  (a) => a.throws(() => {}),
  (a) => a.throws(() => {}, Error),
  (a) => a.throws(() => {}, 'msg'),
  (a) => a.throws(() => { throw new Error('x'); }, /y/),
  (a) => a.throws(() => { throw new Error('x'); }, { message: 'y' }),
  (a) => a.throws(() => { throw new Error('x'); }, { message: /y/, name: 'Error' }),
  (a) => a.throws(() => { throw new TypeError('x'); }, RangeError),
  (a) => a.doesNotThrow(() => { throw new TypeError('x'); }),
  (a) => a.doesNotThrow(() => { throw new TypeError('x'); }, 'hello'),
  (a) => a.doesNotThrow(() => { throw new TypeError('x'); }, TypeError, 'hello'),
  (a) => a.throws(thrower(new Error('x')), { message: 'x', foo: undefined }),
  (a) => a.throws(thrower(new Error('x')), { message: 'x', foo: 1 }),
  (a) => a.throws(thrower(new Error('x')), {}),
  (a) => a.throws(thrower('str'), { message: 'x' }),
  (a) => a.throws(thrower(null), { message: 'x' }),
  (a) => a.throws(thrower(new Error('x')), { message: 'y' }, 'custom msg'),
  (a) => a.throws(thrower(new Error('x')), Error, 'custom'),
  (a) => a.throws(thrower(new Error('x')), () => false),
  (a) => a.throws(thrower(new Error('x')), function named() { return false; }),
  (a) => a.throws(thrower(new Error('x')), (e) => { throw new Error('inner'); }),
  (a) => a.throws(thrower('x'), 'x'),
  (a) => a.throws(thrower(new Error('x')), 'x'),
  (a) => a.throws(() => {}, 'x', 'y'),
  (a) => a.throws('notfn'),
  (a) => a.throws(thrower(new Error('x')), 5),
  (a) => a.throws(thrower(new Error('x')), { message: 'y' }, new TypeError('owned')),
  (a) => a.throws(() => {}, new TypeError('owned2')),
  (a) => a.throws(thrower(new TypeError('x')), Error),
  (a) => a.throws(thrower(new Error('x')), TypeError),
  (a) => a.throws(thrower({a: 1}), TypeError),
  (a) => a.throws(thrower(5), /5/),
  (a) => a.throws(thrower(new Error('x')), new Error('x')),
  (a) => a.throws(thrower(new Error('x')), new Error('y')),
  (a) => a.throws(thrower(new TypeError('x')), new Error('x')),
  (a) => a.throws(thrower(new Error('xabc')), { message: /abc/ }),
  (a) => a.throws(thrower({ a: { b: 1 } }), { a: { b: 1 } }),
  (a) => a.throws(thrower({ a: { b: 1 } }), { a: { b: 2 } }),
  (a) => a.throws(thrower(5), { a: 1 }),
  (a) => a.throws(thrower(new Error('x')), Symbol('x')),
  (a) => a.throws(thrower(new Error('x')), {}, {}),
  (a) => a.throws(thrower(new Error('x')), () => {}),
  (a) => a.throws(thrower(new Error('x')), (e) => 1),
  (a) => a.throws(thrower(new Error('x')), () => true, 'msg'),
  (a) => a.doesNotThrow(thrower(new Error('x')), /x/),
  (a) => a.doesNotThrow(thrower(new Error('x')), /y/),
  (a) => a.doesNotThrow(thrower(new Error('x')), TypeError),
  (a) => a.doesNotThrow(thrower(new Error('x')), Error),
  (a) => a.doesNotThrow(thrower('x'), Error),
  (a) => a.doesNotThrow(thrower(new Error('x')), () => true),
  (a) => a.doesNotThrow(thrower(undefined)),
  (a) => a.doesNotThrow(thrower({})),
  (a) => a.throws(thrower(new Error('x')), { message: 'x', name: /Err/, stack: /x/ }),
  (a) => a.throws(thrower(new Error('xy')), { code: undefined }),
  (a) => a.throws(thrower(Object.assign(new Error('x'), {code: 'A'})), { code: 'B', message: 'x' }),
  (a) => a.throws(thrower(new Error('x')), { [Symbol.for('s')]: 1 }),
  (a) => a.throws(thrower(new Error('x')), new Map()),
  (a) => a.throws(thrower(new Error('x')), []),
  (a) => a.throws(thrower(new Error('x')), Object.create(null)),
  (a) => a.throws(() => { throw 'x'; }, {}),
  (a) => a.throws(() => { throw new TypeError('q'); }, Error),
  (a) => a.throws(() => { throw 'x'; }, /x/, new Error('e')),
  (a) => a.throws(() => { throw 'x'; }, /y/, new Error('e')),
  (a) => a.throws(() => { throw new (class MyErr extends Error {})('m'); }, class MyErr extends Error {}),
  (a) => a.throws(() => { throw null; }, TypeError),
  (a) => a.throws(() => {}, undefined, 'm'),
  (a) => a.throws(() => {}, null),
  (a) => a.doesNotThrow('x'),
  (a) => a.doesNotThrow(() => { throw new Error('e'); }, 'msg'),
  (a) => a.doesNotThrow(() => { throw new Error('q') }, 5),
  (a) => a.throws(() => { throw new Error('e'); }, new Error('e'), 'my message'),
  (a) => a.ifError(0),
  (a) => a.ifError(''),
  (a) => a.ifError(new TypeError()),
  (a) => a.ifError({ stack: false }),
  (a) => a.ifError({ constructor: null, message: '' }),
  (a) => a.ifError(new Error('boom')),
  (a) => a.ifError(null),
  (a) => a.equal({a: 1}, 2),
  (a) => a.equal(1),
  (a) => a.deepEqual(1),
  (a) => a.strictEqual(),
  (a) => a.notDeepEqual(1, '1'),
  (a) => a.notDeepStrictEqual({a: [1,2,3]}, {a: [1,2,3]}),
  (a) => a.notStrictEqual('abcdef', 'abcdef'),
  (a) => a.notStrictEqual('abcde', 'abcde'),
  (a) => a.strictEqual(1, 2, 'my'),
  (a) => a.strictEqual(1, 2, ''),
  (a) => a.ok(false, ''),
  (a) => a.deepStrictEqual({a: 1}, {a: 2}, 'msg'),
  (a) => a.notStrictEqual(1, 1, 'msg'),
  (a) => a.deepEqual({a: 1}, {a: 2}, 'msg'),
  (a) => a.equal(1, 2, 'msg'),
  (a) => a.strictEqual({a: 1}, {a: 1}, 'msg'),
  (a) => a.strictEqual('abc', 'abd', 'msg'),
  (a) => a.strictEqual('abcdefghijklmn', 'abcdefghijklmo', 'msg'),
  (a) => a.strictEqual(1, 2, 5),
  (a) => a.strictEqual(1, 2, {toString() { return 'obj'; }}),
  (a) => { throw new a.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual', message: 'direct' }); },
  (a) => { throw new a.AssertionError({ actual: 1, expected: 2, operator: 'foo' }); },
  (a) => { throw new a.AssertionError({ message: 'hi' }); },
  (a) => { new a.AssertionError(); },
  (a) => { new a.AssertionError(5); },
  (a) => a.strictEqual('abcdefghijklmn', 'abcdefghijklmo'),
  (a) => a.strictEqual('ab', 'abcdefghijklmo'),
  (a) => a.strictEqual(0, -0),
  (a) => a.strictEqual(-0, 0),
  (a) => a.strictEqual(NaN, 0),
  (a) => a.strictEqual(1n, 1),
  (a) => a.strictEqual(undefined, null),
  (a) => a.strictEqual(Symbol('a'), Symbol('a')),
  (a) => a.strictEqual('a'.repeat(80), 'a'.repeat(79) + 'b'),
  (a) => a.strictEqual('a'.repeat(30), 'a'.repeat(29) + 'b'),
  (a) => a.strictEqual([1, 2], [1, 2]),
  (a) => a.strictEqual(() => {}, () => {}),
  (a) => a.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 11 }),
  (a) => a.deepStrictEqual({ a: 0, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 }),
  (a) => a.deepStrictEqual([1,2,3,4,5,6,7,8,9,10,11,12], [1,2,3,4,5,6,0,8,9,10,11,12]),
  (a) => a.deepStrictEqual([1,2,3], [1,2,3,4]),
  (a) => a.deepStrictEqual([1,2,3,4], [1,2,3]),
  (a) => a.deepStrictEqual([1,2,3,4], [2,3,4]),
  (a) => a.deepStrictEqual({a:1}, {}),
  (a) => a.deepStrictEqual({}, {a: 1}),
  (a) => a.deepStrictEqual([1,2,3,4,5,6,7,8,9,10,11,12], [0,2,3,4,5,6,7,8,9,10,11,0]),
  (a) => a.deepStrictEqual('a\nb\nc\nd', 'a\nb\nx\nd'),
  (a) => a.deepStrictEqual([[1, 2], [3, 4]], [[1, 2], [3, 5]]),
  (a) => a.deepStrictEqual(new Set([1, 2]), new Set([1, 3])),
  (a) => a.deepStrictEqual(new Map([['a', 1]]), new Map([['a', 2]])),
  (a) => a.deepStrictEqual({a: {b: {c: {d: 1}}}}, {a: {b: {c: {d: 2}}}}),
  (a) => a.deepStrictEqual(Array.from({length: 60}, (_, i) => i), Array.from({length: 60}, (_, i) => i === 30 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 60}, (_, i) => i), Array.from({length: 60}, (_, i) => -i)),
  (a) => a.deepStrictEqual([1, 2, 3], {0: 1, 1: 2, 2: 3}),
  (a) => a.deepStrictEqual(Array.from({length: 8}, (_, i) => i), Array.from({length: 8}, (_, i) => i === 5 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 9}, (_, i) => i), Array.from({length: 9}, (_, i) => i === 5 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 10}, (_, i) => i), Array.from({length: 10}, (_, i) => i === 5 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 12}, (_, i) => i), Array.from({length: 12}, (_, i) => i === 5 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 12}, (_, i) => i), Array.from({length: 12}, (_, i) => i === 7 ? -1 : i)),
  (a) => a.deepStrictEqual(Array.from({length: 12}, (_, i) => i), Array.from({length: 12}, (_, i) => i === 4 || i === 8 ? -1 : i)),
  (a) => a.deepStrictEqual({a: [1, 2], b: 'x'}, {a: [1, 2, 3], b: 'x'}),
  (a) => a.deepStrictEqual([1, [2, 3]], [1, [2, 3], 4]),
  (a) => a.deepStrictEqual([{a: 1}], [{a: 1}, {b: 2}]),
];
cases.forEach((fn, i) => console.log(`case ${i}: ${outcome(() => fn(assert))}`));

// --- Deep equality in both modes.
function FakeDate() {}
FakeDate.prototype = Date.prototype;
const circA = {x: 1}; circA.self = circA;
const circB = {x: 1}; circB.self = circB;
const circC = {x: 1}; circC.self = {x: 1, self: circC};
const arrCirc1 = [1]; arrCirc1.push(arrCirc1);
const arrCirc2 = [1]; arrCirc2.push(arrCirc2);
const s1 = Symbol('s');
const xa = {}; xa.self = xa; const xb2 = {}; xb2.self = xb2; const xb = {self: xb2};
const zb = {}; const zc = {self: zb}; zb.self = zc;
const wa = {}; const wa2 = {self: wa}; wa.self = wa2; const wb = {}; wb.self = wb;
const va = [1]; va.push([1, va]); const vb = [1]; vb.push(vb);

const pairs = [
  [xa, xb], [xb, xa], [xa, zb], [zb, xa], [wa, wb], [wb, wa], [va, vb], [vb, va], [new Set([xa]), new Set([xb])],
  [new Error('a', {cause: 1}), new Error('a', {cause: 2})],
  [new Error('a', {cause: {a: 1}}), new Error('a', {cause: {a: 1}})],
  [new Error('a', {cause: undefined}), new Error('a')],
  [new Error('a', {cause: 1}), new Error('a', {cause: '1'})],
  [new AggregateError([1], 'a'), new AggregateError([2], 'a')],
  [new AggregateError([1], 'a'), new AggregateError(['1'], 'a')],
  [new Error('a'), new TypeError('a')],
  [new Error('a'), new Error('b')],
  [() => {}, () => {}],
  [{[Symbol.for('a')]: 1}, {[Symbol.for('a')]: 2}],
  [{[s1]: 1}, {}],
  [Object.create(null), {}],
  [0, -0], [{a: 0}, {a: -0}], [NaN, NaN], [{a: NaN}, {a: NaN}],
  [{a: 1}, {a: '1'}],
  [new Set([1]), new Set(['1'])],
  [new Map([[1, 'x']]), new Map([['1', 'x']])],
  [[1, 2], ['1', 2]],
  [new Number(1), new Number(2)], [new String('a'), 'a'], [null, undefined], [{a: null}, {a: undefined}],
  [new Float64Array([NaN]), new Float64Array([NaN])],
  [/a/g, /a/i], [new Date(0), new Date(1)], [new Date(NaN), new Date(NaN)],
  [Object('ab'), Object('ab')], [[1, , 3], [1, undefined, 3]], [[1, , 3], [1, , 3]],
  [circA, circB], [circA, circC], [arrCirc1, arrCirc2],
  [new Map([[{a:1}, 1], [{a:2}, 2]]), new Map([[{a:2}, 2], [{a:1}, 1]])],
  [new Set([{a:1}, {a:2}]), new Set([{a:2}, {a:1}])],
  [new WeakMap(), new WeakMap()],
  [Promise.resolve(1), Promise.resolve(2)],
  [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))],
  [new DataView(new Uint8Array([1]).buffer), new DataView(new ArrayBuffer(1))],
  [Object.assign([1], {x: 1}), [1]],
  [Object.assign(new Uint8Array(1), {x: 1}), new Uint8Array(1)],
  [1, {}], ['1', 1], [[], {}], [new Number(0), new Number(-0)],
  [new Map([[1, undefined]]), new Map([[2, undefined]])],
  [{get a() { return 1; }}, {a: 1}],
  [Object.assign(new Error('x'), {code: 1}), new Error('x')],
  [new Map([[1, {a: 1}]]), new Map([['1', {a: '1'}]])],
  [new Map([[1, 'a'], ['1', 'b']]), new Map([[1, 'a'], ['1', 'b']])],
  [new Set([1, '1']), new Set(['1', 1])], [new Set([null]), new Set([undefined])],
  [new Set([1, 2]), new Set(['1', '3'])], [new Set([[1], [1]]), new Set([[1], [1]])],
  [new Set([[1], [2]]), new Set([[1], [1]])], [new Map([[undefined, 1]]), new Map([[null, 1]])],
  [new Set([false]), new Set([0])], [new Set([true]), new Set([1])], [[true], [1]],
  [new Set([NaN]), new Set([NaN])], [new Set(['a']), new Set([{}])],
  [new Map([[{}, 1]]), new Map([[{}, '1']])],
  [Object(Symbol.iterator), Object(Symbol.iterator)], [Object(1n), Object(1n)],
  [new Boolean(true), new Boolean(false)], [new Number(1), 1],
  [[1, 2], {0: 1, 1: 2, length: 2}], [Object.assign([1], {'-1': 5}), [1]],
  [new Uint8Array([1]), new Uint8Array([1])],
  [[1, 2, 3].keys(), [1, 2, 3].keys()],
  [/a/, Object.assign(/a/, {x: 1})], [new Date(0), Object.assign(new Date(0), {x: 1})],
  [function f(){}, function f(){}], [null, 0], [undefined, 0], ['', 0], [1n, 1], [{a: 1n}, {a: 1}],
  [{a: undefined}, {b: undefined}], [{a: undefined}, {}], [[undefined], [,]],
  [new Float32Array([0]), new Float32Array([-0])], [new Int8Array([0]), new Uint8Array([0])],
  [new ArrayBuffer(1), new ArrayBuffer(1)], [Object.assign(new ArrayBuffer(1), {x: 1}), new ArrayBuffer(1)],
  [new Date('2016'), new FakeDate()], [new FakeDate(), new Date('2016')],
  [new Int16Array([-256]), new Uint16Array([0xff00])],
  [new Uint8Array([1, 2, 3, 4]).subarray(1), new Uint8Array([2, 3, 4])],
  [new ArrayBuffer(3), new SharedArrayBuffer(3)],
  [{a: [1, {b: new Map([[1, new Set([2])]])}]}, {a: [1, {b: new Map([[1, new Set([2])]])}]}],
  [{a: [1, {b: new Map([[1, new Set([2])]])}]}, {a: [1, {b: new Map([[1, new Set([3])]])}]}],
  [{a: 1, b: 2}, {b: 2, a: 1}],
  [[1, 2, 3], [1, 2, 3, undefined]],
  [{}, []],
  [new (class A {})(), new (class A {})()],
  [Object.defineProperty({}, 'x', {value: 1}), {}],
  [{x: 1}, Object.defineProperty({}, 'x', {value: 1})],
  ['a', new String('a')],
  [new String('a'), new String('a')],
  [Symbol.iterator, Symbol.iterator],
  [new Set([1, 2, {a: 1}]), new Set([2, 1, {a: 1}])],
  [new Set([{a: 1}, {a: 1}]), new Set([{a: 1}, {a: 2}])],
  [[new Set(['1', 2])], [new Set([1, '2'])]],
  [new Map([[1, 2], [2, 1]]), new Map([[2, 1], [1, 2]])],
  [new Map([['1', 2]]), new Map([[1, '2']])],
  [new Map([[NaN, 1]]), new Map([[NaN, 1]])],
];
pairs.forEach(([x, y], i) => {
  const results = ['deepEqual', 'deepStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']
    .map((op) => `${op}=${outcome(() => assert[op](x, y)) === 'ok' ? 'pass' : 'fail'}`);
  console.log(`pair ${i}: ${results.join(' ')}`);
});

// --- The falsy-expression message quotes the call from the source file.
console.log(outcome(() => assert(typeof 123 === 'string')));
console.log(outcome(() => assert.ok(0 , 'x' === 'y' && 1)));
console.log(outcome(() => {
  assert.ok(
    1 === 2,
  );
}));
console.log(outcome(() => { const check = assert; check(null); }));
console.log(outcome(() => [0].forEach(assert)));
console.log(outcome(() => assert.ok(...[0])));
console.log(outcome(() => assert(undefined)));
console.log(outcome(() => assert.ok()));
console.log(outcome(() => {
  assert(
    [1, 2].includes(3) &&
    "paren)" ===
    '(' && `x${'('}` && /\)/.test(')') /* ) */ && !!0); // )
}));
console.log(outcome(() => assert.strict(0)));
console.log(outcome(() => assert.strict.ok('')));
console.log(outcome(() => new Function('assert', 'assert(false)')(assert)));

// --- Module shape and the strict variant.
const strict = require('assert/strict');
console.log(Object.keys(assert).join());
console.log(Object.keys(assert.strict).join());
console.log(strict === assert.strict, strict.strict === strict, assert.ok === assert, strict.equal === assert.strictEqual,
  strict.deepEqual === assert.deepStrictEqual, strict.notEqual === assert.notStrictEqual,
  strict.notDeepEqual === assert.notDeepStrictEqual, strict.strictEqual === assert.strictEqual);
console.log(assert.name, strict.name, assert.AssertionError.name, require('node:assert') === assert);
console.log(outcome(() => strict.equal(1, '1')));
console.log(outcome(() => strict.deepEqual({ a: 1 }, { a: '1' })));

// --- AssertionError itself.
{
  const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  console.log(Object.keys(e).join(), e.name, e.code, e instanceof Error);
  console.log(JSON.stringify(e.toString()), JSON.stringify(e.stack.split('\n')[0]));
  console.log(util.inspect(Object.getOwnPropertyDescriptor(e, 'name')));
  const withMessage = new assert.AssertionError({ message: 'hi', actual: [1], expected: [2], operator: 'deepEqual' });
  console.log(JSON.stringify(withMessage.message), withMessage.generatedMessage, show(withMessage.actual));
}

// --- CallTracker.
{
  const tracker = new assert.CallTracker();
  function foo(a) { return a * 2; }
  const tracked = tracker.calls(foo, 2);
  const unnamed = tracker.calls();
  console.log(tracked.name, tracked.length, tracked(3), unnamed());
  console.log(JSON.stringify(tracker.report().map(({ message, actual, expected, operator }) =>
    ({ message, actual, expected, operator }))));
  console.log(JSON.stringify(tracker.getCalls(tracked)));
  console.log(outcome(() => tracker.verify()));
  tracked(4);
  console.log(outcome(() => tracker.verify()));
  tracker.reset(tracked);
  console.log(tracker.getCalls(tracked).length, tracker.report().length);
  console.log(outcome(() => tracker.getCalls(foo)));
  console.log(outcome(() => tracker.calls(foo, 0)));
  console.log(outcome(() => tracker.calls(foo, 1.5)));
  tracked(1);
  tracked(2);
  tracked(3);
  console.log(tracker.report()[0].message);
}

// --- ifError keeps the unwanted error's frames out of its own message.
{
  const err = new Error('test error');
  console.log(outcome(() => assert.ifError(err)));
  let caught;
  try {
    const weird = new Error();
    weird.stack = 'Error: containing weird stack\nYes!\nI am part of a stack.';
    assert.ifError(weird);
  } catch (e) {
    caught = e;
  }
  console.log(caught.stack.includes('Yes!'), caught.actual.stack.startsWith('Error: containing'));
}

// --- Typed arrays, loose and strict.
{
  const pairs = [
    [new Float32Array([+0.0]), new Float32Array([-0.0])],
    [new Uint8Array([1, 2, 3, 4]).subarray(1), new Uint8Array([2, 3, 4])],
    [new Int16Array([-256]), new Uint16Array([0xff00])],
    [new Uint8ClampedArray([300, 2, 3]), new Uint8Array([300, 2, 3])],
    [new Uint8Array(new SharedArrayBuffer(3)).fill(1).buffer, new Uint8Array(new SharedArrayBuffer(3)).fill(2).buffer],
    [new Float64Array([NaN]), new Float64Array([NaN])],
  ];
  for (const [x, y] of pairs) {
    console.log(outcome(() => assert.deepEqual(x, y)) === 'ok', outcome(() => assert.deepStrictEqual(x, y)) === 'ok');
  }
}

// --- rejects / doesNotReject, one after another so the output order is fixed.
async function asyncChecks() {
  const settle = async (label, promise) => {
    try {
      await promise;
      console.log(`${label}: resolved`);
    } catch (e) {
      console.log(`${label}: ${describe(e)}`);
    }
  };
  const rejectingFn = async () => assert.fail();
  await settle('rejects fn', assert.rejects(rejectingFn, { code: 'ERR_ASSERTION', message: 'Failed' }));
  await settle('rejects promise', assert.rejects(rejectingFn(), assert.AssertionError));
  await settle('rejects thenable', assert.rejects({ then: (ok, fail) => fail({ code: 'FAIL' }), catch() {} }, { code: 'FAIL' }));
  await settle('rejects no catch', assert.rejects({ then: (ok) => ok() }, {}));
  await settle('rejects fn thenable', assert.rejects(() => Object.assign(() => {}, { then() {}, catch() {} }), {}));
  await settle('rejects resolved', assert.rejects(Promise.resolve(), Error));
  await settle('rejects async ok', assert.rejects(async () => {}, function mustNotCall() {}));
  await settle('rejects not promise', assert.rejects(() => {}, Error));
  await settle('rejects string', assert.rejects('fail', {}));
  await settle('rejects validate', assert.rejects(Promise.reject(new Error('foobar')), () => 'baz'));
  await settle('rejects null', assert.rejects(Promise.reject(null), { code: 'FOO' }));
  await settle('rejects message', assert.rejects(Promise.reject(5), { code: 'FOO' }, 'AAAAA'));
  await settle('rejects sync throw', assert.rejects(() => { throw new Error('sync'); }, {}));
  await settle('doesNotReject ok', assert.doesNotReject(async () => {}));
  await settle('doesNotReject promise', assert.doesNotReject(Promise.resolve(1)));
  await settle('doesNotReject map', assert.doesNotReject(() => new Map()));
  await settle('doesNotReject rejected', assert.doesNotReject(rejectingFn));
  await settle('doesNotReject matching', assert.doesNotReject(Promise.reject(new TypeError('t')), TypeError, 'msg'));
  await settle('doesNotReject other', assert.doesNotReject(Promise.reject(new TypeError('t')), RangeError));
  await settle('doesNotReject number', assert.doesNotReject(123));
  let stack = '';
  // V8 names the awaiting assert.rejects among its async frames; this runtime adds that frame.
  await assert.rejects(assert.rejects(Promise.reject(null), { code: 'FOO' }), (e) => {
    stack = e.stack;
    return true;
  });
  console.log('async stack names rejects:', /rejects/.test(stack), !stack.includes('at Function.rejects'));
}
asyncChecks();
