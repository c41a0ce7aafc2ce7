// The cluster Worker object, as both the primary (one per forked process) and a worker (for
// itself, `cluster.worker`) see it.
'use strict';
const EventEmitter = require('events');

class Worker extends EventEmitter {
  constructor(options = {}) {
    super();
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    this.process = options.process;
  }

  kill(signal) {
    this.destroy(signal);
  }

  send(...args) {
    return this.process.send(...args);
  }

  isDead() {
    return this.process.exitCode != null || this.process.signalCode != null;
  }

  isConnected() {
    return this.process.connected;
  }
}

module.exports = { Worker };
