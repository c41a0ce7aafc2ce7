// How a process ends after errors, checked on child processes running small scripts with
// process.execPath (node, the pack binary or a packed executable alike), plus the tags and
// default abort reasons apps inspect. Prints one result per line; node prints the same.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-exit-'));
const cases = {
  'uncaught error': "throw new Error('boom')",
  "'exit' listener sees exitCode 1 and may change it": "process.on('exit', (code) => { console.log(code, process.exitCode); process.exitCode = 98; }); throw new Error('boom')",
  "'exit' listener resets the code to 0": "process.on('exit', () => { process.exitCode = 0; }); throw new Error('boom')",
  'handled uncaught error, exitCode 0 in exit': "process.on('exit', (code) => console.log(code, process.exitCode)); process.on('uncaughtException', () => {}); throw new Error('boom')",
  'uncaughtException listener sets the code': "process.on('uncaughtException', () => { process.exitCode = 97; }); throw new Error('boom')",
  'uncaughtException listener throws': "process.on('uncaughtException', () => { throw new Error('again'); }); throw new Error('boom')",
  '_fatalException replaced': "process._fatalException = undefined; throw new Error('boom')",
  'normal end, exitCode read in exit': "process.on('exit', (code) => console.log(code, process.exitCode))",
};

let index = 0;
for (const [name, source] of Object.entries(cases)) {
  const file = path.join(dir, `case${index++}.js`);
  fs.writeFileSync(file, source);
  const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  console.log(`${name}: status ${result.status}, stdout ${JSON.stringify(result.stdout.trim())}`);
}
fs.rmSync(dir, { recursive: true });

console.log(Object.prototype.toString.call(process), Object.prototype.toString.call(globalThis));
const controller = new AbortController();
controller.abort();
const { reason } = controller.signal;
console.log(reason instanceof DOMException, reason.name, reason.code, reason.message);
const timeout = AbortSignal.timeout(1);
setTimeout(() => console.log(timeout.reason instanceof DOMException, timeout.reason.name, timeout.reason.code), 30);
