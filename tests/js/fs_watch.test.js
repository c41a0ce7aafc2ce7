// fs.watch, fs.watchFile/unwatchFile and fs.promises.watch. Prints one result per line; node
// prints the same. Each step waits for the event it expects (file systems may report extra or
// duplicate events, so only the first event of each kind is printed), and a missing event
// prints "timeout" instead of hanging.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const log = (...values) => console.log(...values);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-watch-'));
const file = (name) => path.join(dir, name);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `action`, then resolves with the first event `matches` accepts (null after 3 s). */
function nextEvent(watcher, matches, action) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      watcher.removeListener('change', onChange);
      resolve(null);
    }, 3000);
    function onChange(eventType, filename) {
      if (!matches(eventType, String(filename))) return;
      clearTimeout(timer);
      watcher.removeListener('change', onChange);
      resolve({ eventType, filename });
    }
    watcher.on('change', onChange);
    action();
  });
}

const show = (event) => (event === null ? 'timeout' : `${event.eventType} ${event.filename}`);
const named = (name) => (eventType, filename) => filename === name;
const kind = (type, name) => (eventType, filename) => eventType === type && filename === name;

function errorLine(error) {
  return `${error.name} ${error.code}: ${error.message}`;
}

function attempt(fn) {
  try {
    const result = fn();
    if (result && typeof result.close === 'function') result.close();
    log('ok');
  } catch (error) {
    log(errorLine(error));
  }
}

async function directoryEvents() {
  const watcher = fs.watch(dir);
  log('watcher', watcher.constructor.name, typeof watcher.close, typeof watcher.ref, typeof watcher.unref);
  // Each step uses its own file, so a late event of one step cannot answer the next.
  log('create:', show(await nextEvent(watcher, named('a.txt'), () => fs.writeFileSync(file('a.txt'), 'a'))));
  fs.writeFileSync(file('b.txt'), 'b');
  log('append:', show(await nextEvent(watcher, kind('change', 'b.txt'), () => fs.appendFileSync(file('b.txt'), 'b'))));
  fs.writeFileSync(file('c.txt'), 'c');
  log('chmod:', show(await nextEvent(watcher, kind('change', 'c.txt'), () => fs.chmodSync(file('c.txt'), 0o600))));
  fs.writeFileSync(file('d.txt'), 'd');
  log('rename from:', show(await nextEvent(watcher, kind('rename', 'd.txt'), () => fs.renameSync(file('d.txt'), file('e.txt')))));
  fs.writeFileSync(file('f.txt'), 'f');
  log('rename to:', show(await nextEvent(watcher, named('g.txt'), () => fs.renameSync(file('f.txt'), file('g.txt')))));
  fs.writeFileSync(file('h.txt'), 'h');
  log('unlink:', show(await nextEvent(watcher, kind('rename', 'h.txt'), () => fs.unlinkSync(file('h.txt')))));
  log('mkdir:', show(await nextEvent(watcher, named('sub'), () => fs.mkdirSync(file('sub')))));
  let closes = 0;
  watcher.on('close', () => closes++);
  log('close returns', watcher.close());
  watcher.close();
  await delay(10);
  log('close events', closes);
}

async function fileEvents() {
  fs.writeFileSync(file('watched.txt'), 'x');
  const watcher = fs.watch(file('watched.txt'), { persistent: true });
  log('file change:', show(await nextEvent(watcher, () => true, () => fs.appendFileSync(file('watched.txt'), 'y'))));
  log('file removed:', show(await nextEvent(watcher, kind('rename', 'watched.txt'), () => fs.unlinkSync(file('watched.txt')))));
  watcher.close();
}

async function encodings() {
  const listener = (eventType, filename) => {
    log('listener argument:', Buffer.isBuffer(filename), String(filename));
  };
  const buffers = fs.watch(dir, { encoding: 'buffer' });
  buffers.once('change', listener);
  const event = await nextEvent(buffers, () => true, () => fs.writeFileSync(file('buf.txt'), ''));
  log('buffer filename:', Buffer.isBuffer(event.filename), event.filename.toString());
  buffers.close();
  const hex = fs.watch(dir, 'hex');
  log('hex filename:', show(await nextEvent(hex, named(Buffer.from('hex.txt').toString('hex')), () => fs.writeFileSync(file('hex.txt'), ''))));
  hex.close();
  const withListener = await new Promise((resolve) => {
    const watcher = fs.watch(dir, (eventType, filename) => {
      if (filename !== 'listener.txt') return;
      watcher.close();
      resolve(`${eventType} ${filename}`);
    });
    fs.writeFileSync(file('listener.txt'), '');
  });
  log('listener form:', withListener);
}

async function recursive() {
  const watcher = fs.watch(dir, { recursive: true });
  log('recursive mkdir:', show(await nextEvent(watcher, named('deep'), () => fs.mkdirSync(file('deep')))));
  // A new directory is watched once its event is seen; keep writing until the nested file shows.
  const nested = path.join('deep', 'n.txt');
  let seen = null;
  for (let i = 0; i < 30 && seen === null; i++) {
    const event = nextEvent(watcher, named(nested), () => fs.writeFileSync(file(nested), String(i)));
    seen = await Promise.race([event, delay(100).then(() => null)]);
  }
  log('recursive nested file seen:', seen !== null);
  watcher.close();
}

async function abortSignal() {
  const controller = new AbortController();
  const watcher = fs.watch(dir, { signal: controller.signal });
  const closed = new Promise((resolve) => watcher.once('close', resolve));
  controller.abort();
  await closed;
  log('closed by abort');
  const aborted = AbortSignal.abort();
  const early = fs.watch(dir, { signal: aborted });
  await new Promise((resolve) => early.once('close', resolve));
  log('closed by an already aborted signal');
}

function errors() {
  try {
    fs.watch(file('missing'));
  } catch (error) {
    log(error.message.replace(dir, '<dir>'));
    log(error.code, error.errno, error.syscall, error.path === file('missing'), error.filename === file('missing'));
    log(Object.keys(error).join(','));
  }
  attempt(() => fs.watch(1));
  attempt(() => fs.watch(dir, 5));
  attempt(() => fs.watch(dir, { recursive: 'yes' }));
  attempt(() => fs.watch(dir, { encoding: 'nope' }));
  // (Node checks the listener and the signal only after starting the watcher, which then stays
  // open, so those checks are left out.)
  attempt(() => fs.watch(dir, { persistent: 0 }));
  attempt(() => fs.watchFile(file('x')));
  attempt(() => fs.watchFile(5, () => {}));
  attempt(() => fs.unwatchFile(file('never-watched')));
}

// watchFile: each step replaces the file atomically, so a poll never sees it half written.
function replace(name, text) {
  fs.writeFileSync(file(`${name}.tmp`), text);
  fs.renameSync(file(`${name}.tmp`), file(name));
}

async function statWatcher() {
  const target = file('polled.txt');
  const changes = [];
  let wake = null;
  const listener = (curr, prev) => {
    changes.push([curr, prev]);
    if (wake) wake();
  };
  const nextChange = () => (changes.length > 0 ? Promise.resolve(changes.shift()) : new Promise((resolve) => (wake = resolve)).then(() => changes.shift()));

  const watcher = fs.watchFile(target, { interval: 20 }, listener);
  log('StatWatcher', watcher.constructor.name, fs.watchFile(target, { interval: 20 }, listener) === watcher);
  fs.unwatchFile(target, listener); // the second registration
  let [curr, prev] = await nextChange();
  log('missing:', curr.constructor.name, curr.size, prev.size, curr.mtimeMs, curr.mtime.getTime(), curr.isFile(), prev.nlink);
  replace('polled.txt', 'ab');
  [curr, prev] = await nextChange();
  log('created:', curr.size, prev.size, curr.isFile(), prev.mtimeMs);
  replace('polled.txt', 'abc');
  [curr, prev] = await nextChange();
  log('changed:', curr.size, prev.size, curr.mtimeMs >= prev.mtimeMs);
  fs.unlinkSync(target);
  [curr, prev] = await nextChange();
  log('removed:', curr.size, prev.size, curr.nlink);
  replace('polled.txt', 'abcd');
  [curr, prev] = await nextChange();
  log('recreated:', curr.size, prev.size);
  const stopped = new Promise((resolve) => watcher.once('stop', resolve));
  fs.unwatchFile(target);
  await stopped;
  log('stopped, listeners left:', watcher.listenerCount('change'));

  const big = await new Promise((resolve) => {
    fs.watchFile(file('big-missing'), { bigint: true, interval: 20 }, (c, p) => resolve([c, p]));
  });
  fs.unwatchFile(file('big-missing'));
  log('bigint:', typeof big[0].size, big[0].size === 0n, typeof big[1].mtimeMs);
}

async function promisesWatch() {
  const controller = new AbortController();
  const iterator = fs.promises.watch(dir, { signal: controller.signal });
  log('iterator', typeof iterator.next, typeof iterator[Symbol.asyncIterator]);
  setTimeout(() => fs.writeFileSync(file('p.txt'), 'p'), 20);
  try {
    for await (const event of iterator) {
      if (event.filename !== 'p.txt') continue;
      log('promises event:', JSON.stringify(event));
      controller.abort();
    }
  } catch (error) {
    log('promises abort:', error.name, error.code, error.message);
  }
  const breaking = fs.promises.watch(dir);
  setTimeout(() => fs.writeFileSync(file('q.txt'), 'q'), 20);
  for await (const event of breaking) {
    if (event.filename === 'q.txt') break;
  }
  log('after break:', JSON.stringify(await breaking.next()));
  try {
    await fs.promises.watch(file('missing')).next();
  } catch (error) {
    log('promises missing:', error.code, error.syscall);
  }
  try {
    await fs.promises.watch(dir, { signal: 1 }).next();
  } catch (error) {
    log('promises bad signal:', error.code);
  }
  try {
    await fs.promises.watch(dir, { signal: AbortSignal.abort() }).next();
  } catch (error) {
    log('promises pre-aborted:', error.name);
  }
}

// A refed watcher is all that keeps the process alive until its event arrives.
function refedWatcher() {
  return new Promise((resolve) => {
    const watcher = fs.watch(dir, (eventType, filename) => {
      if (filename !== 'last.txt') return;
      log('refed watcher saw', eventType, filename);
      watcher.close();
      resolve();
    });
    log('ref returns this', watcher.unref() === watcher, watcher.ref() === watcher);
    fs.writeFileSync(file('last.txt'), '');
  });
}

async function main() {
  await directoryEvents();
  await fileEvents();
  await encodings();
  await recursive();
  await abortSignal();
  errors();
  await statWatcher();
  await promisesWatch();
  await refedWatcher();
  // Neither of these may keep the process alive.
  fs.watch(dir).unref();
  fs.watch(dir, { persistent: false });
  fs.watchFile(file('unref.txt'), { persistent: false, interval: 10 }, () => {});
  process.on('exit', () => {
    fs.rmSync(dir, { recursive: true, force: true });
    log('exit with unrefed watchers open');
  });
}

main();
