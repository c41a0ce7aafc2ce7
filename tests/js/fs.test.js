'use strict';
// fs: the synchronous and callback APIs against a fresh temporary directory.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-fs-'));
const at = (...parts) => path.join(root, ...parts);
const rel = (p) => path.relative(root, p);

// Errors print without the temp root so the output is the same everywhere.
function describe(error) {
  const shown = { message: error.message.split(root).join('<tmp>'), code: error.code };
  for (const key of ['errno', 'syscall']) if (key in error) shown[key] = error[key];
  if (error.path !== undefined) shown.path = path.isAbsolute(error.path) ? rel(error.path) : error.path;
  if (error.dest !== undefined) shown.dest = rel(error.dest);
  return JSON.stringify(shown);
}

function attempt(label, fn) {
  try {
    console.log(label, 'ok', JSON.stringify(fn()));
  } catch (error) {
    console.log(label, 'threw', describe(error));
  }
}

// Whole files.
fs.writeFileSync(at('a.txt'), 'hello');
fs.appendFileSync(at('a.txt'), ' world');
fs.writeFileSync(at('b.bin'), Buffer.from([1, 2, 3]));
fs.writeFileSync(at('c.txt'), 'aGk=', 'base64');
fs.writeFileSync(at('a.txt'), '!', { flag: 'a' });
console.log(fs.readFileSync(at('a.txt'), 'utf8'));
console.log(fs.readFileSync(at('a.txt'), { encoding: 'hex' }));
console.log(fs.readFileSync(at('b.bin')));
console.log(fs.readFileSync(at('c.txt')).toString());
console.log(Buffer.isBuffer(fs.readFileSync(at('b.bin'))));
attempt('readFile missing', () => fs.readFileSync(at('missing')));
attempt('readFile dir', () => fs.readFileSync(root));
attempt('readFile bad path', () => fs.readFileSync({}));
attempt('readFile null byte', () => fs.readFileSync('a\0b'));
attempt('writeFile wx', () => fs.writeFileSync(at('a.txt'), 'x', { flag: 'wx' }));
attempt('writeFile bad data', () => fs.writeFileSync(at('z'), 42));
fs.writeFileSync(at('mode.txt'), 'm', { mode: 0o600 });
console.log('mode', (fs.statSync(at('mode.txt')).mode & 0o777).toString(8));

// Existence and access.
console.log('exists', fs.existsSync(at('a.txt')), fs.existsSync(at('nope')), fs.existsSync(), fs.existsSync(null));
attempt('access F_OK', () => fs.accessSync(at('a.txt'), fs.constants.F_OK));
attempt('access R_OK|W_OK', () => fs.accessSync(at('a.txt'), fs.constants.R_OK | fs.constants.W_OK));
attempt('access missing', () => fs.accessSync(at('nope')));
console.log('constants', fs.constants.O_CREAT, fs.constants.O_APPEND, fs.constants.S_IFMT, fs.constants.COPYFILE_EXCL, fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);

// Stats.
const st = fs.statSync(at('a.txt'));
console.log('stat', st instanceof fs.Stats, st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.size);
console.log('stat fields', ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks',
  'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'].every((k) => typeof st[k] === 'number'));
console.log('stat dates', [st.atime, st.mtime, st.ctime, st.birthtime].every((d) => d instanceof Date));
console.log('dir stat', fs.statSync(root).isDirectory());
console.log('throwIfNoEntry', fs.statSync(at('nope'), { throwIfNoEntry: false }), fs.lstatSync(at('nope'), { throwIfNoEntry: false }));
attempt('stat missing', () => fs.statSync(at('nope')));
attempt('lstat missing', () => fs.lstatSync(at('nope')));
const big = fs.statSync(at('a.txt'), { bigint: true });
console.log('bigint', typeof big.size, big.size, typeof big.mtimeNs, big.isFile());

// Directories.
console.log('mkdir', rel(fs.mkdirSync(at('d1', 'd2', 'd3'), { recursive: true })));
console.log('mkdir again', fs.mkdirSync(at('d1', 'd2'), { recursive: true }));
console.log('mkdir plain', fs.mkdirSync(at('plain')));
attempt('mkdir exists', () => fs.mkdirSync(at('plain')));
attempt('mkdir missing parent', () => fs.mkdirSync(at('x', 'y')));
attempt('mkdir under file', () => fs.mkdirSync(at('a.txt', 'y'), { recursive: true }));
fs.writeFileSync(at('d1', 'f1'), '1');
fs.writeFileSync(at('d1', 'd2', 'f2'), '2');
console.log('readdir', fs.readdirSync(root));
console.log('readdir recursive', fs.readdirSync(at('d1'), { recursive: true }));
console.log('readdir types', fs.readdirSync(at('d1')).length,
  fs.readdirSync(at('d1'), { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}:${rel(d.parentPath)}`));
console.log('dirent', fs.readdirSync(at('d1'), { withFileTypes: true })[0] instanceof fs.Dirent);
console.log('readdir buffer', fs.readdirSync(at('d1'), { encoding: 'buffer' })[0]);
attempt('readdir missing', () => fs.readdirSync(at('nope')));
attempt('readdir file', () => fs.readdirSync(at('a.txt')));
const dir = fs.opendirSync(at('d1'));
const names = [];
for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) names.push(entry.name);
dir.closeSync();
console.log('opendir', names.sort(), rel(dir.path));
attempt('opendir missing', () => fs.opendirSync(at('nope')));

// Removing.
attempt('rmdir non-empty', () => fs.rmdirSync(at('d1')));
attempt('rm dir', () => fs.rmSync(at('plain')));
attempt('rm missing', () => fs.rmSync(at('nope')));
attempt('rm force', () => fs.rmSync(at('nope'), { force: true }));
attempt('rmdir', () => fs.rmdirSync(at('plain')));
attempt('unlink missing', () => fs.unlinkSync(at('nope')));

// Copying and renaming.
fs.copyFileSync(at('a.txt'), at('copy.txt'));
console.log('copy', fs.readFileSync(at('copy.txt'), 'utf8'));
attempt('copy excl', () => fs.copyFileSync(at('a.txt'), at('copy.txt'), fs.constants.COPYFILE_EXCL));
attempt('copy missing', () => fs.copyFileSync(at('nope'), at('copy2.txt')));
fs.renameSync(at('copy.txt'), at('moved.txt'));
console.log('rename', fs.existsSync(at('copy.txt')), fs.existsSync(at('moved.txt')));
attempt('rename missing', () => fs.renameSync(at('nope'), at('nope2')));
fs.cpSync(at('d1'), at('d1copy'), { recursive: true });
console.log('cp', fs.readdirSync(at('d1copy'), { recursive: true }), fs.readFileSync(at('d1copy', 'd2', 'f2'), 'utf8'));
attempt('cp dir without recursive', () => fs.cpSync(at('d1'), at('d1copy2')));
fs.cpSync(at('a.txt'), at('cp-file.txt'));
console.log('cp file', fs.readFileSync(at('cp-file.txt'), 'utf8'));

// Links.
fs.symlinkSync('a.txt', at('link'));
console.log('readlink', fs.readlinkSync(at('link')));
console.log('lstat link', fs.lstatSync(at('link')).isSymbolicLink(), fs.statSync(at('link')).isFile());
console.log('realpath', rel(fs.realpathSync(at('link'))), rel(fs.realpathSync.native(at('link'))));
attempt('realpath missing', () => fs.realpathSync(at('nope')));
attempt('realpath.native missing', () => fs.realpathSync.native(at('nope')));
attempt('symlink exists', () => fs.symlinkSync('a.txt', at('link')));
attempt('readlink file', () => fs.readlinkSync(at('a.txt')));
fs.linkSync(at('a.txt'), at('hard'));
console.log('link nlink', fs.statSync(at('a.txt')).nlink);
fs.unlinkSync(at('hard'));

// Permissions and times.
fs.chmodSync(at('a.txt'), 0o640);
console.log('chmod', (fs.statSync(at('a.txt')).mode & 0o777).toString(8));
fs.chmodSync(at('a.txt'), '644');
console.log('chmod string', (fs.statSync(at('a.txt')).mode & 0o777).toString(8));
const me = fs.statSync(at('a.txt'));
fs.chownSync(at('a.txt'), me.uid, me.gid);
fs.utimesSync(at('a.txt'), 1000, new Date(2000000));
console.log('utimes', fs.statSync(at('a.txt')).atimeMs, fs.statSync(at('a.txt')).mtimeMs);
attempt('chmod missing', () => fs.chmodSync(at('nope'), 0o600));
attempt('utimes missing', () => fs.utimesSync(at('nope'), 1, 1));

// Descriptors.
const fd = fs.openSync(at('fd.txt'), 'w+');
console.log('fd', typeof fd, fd > 2);
console.log('writeSync', fs.writeSync(fd, 'hello fd'), fs.writeSync(fd, Buffer.from('XY'), 0, 2, 0));
fs.fsyncSync(fd);
const buf = Buffer.alloc(10);
console.log('readSync', fs.readSync(fd, buf, 0, 10, 0), buf.toString('utf8', 0, 8));
console.log('readSync options', fs.readSync(fd, buf, { position: 2, length: 3 }), buf.toString('utf8', 0, 3));
console.log('fstat', fs.fstatSync(fd).size);
fs.ftruncateSync(fd, 4);
console.log('ftruncate', fs.fstatSync(fd).size);
console.log('readFile fd', fs.readFileSync(at('fd.txt'), 'utf8'));
fs.closeSync(fd);
attempt('close closed', () => fs.closeSync(fd));
attempt('open missing', () => fs.openSync(at('nope')));
attempt('open bad flag', () => fs.openSync(at('a.txt'), 'q'));
attempt('fstat bad fd', () => fs.fstatSync(-1));
fs.truncateSync(at('fd.txt'), 2);
console.log('truncate', fs.readFileSync(at('fd.txt'), 'utf8'));
const appendFd = fs.openSync(at('fd.txt'), 'a');
fs.writeFileSync(appendFd, '++');
fs.closeSync(appendFd);
console.log('writeFile fd', fs.readFileSync(at('fd.txt'), 'utf8'));
const tmp = fs.mkdtempSync(at('tmp-'));
console.log('mkdtemp', /^tmp-.{6}$/.test(rel(tmp)), fs.statSync(tmp).isDirectory());
console.log('url path', fs.readFileSync(new URL(`file://${at('a.txt')}`), 'utf8'));
console.log('buffer path', fs.readFileSync(Buffer.from(at('a.txt')), 'utf8'));

// Callbacks run later, from the event loop, in the order they were queued here.
const order = [];
fs.readFile(at('a.txt'), 'utf8', (err, text) => {
  order.push('readFile');
  console.log('cb readFile', err, text);
  fs.stat(at('nope'), (err2) => {
    console.log('cb stat missing', describe(err2));
    fs.writeFile(at('cb.txt'), 'cb data', (err3) => {
      console.log('cb writeFile', err3);
      fs.readdir(root, (err4, entries) => {
        console.log('cb readdir', err4, entries.includes('cb.txt'));
        fs.open(at('cb.txt'), 'r', (err5, cbFd) => {
          const b = Buffer.alloc(7);
          fs.read(cbFd, b, 0, 7, 0, (err6, n, same) => {
            console.log('cb read', err6, n, same === b, b.toString());
            fs.close(cbFd, (err7) => {
              console.log('cb close', err7);
              fs.exists(at('cb.txt'), (yes) => {
                console.log('cb exists', yes);
                fs.mkdir(at('cbdir', 'x'), { recursive: true }, (err8, first) => {
                  console.log('cb mkdir', err8, rel(first));
                  fs.rm(root, { recursive: true, force: true }, (err9) => {
                    console.log('cb rm', err9, fs.existsSync(root));
                    vectoredIo();
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
order.push('sync');
console.log('order', order);
attempt('callback required', () => fs.readFile(at('a.txt')));

// Vectored I/O on a scratch file of its own, once the callback chain above is done.
function vectoredIo() {
  const vdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-fsv-'));
  const vfd = fs.openSync(path.join(vdir, 'v.bin'), 'w+');
  console.log('writevSync', fs.writevSync(vfd, [Buffer.from('abc'), Buffer.from('defg')], 0));
  const parts = [Buffer.alloc(2), Buffer.alloc(4)];
  console.log('readvSync', fs.readvSync(vfd, parts, 1), parts.map(String));
  fs.writev(vfd, [Buffer.from('XY')], 0, (err, written, buffers) => {
    console.log('writev cb', err, written, buffers.length);
    fs.readv(vfd, [Buffer.alloc(3)], 0, (err2, count, bufs) => {
      console.log('readv cb', err2, count, String(bufs[0]));
      fs.closeSync(vfd);
      fs.rmSync(vdir, { recursive: true });
    });
  });
}
