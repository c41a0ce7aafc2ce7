// readline and readline/promises over PassThrough streams the script writes into.
'use strict';
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');
const events = require('events');

const tick = () => new Promise((resolve) => setImmediate(resolve));
const show = (value) => JSON.stringify(value);

// An output stream that remembers what readline wrote to it.
function recorder() {
  const writes = [];
  return {
    writes,
    write(data, cb) {
      writes.push(data);
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    },
  };
}

// Every event an interface emits, in order.
function watch(rl) {
  const seen = [];
  for (const name of ['line', 'close', 'pause', 'resume', 'history', 'SIGINT']) {
    rl.on(name, (arg) => seen.push(name === 'line' ? `line:${show(arg)}` : name));
  }
  return seen;
}

async function lineSplitting() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const seen = watch(rl);
  console.log('terminal', rl.terminal, 'crlfDelay', rl.crlfDelay, 'historySize', rl.historySize);
  input.write('one\ntwo\r\nthr');
  input.write('ee\rfour\r');
  input.write('\nfive\n\nsix');
  await tick();
  console.log('before end', seen.join(' '));
  input.end();
  await events.once(rl, 'close');
  console.log('after end', seen.join(' '));
  rl.close();
  console.log('close twice', seen.filter((e) => e === 'close').length);
}

async function closeAndPause() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: 50 });
  const seen = watch(rl);
  console.log('crlfDelay min', rl.crlfDelay);
  rl.pause();
  rl.pause();
  rl.resume();
  rl.resume();
  rl.close();
  rl.close();
  console.log('events', seen.join(' '), 'input paused', input.isPaused());
  try {
    rl.question('again? ', () => {});
  } catch (error) {
    console.log('question after close', error.code, error.message);
  }
}

async function questionsAndPrompts() {
  const input = new PassThrough();
  const output = recorder();
  const rl = readline.createInterface({ input, output, prompt: '$ ' });
  const seen = watch(rl);
  console.log('prompt', show(rl.getPrompt()));
  rl.setPrompt('>> ');
  console.log('prompt', show(rl.getPrompt()));
  rl.prompt();
  rl.question('name? ', (answer) => console.log('answer', show(answer), 'prompt back', show(rl.getPrompt())));
  input.write('Ada\nnext\n');
  await tick();
  rl.write('typed\n');
  rl.write('part');
  rl.write('ial\n');
  console.log('output', show(output.writes));
  console.log('events', seen.join(' '));
  rl.close();
}

async function asyncIteration() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const iterator = rl[Symbol.asyncIterator]();
  console.log('same iterator', iterator === rl[Symbol.asyncIterator]());
  input.write('a\nb\n');
  await tick();
  input.end('c\nd');
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log('iterated', show(lines));

  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  let closed = false;
  rl2.on('close', () => (closed = true));
  // Lines emitted before anyone iterates are not kept (as in Node), so start iterating first.
  rl2[Symbol.asyncIterator]();
  input2.write('x\ny\nz\n');
  for await (const line of rl2) {
    console.log('first line then break', line);
    break;
  }
  await tick();
  console.log('break leaves it open', closed);
  rl2.close();
}

async function terminalEditing() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, terminal: true });
  const seen = watch(rl);
  console.log('terminal', rl.terminal);
  rl.write('hello world');
  console.log('line', show(rl.line), 'cursor', rl.cursor);
  rl.write(null, { ctrl: true, name: 'a' });
  rl.write(null, { meta: true, name: 'f' });
  console.log('word right', rl.cursor);
  rl.write(null, { name: 'left' });
  rl.write(null, { name: 'backspace' });
  console.log('backspace', show(rl.line), rl.cursor);
  rl.write(null, { ctrl: true, name: 'e' });
  rl.write(null, { ctrl: true, name: 'w' });
  console.log('delete word', show(rl.line), rl.cursor);
  rl.write('!\n');
  rl.write('second\n');
  console.log('history', show(rl.history));
  rl.write(null, { name: 'up' });
  console.log('up', show(rl.line));
  rl.write(null, { name: 'up' });
  console.log('up', show(rl.line));
  rl.write(null, { name: 'down' });
  rl.write(null, { name: 'down' });
  console.log('down', show(rl.line));
  input.write('abc\x1b[H\r\n');
  await tick();
  rl.write(null, { ctrl: true, name: 'c' });
  console.log('events', seen.join(' '));
}

async function promisesQuestion() {
  const input = new PassThrough();
  const output = recorder();
  const rl = readlinePromises.createInterface({ input, output });
  console.log('promises is same module', readline.promises === readlinePromises);
  const pending = rl.question('color? ');
  input.write('blue\n');
  console.log('answer', show(await pending));
  const controller = new AbortController();
  const aborted = rl.question('never? ', { signal: controller.signal });
  controller.abort();
  try {
    await aborted;
  } catch (error) {
    console.log('abort', error.name, error.code, error.message);
  }
  try {
    await rl.question('pre? ', { signal: AbortSignal.abort() });
  } catch (error) {
    console.log('pre-aborted', error.name, error.code);
  }
  input.write('after abort\n');
  const later = rl.question('later? ');
  input.write('ok\n');
  console.log('later answer', show(await later));
  console.log('output', show(output.writes));
  rl.close();
}

async function cursorHelpers() {
  const output = recorder();
  const calls = [];
  const done = (name) => () => calls.push(name);
  console.log(
    'returns',
    readline.cursorTo(output, 3, done('cursorTo')),
    readline.cursorTo(output, 3, 4),
    readline.moveCursor(output, -2, 3, done('moveCursor')),
    readline.moveCursor(output, 2, -1),
    readline.moveCursor(output, 0, 0),
    readline.clearLine(output, -1),
    readline.clearLine(output, 1),
    readline.clearLine(output, 0, done('clearLine')),
    readline.clearScreenDown(output, done('clearScreenDown')),
  );
  await tick();
  console.log('writes', show(output.writes));
  console.log('callbacks', calls.join(' '));
}

async function keypresses() {
  const stream = new PassThrough();
  readline.emitKeypressEvents(stream);
  readline.emitKeypressEvents(stream);
  const keys = [];
  stream.on('keypress', (ch, key) => keys.push(`${show(ch)} ${show(key)}`));
  stream.write('aZ1 \r\n\t\x7f\x03\x1b[A\x1b[B\x1b[C\x1b[D\x1b[1;5C\x1bOH\x1b[3~\x1bb');
  await tick();
  for (const key of keys) console.log('key', key);
}

async function completion() {
  const input = new PassThrough();
  const output = recorder();
  output.on = () => {};
  output.removeListener = () => {};
  const words = ['help', 'hello', 'exit'];
  const completer = (line) => {
    const hits = words.filter((word) => word.startsWith(line));
    return [hits.length ? hits : words, line];
  };
  const rl = readline.createInterface({ input, output, terminal: true, completer });
  rl.on('line', (line) => console.log('completed line', show(line)));
  rl.write('e');
  rl.write(null, { name: 'tab' });
  console.log('single match', show(rl.line), rl.cursor);
  rl.write(null, { ctrl: true, name: 'u' });
  rl.write('h');
  rl.write(null, { name: 'tab' });
  console.log('common prefix', show(rl.line), rl.cursor);
  rl.write('l');
  rl.write(null, { name: 'tab' });
  rl.write('\r');
  rl.close();
}

function argumentErrors() {
  const attempt = (label, fn) => {
    try {
      fn();
      console.log(label, 'ok');
    } catch (error) {
      console.log(label, error.name, error.code, error.message);
    }
  };
  const input = new PassThrough();
  attempt('historySize -1', () => readline.createInterface({ input, historySize: -1 }));
  attempt('historySize string', () => readline.createInterface({ input, historySize: 'a' }));
  attempt('completer', () => readline.createInterface({ input, completer: 'x' }));
  attempt('tabSize', () => readline.createInterface({ input, tabSize: 0 }));
  attempt('cursorTo NaN', () => readline.cursorTo(null, NaN));
  attempt('cursorTo row only', () => readline.cursorTo(recorder(), undefined, 2));
  const legacy = readline.createInterface(input, recorder());
  console.log('positional arguments', legacy.input === input, legacy.terminal, legacy instanceof readline.Interface);
  legacy.close();
}

async function main() {
  for (const step of [lineSplitting, closeAndPause, questionsAndPrompts, asyncIteration, terminalEditing, promisesQuestion, cursorHelpers, keypresses, completion, argumentErrors]) {
    console.log(`-- ${step.name}`);
    await step();
  }
}

main();
