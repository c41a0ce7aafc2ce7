// Opens and closes many files, sockets or child processes and prints whether the number of
// open descriptors and the resident memory stayed flat.
// Usage: descriptors.js files|sockets|children COUNT
'use strict';
const fs = require('fs');
const net = require('net');
const { spawn } = require('child_process');

const [kind, countText] = process.argv.slice(2);
let count = Number(countText);

function openDescriptors() {
  return fs.readdirSync('/proc/self/fd').length;
}

function files() {
  const path = require('path').join(require('os').tmpdir(), `pack-reliability-${process.pid}.txt`);
  fs.writeFileSync(path, 'x');
  for (let i = 0; i < count; i++) {
    const fd = fs.openSync(path, 'r');
    fs.closeSync(fd);
  }
  fs.unlinkSync(path);
  return Promise.resolve();
}

// Connects to a local server and closes, one connection at a time, in batches in parallel.
function sockets() {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end());
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      let started = 0;
      let finished = 0;
      const next = () => {
        if (started === count) return;
        started++;
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', reject);
        socket.resume();
        socket.on('close', () => {
          finished++;
          if (finished === count) server.close(resolve);
          else next();
        });
      };
      for (let i = 0; i < 16; i++) next();
    });
  });
}

function children() {
  return new Promise((resolve, reject) => {
    let started = 0;
    let finished = 0;
    const next = () => {
      if (started === count) return;
      started++;
      const child = spawn('true', [], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.on('error', reject);
      child.on('close', () => {
        finished++;
        if (finished === count) resolve();
        else next();
      });
    };
    for (let i = 0; i < 8; i++) next();
  });
}

const work = { files, sockets, children }[kind];
const measured = count;
// A tenth as many first warm up (lazily loaded modules, buffers, thread pools); then the
// measured round.
count = Math.max(1, Math.floor(measured / 10));
work().then(() => {
  const fdsBefore = openDescriptors();
  const rssBefore = process.memoryUsage().rss;
  count = measured;
  return work().then(() => {
    const fdsAfter = openDescriptors();
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    console.log(`${kind}: ${count} opened and closed`);
    console.log(`descriptors: ${fdsAfter === fdsBefore ? 'flat' : `${fdsBefore} -> ${fdsAfter}`}`);
    // Allocators keep some freed memory; a leak of a few hundred bytes per item would not pass.
    console.log(`memory: ${rssGrowth < 32 ? 'flat' : `grew by ${rssGrowth.toFixed(1)} MiB`}`);
  });
}).catch((error) => {
  console.log(`failed: ${error.stack}`);
  process.exitCode = 1;
});
