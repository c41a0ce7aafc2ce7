'use strict';
// Behaviour checks for `child_process` and process signals. Prints one result per line; the
// expected output (child_process.test.out) was generated with real Node.js v20. The children
// are `sh`, `cat`, `echo` and `sleep`, and this same script (run by process.execPath, which is
// `pack` under `pack run`) for fork() and for checks that need a process of their own.
// tests/processes.rs also runs it packed, where process.execPath is the app itself, so a child
// started as `execPath __filename ROLE` sees this file's path before its role.

const cp = require('child_process');
const util = require('util');

const args = process.argv[2] === __filename ? process.argv.slice(3) : process.argv.slice(2);
const role = args[0];

// ---------------------------------------------------------------------------------------------
// Child roles.

if (role === 'fork-child') {
  const env = process.env;
  process.send({
    ready: true,
    connected: process.connected,
    args: args.slice(1),
    channelVariables: [env.NODE_CHANNEL_FD, env.PACK_CHANNEL_FD].filter((value) => value !== undefined).length,
  });
  process.on('message', (message) => {
    if (message === 'bye') {
      process.disconnect();
      return;
    }
    process.send({ echo: message });
  });
  process.on('disconnect', () => console.log(`child disconnected, connected=${process.connected}`));
} else if (role === 'fork-idle') {
  setInterval(() => {}, 1000);
  process.send('up');
} else if (role === 'fork-quiet') {
  // No 'message' listener: the channel must not keep this child alive.
  console.log('quiet child ran');
} else if (role === 'unref-child') {
  const child = cp.spawn('sleep', ['5'], { stdio: 'ignore' });
  child.unref();
  console.log('unref child done');
} else if (role === 'ref-child') {
  cp.spawn('sleep', ['0.2'], { stdio: 'ignore' }).on('exit', (code) => console.log(`ref child saw exit ${code}`));
} else if (role === 'signal-default') {
  // A listener that is removed again gives the signal back its default effect.
  const listener = () => console.log('not reached');
  process.on('SIGTERM', listener);
  process.removeListener('SIGTERM', listener);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => console.log('still alive'), 2000);
} else if (role === 'signal-listener') {
  // A signal listener alone does not keep the process alive.
  process.on('SIGINT', () => {});
  console.log('listener child done');
} else {
  main().catch((error) => {
    console.log('test failed:', error);
    process.exitCode = 1;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers.

function errorFields(error) {
  if (!(error instanceof Error)) return util.inspect(error);
  const fields = ['name', 'code', 'errno', 'syscall', 'path', 'spawnargs', 'cmd', 'killed', 'signal', 'status']
    .filter((key) => error[key] !== undefined)
    .map((key) => `${key}=${util.inspect(error[key])}`);
  return `${JSON.stringify(error.message)} ${fields.join(' ')}`;
}

function attempt(fn) {
  try {
    const value = fn();
    return `ok ${value && value.constructor ? value.constructor.name : typeof value}`;
  } catch (error) {
    return `${error.name} ${error.code} ${error.message}`;
  }
}

// Runs a child to its 'close', collecting output and events in order.
function run(file, args, options) {
  return new Promise((resolve) => {
    const child = cp.spawn(file, args, options);
    const result = { child, stdout: '', stderr: '', events: [] };
    if (child.stdout) child.stdout.on('data', (chunk) => (result.stdout += chunk));
    if (child.stderr) child.stderr.on('data', (chunk) => (result.stderr += chunk));
    child.on('spawn', () => result.events.push('spawn'));
    child.on('error', (error) => {
      result.events.push('error');
      result.error = error;
    });
    child.on('exit', (code, signal) => result.events.push(`exit(${code},${signal})`));
    child.on('close', (code, signal) => {
      result.events.push(`close(${code},${signal})`);
      resolve(result);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The tests.

async function main() {
  await spawnBasics();
  await spawnOptions();
  await killing();
  await execAndExecFile();
  syncFunctions();
  validation();
  await lifetimes();
  await forking();
  await signals();
}

async function spawnBasics() {
  console.log('--- spawn');
  const echo = await run('echo', ['hello', 'world']);
  console.log('echo:', JSON.stringify(echo.stdout), echo.events.join(' '));
  console.log('pid is a number:', typeof echo.child.pid === 'number' && echo.child.pid > 0);
  console.log('spawnfile/spawnargs:', echo.child.spawnfile, echo.child.spawnargs);
  console.log('exitCode/signalCode:', echo.child.exitCode, echo.child.signalCode, 'killed:', echo.child.killed);
  console.log('streams:', echo.child.stdin.constructor.name, echo.child.stdio.length, echo.child.stdout === echo.child.stdio[1]);
  console.log('stdin readable:', echo.child.stdin.readable, 'stdout readable:', echo.child.stdout.readable);
  console.log('instanceof ChildProcess:', echo.child instanceof cp.ChildProcess);

  const failing = await run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
  console.log('exit 3:', JSON.stringify(failing.stdout), JSON.stringify(failing.stderr), failing.events.join(' '));
  console.log('exitCode:', failing.child.exitCode);

  const cat = cp.spawn('cat');
  let catOut = '';
  cat.stdout.setEncoding('utf8');
  cat.stdout.on('data', (chunk) => (catOut += chunk));
  cat.stdin.write('line one\n');
  cat.stdin.end('line two\n');
  await new Promise((resolve) => cat.on('close', resolve));
  console.log('cat:', JSON.stringify(catOut), cat.exitCode);

  const missing = await run('no-such-command-xyz', ['a', 'b']);
  console.log('missing:', missing.events.join(' '), 'pid:', missing.child.pid);
  console.log('missing error:', errorFields(missing.error));
  console.log('missing stdout exists:', missing.child.stdout !== null);

  const bigLine = 'x'.repeat(200000);
  const echoBig = cp.spawn('cat');
  let bigCount = 0;
  echoBig.stdout.on('data', (chunk) => (bigCount += chunk.length));
  echoBig.stdin.end(bigLine);
  await new Promise((resolve) => echoBig.on('close', resolve));
  console.log('large round trip:', bigCount);
}

async function spawnOptions() {
  console.log('--- options');
  const cwd = await run('pwd', [], { cwd: '/' });
  console.log('cwd:', JSON.stringify(cwd.stdout));

  const env = await run('sh', ['-c', 'echo "$ONLY_THIS:${PATH:-nopath}"'], { env: { ONLY_THIS: 'yes', DROPPED: undefined } });
  console.log('env:', JSON.stringify(env.stdout));

  const inheritedEnv = Object.create({ FROM_PROTO: 'proto' });
  inheritedEnv.OWN = 'own';
  inheritedEnv.PATH = process.env.PATH;
  const protoEnv = await run('sh', ['-c', 'echo "$OWN $FROM_PROTO"'], { env: inheritedEnv });
  console.log('env prototype keys:', JSON.stringify(protoEnv.stdout));

  const argv0 = await run('sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  console.log('argv0:', JSON.stringify(argv0.stdout), argv0.child.spawnargs[0]);

  const shell = await run('echo $((6 * 7))', [], { shell: true });
  console.log('shell:', JSON.stringify(shell.stdout), shell.child.spawnfile, shell.child.spawnargs);

  const shellArgs = await run('echo', ['a', '"b c"'], { shell: '/bin/sh' });
  console.log('shell path:', JSON.stringify(shellArgs.stdout), shellArgs.child.spawnargs);

  const ignored = await run('sh', ['-c', 'echo ignored; echo also >&2'], { stdio: 'ignore' });
  console.log('ignore:', ignored.child.stdin, ignored.child.stdout, ignored.child.stderr, ignored.events.join(' '));

  const mixed = await run('sh', ['-c', 'echo to-out; echo to-err >&2'], { stdio: ['ignore', 'pipe', 'ignore'] });
  console.log('mixed:', mixed.child.stdin, JSON.stringify(mixed.stdout), mixed.child.stderr);

  // An inherited stdout writes straight into ours; the child finishes before we print again.
  await run('echo', ['inherited output'], { stdio: 'inherit' });
  await run('sh', ['-c', 'echo via fd 1'], { stdio: ['pipe', 1, 2] });
  await run('sh', ['-c', 'echo via stream'], { stdio: ['pipe', process.stdout, 'pipe'] });

  const extra = cp.spawn('sh', ['-c', 'echo on-fd-3 >&3; read line <&3; echo "got $line"'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  let extraOut = '';
  let fd3Out = '';
  extra.stdout.on('data', (chunk) => (extraOut += chunk));
  extra.stdio[3].on('data', (chunk) => {
    fd3Out += chunk;
    extra.stdio[3].write('reply\n');
  });
  await new Promise((resolve) => extra.on('close', resolve));
  console.log('fd 3:', JSON.stringify(fd3Out), JSON.stringify(extraOut), extra.stdio.length);

  const sparse = cp.spawn('true', [], { stdio: ['pipe', 'pipe', 'pipe', null, undefined, 'ignore'] });
  console.log('sparse stdio:', sparse.stdio.map((stream) => (stream === null ? null : 'stream')));
  await new Promise((resolve) => sparse.on('close', resolve));

  const detached = await run('sh', ['-c', 'read -r a b c d e sid rest < /proc/$$/stat; [ "$sid" = "$$" ] && echo own-session || echo parent-session'], { detached: true });
  const attached = await run('sh', ['-c', 'read -r a b c d e sid rest < /proc/$$/stat; [ "$sid" = "$$" ] && echo own-session || echo parent-session'], {});
  console.log('detached:', detached.stdout.trim(), 'attached:', attached.stdout.trim());

  const timedOut = await run('sleep', ['5'], { timeout: 50, killSignal: 'SIGKILL' });
  console.log('timeout:', timedOut.events.join(' '), timedOut.child.killed, timedOut.child.signalCode);

  const controller = new AbortController();
  const abortable = run('sleep', ['5'], { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  const aborted = await abortable;
  console.log('abort:', aborted.events.join(' '), aborted.error.name, aborted.error.code, aborted.child.killed);

  const preAborted = await run('sleep', ['5'], { signal: AbortSignal.abort() });
  console.log('already aborted:', preAborted.events.join(' '), preAborted.error.name);

  const windows = await run('echo', ['ok'], { windowsHide: true });
  console.log('windowsHide:', JSON.stringify(windows.stdout));
}

async function killing() {
  console.log('--- kill');
  const sleeper = cp.spawn('sleep', ['5']);
  console.log('before:', sleeper.killed, sleeper.signalCode, sleeper.exitCode);
  console.log('kill(0):', sleeper.kill(0), sleeper.killed);
  console.log('kill():', sleeper.kill(), sleeper.killed);
  const [code, signal] = await new Promise((resolve) => sleeper.on('exit', (...args) => resolve(args)));
  console.log('exit after kill:', code, signal, sleeper.signalCode, sleeper.exitCode);
  console.log('kill after exit:', sleeper.kill());

  const hup = cp.spawn('sleep', ['5']);
  console.log('kill(SIGHUP):', hup.kill('SIGHUP'));
  console.log('kill by number:', await new Promise((resolve) => hup.on('exit', (c, s) => resolve(`${c} ${s}`))));

  const numbered = cp.spawn('sleep', ['5']);
  numbered.kill(9);
  console.log('kill(9):', await new Promise((resolve) => numbered.on('exit', (c, s) => resolve(`${c} ${s}`))));
  console.log('bad signal:', attempt(() => numbered.kill('SIGNOPE')));
}

async function execAndExecFile() {
  console.log('--- exec/execFile');
  await new Promise((resolve) => {
    cp.exec('echo out; echo err >&2', (error, stdout, stderr) => {
      console.log('exec ok:', error, JSON.stringify(stdout), JSON.stringify(stderr));
      resolve();
    });
  });
  await new Promise((resolve) => {
    cp.exec('echo partial; echo oops >&2; exit 4', (error, stdout, stderr) => {
      console.log('exec failure:', errorFields(error), JSON.stringify(stdout), JSON.stringify(stderr));
      console.log('exec failure keys:', Object.keys(error).join(','));
      resolve();
    });
  });
  await new Promise((resolve) => {
    const child = cp.execFile('no-such-command-xyz', ['x'], (error, stdout, stderr) => {
      console.log('execFile missing:', errorFields(error), JSON.stringify(stdout), JSON.stringify(stderr));
      resolve();
    });
    console.log('execFile missing pid:', child.pid);
  });
  await new Promise((resolve) => {
    cp.execFile('echo', ['bytes'], { encoding: 'buffer' }, (error, stdout, stderr) => {
      console.log('encoding buffer:', error, stdout, stderr);
      resolve();
    });
  });
  await new Promise((resolve) => {
    cp.execFile('echo', ['hex'], { encoding: 'hex' }, (error, stdout) => {
      console.log('encoding hex:', stdout);
      resolve();
    });
  });
  await new Promise((resolve) => {
    cp.exec('yes', { maxBuffer: 10 }, (error, stdout) => {
      console.log('maxBuffer:', errorFields(error), JSON.stringify(stdout));
      console.log('maxBuffer is RangeError:', error instanceof RangeError);
      resolve();
    });
  });
  await new Promise((resolve) => {
    cp.exec('sleep 5', { timeout: 50 }, (error) => {
      console.log('exec timeout:', errorFields(error));
      resolve();
    });
  });
  await new Promise((resolve) => {
    const child = cp.exec('exec sleep 5', (error) => {
      console.log('exec killed:', errorFields(error));
      resolve();
    });
    setTimeout(() => child.kill(), 20);
  });
  await new Promise((resolve) => {
    cp.execFile('sh', ['-c', 'echo $0 "$1"', 'x y'], { shell: false }, (error, stdout) => {
      console.log('execFile args:', JSON.stringify(stdout));
      resolve();
    });
  });
  await new Promise((resolve) => {
    cp.execFile('pwd', { cwd: '/tmp' }, (error, stdout) => {
      console.log('execFile options only:', JSON.stringify(stdout));
      resolve();
    });
  });

  const execAsync = util.promisify(cp.exec);
  const execFileAsync = util.promisify(cp.execFile);
  const pending = execAsync('echo promised');
  console.log('promise has child:', pending.child instanceof cp.ChildProcess);
  console.log('promisified exec:', await pending);
  console.log('promisified execFile:', await execFileAsync('sh', ['-c', 'printf "%s" "$1" >&2', 'sh', 'to-stderr']));
  try {
    await execFileAsync('sh', ['-c', 'echo before; exit 2']);
  } catch (error) {
    console.log('promisified rejection:', errorFields(error), JSON.stringify(error.stdout), JSON.stringify(error.stderr));
  }
}

function syncFunctions() {
  console.log('--- sync');
  const result = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2']);
  console.log('spawnSync keys:', Object.keys(result).join(','));
  console.log('spawnSync:', result.status, result.signal, result.stdout, result.stderr.toString(), result.output[0]);
  console.log('pid:', typeof result.pid === 'number' && result.pid > 0);

  const input = cp.spawnSync('cat', { input: 'fed through stdin', encoding: 'utf8' });
  console.log('input:', JSON.stringify(input.stdout), input.status, util.inspect(input.output));

  const bufferInput = cp.spawnSync('wc', ['-c'], { input: Buffer.from('12345') });
  console.log('buffer input:', bufferInput.stdout.toString().trim());

  const missing = cp.spawnSync('no-such-command-xyz', ['x']);
  console.log('spawnSync missing:', errorFields(missing.error), missing.status, missing.pid, missing.output, missing.stdout);
  console.log('spawnSync missing keys:', Object.keys(missing).join(','));

  const slow = cp.spawnSync('sleep', ['5'], { timeout: 50 });
  console.log('spawnSync timeout:', errorFields(slow.error), slow.status, slow.signal);

  const killedBy = cp.spawnSync('sh', ['-c', 'kill -USR1 $$']);
  console.log('spawnSync signal:', killedBy.status, killedBy.signal);

  const overflow = cp.spawnSync('sh', ['-c', 'yes | head -c 100000'], { maxBuffer: 100 });
  console.log('spawnSync maxBuffer:', overflow.error && overflow.error.code);

  const shell = cp.spawnSync('echo $((2 + 3))', { shell: true, encoding: 'utf8' });
  console.log('spawnSync shell:', JSON.stringify(shell.stdout));

  const cwd = cp.spawnSync('pwd', { cwd: '/', encoding: 'utf8' });
  console.log('spawnSync cwd:', JSON.stringify(cwd.stdout));

  console.log('execSync:', cp.execSync('echo sync'));
  console.log('execSync utf8:', JSON.stringify(cp.execSync('echo sync', { encoding: 'utf8' })));
  console.log('execFileSync:', JSON.stringify(cp.execFileSync('echo', ['file', 'sync'], { encoding: 'utf8' })));
  console.log('execSync input:', JSON.stringify(cp.execSync('tr a-z A-Z', { input: 'shout', encoding: 'utf8' })));
  try {
    cp.execSync('echo partial; echo complaint >&2; exit 5', { stdio: 'pipe' });
  } catch (error) {
    console.log('execSync failure:', errorFields(error), JSON.stringify(error.stdout.toString()), JSON.stringify(error.stderr.toString()));
    console.log('execSync failure keys:', Object.keys(error).join(','));
  }
  try {
    cp.execFileSync('sh', ['-c', 'exit 6'], { stdio: 'pipe' });
  } catch (error) {
    console.log('execFileSync failure:', errorFields(error));
  }
  try {
    cp.execFileSync('no-such-command-xyz');
  } catch (error) {
    console.log('execFileSync missing:', errorFields(error), error.error === error);
  }
}

function validation() {
  console.log('--- validation');
  console.log(attempt(() => cp.spawn()));
  console.log(attempt(() => cp.spawn('')));
  console.log(attempt(() => cp.spawn(1)));
  console.log(attempt(() => cp.spawn('echo', 'x')));
  console.log(attempt(() => cp.spawn('echo', [], 'x')));
  console.log(attempt(() => cp.spawn('echo', ['a\0b'])));
  console.log(attempt(() => cp.spawn('echo', [], { cwd: 1 })));
  console.log(attempt(() => cp.spawn('echo', [], { stdio: 'foo' })));
  console.log(attempt(() => cp.spawn('echo', [], { stdio: ['foo'] })));
  console.log(attempt(() => cp.spawn('echo', [], { detached: 1 })));
  console.log(attempt(() => cp.spawn('echo', [], { uid: 'x' })));
  console.log(attempt(() => cp.spawn('echo', [], { shell: 1 })));
  console.log(attempt(() => cp.spawn('echo', [], { argv0: 1 })));
  console.log(attempt(() => cp.spawn('echo', [], { timeout: -1 })));
  console.log(attempt(() => cp.spawn('echo', [], { killSignal: 'FOO' })));
  console.log(attempt(() => cp.spawn('echo', [], { signal: 1 })));
  console.log(attempt(() => cp.spawn('echo', [], { env: { A: 'a\0' } })));
  console.log(attempt(() => cp.spawn('echo', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] })));
  console.log(attempt(() => cp.exec()));
  console.log(attempt(() => cp.execFile('echo', [], {}, 1)));
  console.log(attempt(() => cp.execFile('echo', [], { maxBuffer: -1 })));
  console.log(attempt(() => cp.spawnSync('echo', [], { input: 1 })));
  console.log(attempt(() => cp.fork(1)));
  console.log(attempt(() => cp.fork('x.js', [], { stdio: ['pipe', 'pipe', 'pipe'] })));
}

// Whether children keep this process alive: checked in a process of their own.
async function lifetimes() {
  console.log('--- ref/unref');
  const started = Date.now();
  const unref = cp.spawnSync(process.execPath, [__filename, 'unref-child'], { encoding: 'utf8' });
  console.log('unref child:', JSON.stringify(unref.stdout), unref.status, 'quick:', Date.now() - started < 3000);
  const ref = cp.spawnSync(process.execPath, [__filename, 'ref-child'], { encoding: 'utf8' });
  console.log('ref child:', JSON.stringify(ref.stdout), ref.status);

  const child = cp.spawn('sleep', ['0.1'], { stdio: 'ignore' });
  child.unref();
  child.ref();
  await new Promise((resolve) => child.on('exit', resolve));
  console.log('ref again: exited');
}

async function forking() {
  console.log('--- fork');
  const child = cp.fork(__filename, ['fork-child', 'extra'], { silent: true });
  console.log('connected:', child.connected, 'channel:', typeof child.channel.ref, 'stdio:', child.stdio.length);
  console.log(attempt(() => child.send()));
  console.log(attempt(() => child.send(Symbol('s'))));
  let childOut = '';
  child.stdout.on('data', (chunk) => (childOut += chunk));
  const events = [];
  child.on('message', (message) => {
    events.push(`message ${JSON.stringify(message)}`);
    if (message.ready) {
      child.send('ping');
      child.send({ nested: [1, { two: 2 }] }, (error) => events.push(`send callback ${error}`));
    } else if (message.echo && message.echo.nested) {
      child.send('bye');
    }
  });
  child.on('disconnect', () => events.push(`disconnect connected=${child.connected}`));
  child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
  await new Promise((resolve) => child.on('close', (code) => {
    events.push(`close ${code}`);
    resolve();
  }));
  for (const event of events) console.log(' ', event);
  console.log('child output:', JSON.stringify(childOut));
  console.log('send after exit:', child.send('late', (error) => console.log('late callback:', error.code, error.message)));
  await new Promise((resolve) => setImmediate(resolve));

  const quiet = cp.fork(__filename, ['fork-quiet'], { stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
  let quietOut = '';
  quiet.stdout.on('data', (chunk) => (quietOut += chunk));
  const quietExit = await new Promise((resolve) => quiet.on('close', (code) => resolve(code)));
  console.log('quiet child:', JSON.stringify(quietOut), quietExit);

  const disconnecting = cp.fork(__filename, ['fork-child'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  await new Promise((resolve) => disconnecting.once('message', resolve));
  disconnecting.disconnect();
  console.log('after disconnect():', disconnecting.connected);
  const errors = [];
  disconnecting.on('error', (error) => errors.push(error.code));
  disconnecting.disconnect();
  const exitCode = await new Promise((resolve) => disconnecting.on('exit', resolve));
  console.log('parent-side disconnect: exit', exitCode, 'errors', errors);

  // A killed child's channel reports its end before the child's 'exit', as in Node.
  const idle = cp.fork(__filename, ['fork-idle']);
  const order = [];
  idle.on('message', () => idle.kill('SIGKILL'));
  for (const name of ['disconnect', 'exit']) idle.on(name, () => order.push(name));
  await new Promise((resolve) => idle.on('close', resolve));
  console.log('killed child events:', order.join(', '));
}

async function signals() {
  console.log('--- signals');
  // Signal listeners do not keep the process alive: a timer does while the signal is on its way.
  const keepAlive = setTimeout(() => {}, 5000);
  const received = await new Promise((resolve) => {
    process.once('SIGUSR2', (...args) => resolve(args));
    process.kill(process.pid, 'SIGUSR2');
  });
  clearTimeout(keepAlive);
  console.log('SIGUSR2 listener got:', received);
  console.log('listener removed:', process.listenerCount('SIGUSR2'));
  console.log(attempt(() => process.on('SIGKILL', () => {})));
  console.log(attempt(() => process.on('SIGSTOP', () => {})));

  const restored = cp.spawnSync(process.execPath, [__filename, 'signal-default'], { encoding: 'utf8', timeout: 10000 });
  console.log('default restored:', restored.status, restored.signal, JSON.stringify(restored.stdout));
  const listening = cp.spawnSync(process.execPath, [__filename, 'signal-listener'], { encoding: 'utf8', timeout: 10000 });
  console.log('listener does not hold the process:', listening.status, JSON.stringify(listening.stdout));
}
