// A cluster worker's side: `cluster.worker`, messages to and from the primary over the IPC
// channel, the 'listening' notice the primary turns into its events, and the primary's request
// to disconnect (close every server, then the channel).
'use strict';
const EventEmitter = require('events');
const { Worker } = require('internal/cluster/worker');
const { workerId } = require('internal/cluster/role');

const cluster = new EventEmitter();
// Servers listening in this worker, closed when the primary asks the worker to disconnect.
const servers = new Set();

const worker = new Worker({ id: workerId, process, state: 'online' });

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.Worker = Worker;
cluster.worker = worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = cluster.SCHED_RR;

// Forwarding process messages would hold the worker open, so it starts only when someone
// listens to the worker object for them (a process 'message' listener keeps the channel ref'd).
let forwarding = false;
worker.on('newListener', (name) => {
  if (forwarding || (name !== 'message' && name !== 'disconnect')) return;
  forwarding = true;
  process.on('message', (message, handle) => worker.emit('message', message, handle));
  process.on('disconnect', () => worker.emit('disconnect'));
});

process.on('internalMessage', (message) => {
  if (message.cmd !== 'NODE_CLUSTER') return;
  if (message.act === 'disconnect') disconnectWorker();
  else if (message.act === 'sharedPort') answerPort(message);
});

// listen(0) in a worker: as in Node, the nth such server on an address gets the same port in
// every worker, so the primary picks it. Callbacks wait here by request number.
const portRequests = new Map();
const listenCounts = new Map();
let nextRequest = 0;

function sharedPort(host, callback) {
  const address = host === undefined || host === null || host === '' ? '::' : host;
  const index = listenCounts.get(address) ?? 0;
  listenCounts.set(address, index + 1);
  const seq = ++nextRequest;
  portRequests.set(seq, callback);
  // Nothing else may be holding the worker open while it waits: a 'message' listener refs
  // the channel until the answer comes.
  if (portRequests.size === 1) process.on('message', awaitingAnswer);
  sendInternal({ act: 'sharedPort', seq, address, key: `${address}:${index}` });
}

function awaitingAnswer() {}

function answerPort(message) {
  const callback = portRequests.get(message.seq);
  portRequests.delete(message.seq);
  if (portRequests.size === 0) process.removeListener('message', awaitingAnswer);
  if (callback) callback(message.port);
}

function sendInternal(message) {
  if (process.connected) process.send({ cmd: 'NODE_CLUSTER', ...message });
}

function disconnectWorker() {
  worker.exitedAfterDisconnect = true;
  const open = [...servers];
  servers.clear();
  let waiting = open.length;
  const done = () => {
    if (--waiting <= 0 && process.connected) process.disconnect();
  };
  if (open.length === 0) {
    waiting = 1;
    done();
    return;
  }
  for (const server of open) server.close(done);
}

Worker.prototype.disconnect = function disconnect() {
  disconnectWorker();
  return this;
};

Worker.prototype.destroy = function destroy() {
  this.exitedAfterDisconnect = true;
  if (!process.connected) {
    process.exit(0);
    return;
  }
  process.once('disconnect', () => process.exit(0));
  process.disconnect();
};

// A serving worker whose primary is gone (killed, crashed) must not go on serving alone: when
// the channel closes without the worker having asked, it exits, as Node's workers do. Only
// serving workers need this (the listener holds the channel); others end on their own.
let watchingChannel = false;
function exitWhenOrphaned() {
  if (watchingChannel) return;
  watchingChannel = true;
  process.once('disconnect', () => {
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
}

/** Called by net and http servers once they listen: the primary emits 'listening'. */
function listening(server, address) {
  servers.add(server);
  exitWhenOrphaned();
  server.once('close', () => servers.delete(server));
  // Like Node, the any-address shows as null with type 4.
  const host = typeof address === 'string' ? address : address?.address;
  const anyAddress = host === '::' || host === '0.0.0.0';
  const family = address && typeof address === 'object' ? address.family : undefined;
  sendInternal({
    act: 'listening',
    addressType: typeof address === 'string' ? -1 : !anyAddress && (family === 'IPv6' || family === 6) ? 6 : 4,
    address: anyAddress ? null : host ?? null,
    port: address?.port,
    fd: undefined,
  });
}

cluster.setupPrimary = () => {};
cluster.setupMaster = cluster.setupPrimary;
cluster.fork = () => {
  throw new Error('cluster.fork() can only be called from the primary');
};
cluster.disconnect = () => {
  throw new Error('cluster.disconnect() can only be called from the primary');
};
cluster._listening = listening;
cluster._sharedPort = sharedPort;

module.exports = cluster;
