'use strict';
// Behaviour checks for `cluster`. Prints one result per line; the expected output
// (cluster.test.out) was generated with real Node.js v20. The workers are this same file
// forked by cluster.fork(); their role comes from the environment the primary gives them.
// Only the primary prints, and it waits for each step, so the output is deterministic.

const cluster = require('cluster');
const http = require('http');
const net = require('net');

// ---------------------------------------------------------------------------------------------
// Worker roles.

if (cluster.isWorker) {
  const role = process.env.ROLE;
  if (role === 'server') {
    // Two servers on port 0: the nth listen(0) gets the same port in every worker.
    const server = http.createServer((req, res) => res.end(`worker ${cluster.worker.id}`));
    server.listen(0, '127.0.0.1');
    net.createServer((socket) => socket.end('tcp')).listen(0, '127.0.0.1');
  } else if (role === 'echo') {
    process.on('message', (message) => {
      process.send({ echo: message, id: cluster.worker.id, state: cluster.worker.state, unique: process.env.NODE_UNIQUE_ID });
    });
  } else if (role === 'exit') {
    process.exit(3);
  }
  return;
}

// ---------------------------------------------------------------------------------------------
// The checks, in the primary.

function log(...parts) {
  console.log(...parts);
}

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

// Sends an HTTP request over a plain socket: the HTTP server's answer names the worker, the
// TCP server's is 'tcp'.
function ask(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(/worker [12]$/.test(text) ? 'http' : text));
    socket.on('error', reject);
  });
}

async function checkRoles() {
  log('isPrimary', cluster.isPrimary, 'isMaster', cluster.isMaster, 'isWorker', cluster.isWorker);
  log('SCHED', cluster.SCHED_NONE, cluster.SCHED_RR, 'workers', JSON.stringify(cluster.workers));
  const setup = once(cluster, 'setup');
  cluster.setupPrimary({ args: ['one'] });
  const [settings] = await setup;
  log('setup:', JSON.stringify(settings.args), require('path').basename(settings.exec), settings.silent);
}

async function checkSharedServers() {
  const events = [];
  cluster.on('fork', (worker) => events.push(`fork ${worker.id}`));
  const workers = [cluster.fork({ ROLE: 'server' }), cluster.fork({ ROLE: 'server' })];
  log('forked ids:', workers.map((worker) => worker.id).join(','), 'state:', workers[0].state);
  const ports = new Set();
  // Listeners go on at once: a worker may be online and listening before any await returns.
  await Promise.all(
    workers.map((worker) => {
      const online = once(worker, 'online');
      return new Promise((resolve) => {
        let count = 0;
        worker.on('listening', (address) => {
          ports.add(address.port);
          if (++count === 2) online.then(resolve);
        });
      });
    }),
  );
  log('both workers listening, states:', workers.map((worker) => worker.state).join(','));
  log('events:', events.sort().join(', '));
  log('distinct ports for two servers in two workers:', ports.size);
  const answers = [];
  for (const port of ports) answers.push(await ask(port));
  log('shared servers answer:', answers.sort().join(','));
  const exits = workers.map((worker) => once(worker, 'exit'));
  for (const worker of workers) worker.process.kill();
  await Promise.all(exits);
  log('server workers ended:', workers.map((worker) => worker.state).join(','), 'workers left:', Object.keys(cluster.workers).length);
  cluster.removeAllListeners('fork');
}

async function checkMessages() {
  const worker = cluster.fork({ ROLE: 'echo' });
  const viaCluster = once(cluster, 'message');
  worker.send({ hello: 'worker' });
  const [message] = await once(worker, 'message');
  log('worker message:', JSON.stringify(message));
  const [from, again] = await viaCluster;
  log('cluster message:', from === worker, JSON.stringify(again));
  log('isConnected', worker.isConnected(), 'isDead', worker.isDead());
  const order = [];
  worker.on('disconnect', () => order.push(`disconnect ${worker.state}`));
  const exited = once(worker, 'exit');
  worker.kill();
  await exited;
  order.push(`exit ${worker.state}`);
  log('kill():', order.join(', '), 'exitedAfterDisconnect', worker.exitedAfterDisconnect, 'isDead', worker.isDead());
}

async function checkExitCode() {
  const worker = cluster.fork({ ROLE: 'exit' });
  const events = [];
  cluster.once('disconnect', (w) => events.push(`cluster disconnect ${w === worker}`));
  worker.once('disconnect', () => events.push('worker disconnect'));
  const [code, signal] = await once(worker, 'exit');
  await new Promise((resolve) => setImmediate(resolve));
  log('process.exit(3) in a worker:', code, signal, worker.exitedAfterDisconnect, worker.state);
  log('events:', events.sort().join(', '));
  log('workers left:', Object.keys(cluster.workers).length);
}

(async () => {
  await checkRoles();
  await checkSharedServers();
  await checkMessages();
  await checkExitCode();
  log('done');
})();
