'use strict';
// `process`: environment, working directory, umask, ids, signals, resource usage, hrtime,
// warnings and the standard streams (run with stdout piped, as the test harness does).

function show(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  return JSON.stringify(value);
}

function check(label, fn) {
  let line;
  try {
    line = show(fn());
  } catch (error) {
    line = `threw ${error.name} ${error.code} ${JSON.stringify(error.message)}`;
  }
  console.log(`${label}: ${line}`);
}

const isCount = (value) => Number.isInteger(value) && value >= 0;

// --- env: strings in, strings out, and the real environment follows
check('env number', () => {
  process.env.PACK_TEST_NUMBER = 1;
  return process.env.PACK_TEST_NUMBER;
});
check('env undefined', () => {
  process.env.PACK_TEST_UNDEFINED = undefined;
  return process.env.PACK_TEST_UNDEFINED;
});
check('env null', () => {
  process.env.PACK_TEST_NULL = null;
  return process.env.PACK_TEST_NULL;
});
check('env object', () => {
  process.env.PACK_TEST_OBJECT = { toString: () => 'custom' };
  return process.env.PACK_TEST_OBJECT;
});
check('env boolean', () => {
  process.env.PACK_TEST_BOOLEAN = true;
  return typeof process.env.PACK_TEST_BOOLEAN;
});
check('env symbol value', () => {
  try {
    process.env.PACK_TEST_SYMBOL = Symbol('s');
  } catch (error) {
    // The message is the engine's own.
    return [error.name, 'PACK_TEST_SYMBOL' in process.env];
  }
});
check('env delete', () => {
  const deleted = delete process.env.PACK_TEST_NUMBER;
  return [deleted, 'PACK_TEST_NUMBER' in process.env, process.env.PACK_TEST_NUMBER];
});
check('env delete missing', () => delete process.env.PACK_TEST_NEVER_SET);
check('env keys include', () => Object.keys(process.env).filter((key) => key.startsWith('PACK_TEST_')));
check('env descriptor', () => Object.getOwnPropertyDescriptor(process.env, 'PACK_TEST_NULL'));
check('env define', () => {
  Object.defineProperty(process.env, 'PACK_TEST_DEFINED', { value: 42, writable: true, enumerable: true, configurable: true });
  return process.env.PACK_TEST_DEFINED;
});
check('env define readonly', () => {
  Object.defineProperty(process.env, 'PACK_TEST_READONLY', { value: 'x' });
});
check('env define accessor', () => {
  Object.defineProperty(process.env, 'PACK_TEST_ACCESSOR', { get: () => 'x', configurable: true, enumerable: true });
});
check('env bad name', () => {
  process.env['PACK=TEST'] = 'x';
  return process.env['PACK=TEST'];
});
check('env empty name', () => {
  process.env[''] = 'x';
  return process.env[''];
});
check('env nul in value', () => {
  process.env.PACK_TEST_NUL = 'a\0b';
  return process.env.PACK_TEST_NUL;
});
check('env toString', () => Object.prototype.toString.call(process.env));
check('env object spread', () => typeof { ...process.env }.PACK_TEST_NULL);

// --- working directory
const start = process.cwd();
check('chdir', () => {
  process.chdir('/');
  const here = process.cwd();
  process.chdir(start);
  return [here, process.cwd() === start];
});
check('chdir relative', () => {
  process.chdir('/usr');
  process.chdir('..');
  const here = process.cwd();
  process.chdir(start);
  return here;
});
check('chdir type', () => process.chdir(5));
try {
  process.chdir('/nonexistent-pack-test');
} catch (error) {
  check('chdir missing', () => [error.message.replace(start, '<cwd>'), error.code, error.errno, error.syscall,
    error.path === start, error.dest, Object.keys(error)]);
}
try {
  process.chdir('/dev/null');
} catch (error) {
  check('chdir not a directory', () => [error.code, error.errno]);
}

// --- umask
check('umask', () => {
  const old = process.umask(0o027);
  const set = process.umask();
  const previous = process.umask('0022');
  const back = process.umask(old);
  return [isCount(old), set, previous, back];
});
check('umask bad string', () => process.umask('abc'));
check('umask negative', () => process.umask(-1));
check('umask fraction', () => process.umask(1.5));
check('umask object', () => process.umask({}));

// --- ids
check('ids', () => ['getuid', 'geteuid', 'getgid', 'getegid'].map((name) => isCount(process[name]())));
check('groups', () => Array.isArray(process.getgroups()) && process.getgroups().every(isCount));
check('groups include egid', () => process.getgroups().includes(process.getegid()));

// --- kill
check('kill self 0', () => process.kill(process.pid, 0));
check('kill SIGCONT name', () => process.kill(process.pid, 'SIGCONT'));
check('kill numeric string pid', () => process.kill(String(process.pid), 0));
check('kill unknown signal', () => process.kill(process.pid, 'SIGNOPE'));
check('kill bad pid', () => process.kill('abc'));
check('kill bad signal type', () => process.kill(process.pid, {}));
try {
  process.kill(2 ** 30, 0);
} catch (error) {
  check('kill missing process', () => [error.message, error.code, error.errno, error.syscall, Object.keys(error)]);
}

// --- resource usage
check('memoryUsage keys', () => Object.keys(process.memoryUsage()));
check('memoryUsage values', () => Object.values(process.memoryUsage()).every(isCount));
check('memoryUsage.rss', () => isCount(process.memoryUsage.rss()) && process.memoryUsage.rss() > 0);
check('heap', () => process.memoryUsage().heapUsed <= process.memoryUsage().heapTotal);
check('cpuUsage keys', () => Object.keys(process.cpuUsage()));
check('cpuUsage diff', () => {
  const first = process.cpuUsage();
  const diff = process.cpuUsage(first);
  return diff.user >= 0 && diff.system >= 0 && diff.user <= first.user + diff.user;
});
check('cpuUsage bad', () => process.cpuUsage(1));
check('cpuUsage bad user', () => process.cpuUsage({ user: 'a', system: 1 }));
check('cpuUsage negative', () => process.cpuUsage({ user: -1, system: 1 }));
check('resourceUsage keys', () => Object.keys(process.resourceUsage()));
check('resourceUsage values', () => Object.values(process.resourceUsage()).every(isCount));

// --- hrtime
check('hrtime', () => {
  const time = process.hrtime();
  return [time.length, time.every(isCount), time[1] < 1e9];
});
check('hrtime diff', () => {
  const diff = process.hrtime(process.hrtime());
  return diff[0] === 0 && diff[1] >= 0;
});
check('hrtime bad type', () => process.hrtime(5));
check('hrtime bad length', () => process.hrtime([1]));
check('hrtime.bigint', () => typeof process.hrtime.bigint());

// --- static facts
check('release', () => [process.release.name, Object.keys(process.release)]);
check('features', () => ['inspector', 'debug', 'uv', 'ipv6', 'tls'].map((key) => typeof process.features[key]));
check('config', () => [typeof process.config.variables, typeof process.config.target_defaults]);
check('title', () => typeof process.title);
check('allowedNodeEnvironmentFlags', () => process.allowedNodeEnvironmentFlags instanceof Set);
check('binding', () => process.binding('nope'));

// --- standard streams (stdout piped)
check('stdout', () => [process.stdout.fd, process.stdout.isTTY, process.stdout.columns, typeof process.stdout.write]);
check('stderr', () => [process.stderr.fd, typeof process.stderr.write]);
check('stdin', () => [process.stdin.fd, typeof process.stdin.on]);
check('write returns', () => process.stdout.write(''));

// --- warnings
check('emitWarning bad warning', () => process.emitWarning(5));
check('emitWarning bad type', () => process.emitWarning('x', { type: 5 }));
check('emitWarning bad code', () => process.emitWarning('x', 'T', 5));
const warnings = [];
process.on('warning', (warning) => {
  warnings.push([warning.name, warning.message, warning.code, warning.detail, Object.keys(warning), warning instanceof Error]);
});
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning', 'CODE1');
process.emitWarning('with options', { type: 'OptionWarning', code: 'CODE2', detail: 'more' });
process.emitWarning('non-string detail', { detail: 5 });
process.emitWarning('with ctor', 'CtorWarning', function ctor() {});
process.emitWarning(new RangeError('error object'), 'Ignored');
process.emitWarning('shown', 'DeprecationWarning', 'DEP0');
process.noDeprecation = true;
process.emitWarning('hidden', 'DeprecationWarning');
process.noDeprecation = false;
check('warnings are async', () => warnings.length);
setImmediate(() => {
  for (const warning of warnings) check('warning', () => warning);
  // After every check: os.test.js and this file must leave nothing changed.
  check('cwd unchanged', () => process.cwd() === start);
});
