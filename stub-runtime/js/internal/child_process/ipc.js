// The IPC channel between a parent and a child it forked: one socket of a socket pair at each
// end, carrying one JSON text per line (Node's 'json' serialization, so a real `node` child
// understands it too). The parent's ChildProcess and the child's `process` both get send(),
// disconnect(), `connected`, `channel` and the 'message' and 'disconnect' events.
//
// The child learns the channel's fd from PACK_CHANNEL_FD (or NODE_CHANNEL_FD, when Node is the
// parent) and takes those variables out of its environment.
'use strict';
const core = require('internal/core');
const { nodeError, invalidArgType } = require('internal/errors');
const { whenSettled } = require('internal/lifecycle');

const READ_SIZE = 64 * 1024;

function channelClosed() {
  return nodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
}

// Node's internal messages carry a `cmd` starting with NODE_; they go to 'internalMessage'.
function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' && message.cmd.startsWith('NODE_');
}

/**
 * The channel over pipe resource `rid` for `target` (a ChildProcess or `process`). With
 * `counted`, it holds the process open only while `target` has 'message' or 'disconnect'
 * listeners (the child's rule); otherwise while it is open (the parent's).
 */
class Channel {
  constructor(target, rid, counted, onClose) {
    this.target = target;
    this.onClose = onClose;
    this.rid = rid;
    this.counted = counted;
    this.listeners = 0;
    this.explicitRef = undefined;
    this.reading = undefined;
    this.writing = false;
    this.queue = [];
    this.decoder = new (require('internal/encoding').TextDecoder)();
    this.partial = '';
    this.closed = false;
    this.closing = false;
  }

  // Whether the pending read should keep the event loop running.
  get refed() {
    if (this.explicitRef !== undefined) return this.explicitRef;
    return !this.counted || this.listeners > 0;
  }

  updateRef() {
    if (this.reading === undefined) return;
    if (this.refed) core.refOpPromise(this.reading);
    else core.unrefOpPromise(this.reading);
  }

  read() {
    if (this.closed) return;
    const buffer = new Uint8Array(READ_SIZE);
    const reading = core.read(this.rid, buffer);
    this.reading = reading;
    this.updateRef();
    whenSettled(
      reading,
      (count) => {
        this.reading = undefined;
        if (this.closed) return;
        if (count === 0) {
          this.close();
          return;
        }
        this.receive(this.decoder.decode(buffer.subarray(0, count), { stream: true }));
        this.read();
      },
      () => {
        this.reading = undefined;
        this.close();
      },
    );
  }

  receive(text) {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop();
    for (const line of lines) {
      if (this.closed) return;
      if (line === '') continue;
      const message = JSON.parse(line);
      if (isInternal(message)) this.target.emit('internalMessage', message);
      else this.target.emit('message', message);
    }
  }

  write(text, callback) {
    this.queue.push({ bytes: core.encode(text), callback });
    if (!this.writing) this.flush();
  }

  flush() {
    const next = this.queue.shift();
    if (next === undefined) {
      this.writing = false;
      if (this.closing) this.close();
      return;
    }
    this.writing = true;
    whenSettled(
      core.writeAll(this.rid, next.bytes),
      () => {
        if (next.callback) next.callback(null);
        this.flush();
      },
      (error) => {
        if (next.callback) next.callback(error);
        else this.target.emit('error', error);
        this.flush();
      },
    );
  }

  /** Closes once queued messages are written; the other end then sees 'disconnect'. */
  disconnect() {
    this.closing = true;
    if (!this.writing) this.close();
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    core.tryClose(this.rid);
    const target = this.target;
    const announce = target.connected || this.closing;
    target.connected = false;
    // Seen by ChildProcess, which reports 'exit' only after this 'disconnect'.
    target._disconnectPending = announce;
    process.nextTick(() => {
      target._disconnectPending = false;
      if (announce) target.emit('disconnect');
      if (this.onClose) this.onClose();
    });
  }
}

// The object apps see as `channel`: it can hold the process open or let it go.
const kChannel = Symbol('channel');
class Control {
  constructor(channel) {
    Object.defineProperty(this, kChannel, { value: channel });
  }

  ref() {
    this[kChannel].explicitRef = true;
    this[kChannel].updateRef();
  }

  unref() {
    this[kChannel].explicitRef = false;
    this[kChannel].updateRef();
  }
}

function send(channel, target, message, handle, options, callback) {
  if (typeof handle === 'function') {
    callback = handle;
    handle = undefined;
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  // As in Node, a closed channel is reported before the message is looked at.
  if (!target.connected) {
    const error = channelClosed();
    if (typeof callback === 'function') process.nextTick(callback, error);
    else process.nextTick(() => target.emit('error', error));
    return false;
  }
  if (message === undefined) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
  if (!['string', 'object', 'number', 'boolean'].includes(typeof message)) {
    throw invalidArgType('message', 'one of type string, object, number, or boolean', message);
  }
  if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  if (handle !== undefined && handle !== null) {
    throw nodeError(Error, 'ERR_PACK_UNAVAILABLE', 'Sending handles over the IPC channel is not supported by this runtime');
  }
  channel.write(`${JSON.stringify(message)}\n`, callback);
  return true;
}

function attach(target, rid, counted, onClose) {
  const channel = new Channel(target, rid, counted, onClose);
  const shown = new Control(channel);
  target.connected = true;
  target.channel = shown;
  target._channel = shown;
  target.send = function send_(message, handle, options, callback) {
    return send(channel, target, message, handle, options, callback);
  };
  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', nodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    target.connected = false;
    channel.disconnect();
  };
  channel.read();
  return channel;
}

/** The parent's side; `onClose` runs once the channel is closed. */
function setupParent(child, rid, onClose) {
  attach(child, rid, false, onClose);
}

/** The child's side, when the environment names a channel fd; returns whether there was one. */
function setupChild(process) {
  const env = process.env;
  let fd = env.PACK_CHANNEL_FD;
  if (fd === undefined && env.NODE_CHANNEL_SERIALIZATION_MODE !== 'advanced') fd = env.NODE_CHANNEL_FD;
  delete env.PACK_CHANNEL_FD;
  delete env.NODE_CHANNEL_FD;
  delete env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (fd === undefined || !/^\d+$/.test(fd)) return false;
  let rid;
  try {
    rid = core.ops.op_cp_ipc_open(Number(fd));
  } catch {
    return false;
  }
  const channel = attach(process, rid, true);
  const counts = (name) => name === 'message' || name === 'disconnect';
  process.on('newListener', (name) => {
    if (!counts(name)) return;
    channel.listeners++;
    channel.updateRef();
  });
  process.on('removeListener', (name) => {
    if (!counts(name)) return;
    channel.listeners--;
    channel.updateRef();
  });
  return true;
}

module.exports = { setupParent, setupChild };
