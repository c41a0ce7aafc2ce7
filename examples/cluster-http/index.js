// The hello-world server on every core: the primary forks one worker per CPU; each worker
// listens on the same port and answers with its pid, so you can see requests spread.
//   node index.js [PORT]   or packed:   pack build index.js -o cluster-http && ./cluster-http [PORT]
const cluster = require('cluster');
const http = require('http');
const os = require('os');

const port = Number(process.argv[2] || 3000);

if (cluster.isPrimary) {
  const count = Math.max(2, os.availableParallelism());
  let listening = 0;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('listening', (worker, address) => {
    if (++listening === count) console.log(`${count} workers listening on http://127.0.0.1:${address.port}/`);
  });
  // A worker that dies is replaced while the others keep serving.
  cluster.on('exit', (worker, code, signal) => {
    if (signal !== 'SIGTERM' && code !== 0) cluster.fork();
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers)) worker.kill();
    process.exit(0);
  });
} else {
  http
    .createServer((req, res) => {
      res.setHeader('Content-Type', 'text/plain');
      res.end(`Hello World from worker ${process.pid}\n`);
    })
    .listen(port, '127.0.0.1');
}
