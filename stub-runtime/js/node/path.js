'use strict';
// node:path for the stub runtime: `path` is the POSIX flavour, with
// `path.posix` and `path.win32` both available on every platform.
// Written from Node's documented behaviour; requires nothing.

// ---------------------------------------------------------------------------
// Argument validation (Node's ERR_INVALID_ARG_TYPE shape).

function describeReceived(value) {
  if (value == null) return `${value}`;
  if (typeof value === 'function') {
    return value.name ? `function ${value.name}` : 'function ';
  }
  if (typeof value === 'object') {
    const ctor = value.constructor;
    if (typeof ctor === 'function' && ctor.name) return `an instance of ${ctor.name}`;
    return Object.getPrototypeOf(value) === null ? '[Object: null prototype] {}' : '{}';
  }
  let shown;
  switch (typeof value) {
    case 'string': shown = quoteString(value); break;
    case 'bigint': shown = `${value}n`; break;
    case 'number': shown = Object.is(value, -0) ? '-0' : String(value); break;
    default: shown = String(value);
  }
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

// util.inspect-style quoting: single quotes unless the text contains them.
function quoteString(str) {
  const escaped = str.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  if (!str.includes("'")) return `'${escaped}'`;
  if (!str.includes('"')) return `"${escaped}"`;
  if (!str.includes('`') && !str.includes('${')) return `\`${escaped}\``;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

function invalidArgType(name, type, value) {
  const err = new TypeError(
    `The "${name}" argument must be of type ${type}. Received ${describeReceived(value)}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

function validatePathObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType('pathObject', 'object', value);
  }
}

function currentDirectory() {
  const proc = globalThis.process;
  return proc && typeof proc.cwd === 'function' ? proc.cwd() : '/';
}

// ---------------------------------------------------------------------------
// Shared helpers, parameterised by the flavour's separator test.

const isPosixSep = (ch) => ch === '/';
const isWinSep = (ch) => ch === '/' || ch === '\\';
const isDriveLetter = (ch) => (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
const hasDrivePrefix = (path) => path.length >= 2 && path[1] === ':' && isDriveLetter(path[0]);

const POSIX_SPLIT = '/';
const WIN_SPLIT = /[\\/]/;

// Resolves '.' and '..' in a root-less path. Empty segments vanish. '..' that
// would climb past the start is kept only when the path is relative.
function normalizeSegments(path, splitter, sep, allowAboveRoot) {
  const out = [];
  for (const segment of path.split(splitter)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') {
      out.push(segment);
    } else if (out.length > 0 && out[out.length - 1] !== '..') {
      out.pop();
    } else if (allowAboveRoot) {
      out.push('..');
    }
  }
  return out.join(sep);
}

// Index just past the last character that isn't a trailing separator,
// scanning no further left than `start`.
function trimmedEnd(path, start, isSep) {
  let end = path.length;
  while (end > start && isSep(path[end - 1])) end--;
  return end;
}

// Start index of the last path component that ends at `end`.
function componentStart(path, start, end, isSep) {
  let i = end;
  while (i > start && !isSep(path[i - 1])) i--;
  return i;
}

// Split a file name into [name, ext]; dot files and '..' have no extension.
function splitExtension(base) {
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base === '..') return [base, ''];
  return [base.slice(0, dot), base.slice(dot)];
}

function basenameFrom(path, start, suffix, isSep) {
  const end = trimmedEnd(path, start, isSep);
  const from = componentStart(path, start, end, isSep);
  const base = path.slice(from, end);
  const hasSuffix = suffix !== undefined && suffix.length > 0 && suffix.length <= path.length;
  if (!hasSuffix) return base;
  // Node quirks when a suffix is given: a suffix equal to the whole input
  // yields '', and a name that is only the tail end of the suffix comes back
  // with its trailing separators (so an all-separator input is unchanged).
  if (suffix === path) return '';
  if (base.length < suffix.length && suffix.endsWith(base)) return path.slice(from);
  if (base !== suffix && base.endsWith(suffix)) return base.slice(0, base.length - suffix.length);
  return base;
}

function extnameFrom(path, start, isSep) {
  const end = trimmedEnd(path, start, isSep);
  const base = path.slice(componentStart(path, start, end, isSep), end);
  return splitExtension(base)[1];
}

function formatWith(sep, pathObject) {
  validatePathObject(pathObject);
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// Fills base/name/ext of a parse() result from path[start..] (start = after the root).
function parseTail(result, path, rootEnd, isSep) {
  const end = trimmedEnd(path, rootEnd, isSep);
  const start = componentStart(path, rootEnd, end, isSep);
  result.base = path.slice(start, end);
  [result.name, result.ext] = splitExtension(result.base);
  return start;
}

// ---------------------------------------------------------------------------
// POSIX.

const posix = {
  resolve(...paths) {
    let resolved = '';
    let absolute = false;
    // Walk right to left until an absolute path anchors the result.
    for (let i = paths.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? paths[i] : currentDirectory();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path[0] === '/';
    }
    const tail = normalizeSegments(resolved, POSIX_SPLIT, '/', !absolute);
    if (absolute) return `/${tail}`;
    return tail.length > 0 ? tail : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path[0] === '/';
    const trailingSep = path[path.length - 1] === '/';
    let tail = normalizeSegments(path, POSIX_SPLIT, '/', !absolute);
    if (tail.length === 0) {
      if (absolute) return '/';
      return trailingSep ? './' : '.';
    }
    if (trailingSep) tail += '/';
    return absolute ? `/${tail}` : tail;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path[0] === '/';
  },

  join(...paths) {
    const parts = [];
    for (const part of paths) {
      validateString(part, 'path');
      if (part.length > 0) parts.push(part);
    }
    return parts.length === 0 ? '.' : posix.normalize(parts.join('/'));
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromParts = posix.resolve(from).split('/').filter(Boolean);
    const toParts = posix.resolve(to).split('/').filter(Boolean);
    return relativeParts(fromParts, toParts, (a, b) => a === b).join('/');
  },

  toNamespacedPath(path) {
    return path; // POSIX has no namespaced form
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path[0] === '/';
    const end = trimmedEnd(path, 1, isPosixSep);
    const start = componentStart(path, 1, end, isPosixSep);
    // `start` is just past the separator before the last component.
    if (start <= 1) return hasRoot ? '/' : '.';
    // Node keeps a leading '//' (it may be meaningful on some systems).
    if (hasRoot && start === 2) return '//';
    return path.slice(0, start - 1);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameFrom(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    return extnameFrom(path, 0, isPosixSep);
  },

  format(pathObject) {
    return formatWith('/', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const result = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return result;
    const absolute = path[0] === '/';
    if (absolute) result.root = '/';
    const rootEnd = absolute ? 1 : 0;
    const start = parseTail(result, path, rootEnd, isPosixSep);
    // Node quirk: '..' right after the root splits as name '.', ext '.'.
    if (start === 1 && result.base === '..') [result.name, result.ext] = ['.', '.'];
    if (start > 1) result.dir = path.slice(0, start - 1);
    else if (absolute) result.dir = '/';
    return result;
  },

  sep: '/',
  delimiter: ':',
};

// Common-prefix walk shared by both flavours: '..' for each leftover `from`
// segment, then the rest of `to`.
function relativeParts(fromParts, toParts, same) {
  let common = 0;
  while (common < fromParts.length && common < toParts.length &&
    same(fromParts[common], toParts[common])) {
    common++;
  }
  const ups = new Array(fromParts.length - common).fill('..');
  return ups.concat(toParts.slice(common));
}

// ---------------------------------------------------------------------------
// Windows.

// Describes the root of a Windows path:
//   device   - 'C:' or '\\server\share' ('' if none)
//   rootEnd  - index just past the root (drive, UNC share, or leading separator)
//   absolute - whether the root includes a separator
//   isUnc    - root is a complete '\\server\share'
// With `devicePaths` (resolve/normalize), '\\.\x' and '\\?\x' get the
// short device '\\.' / '\\?' and everything after it is ordinary tail.
function parseWinRoot(path, devicePaths = false) {
  const root = { device: '', rootEnd: 0, absolute: false, isUnc: false };
  const len = path.length;
  if (len === 0) return root;
  if (isWinSep(path[0])) {
    root.absolute = true;
    root.rootEnd = 1;
    if (len > 1 && isWinSep(path[1])) matchUncRoot(path, root, devicePaths);
    return root;
  }
  if (hasDrivePrefix(path)) {
    root.device = path.slice(0, 2);
    root.rootEnd = 2;
    if (len > 2 && isWinSep(path[2])) {
      root.absolute = true;
      root.rootEnd = 3;
    }
  }
  return root;
}

// '\\server\share' needs a non-empty server and share name. An incomplete
// UNC prefix leaves rootEnd at 0, so the whole path is treated as tail.
function matchUncRoot(path, root, devicePaths) {
  const len = path.length;
  root.rootEnd = 0;
  let i = 2;
  const serverStart = i;
  while (i < len && !isWinSep(path[i])) i++;
  if (i === serverStart || i === len) return;
  const server = path.slice(serverStart, i);
  while (i < len && isWinSep(path[i])) i++;
  if (i === len) return;
  const shareStart = i;
  if (devicePaths && (server === '.' || server === '?')) {
    root.device = `\\\\${server}`;
    root.rootEnd = shareStart;
    return;
  }
  while (i < len && !isWinSep(path[i])) i++;
  root.device = `\\\\${server}\\${path.slice(shareStart, i)}`;
  root.rootEnd = i;
  root.isUnc = true;
}

function winResolve(...paths) {
  let device = '';
  let tail = '';
  let absolute = false;
  for (let i = paths.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = paths[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else {
      path = cwdForDevice(device);
    }
    const root = parseWinRoot(path, true);
    if (root.device.length > 0) {
      // A path on a different drive than the one being built is ignored.
      if (device.length > 0 && root.device.toLowerCase() !== device.toLowerCase()) continue;
      if (device.length === 0) device = root.device;
    }
    if (absolute) {
      if (device.length > 0) break;
      continue;
    }
    tail = `${path.slice(root.rootEnd)}\\${tail}`;
    absolute = root.absolute;
    if (absolute && device.length > 0) break;
  }
  tail = normalizeSegments(tail, WIN_SPLIT, '\\', !absolute);
  if (absolute) return `${device}\\${tail}`;
  return `${device}${tail}` || '.';
}

// The working directory to fall back on; for a drive-relative path ('C:x')
// prefer that drive's cwd (Windows keeps one per drive in env '=C:').
function cwdForDevice(device) {
  const cwd = currentDirectory();
  if (device.length === 0) return cwd;
  const env = globalThis.process?.env;
  const candidate = (env && env[`=${device}`]) || cwd;
  // A cwd that is rooted on another drive is no use: take this drive's root.
  const onOtherDrive = candidate.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
    candidate[2] === '\\';
  return onOtherDrive ? `${device}\\` : candidate;
}

function winNormalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isWinSep(path) ? '\\' : path;
  let root = parseWinRoot(path, true);
  if (root.isUnc && root.rootEnd === len) return `${root.device}\\`;
  const plainRelative = root.device.length === 0 && !root.absolute;
  if (plainRelative) root = reservedDeviceRoot(path) || root;
  let tail = root.rootEnd < len
    ? normalizeSegments(path.slice(root.rootEnd), WIN_SPLIT, '\\', !root.absolute)
    : '';
  if (tail.length === 0 && !root.absolute) tail = '.';
  if (tail.length > 0 && isWinSep(path[len - 1])) tail += '\\';
  let result;
  if (root.device.length === 0) result = root.absolute ? `\\${tail}` : tail;
  else result = root.absolute ? `${root.device}\\${tail}` : `${root.device}${tail}`;
  // Node 20 hardening: a relative result that Windows could read as a drive,
  // stream or device ('c:', 'x\\y:', 'CON:') gets an explicit '.\\' prefix.
  const needsGuard = /^[A-Za-z]:/.test(result) || looksLikeDeviceOrStream(path);
  return plainRelative && needsGuard ? `.\\${result}` : result;
}

const RESERVED_DEVICE = /^(?:con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])$/i;

// 'CON:rest' is treated like a drive-relative path on device 'CON:'.
function reservedDeviceRoot(path) {
  const colon = path.indexOf(':');
  if (colon <= 0 || !RESERVED_DEVICE.test(path.slice(0, colon))) return null;
  return { device: path.slice(0, colon + 1), rootEnd: colon + 1, absolute: false, isUnc: false };
}

function looksLikeDeviceOrStream(path) {
  // A component ending in ':' (followed by a separator or the end).
  if (/:(?:[\\/]|$)/.test(path)) return true;
  // Name before the first ':' is a reserved device. Node 20 also applies this
  // when there is no ':' at all, testing everything but the last character.
  const colon = path.indexOf(':');
  return RESERVED_DEVICE.test(colon === -1 ? path.slice(0, -1) : path.slice(0, colon));
}

function winJoin(...paths) {
  const parts = [];
  for (const part of paths) {
    validateString(part, 'path');
    if (part.length > 0) parts.push(part);
  }
  if (parts.length === 0) return '.';
  let joined = parts.join('\\');
  // Keep a UNC root only if the first argument itself starts like one
  // ('\\x'); otherwise collapse runs of leading separators to one.
  const first = parts[0];
  const firstIsUncLike = first.length > 2 && isWinSep(first[0]) && isWinSep(first[1]) &&
    !isWinSep(first[2]);
  if (!firstIsUncLike) {
    let leading = 0;
    while (leading < joined.length && isWinSep(joined[leading])) leading++;
    if (leading >= 2) joined = `\\${joined.slice(leading)}`;
  }
  return winNormalize(joined);
}

function winRelative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromResolved = winResolve(from);
  const toResolved = winResolve(to);
  if (fromResolved.toLowerCase() === toResolved.toLowerCase()) return '';
  const split = (p) => p.split('\\').filter(Boolean);
  const fromParts = split(fromResolved);
  const toParts = split(toResolved);
  const same = (a, b) => a.toLowerCase() === b.toLowerCase();
  // Like node, compare components after dropping leading separators, so the
  // drive ('c:') or UNC server acts as the first component. If both sides
  // have one and they differ, no relative path exists: return the target.
  if (fromParts.length > 0 && toParts.length > 0 && !same(fromParts[0], toParts[0])) {
    return toResolved;
  }
  return relativeParts(fromParts, toParts, same).join('\\');
}

function winToNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = winResolve(path);
  if (resolved.length <= 2) return path;
  if (resolved.startsWith('\\\\')) {
    // Already a device/namespace path ('\\?\' or '\\.\'): leave it.
    if (resolved[2] !== '?' && resolved[2] !== '.') return `\\\\?\\UNC\\${resolved.slice(2)}`;
    return resolved;
  }
  if (hasDrivePrefix(resolved) && resolved[2] === '\\') return `\\\\?\\${resolved}`;
  return resolved;
}

function winDirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isWinSep(path) ? path : '.';
  const root = parseWinRoot(path);
  if (root.isUnc && root.rootEnd === len) return path;
  // Directory part keeps the separator after a UNC share.
  let rootEnd = root.rootEnd;
  if (root.isUnc) rootEnd++;
  else if (isWinSep(path[0]) && rootEnd === 0) rootEnd = 1;
  const end = trimmedEnd(path, rootEnd, isWinSep);
  const start = componentStart(path, rootEnd, end, isWinSep);
  if (start <= rootEnd) return rootEnd === 0 ? '.' : path.slice(0, rootEnd);
  return path.slice(0, start - 1);
}

function winBasename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return basenameFrom(path, hasDrivePrefix(path) ? 2 : 0, suffix, isWinSep);
}

function winExtname(path) {
  validateString(path, 'path');
  return extnameFrom(path, hasDrivePrefix(path) ? 2 : 0, isWinSep);
}

function winParse(path) {
  validateString(path, 'path');
  const result = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return result;
  if (len === 1) {
    if (isWinSep(path)) result.root = result.dir = path;
    else result.base = result.name = path;
    return result;
  }
  const root = parseWinRoot(path);
  let rootEnd = root.rootEnd;
  if (root.isUnc) {
    if (rootEnd === len) {
      result.root = result.dir = path;
      return result;
    }
    rootEnd++; // include the separator after the share
  } else if (isWinSep(path[0]) && rootEnd === 0) {
    rootEnd = 1;
  }
  result.root = path.slice(0, rootEnd);
  if (rootEnd === len) {
    result.dir = result.root;
    return result;
  }
  const start = parseTail(result, path, rootEnd, isWinSep);
  result.dir = start > 0 && start !== rootEnd ? path.slice(0, start - 1) : result.root;
  return result;
}

const win32 = {
  resolve: winResolve,
  normalize: winNormalize,
  isAbsolute(path) {
    validateString(path, 'path');
    if (path.length === 0) return false;
    return isWinSep(path[0]) || (hasDrivePrefix(path) && path.length > 2 && isWinSep(path[2]));
  },
  join: winJoin,
  relative: winRelative,
  toNamespacedPath: winToNamespacedPath,
  dirname: winDirname,
  basename: winBasename,
  extname: winExtname,
  format(pathObject) {
    return formatWith('\\', pathObject);
  },
  parse: winParse,
  sep: '\\',
  delimiter: ';',
};

for (const flavour of [posix, win32]) {
  flavour.win32 = win32;
  flavour.posix = posix;
  flavour._makeLong = flavour.toNamespacedPath; // legacy alias
}

module.exports = posix;
