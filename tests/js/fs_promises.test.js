'use strict';
// fs/promises and FileHandle against a fresh temporary directory.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

function describe(error, root) {
  const shown = { message: error.message.split(root).join('<tmp>'), code: error.code };
  for (const key of ['errno', 'syscall']) if (key in error) shown[key] = error[key];
  if (error.path !== undefined) shown.path = path.isAbsolute(error.path) ? path.relative(root, error.path) : error.path;
  if (error.dest !== undefined) shown.dest = path.relative(root, error.dest);
  return JSON.stringify(shown);
}

async function main() {
  console.log('same object', fs.promises === fsp, typeof fsp.constants.O_RDONLY);
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'pack-fs-'));
  const at = (...parts) => path.join(root, ...parts);
  const rel = (p) => path.relative(root, p);
  async function attempt(label, fn) {
    try {
      console.log(label, 'ok', JSON.stringify(await fn()));
    } catch (error) {
      console.log(label, 'rejected', describe(error, root));
    }
  }

  await fsp.writeFile(at('a.txt'), 'hello');
  await fsp.appendFile(at('a.txt'), ' promises');
  console.log(await fsp.readFile(at('a.txt'), 'utf8'));
  console.log(await fsp.readFile(at('a.txt')));
  await attempt('readFile missing', () => fsp.readFile(at('missing')));
  await attempt('readFile bad path rejects', () => fsp.readFile(123.5));
  await attempt('access', () => fsp.access(at('a.txt'), fs.constants.R_OK));
  await attempt('access missing', () => fsp.access(at('nope')));

  const st = await fsp.stat(at('a.txt'));
  console.log('stat', st.isFile(), st.size, st instanceof fs.Stats);
  console.log('lstat dir', (await fsp.lstat(root)).isDirectory());
  await attempt('stat missing', () => fsp.stat(at('nope')));

  console.log('mkdir', rel(await fsp.mkdir(at('p', 'q'), { recursive: true })));
  await fsp.writeFile(at('p', 'q', 'f'), 'deep');
  console.log('readdir', await fsp.readdir(root));
  console.log('readdir recursive', await fsp.readdir(at('p'), { recursive: true }));
  console.log('readdir types', (await fsp.readdir(root, { withFileTypes: true })).map((d) => `${d.name}:${d.isFile()}`));
  await attempt('readdir missing', () => fsp.readdir(at('nope')));

  await fsp.copyFile(at('a.txt'), at('b.txt'));
  await attempt('copyFile excl', () => fsp.copyFile(at('a.txt'), at('b.txt'), fs.constants.COPYFILE_EXCL));
  await fsp.rename(at('b.txt'), at('c.txt'));
  await attempt('rename missing', () => fsp.rename(at('b.txt'), at('d.txt')));
  await fsp.cp(at('p'), at('pcopy'), { recursive: true });
  console.log('cp', await fsp.readFile(at('pcopy', 'q', 'f'), 'utf8'));
  await fsp.symlink('c.txt', at('ln'));
  console.log('readlink', await fsp.readlink(at('ln')), rel(await fsp.realpath(at('ln'))));
  await fsp.chmod(at('c.txt'), 0o600);
  console.log('chmod', ((await fsp.stat(at('c.txt'))).mode & 0o777).toString(8));
  await fsp.utimes(at('c.txt'), 5, 6);
  console.log('utimes', (await fsp.stat(at('c.txt'))).mtimeMs);
  await fsp.truncate(at('c.txt'), 3);
  console.log('truncate', await fsp.readFile(at('c.txt'), 'utf8'));
  await fsp.unlink(at('ln'));
  await attempt('unlink missing', () => fsp.unlink(at('ln')));
  await attempt('rm dir', () => fsp.rm(at('pcopy')));
  await fsp.rm(at('pcopy'), { recursive: true });
  await attempt('rmdir non-empty', () => fsp.rmdir(at('p')));

  // FileHandle.
  const handle = await fsp.open(at('h.txt'), 'w+');
  console.log('handle', handle.constructor.name === 'FileHandle', typeof handle.fd);
  console.log('write', (await handle.write('abcdef')).bytesWritten);
  const written = await handle.write(Buffer.from('XY'), 0, 2, 0);
  console.log('write buffer', written.bytesWritten, Buffer.isBuffer(written.buffer));
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(6), 0, 6, 0);
  console.log('read', bytesRead, buffer.toString());
  console.log('read options', (await handle.read({ buffer: Buffer.alloc(3), position: 3 })).buffer.toString());
  console.log('handle stat', (await handle.stat()).size);
  await handle.truncate(4);
  await handle.sync();
  console.log('handle readFile', await handle.readFile('utf8'));
  await handle.close();
  await handle.close();
  const appender = await fsp.open(at('h.txt'), 'a');
  await appender.writeFile('++');
  await appender.close();
  console.log('after append', await fsp.readFile(at('h.txt'), 'utf8'));
  await attempt('open missing', () => fsp.open(at('nope')));

  const dir = await fsp.opendir(at('p'));
  const names = [];
  for await (const entry of dir) names.push(`${entry.name}:${entry.isDirectory()}`);
  console.log('opendir', names);

  // Streams.
  await new Promise((resolve, reject) => {
    const out = fs.createWriteStream(at('s.txt'));
    out.on('open', (fd) => console.log('stream open', typeof fd));
    out.write('line one\n');
    out.write(Buffer.from('line two\n'));
    out.end('end\n', () => {
      console.log('stream finished', out.bytesWritten);
    });
    out.on('close', resolve);
    out.on('error', reject);
  });
  await new Promise((resolve, reject) => {
    const chunks = [];
    const input = fs.createReadStream(at('s.txt'), { encoding: 'utf8', start: 5, end: 12 });
    input.on('data', (chunk) => chunks.push(chunk));
    input.on('end', () => console.log('stream read', JSON.stringify(chunks.join('')), input.bytesRead));
    input.on('close', resolve);
    input.on('error', reject);
  });
  await new Promise((resolve) => {
    fs.createReadStream(at('nope')).on('error', (error) => {
      console.log('stream error', describe(error, root));
      resolve();
    });
  });
  let whole = '';
  for await (const chunk of fs.createReadStream(at('s.txt'), { highWaterMark: 4 })) whole += chunk;
  console.log('stream iterate', JSON.stringify(whole));

  // Promise settles come after the synchronous code that started them.
  const order = [];
  const pending = fsp.stat(root).then(() => order.push('settled'));
  order.push('sync');
  await pending;
  console.log('order', order);

  await fsp.rm(root, { recursive: true, force: true });
  console.log('cleaned', fs.existsSync(root));
}

main();
