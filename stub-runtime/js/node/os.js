// `os`: facts about the machine and the user, read from the operating system by the
// `op_os_*` ops (the same sources libuv reads, so values equal `node`'s on the same machine).
'use strict';
const core = require('internal/core');
const process = require('process');
const { nodeError, received } = require('internal/errors');
const ops = core.ops;

// ---------------------------------------------------------------------------------------------
// Errors shaped like Node's.

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type number.${received(value)}`);
  }
  if (!Number.isInteger(value)) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be an integer. Received ${value}`);
  }
  if (value < min || value > max) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${value}`);
  }
}

class SystemError extends Error {
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
Object.defineProperty(SystemError.prototype, 'name', { value: 'SystemError', writable: true, configurable: true });

// A failed libuv-style call, as Node reports it: ERR_SYSTEM_ERROR with the details in `info`.
function systemError(syscall, errno) {
  const { code, message } = ops.op_os_errno_info(errno);
  const info = { errno: -errno, code, message, syscall };
  const error = nodeError(SystemError, 'ERR_SYSTEM_ERROR', `A system error occurred: ${syscall} returned ${code} (${message})`);
  error.info = info;
  for (const key of ['errno', 'syscall']) {
    Object.defineProperty(error, key, {
      enumerable: true,
      configurable: true,
      get: () => info[key],
      set(value) {
        info[key] = value;
      },
    });
  }
  return error;
}

// ---------------------------------------------------------------------------------------------
// The functions. Those returning a plain value also convert to it (`${os.hostname}`), as Node's do.

function withPrimitive(fn) {
  Object.defineProperty(fn, Symbol.toPrimitive, { value: () => fn(), enumerable: true, configurable: true, writable: true });
  return fn;
}

const arch = withPrimitive(function arch() {
  return process.arch;
});

const platform = withPrimitive(function platform() {
  return process.platform;
});

const endianness = withPrimitive(function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
});

const hostname = withPrimitive(function hostname() {
  return ops.op_os_system_info().hostname;
});

const type = withPrimitive(function getOSType() {
  return ops.op_os_system_info().sysname;
});

const release = withPrimitive(function getOSRelease() {
  return ops.op_os_system_info().release;
});

const version = withPrimitive(function getOSVersion() {
  return ops.op_os_system_info().version;
});

const machine = withPrimitive(function getMachine() {
  return ops.op_os_system_info().machine;
});

const uptime = withPrimitive(function uptime() {
  return ops.op_os_uptime();
});

const totalmem = withPrimitive(function getTotalMem() {
  return ops.op_os_memory().total;
});

const freemem = withPrimitive(function getFreeMem() {
  return ops.op_os_memory().free;
});

const availableParallelism = withPrimitive(function getAvailableParallelism() {
  return ops.op_os_available_parallelism();
});

const homedir = withPrimitive(function homedir() {
  return ops.op_os_homedir();
});

// The first of TMPDIR, TMP and TEMP that is set, without a trailing slash.
const tmpdir = withPrimitive(function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
});

function loadavg() {
  return ops.op_os_loadavg();
}

function cpus() {
  // Rebuilt as ordinary objects: the op's come without a prototype.
  return ops.op_os_cpus().map(({ model, speed, times }) => ({
    model,
    speed,
    times: { user: times.user, nice: times.nice, sys: times.sys, idle: times.idle, irq: times.irq },
  }));
}

// `{ name: [address, ...] }`, each address with the CIDR notation Node adds.
function networkInterfaces() {
  const interfaces = {};
  for (const entry of ops.op_os_network_interfaces()) {
    const address = {
      address: entry.address,
      netmask: entry.netmask,
      family: entry.family,
      mac: entry.mac,
      internal: entry.internal,
      cidr: entry.prefix === null ? null : `${entry.address}/${entry.prefix}`,
    };
    if (entry.family === 'IPv6') address.scopeid = entry.scopeid;
    (interfaces[entry.name] ??= []).push(address);
  }
  return interfaces;
}

function userInfo(options) {
  const result = ops.op_os_user_info();
  if (result.errno !== 0) throw systemError('uv_os_get_passwd', result.errno);
  const user = result.user;
  const asBuffer = options !== null && typeof options === 'object' && options.encoding === 'buffer';
  const text = (value) => (asBuffer && value !== null ? encode(value) : value);
  const info = Object.create(null);
  info.uid = user.uid;
  info.gid = user.gid;
  info.username = text(user.username);
  info.homedir = text(user.homedir);
  info.shell = text(user.shell);
  return info;
}

function encode(text) {
  return typeof globalThis.Buffer === 'function' ? globalThis.Buffer.from(text, 'utf8') : core.encode(text);
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  validateInt32(pid, 'pid');
  const result = ops.op_os_get_priority(pid);
  if (result.errno !== 0) throw systemError('uv_os_getpriority', result.errno);
  return result.priority;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const errno = ops.op_os_set_priority(pid, priority);
  if (errno !== 0) throw systemError('uv_os_setpriority', errno);
}

// ---------------------------------------------------------------------------------------------
// Constants: the platform's numbers, in Node's layout.

// Each number is read-only, as in Node, though the objects stay extensible.
function fromPairs(pairs) {
  const object = Object.create(null);
  for (const [name, value] of pairs) {
    Object.defineProperty(object, name, { value, enumerable: true, writable: false, configurable: false });
  }
  return object;
}

function buildConstants() {
  const numbers = ops.op_os_constants();
  const constants = Object.create(null);
  constants.UV_UDP_REUSEADDR = 4;
  constants.dlopen = fromPairs(numbers.dlopen);
  constants.errno = fromPairs(numbers.errno);
  constants.signals = fromPairs(numbers.signals);
  // libuv's fixed scale, the same on every platform.
  constants.priority = fromPairs([
    ['PRIORITY_LOW', 19],
    ['PRIORITY_BELOW_NORMAL', 10],
    ['PRIORITY_NORMAL', 0],
    ['PRIORITY_ABOVE_NORMAL', -7],
    ['PRIORITY_HIGH', -14],
    ['PRIORITY_HIGHEST', -20],
  ]);
  return constants;
}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, writable: false, value: buildConstants() },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
