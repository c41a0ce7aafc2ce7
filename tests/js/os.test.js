'use strict';
// The `os` module: machine-stable values exactly, changing ones (uptime, memory, load, CPU
// times) by type and shape only, constants, priority and error shapes.
const os = require('os');

function check(label, fn) {
  let line;
  try {
    const value = fn();
    line = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch (error) {
    line = `threw ${error.name} ${error.code} ${JSON.stringify(error.message)}`;
  }
  console.log(`${label}: ${line}`);
}

const isNonNegativeNumber = (value) => typeof value === 'number' && value >= 0 && Number.isFinite(value);

// --- the module's shape
check('keys', () => Object.keys(os));
check('EOL descriptor', () => Object.getOwnPropertyDescriptor(os, 'EOL'));
check('devNull descriptor', () => Object.getOwnPropertyDescriptor(os, 'devNull'));
check('constants descriptor', () => {
  const { value, ...rest } = Object.getOwnPropertyDescriptor(os, 'constants');
  return rest;
});
check('assigning EOL throws', () => {
  try {
    os.EOL = 'x';
  } catch (error) {
    return error.name;
  }
});
check('function lengths', () => Object.keys(os).filter((key) => typeof os[key] === 'function').map((key) => `${key}/${os[key].length}`));
check('to primitive', () => ['arch', 'platform', 'type', 'endianness', 'homedir', 'hostname', 'tmpdir', 'release', 'version', 'machine']
  .every((key) => `${os[key]}` === os[key]()));

// --- values that are the same on every Linux machine
check('EOL', () => os.EOL);
check('devNull', () => os.devNull);
check('platform', () => os.platform());
check('type', () => os.type());
check('endianness', () => os.endianness());

// --- machine-specific values, checked against other sources so the expectation holds anywhere
// (on the machine this was written on, each equals what node prints)
const machineNames = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' };
check('arch', () => os.arch() === process.arch);
check('machine', () => os.machine() === (machineNames[process.arch] ?? os.machine()));
check('homedir', () => os.homedir() === process.env.HOME);
check('tmpdir', () => os.tmpdir() === (process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp').replace(/(.)\/$/, '$1'));
check('hostname', () => typeof os.hostname() === 'string' && os.hostname().length > 0);
check('release', () => /^\d+\.\d+/.test(os.release()));
check('version', () => typeof os.version() === 'string' && os.version().length > 0);
check('availableParallelism', () => Number.isInteger(os.availableParallelism()) && os.availableParallelism() >= 1);
check('cpus count', () => os.cpus().length >= os.availableParallelism());
check('totalmem', () => Number.isInteger(os.totalmem()) && os.totalmem() > 0);
check('userInfo keys', () => Object.keys(os.userInfo()));
check('userInfo ids', () => os.userInfo().uid === process.geteuid() && os.userInfo().gid === process.getegid());
check('userInfo strings', () => ['username', 'homedir', 'shell'].map((key) => typeof os.userInfo()[key]));
check('userInfo prototype', () => Object.getPrototypeOf(os.userInfo()));
check('userInfo buffer', () => {
  const info = os.userInfo({ encoding: 'buffer' });
  // A Buffer in node; bytes either way.
  return [info.username instanceof Uint8Array, String.fromCharCode(...info.username) === os.userInfo().username];
});

function maskBits(netmask, family) {
  const groups = family === 'IPv4' ? netmask.split('.').map((part) => Number(part).toString(2).padStart(8, '0'))
    : netmask.split(':').filter(Boolean).map((part) => parseInt(part, 16).toString(2).padStart(16, '0'));
  return groups.join('').replace(/0+$/, '').length;
}
check('networkInterfaces', () => {
  const interfaces = os.networkInterfaces();
  const problems = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const entry of addresses) {
      const keys = Object.keys(entry).join();
      const wanted = entry.family === 'IPv6' ? 'address,netmask,family,mac,internal,cidr,scopeid' : 'address,netmask,family,mac,internal,cidr';
      if (keys !== wanted) problems.push(`${name} keys ${keys}`);
      if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(entry.mac)) problems.push(`${name} mac ${entry.mac}`);
      if (entry.cidr !== `${entry.address}/${maskBits(entry.netmask, entry.family)}`) problems.push(`${name} cidr ${entry.cidr}`);
    }
  }
  const loopback = (interfaces.lo ?? []).filter((entry) => entry.family === 'IPv4');
  return [problems, loopback.map((entry) => [entry.address, entry.netmask, entry.family, entry.mac, entry.internal, entry.cidr])];
});

// --- values that change between reads
check('uptime', () => isNonNegativeNumber(os.uptime()));
check('freemem', () => isNonNegativeNumber(os.freemem()) && os.freemem() <= os.totalmem());
check('loadavg', () => os.loadavg().length === 3 && os.loadavg().every(isNonNegativeNumber));
check('cpu shape', () => [...new Set(os.cpus().map((cpu) => JSON.stringify([Object.keys(cpu), Object.keys(cpu.times), typeof cpu.model, typeof cpu.speed])))]);
check('cpu times', () => os.cpus().every((cpu) => Object.values(cpu.times).every(isNonNegativeNumber)));
check('cpu prototype', () => Object.getPrototypeOf(os.cpus()[0]) === Object.prototype);

// --- tmpdir follows TMPDIR, TMP and TEMP
function withTemp(variables, fn) {
  const saved = {};
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
  Object.assign(process.env, variables);
  try {
    return fn();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
check('tmpdir TMPDIR', () => withTemp({ TMPDIR: '/var/tmp/', TMP: '/x' }, os.tmpdir));
check('tmpdir TMP', () => withTemp({ TMP: '/x/' }, os.tmpdir));
check('tmpdir TEMP', () => withTemp({ TEMP: '/y' }, os.tmpdir));
check('tmpdir root', () => withTemp({ TMPDIR: '/' }, os.tmpdir));
check('tmpdir default', () => withTemp({}, os.tmpdir));

// --- constants
check('constants keys', () => Object.keys(os.constants));
check('signals', () => os.constants.signals);
check('errno', () => os.constants.errno);
check('priority', () => os.constants.priority);
check('dlopen', () => os.constants.dlopen);
check('UV_UDP_REUSEADDR', () => os.constants.UV_UDP_REUSEADDR);
check('signal descriptor', () => Object.getOwnPropertyDescriptor(os.constants.signals, 'SIGINT'));
check('signals prototype', () => Object.getPrototypeOf(os.constants.signals));
check('assigning a signal throws', () => {
  try {
    os.constants.signals.SIGINT = 99;
  } catch (error) {
    return error.name;
  }
});

// --- priority
check('getPriority', () => typeof os.getPriority());
check('getPriority self', () => os.getPriority() === os.getPriority(process.pid));
check('setPriority same', () => os.setPriority(os.getPriority()));
check('getPriority string', () => os.getPriority('x'));
check('getPriority fraction', () => os.getPriority(1.5));
check('setPriority range', () => os.setPriority(0, 20));
check('setPriority type', () => os.setPriority(0, '1'));
check('setPriority missing', () => os.setPriority());
try {
  os.getPriority(2 ** 30);
} catch (error) {
  check('system error', () => [error.name, error.code, error.message, error.info, error.errno, error.syscall, Object.keys(error)]);
  check('system error string', () => String(error));
}
