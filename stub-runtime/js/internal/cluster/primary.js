// The primary's side of cluster: fork() starts the app's entry again as a worker process
// (child_process.fork, with NODE_UNIQUE_ID naming the worker), and the workers' lifecycle
// arrives as child process events and internal NODE_CLUSTER messages over the IPC channel.
// Workers share a port by binding it with SO_REUSEPORT themselves, so the primary hands out
// no server handles.
'use strict';
const EventEmitter = require('events');
const { Worker } = require('internal/cluster/worker');

const cluster = new EventEmitter();
// Fires when the last worker is gone, for cluster.disconnect(callback).
const allGone = new EventEmitter();
let nextId = 0;
let setupDone = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY === 'none' ? cluster.SCHED_NONE : cluster.SCHED_RR;

function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!setupDone) setupDone = true;
  process.nextTick(() => cluster.emit('setup', settings));
}

// Workers whose process has not both exited and disconnected yet.
const running = new Set();

function removeWorker(worker) {
  if (cluster.workers[worker.id] === worker) delete cluster.workers[worker.id];
}

function finished(worker) {
  if (!running.has(worker)) return;
  removeWorker(worker);
  running.delete(worker);
  if (running.size === 0) allGone.emit('disconnect');
}

// The internal messages a worker sends: NODE_CLUSTER with an `act`.
function onInternalMessage(worker, message) {
  if (message.cmd !== 'NODE_CLUSTER') return;
  if (message.act === 'online') markOnline(worker);
  else if (message.act === 'sharedPort') {
    const port = sharedPort(message.address, message.key);
    if (worker.isConnected()) worker.process.send({ cmd: 'NODE_CLUSTER', act: 'sharedPort', seq: message.seq, port }, () => {});
  }
  else if (message.act === 'listening') {
    markOnline(worker);
    const address = { addressType: message.addressType, address: message.address, port: message.port, fd: message.fd };
    worker.state = 'listening';
    worker.emit('listening', address);
    cluster.emit('listening', worker, address);
  }
}

// Ports picked for workers' listen(0), by address and the server's index in its worker. A port
// the primary cannot reserve is 0: the worker then listens on a port of its own.
const sharedPorts = new Map();

function sharedPort(address, key) {
  if (!sharedPorts.has(key)) {
    let port = 0;
    try {
      port = require('internal/core').ops.op_cluster_reserve_port(address);
    } catch {
      try {
        if (address === '::') port = require('internal/core').ops.op_cluster_reserve_port('0.0.0.0');
      } catch {
        // Leave it to the worker.
      }
    }
    sharedPorts.set(key, port);
  }
  return sharedPorts.get(key);
}

function markOnline(worker) {
  if (worker.state !== 'none') return;
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function fork(env) {
  setupPrimary();
  const settings = cluster.settings;
  const id = ++nextId;
  const child = require('child_process').fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv: settings.execArgv,
    silent: settings.silent,
    stdio: settings.stdio,
    serialization: settings.serialization,
    windowsHide: settings.windowsHide,
  });
  const worker = new Worker({ id, process: child });
  child.on('error', (error) => worker.emit('error', error));
  child.on('message', (message, handle) => worker.emit('message', message, handle));
  child.on('internalMessage', (message) => onInternalMessage(worker, message));
  // The worker process is up once it has spawned: its JS runs from then on.
  child.once('spawn', () => process.nextTick(markOnline, worker));
  let disconnected = false;
  child.once('exit', (exitCode, signalCode) => {
    if (disconnected) {
      onExit(worker, exitCode, signalCode);
      return;
    }
    // The channel of a dead process closes right after; Node reports 'disconnect' first, so
    // 'exit' waits for it (briefly: a descendant could still hold the channel open).
    const fallback = setTimeout(() => onExit(worker, exitCode, signalCode), 1000);
    child.once('disconnect', () => {
      clearTimeout(fallback);
      onExit(worker, exitCode, signalCode);
    });
  });
  child.once('disconnect', () => {
    disconnected = true;
    if (worker.isDead()) finished(worker);
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.on('message', (message, handle) => cluster.emit('message', worker, message, handle));
  cluster.workers[id] = worker;
  running.add(worker);
  process.nextTick(() => cluster.emit('fork', worker));
  return worker;
}

function onExit(worker, exitCode, signalCode) {
  // A worker stays listed until it has both exited and disconnected.
  if (!worker.isConnected()) finished(worker);
  worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
  worker.state = 'dead';
  worker.emit('exit', exitCode, signalCode);
  cluster.emit('exit', worker, exitCode, signalCode);
}

// Asks the worker to close its servers and disconnect; it then exits when it has nothing left.
Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  if (this.isConnected()) this.process.send({ cmd: 'NODE_CLUSTER', act: 'disconnect' }, () => {});
  // As in Node, a worker asked to disconnect leaves cluster.workers at once.
  removeWorker(this);
  return this;
};

// kill() ends the process at once; like Node v20 it does not disconnect first.
Worker.prototype.destroy = function destroy(signal = 'SIGTERM') {
  this.process.kill(signal);
};

function disconnect(callback) {
  const workers = Object.values(cluster.workers);
  if (typeof callback === 'function') allGone.once('disconnect', callback);
  if (running.size === 0) {
    process.nextTick(() => allGone.emit('disconnect'));
    return;
  }
  for (const worker of workers) {
    if (worker.isConnected()) worker.disconnect();
  }
}

cluster.setupPrimary = setupPrimary;
cluster.setupMaster = setupPrimary;
cluster.fork = fork;
cluster.disconnect = disconnect;

module.exports = cluster;
