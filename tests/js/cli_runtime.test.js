// What command-line tools rely on from the runtime: stdin read to EOF in every usual way, piped
// stdout/stderr, exit codes, output flushed before process.exit(), and the report printed for an
// uncaught error. Children are this same file run with process.execPath.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');

const role = process.argv[2];
if (role === 'read-fd') {
  process.stdout.write(`fd0: ${JSON.stringify(fs.readFileSync(0, 'utf8'))}\n`);
} else if (role === 'read-dev') {
  process.stdout.write(`dev: ${fs.readFileSync('/dev/stdin', 'utf8').split('\n')[0]}\n`);
} else if (role === 'read-stream') {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => console.log(`stream: ${JSON.stringify(text)}`));
} else if (role === 'open-stdin') {
  const chunks = [];
  process.openStdin().on('data', (chunk) => chunks.push(chunk)).on('end', () => console.log(`openStdin: ${Buffer.concat(chunks)}`));
} else if (role === 'tty') {
  const tty = require('tty');
  console.log([process.stdout.isTTY, process.stderr.isTTY, process.stdout.columns, tty.isatty(1), typeof process.stdout.getColorDepth].join());
} else if (role === 'flush-exit') {
  for (let i = 0; i < 200; i++) console.log(`line ${i}`);
  process.stderr.write('done\n');
  process.exit(7);
} else if (role === 'exit-code') {
  process.exitCode = 3;
  console.log('set exitCode');
} else if (role === 'throw') {
  throw new TypeError('boom');
} else {
  parent();
}

function child(args, input) {
  const result = spawnSync(process.execPath, [__filename, ...args], { input, encoding: 'utf8' });
  return result;
}

function parent() {
  for (const role of ['read-fd', 'read-stream', 'open-stdin']) {
    const { stdout, status } = child([role], 'line one\nline two\n');
    console.log(role, status, stdout.trim());
  }
  // /dev/stdin opened by name, with stdin a file (node's own pipes are sockets, which Linux
  // refuses to reopen).
  const fd = fs.openSync(__filename, 'r');
  const dev = spawnSync(process.execPath, [__filename, 'read-dev'], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
  fs.closeSync(fd);
  console.log('read-dev', dev.status, dev.stdout.trim());
  console.log('empty stdin', child(['read-fd'], '').stdout.trim());
  console.log('tty when piped', child(['tty']).stdout.trim());
  const flushed = child(['flush-exit']);
  console.log('flush before exit', flushed.status, flushed.stdout.split('\n').length, flushed.stdout.endsWith('line 199\n'), flushed.stderr);
  const code = child(['exit-code']);
  console.log('exitCode', code.status, code.stdout.trim());
  const thrown = child(['throw']);
  const report = thrown.stderr.split('\n');
  // Line 1 names this file; then the source line, the caret under `throw`, the error, and the
  // release trailer (its version differs between node and this runtime).
  console.log('uncaught status', thrown.status);
  console.log('uncaught header', report[0].endsWith('cli_runtime.test.js:32'), JSON.stringify(report.slice(1, 4)));
  console.log('uncaught message', report[4]);
  console.log('uncaught trailer', JSON.stringify(report.slice(-3).map((line) => line.replace(/v\d+\.\d+\.\d+/, 'vX'))));
}
