'use strict';
// Table-driven checks for the `path` module (posix and win32 flavours).
// Prints `fn(args) => result` per line; the expected output
// (path.test.out) was generated with real Node.js v20. Cases avoid results
// that depend on the current working directory.

const path = require('path');

function show(flavour, fn, args) {
  let result;
  try {
    result = JSON.stringify(path[flavour][fn](...args));
  } catch (err) {
    result = `throws ${err.name} ${err.code} ${err.message}`;
  }
  const shownArgs = args.map((a) => {
    if (typeof a === 'string' || (typeof a === 'object' && a !== null)) return JSON.stringify(a);
    return String(a);
  });
  console.log(`${flavour}.${fn}(${shownArgs.join(', ')}) => ${result}`);
}

function runTable(flavour, fn, table) {
  for (const args of table) show(flavour, fn, Array.isArray(args) ? args : [args]);
}

// --- posix ------------------------------------------------------------------

const posixNormalize = [
  '', '.', '..', '/', '//', '///', './', '../', 'a', 'a/', 'a//', '/a', '/a/', '//a',
  'a/b/c', 'a/./b', 'a/../b', 'a/b/..', 'a/b/../..', 'a/b/../../..', '../a', '../../a/b',
  '/..', '/../a', '/a/../../b', './a/./b/.', 'a//b//c//', '/foo/bar//baz/asdf/quux/..',
  'bar/foo../../', 'bar/foo../..', 'bar/foo../../baz', 'bar/foo../', 'bar/foo..',
  '../foo../../../bar', '../.../.././.../../../bar', '../../../foo/../../../bar',
  '../foobar/barfoo/foo/../../../bar/../../', '/a/b/c/../../../x/y/z', '.../a', 'a/...',
  '.a/.b', 'a\\b', 'a b/ c', '/./', './/.', '...', '.hidden/../x',
];

const posixJoin = [
  [], [''], ['', ''], ['.'], ['.', '.'], ['/'], ['/', ''], ['a', 'b'], ['a/', 'b'],
  ['a', '/b'], ['/a', '/b'], ['a', '', 'b'], ['', 'a'], ['', '/a'], ['a', '..'],
  ['a', '../..'], ['/foo', 'bar', 'baz/asdf', 'quux', '..'], ['./', '..', '/file'],
  ['foo', '../../../bar'], ['foo/', '../../../bar'], ['/', '..', '..'], ['.', './', '.'],
  ['', '', '/foo'], ['', '', 'foo'], [' ', 'foo'], [' ', '.'], [' ', '/'], ['foo', ''],
  ['foo', '', '/bar'], ['//a', 'b'], ['a', '//b'], ['a/', ''],
  ['a', 1], ['a', null],
];

const posixResolve = [
  ['/'], ['/a/b', 'c'], ['/a/b', '/c'], ['/var/lib', '../', 'file/'], ['/var/lib', '/../', 'file/'],
  ['/some/dir', '.', '/absolute/'], ['/foo/tmp.3/', '../tmp.3/cycles/root.js'],
  ['/a', 'b', '', 'c/..'], ['/x', '..', '..', '..'], ['/a//b/', './c/', '../d'],
  ['/', '//a', 'b'], ['/a', ''], [1], ['/a', 1], [1, '/a'],
];

const posixRelative = [
  ['/var/lib', '/var'], ['/var/lib', '/bin'], ['/var/lib', '/var/lib'], ['/var/lib', '/var/apache'],
  ['/var/', '/var/lib'], ['/', '/var/lib'], ['/foo/test', '/foo/test/bar/package.json'],
  ['/Users/a/web/b/test/mails', '/Users/a/web/b'], ['/foo/bar/baz-quux', '/foo/bar/baz'],
  ['/foo/bar/baz', '/foo/bar/baz-quux'], ['/baz-quux', '/baz'], ['/baz', '/baz-quux'],
  ['/page1/page2/foo', '/'], ['/a/b/c', '/a/x/y'], ['/a', '/a/'], ['/a/./b', '/a/b/../c'],
  ['a', 'a'], ['a/b', 'a/c'], ['', ''], ['a', 1], [null, 'a'],
];

const posixDirname = [
  '', '/', '//', '///', 'a', 'a/', '/a', '/a/', '/a/b', '/a/b/', '/a/b//', 'a/b', 'a//b',
  '/a//b', '//a', '//a/b', '///a', '/a/b/c.txt', '.', '..', './a', '../a', 'a/.', '/.',
  '/foo/bar/baz/asdf/quux', '\\a\\b', 'dir/file.ext', 1, undefined,
];

const posixBasename = [
  [''], ['/'], ['//'], ['a'], ['a/'], ['a//'], ['/a'], ['/a/b'], ['/a/b/'], ['/dir/basename.ext'],
  ['basename.ext'], ['basename.ext/'], ['basename.ext//'], ['aaa/bbb', '/bbb'], ['aaa/bbb', 'a/bbb'],
  ['aaa/bbb', 'bbb'], ['aaa/bbb//', 'bbb'], ['aaa/bbb', 'bb'], ['aaa/bbb', 'b'], ['/aaa/bbb', '/bbb'],
  ['/aaa/bbb', 'a/bbb'], ['/aaa/bbb', 'bbb'], ['/aaa/bbb//', 'bbb'], ['/aaa/bbb', 'bb'],
  ['/aaa/bbb', 'b'], ['/aaa/', 'aaa'], ['/aaa/b', 'a/b'], ['/a/b', 'a/b'], ['file.js', '.js'],
  ['file.js', 'js'], ['file.js', 'file.js'], ['file.js', 'x.js'], ['file.js/', '.js'],
  ['//', 'x'], ['///', 'ab'], ['s//', 'ss'], ['.js', '.js'], ['a/.js', '.js'], ['\\dir\\base.ext'],
  ['a:b'], [1], ['a', 1], ['a', null],
];

const posixExtname = [
  '', '.', '..', '...', '.a', '..a', 'a.', 'a..', 'a.b', 'a.b.c', '.a.b', 'a/b.c', 'a.b/c',
  'a.b/', 'a.b//', '/a.b/', 'file.tar.gz', '.bashrc', '.bashrc.x', 'dir.x/.hidden', '/.',
  '/..', '/...', 'a/..', 'a/.../', 'index.html', 'index.coffee.md', 'index.', 'index', 'file.\\x',
  'x/.y.', 1,
];

const posixParse = [
  '', '/', '//', '/home/user/dir/file.txt', 'home/user/file', './x.y', '../a.b.c', '/a/b/',
  '/a//b', '//a', 'file', '.hidden', '.hidden.ext', '..', '/..', 'a/..', '/x.', 'a/b.c/',
  '///a.b', 'C:\\x.y', 1,
];

const posixFormat = [
  { root: '/ignored', dir: '/home/user/dir', base: 'file.txt' },
  { root: '/', base: 'file.txt', ext: 'ignored' },
  { root: '/', name: 'file', ext: '.txt' },
  { name: 'file', ext: 'txt' },
  { dir: 'a', name: 'b' },
  { dir: '/', base: 'x' },
  { root: '/', dir: '/', base: 'x' },
  { dir: '', base: '' },
  {},
  { root: 'r' },
  { dir: 'd', ext: '.e' },
];

// --- win32 ------------------------------------------------------------------

const winNormalize = [
  '', '.', '..', '\\', '/', '\\\\', '//', 'a', 'a\\', 'a/b\\c', 'a\\..\\b', 'a\\..\\..\\b',
  'C:', 'C:.', 'C:..', 'C:\\', 'C:/', 'C:\\..', 'c:/ignore/../x', 'C:a\\..\\..\\b', 'C:\\a\\.\\b\\',
  'C://a//b', '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\a\\..\\..',
  '//server/share/dir/file', '\\\\server', '\\\\server\\', '\\\\\\server\\share',
  './fixtures///b/../b/c.js', '/foo/../../../bar', 'a//b//../b', 'a//b//./c', 'a//b//.',
  '//server/share/dir/file.ext', '/a/b/c/../../../x/y/z', '///triple/slash', 'bar\\foo..\\..\\',
  'bar\\foo..\\..', '..\\foo..\\..\\..\\bar', '..\\...\\..\\.\\...\\..\\..\\bar',
  '\\\\.\\pipe\\name', '\\\\.\\C:\\x', '\\\\?\\C:\\x\\..\\y', '//./a/../..', '\\\\?\\',
  'x/../c:', './c:', 'ab:', 'a/z:', 'a/z:b', 'CON:', 'con:x', 'COM1:', 'con/', 'conx', 'aux.txt',
  'LPT1/a', 'q/z:/..', 'nul:\\..\\x', 'ab:c/d', 1,
];

const winJoin = [
  [], [''], ['.'], ['a', 'b'], ['a\\', 'b'], ['a', '\\b'], ['C:', 'a'], ['C:\\', 'a'], ['C:', '\\a'],
  ['c:/', '../..', 'x'], ['//foo/bar', 'baz'], ['\\\\foo\\bar', 'baz'], ['//foo', 'bar'],
  ['//foo/', 'bar'], ['//', 'foo/bar'], ['//', '/foo/bar'], ['\\\\', '/foo/bar'], ['\\', 'foo'],
  ['', '//foo'], ['', '', '//foo'], ['///foo', 'bar'], ['\\\\\\', 'x'], ['//foo', '', 'bar'],
  ['/', '', '/foo'], ['', '/', 'foo'], ['c:', 'file'], ['c:.', 'file'], ['c:', '/'],
  ['c:', 'file', '/'], ['a', 'c:'], ['con', 'q'], ['q', 'con:a/'], ['a/b', '../../..'],
  ['a', 1],
];

const winResolve = [
  ['c:/blah\\blah', 'd:/games', 'c:../a'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'],
  ['c:/ignore', 'c:/some/file'], ['d:/ignore', 'd:some/dir//'], ['//server/share', '..', 'relative\\'],
  ['c:/', '//'], ['c:/', '//dir'], ['c:/', '//server/share'], ['c:/', '//server//share'],
  ['c:/', '///some//dir'], ['C:\\foo\\tmp.3\\', '..\\tmp.3\\cycles\\root.js'],
  ['C:\\a', 'C:b'], ['C:\\a', 'c:b\\..\\c'], ['D:\\x', 'C:\\y', 'z'], ['\\\\.\\a'], ['//./a'],
  ['\\\\?\\C:\\x', '..', 'y'], ['\\\\server\\share'], ['C:\\', '..'], ['C:\\a\\b', '..\\..\\..\\c'],
  ['\\\\s\\h\\a', '..\\..'], ['C:\\a', 1],
];

const winRelative = [
  ['c:/blah\\blah', 'd:/games'], ['c:/aaaa/bbbb', 'c:/aaaa'], ['c:/aaaa/bbbb', 'c:/cccc'],
  ['c:/aaaa/bbbb', 'c:/aaaa/bbbb'], ['c:/aaaa/bbbb', 'c:/aaaa/cccc'], ['c:/aaaa/', 'c:/aaaa/cccc'],
  ['c:/', 'c:\\aaaa\\bbbb'], ['c:/aaaa/bbbb', 'd:\\'], ['c:/AaAa/bbbb', 'c:/aaaa/bbbb'],
  ['c:/aaaaa/', 'c:/aaaa/cccc'], ['C:\\foo\\bar\\baz\\quux', 'C:\\'], ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'],
  ['C:\\foo\\bar\\baz-quux', 'C:\\foo\\bar\\baz'], ['C:\\foo\\bar\\baz', 'C:\\foo\\bar\\baz-quux'],
  ['\\\\foo\\bar', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', '\\\\foo\\bar'],
  ['\\\\foo\\bar\\baz-quux', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', '\\\\foo\\bar\\baz-quux'],
  ['C:\\baz-quux', 'C:\\baz'], ['C:\\baz', 'C:\\baz-quux'], ['\\\\foo\\baz-quux', '\\\\foo\\baz'],
  ['\\\\foo\\baz', '\\\\foo\\baz-quux'], ['C:\\baz', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', 'C:\\baz'],
  ['\\\\s\\h\\x', '\\\\s\\h2\\x'], ['\\\\s\\h\\x', '\\\\s2\\h\\x'], ['C:\\A', 'c:\\a\\B'],
  ['c:\\x', '\\'], ['\\', 'c:\\x'], ['\\a\\b', '\\'], ['x\\a', 'x\\b'], ['a', 'a\\b\\c'], ['a\\b', 'a'],
  [1, 'a'],
];

const winDirname = [
  '', '\\', '/', '\\\\', 'a', 'a\\', 'a\\b', 'a/b/', 'C:', 'C:\\', 'C:/', 'C:a', 'C:a\\', 'C:a\\b',
  'C:\\a', 'C:\\a\\', 'C:\\a\\b', 'C:\\a\\b\\', 'c:\\foo\\bar\\baz', 'c:foo\\bar', '\\\\unc\\share',
  '\\\\unc\\share\\', '\\\\unc\\share\\foo', '\\\\unc\\share\\foo\\', '\\\\unc\\share\\foo\\bar',
  '//unc/share/foo/bar/', '\\\\server', '\\\\server\\', '\\\\\\a\\b', '/a/b', '\\a\\b\\',
  '//./a', '//./a/b', 'dir\\file.ext', 1,
];

const winBasename = [
  [''], ['\\'], ['C:'], ['C:\\'], ['C:.'], ['C:foo'], ['C:\\foo.ext'], ['C:\\dir\\base.ext'],
  ['C:basename.ext'], ['C:basename.ext\\'], ['C:basename.ext\\\\'], ['C:foo\\bar'],
  ['\\\\unc\\share\\file.txt'], ['\\\\unc\\share'], ['\\dir\\basename.ext'], ['basename.ext\\\\'],
  ['foo\\bar/baz'], ['aaa\\bbb', 'bbb'], ['aaa\\bbb', 'a\\bbb'], ['aaa\\bbb//', 'bbb'],
  ['aaa\\bbb', 'bb'], ['C:\\aaa\\bbb', '\\bbb'], ['file.js', '.JS'], ['C:x.js', '.js'],
  ['C:x.js', 'C:x.js'], ['s:./', 'C..'], ['s\\\\', 'ss'], ['C:\\\\', 'x'], ['a', 1],
];

const winExtname = [
  '', '.', 'C:', 'C:.', 'C:.x', 'C:a.b', 'C:\\a.b\\', 'a.b\\', 'a.b\\\\', 'a\\.b', 'a\\b.c\\d',
  'file.txt', '.profile', '.profile.sh', 'x\\..', '\\\\unc\\share\\f.ext', 'a/b.c', 'a.b/c', 1,
];

const winParse = [
  '', '\\', 'C:', 'C:\\', 'C:/', 'C:a', 'C:\\a', 'C:\\path\\dir\\index.html',
  'C:\\another_path\\DIR\\1\\2\\33\\\\index', 'another_path\\DIR with spaces\\1\\2\\33\\index',
  '\\', '\\foo\\C:', 'file', '.\\file', 'C:\\file', '\\\\server\\share\\file_path', '\\\\server\\share',
  '\\\\server\\share\\', '\\\\server', '//x/y/z.w', 'C:abc', 'C:..', '.bashrc', 'x\\.bashrc.y',
  '\\\\\\a\\b', '//./a/b', 1,
];

const winFormat = [
  { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' },
  { root: 'C:\\', name: 'file', ext: '.txt' },
  { root: 'C:\\', base: 'file.txt' },
  { dir: 'C:\\a', name: 'b', ext: 'c' },
  { dir: '\\\\server\\share', base: 'x' },
  { name: 'x' },
];

const namespaced = [
  '', 'C:\\foo', 'C:/foo/bar', 'c:\\a\\..\\b', '\\\\server\\share\\file', '//server/share/file',
  '\\\\?\\C:\\foo', '\\\\.\\pipe\\x', '\\\\..\\a\\b', 1, null,
];

function flavourChecks() {
  console.log(`sep ${path.sep} ${path.posix.sep} ${path.win32.sep}`);
  console.log(`delimiter ${path.delimiter} ${path.posix.delimiter} ${path.win32.delimiter}`);
  console.log(`path is posix ${path === path.posix}`);
  console.log(`posix.posix ${path.posix.posix === path.posix}`);
  console.log(`posix.win32 ${path.posix.win32 === path.win32}`);
  console.log(`win32.win32 ${path.win32.win32 === path.win32}`);
  console.log(`win32.posix ${path.win32.posix === path.posix}`);
  const fns = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath',
    'dirname', 'basename', 'extname', 'format', 'parse'];
  console.log(`posix fns ${fns.map((f) => typeof path.posix[f]).join(',')}`);
  console.log(`win32 fns ${fns.map((f) => typeof path.win32[f]).join(',')}`);
  // cwd-dependent results are compared rather than printed.
  const cwd = process.cwd();
  console.log(`resolve() is cwd ${path.resolve() === cwd}`);
  console.log(`resolve('') is cwd ${path.resolve('') === cwd}`);
  console.log(`resolve rel ${path.resolve('a/b', '../c') === path.join(cwd, 'a/c')}`);
  console.log(`relative from cwd ${path.relative('', '/') === path.relative(cwd, '/')}`);
  console.log(`win32 resolve rel ${path.win32.resolve('a') === path.win32.resolve(cwd, 'a')}`);
}

function isAbsoluteChecks() {
  const posixCases = ['', '/', '//', '/a', 'a', './a', '../a', 'C:\\', '\\a', 'a/'];
  const winCases = ['', '/', '//', '\\', '\\\\', 'C:', 'C:\\', 'C:/', 'c:a', '\\\\server\\share',
    'directory/directory', 'directory\\directory', 'a:', '1:\\', 'C:\\a', '//server/file', '.'];
  runTable('posix', 'isAbsolute', posixCases.concat([1]));
  runTable('win32', 'isAbsolute', winCases.concat([1]));
}

function main() {
  flavourChecks();
  runTable('posix', 'normalize', posixNormalize);
  runTable('posix', 'join', posixJoin);
  runTable('posix', 'resolve', posixResolve);
  runTable('posix', 'relative', posixRelative);
  runTable('posix', 'dirname', posixDirname);
  runTable('posix', 'basename', posixBasename);
  runTable('posix', 'extname', posixExtname);
  runTable('posix', 'parse', posixParse);
  runTable('posix', 'format', posixFormat.map((o) => [o]).concat([[null], ['x'], [[]]]));
  runTable('posix', 'toNamespacedPath', ['/a/b', 'a', '', 1].map((v) => [v]));
  runTable('win32', 'normalize', winNormalize);
  runTable('win32', 'join', winJoin);
  runTable('win32', 'resolve', winResolve);
  runTable('win32', 'relative', winRelative);
  runTable('win32', 'dirname', winDirname);
  runTable('win32', 'basename', winBasename);
  runTable('win32', 'extname', winExtname);
  runTable('win32', 'parse', winParse);
  runTable('win32', 'format', winFormat.map((o) => [o]).concat([[undefined]]));
  runTable('win32', 'toNamespacedPath', namespaced.map((v) => [v]));
  isAbsoluteChecks();
  // parse/format round trips.
  for (const p of ['/home/user/file.txt', 'rel/x.y', '/', 'a']) {
    console.log(`posix roundtrip ${JSON.stringify(p)} => ${JSON.stringify(path.posix.format(path.posix.parse(p)))}`);
  }
  for (const p of ['C:\\path\\file.txt', '\\\\server\\share\\x', 'C:', 'rel\\y']) {
    console.log(`win32 roundtrip ${JSON.stringify(p)} => ${JSON.stringify(path.win32.format(path.win32.parse(p)))}`);
  }
}

main();
