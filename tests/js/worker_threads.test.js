'use strict';
// Behaviour checks for `worker_threads`. Prints one result per line; the expected output
// (worker_threads.test.out) was generated with real Node.js v20. Workers run this same file
// (their role comes from workerData) or `eval` code; the checks run one after another so the
// output does not depend on thread timing.

const {
  Worker,
  MessageChannel,
  MessagePort,
  isMainThread,
  parentPort,
  workerData,
  threadId,
  receiveMessageOnPort,
} = require('worker_threads');

// ---------------------------------------------------------------------------------------------
// Worker roles.

if (!isMainThread) {
  const role = workerData.role;
  if (role === 'echo') {
    parentPort.postMessage({
      started: true,
      isMainThread,
      threadIdPositive: threadId > 0,
      argv: process.argv.slice(2),
      isMain: require.main === module,
      filename: __filename === process.argv[1],
      data: workerData.payload,
    });
    parentPort.on('message', (message) => {
      if (message === 'bye') parentPort.close();
      else parentPort.postMessage({ echo: message });
    });
  } else if (role === 'throw') {
    const error = new RangeError('thrown in worker');
    error.code = 'E_WORKER';
    error.detail = { n: 1 };
    throw error;
  } else if (role === 'exit') {
    process.on('exit', (code) => parentPort.postMessage(`exit listener saw ${code}`));
    process.exit(workerData.code);
  } else if (role === 'port') {
    parentPort.once('message', ({ port }) => {
      port.postMessage(`port is a MessagePort: ${port instanceof MessagePort}`);
      port.on('message', (text) => {
        port.postMessage(text.toUpperCase());
        port.close();
      });
    });
  } else if (role === 'reject') {
    Promise.reject(new Error('rejected in worker'));
  }
  return;
}

// ---------------------------------------------------------------------------------------------
// The checks, on the main thread.

function log(...parts) {
  console.log(...parts);
}

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

function worker(data, options = {}) {
  return new Worker(__filename, { ...options, workerData: data });
}

async function checkExports() {
  log('isMainThread', isMainThread, 'threadId', threadId, 'parentPort', parentPort, 'workerData', workerData);
  log('exports', ['Worker', 'MessageChannel', 'MessagePort', 'receiveMessageOnPort', 'SHARE_ENV', 'BroadcastChannel'].map((name) => typeof require('worker_threads')[name]).join(' '));
}

async function checkMessages() {
  const w = worker({ role: 'echo', payload: { map: new Map([['a', 1]]), set: new Set([2]), date: new Date(0), bytes: new Uint8Array([1, 2]), big: 3n } }, { argv: ['x', 7] });
  const online = once(w, 'online');
  const [first] = await once(w, 'message');
  await online;
  log('online, then', JSON.stringify({ ...first, data: undefined }));
  const data = first.data;
  log('workerData cloned:', data.map instanceof Map, data.map.get('a'), data.set.has(2), data.date.getTime(), data.bytes instanceof Uint8Array, data.bytes[1], data.big);
  w.postMessage({ nested: [1, { two: 2 }], nothing: undefined, nil: null });
  const [echo] = await once(w, 'message');
  log('echo', JSON.stringify(echo), 'undefined kept:', 'nothing' in echo.echo);
  w.postMessage('bye');
  const [code] = await once(w, 'exit');
  log('exit after parentPort.close():', code);
}

async function checkError() {
  const w = worker({ role: 'throw' });
  const [error] = await once(w, 'error');
  log('error event:', error instanceof RangeError, error.name, error.message, error.code, JSON.stringify(error.detail));
  const [code] = await once(w, 'exit');
  log('exit after error:', code);
}

async function checkRejection() {
  const w = worker({ role: 'reject' });
  const [error] = await once(w, 'error');
  log('unhandled rejection becomes error:', error.message);
  log('exit:', (await once(w, 'exit'))[0]);
}

async function checkProcessExit() {
  const w = worker({ role: 'exit', code: 42 });
  const [message] = await once(w, 'message');
  log(message);
  const [code] = await once(w, 'exit');
  log('process.exit(42) in a worker ends only the worker:', code);
}

async function checkTerminate() {
  const w = new Worker('for (;;) {}', { eval: true });
  await once(w, 'online');
  const code = await w.terminate();
  log('terminate() of a busy worker resolves', code);
  const idle = new Worker('setInterval(() => {}, 1000)', { eval: true });
  await once(idle, 'online');
  const exited = once(idle, 'exit');
  log('terminate() of an idle worker resolves', await idle.terminate(), 'and exit gives', (await exited)[0]);
}

async function checkEval() {
  const w = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    parentPort.postMessage([__filename, typeof require, workerData * 2, require.main]);
  `, { eval: true, workerData: 21 });
  const [message] = await once(w, 'message');
  log('eval worker:', JSON.stringify(message));
  await once(w, 'exit');
}

async function checkChannels() {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ queued: true });
  log('receiveMessageOnPort:', JSON.stringify(receiveMessageOnPort(port2)), receiveMessageOnPort(port2));

  const bytes = new Uint8Array([1, 2, 3]);
  const received = once(port2, 'message');
  port1.postMessage({ bytes }, [bytes.buffer]);
  log('transferred buffer detached:', bytes.byteLength, bytes.buffer.byteLength);
  const [message] = await received;
  log('transferred bytes arrive:', Array.from(message.bytes).join(','));

  const closes = [];
  const closed = Promise.all([once(port1, 'close'), once(port2, 'close')]);
  port1.on('close', () => closes.push('port1'));
  port2.on('close', () => closes.push('port2'));
  port1.close();
  await closed;
  log('close reaches both ports:', closes.sort().join(','));

  try {
    new MessageChannel().port1.postMessage(() => {});
  } catch (error) {
    log('uncloneable:', error.name);
  }
  try {
    new MessagePort();
  } catch (error) {
    log('new MessagePort():', error.name, error.code);
  }
}

async function checkTransferredPort() {
  const w = worker({ role: 'port' });
  // The worker may be gone before its port's 'close' reaches us: listen for its exit now.
  const exited = once(w, 'exit');
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ port: port2 }, [port2]);
  const [first] = await once(port1, 'message');
  log(first);
  port1.postMessage('shout');
  const [second] = await once(port1, 'message');
  log('through the transferred port:', second);
  await once(port1, 'close');
  log('port closed in the worker closes ours');
  log('worker exits once its port closed:', (await exited)[0]);
}

async function checkOnmessage() {
  const { port1, port2 } = new MessageChannel();
  const got = new Promise((resolve) => {
    port2.onmessage = (event) => resolve(event);
  });
  port1.postMessage('via onmessage');
  const event = await got;
  log('onmessage gets an event:', event.data, event.type);
  port2.close();
}

async function checkArguments() {
  for (const bad of [5, 'relative.js']) {
    try {
      new Worker(bad);
    } catch (error) {
      log('new Worker(' + JSON.stringify(bad) + '):', error.code);
    }
  }
  const { port1, port2 } = new MessageChannel();
  for (const value of [() => {}, Symbol('s')]) {
    try {
      port1.postMessage(value);
    } catch (error) {
      log('postMessage(' + typeof value + '):', error.name, error instanceof DOMException);
    }
  }
  port1.close();
  port2.close();
  const missing = new Worker('./does-not-exist.js');
  const [error] = await once(missing, 'error');
  log('missing file:', error.code);
  log('missing file exit:', (await once(missing, 'exit'))[0]);
}

// The worker's env is a copy (of process.env by default, or of options.env) it changes on its
// own; SHARE_ENV shares the real one both ways.
async function checkEnv() {
  process.env.WORKER_TEST_PARENT = 'from parent';
  const code = `
    const { parentPort } = require('worker_threads');
    const before = process.env.WORKER_TEST_PARENT + '|' + process.env.WORKER_TEST_GIVEN;
    process.env.WORKER_TEST_CHILD = 'set in worker';
    parentPort.postMessage(before + '|' + typeof process.env.WORKER_TEST_CHILD);
  `;
  const copied = new Worker(code, { eval: true });
  log('default env:', (await once(copied, 'message'))[0], 'parent sees child var:', process.env.WORKER_TEST_CHILD);
  await once(copied, 'exit');
  const given = new Worker(code, { eval: true, env: { WORKER_TEST_GIVEN: 42 } });
  log('options.env:', (await once(given, 'message'))[0]);
  await once(given, 'exit');
  const { SHARE_ENV } = require('worker_threads');
  const shared = new Worker(code, { eval: true, env: SHARE_ENV });
  log('SHARE_ENV:', (await once(shared, 'message'))[0], 'parent sees child var:', process.env.WORKER_TEST_CHILD);
  await once(shared, 'exit');
  delete process.env.WORKER_TEST_CHILD;
  try {
    new Worker(code, { eval: true, env: 'bad' });
  } catch (error) {
    log('env: "bad":', error.code);
  }
}

// A SharedArrayBuffer posted to a worker is the same memory there; Atomics wait and notify
// across the threads.
async function checkSharedMemory() {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const w = new Worker(`
    const { workerData, parentPort } = require('worker_threads');
    const view = new Int32Array(workerData);
    parentPort.postMessage('waiting');
    Atomics.wait(view, 1, 0);
    Atomics.add(view, 0, view[1] * 10);
  `, { eval: true, workerData: shared.buffer });
  await once(w, 'message');
  Atomics.store(shared, 1, 4);
  Atomics.notify(shared, 1);
  await once(w, 'exit');
  log('shared memory written by the worker:', shared[0]);
}

// Errors and DataViews clone as Node clones them, in messages and in structuredClone.
async function checkClonedErrors() {
  const error = Object.assign(new RangeError('x'), { code: 1 });
  const copy = structuredClone(error);
  log('cloned error:', copy instanceof RangeError, copy.name, copy.message, copy.code, copy.stack === error.stack);
  class Custom extends Error {}
  log('custom error clones as:', structuredClone(new Custom('y')).constructor.name);
  const view = structuredClone(new DataView(new Uint8Array([5, 6, 7]).buffer, 1));
  log('cloned DataView:', view instanceof DataView, view.byteLength, view.getUint8(0));
  for (const bad of [() => {}, Symbol('s')]) {
    try {
      structuredClone(bad);
    } catch (thrown) {
      log('structuredClone:', thrown.name, thrown.message);
    }
  }
  const buffer = new ArrayBuffer(8);
  log('structuredClone transfer:', structuredClone(buffer, { transfer: [buffer] }).byteLength, buffer.byteLength);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ errors: [new SyntaxError('bad')], view: new DataView(new Uint8Array([9]).buffer) });
  const [message] = await once(port2, 'message');
  log('posted error and view:', message.errors[0] instanceof SyntaxError, message.errors[0].message, message.view.getUint8(0));
  port1.close();
}

// A BroadcastChannel reaches channels of the same name in this thread and in workers, never
// the poster itself; a closed one hears nothing and refuses to post.
async function checkBroadcast() {
  const { BroadcastChannel } = require('worker_threads');
  const here = new BroadcastChannel('news');
  const other = new BroadcastChannel('news');
  const heard = [];
  let allHeard;
  const threeHeard = new Promise((resolve) => {
    allHeard = resolve;
  });
  const hear = (text) => heard.push(text) === 3 && allHeard();
  here.onmessage = (event) => hear(`here:${event.data}`);
  other.addEventListener('message', (event) => hear(`other:${event.data}`));
  const w = new Worker(`
    const { BroadcastChannel, parentPort } = require('worker_threads');
    const channel = new BroadcastChannel('news');
    channel.onmessage = (event) => {
      channel.postMessage('worker heard ' + event.data);
      channel.close();
    };
    parentPort.postMessage('joined');
  `, { eval: true });
  await once(w, 'message');
  here.postMessage('hello');
  await once(w, 'exit');
  await threeHeard;
  log('broadcast heard:', heard.sort().join(', '));
  other.close();
  try {
    other.postMessage('late');
  } catch (error) {
    log('post after close:', error.name, error.message, error.code);
  }
  here.close();
}

// An error thrown where the runtime calls back (here a 'beforeExit' listener) is the worker's
// uncaught error too: the parent's 'error' event, not the terminal.
async function checkLoopCallbackError() {
  const w = new Worker(`process.once('beforeExit', () => { throw new Error('from beforeExit'); })`, { eval: true });
  const [error] = await once(w, 'error');
  log('beforeExit error reaches the parent:', error.message, 'exit', (await once(w, 'exit'))[0]);
}

function collect(stream) {
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  return new Promise((resolve) => stream.on('end', () => resolve(Buffer.concat(chunks).toString())));
}

// stdout/stderr: true give the parent Readables instead of the terminal; stdin: true a
// Writable feeding the worker's process.stdin.
async function checkStdio() {
  const w = new Worker(`
    process.stdout.write('out 1\\n');
    console.log('out 2');
    console.error('err 1');
    let input = '';
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', () => console.log('stdin had: ' + input));
  `, { eval: true, stdout: true, stderr: true, stdin: true });
  log('stdio streams:', w.stdin !== null, typeof w.stdout.on, typeof w.stderr.on);
  const out = collect(w.stdout);
  const err = collect(w.stderr);
  w.stdin.write('a');
  w.stdin.end('b');
  const [code] = await once(w, 'exit');
  log('captured stdout:', JSON.stringify(await out), 'stderr:', JSON.stringify(await err), 'exit', code);
  const plain = new Worker(`console.log('worker line goes to our stdout')`, { eval: true });
  log('default stdin:', plain.stdin);
  await once(plain, 'exit');
}

(async () => {
  // Port 'close' events do not hold the process open on their own.
  const keepAlive = setInterval(() => {}, 1000);
  await checkExports();
  await checkMessages();
  await checkError();
  await checkRejection();
  await checkProcessExit();
  await checkTerminate();
  await checkEval();
  await checkChannels();
  await checkTransferredPort();
  await checkOnmessage();
  await checkArguments();
  await checkEnv();
  await checkStdio();
  await checkSharedMemory();
  await checkClonedErrors();
  await checkBroadcast();
  await checkLoopCallbackError();
  // An unref'd worker does not keep the process alive.
  const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
  forever.unref();
  clearInterval(keepAlive);
  log('done');
})();
