// Starts a child the way `mode` says and prints "child PID" once it runs; then waits to be
// killed. The tests kill this process with SIGKILL and check the child does not outlive it.
// Usage: orphans.js fork|cluster
'use strict';
const mode = process.argv[2];

if (mode === 'fork') {
  // The forked child only waits for messages: once the channel closes it has nothing to do.
  const child = require('child_process').fork(__filename, ['forked']);
  child.on('message', () => console.log(`child ${child.pid}`));
  setInterval(() => {}, 1000);
} else if (mode === 'forked') {
  process.on('message', () => {});
  process.send('up');
} else if (mode === 'cluster') {
  const cluster = require('cluster');
  if (cluster.isPrimary) {
    const worker = cluster.fork();
    worker.on('listening', () => console.log(`child ${worker.process.pid}`));
    setInterval(() => {}, 1000);
  } else {
    // A worker with a listening server: work that would keep it alive on its own.
    require('http').createServer((request, response) => response.end('hi')).listen(0, '127.0.0.1');
  }
}
