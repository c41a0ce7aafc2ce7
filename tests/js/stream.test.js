// Node's stream module: Readable/Writable/Duplex/Transform semantics, pipe, pipeline, finished.
'use strict';
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;
const util = require('util');
const { Buffer } = require('buffer');

const results = [];
const tests = [];
function test(name, fn) {
  tests.push([name, fn]);
}
function errInfo(err) {
  return err ? `${err.name}:${err.code}:${err.message}` : String(err);
}

// Runs the tests one after another; each calls done(log) when finished.
function runNext() {
  const entry = tests.shift();
  if (!entry) {
    for (const line of results) console.log(line);
    return;
  }
  const [name, fn] = entry;
  const log = [];
  let finishedTest = false;
  const done = () => {
    if (finishedTest) return;
    finishedTest = true;
    results.push(`${name}: ${log.join(' | ')}`);
    setTimeout(runNext, 5);
  };
  try {
    fn(log, done);
  } catch (err) {
    log.push(`threw ${errInfo(err)}`);
    done();
  }
}

test('exports', (log, done) => {
  log.push(typeof stream, stream === stream.Stream, Object.keys(stream).filter((k) => typeof stream[k] === 'function').length > 10);
  log.push(new Readable() instanceof stream, new Duplex() instanceof Writable, new Transform() instanceof Duplex);
  log.push(new PassThrough() instanceof Writable, new Readable() instanceof Writable);
  log.push(stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  log.push(typeof stream.promises.pipeline, typeof require('stream/promises').finished);
  done();
});

test('flowing events', (log, done) => {
  const r = new Readable({ read() {} });
  for (const ev of ['end', 'close', 'pause', 'resume']) r.on(ev, () => log.push(ev));
  r.on('data', (c) => log.push(`data:${c}:${Buffer.isBuffer(c)}`));
  r.push('a');
  r.push(Buffer.from('b'));
  r.push(new Uint8Array([99]));
  r.push(null);
  r.on('close', done);
});

test('paused read', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('hello');
  r.push('world');
  log.push(r.readableLength, r.readableFlowing);
  r.on('readable', () => {
    let chunk;
    while ((chunk = r.read(3)) !== null) log.push(`read:${chunk}`);
    log.push(`rest:${r.readableLength}`);
  });
  r.on('end', () => {
    log.push('end');
    done();
  });
  setTimeout(() => r.push(null), 5);
});

test('read() with no size', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('ab');
  r.push('cd');
  r.push(null);
  r.once('readable', () => {
    log.push(String(r.read()), String(r.read()));
    r.on('end', () => {
      log.push('end');
      done();
    });
  });
});

test('backpressure push', (log, done) => {
  let n = 0;
  const r = new Readable({
    highWaterMark: 4,
    read() {
      n++;
      const ok = this.push('xx');
      log.push(`read${n}:${ok}`);
      if (n === 4) this.push(null);
    },
  });
  setTimeout(() => {
    log.push(`len:${r.readableLength}`);
    r.on('data', (c) => log.push(`d:${c}`));
    r.on('end', () => {
      log.push('end');
      done();
    });
  }, 5);
});

test('objectMode', (log, done) => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push({ a: 1 });
  r.push(2);
  r.push('three');
  r.push(null);
  const seen = [];
  r.on('data', (c) => seen.push(JSON.stringify(c)));
  r.on('end', () => {
    log.push(seen.join(','), r.readableObjectMode, r.readableHighWaterMark);
    done();
  });
});

test('setEncoding splits chars', (log, done) => {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  const euro = Buffer.from('€uro');
  r.push(euro.subarray(0, 1));
  r.push(euro.subarray(1, 2));
  r.push(euro.subarray(2));
  r.push(null);
  const parts = [];
  r.on('data', (c) => parts.push(JSON.stringify(c)));
  r.on('end', () => {
    log.push(parts.join(','), r.readableEncoding);
    done();
  });
});

test('setEncoding hex', (log, done) => {
  const r = new Readable({ encoding: 'hex', read() {} });
  r.push('AB');
  r.push(null);
  r.on('data', (c) => log.push(c));
  r.on('end', done);
});

test('unshift', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('world');
  r.once('readable', () => {
    const first = r.read(2);
    r.unshift(first);
    r.unshift('hello ');
    log.push(String(r.read()));
    r.push(null);
    r.read();
    r.on('end', () => {
      log.push('end');
      done();
    });
  });
});

test('push after EOF', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', (e) => log.push(errInfo(e)));
  r.on('close', () => {
    log.push('close', r.destroyed);
    done();
  });
  r.push(null);
  r.push('late');
});

test('invalid chunk', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', (e) => log.push(errInfo(e)));
  r.on('close', done);
  r.push(42);
});

test('destroy readable', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', (e) => log.push(`error:${e.message}`));
  r.on('close', () => {
    log.push('close', r.destroyed, r.errored && r.errored.message, r.readableAborted);
    done();
  });
  r.destroy(new Error('boom'));
  log.push('sync', r.destroyed);
  r.destroy(new Error('second'));
});

test('destroy without error', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('error', () => log.push('error?'));
  r.on('end', () => log.push('end?'));
  r.on('close', () => {
    log.push('close');
    done();
  });
  r.destroy();
});

test('_destroy option', (log, done) => {
  const r = new Readable({
    read() {},
    destroy(err, cb) {
      log.push(`_destroy:${err && err.message}`);
      setTimeout(() => cb(err), 1);
    },
  });
  r.on('error', (e) => log.push(`error:${e.message}`));
  r.on('close', () => {
    log.push('close');
    done();
  });
  r.destroy(new Error('x'), (err) => log.push(`cb:${err && err.message}`));
});

test('emitClose false / autoDestroy false', (log, done) => {
  const r = new Readable({ emitClose: false, read() {} });
  r.on('close', () => log.push('close?'));
  r.on('end', () => log.push('end'));
  r.resume();
  r.push(null);
  const r2 = new Readable({ autoDestroy: false, read() {} });
  r2.on('end', () => log.push('end2', r2.destroyed));
  r2.on('close', () => log.push('close2?'));
  r2.resume();
  r2.push(null);
  setTimeout(() => {
    log.push(r.destroyed, r2.destroyed);
    done();
  }, 10);
});

test('pause/resume', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('data', (c) => {
    log.push(`d:${c}`);
    if (String(c) === 'b') {
      r.pause();
      log.push(`paused:${r.isPaused()}`);
      setTimeout(() => r.resume(), 2);
    }
  });
  r.on('end', () => {
    log.push('end');
    done();
  });
  r.push('a');
  r.push('b');
  r.push('c');
  r.push(null);
  log.push(`flowing:${r.readableFlowing}`);
});

test('Readable.from', (log, done) => {
  const parts = [];
  const r = Readable.from(['a', 'b', Promise.resolve('c')]);
  r.on('data', (c) => parts.push(c));
  r.on('end', () => {
    log.push(parts.join(''), r.readableObjectMode);
    const s = Readable.from('whole');
    s.on('data', (c) => log.push(`str:${c}`));
    s.on('end', done);
  });
});

test('Readable.from async generator', (log, done) => {
  async function* gen() {
    yield 1;
    await null;
    yield 2;
    yield 3;
  }
  (async () => {
    const got = [];
    for await (const x of Readable.from(gen())) got.push(x);
    log.push(got.join(','));
    try {
      Readable.from(42);
    } catch (e) {
      log.push(errInfo(e));
    }
    const r = Readable.from([1, null]);
    r.on('error', (e) => log.push(errInfo(e)));
    r.on('data', (c) => log.push(`d${c}`));
    r.on('close', done);
  })();
});

test('async iterator', (log, done) => {
  const r = new Readable({ read() {} });
  r.push('x');
  r.push('y');
  setTimeout(() => {
    r.push('z');
    r.push(null);
  }, 2);
  (async () => {
    const got = [];
    for await (const c of r) got.push(String(c));
    log.push(got.join(','), r.destroyed);
    const r2 = new Readable({ read() {} });
    r2.push('a');
    setTimeout(() => r2.destroy(new Error('fail')), 2);
    try {
      for await (const c of r2) log.push(`got:${c}`);
    } catch (e) {
      log.push(`caught:${e.message}`);
    }
    const r3 = Readable.from([1, 2, 3]);
    for await (const c of r3) {
      log.push(`break:${c}`);
      break;
    }
    setTimeout(() => {
      log.push(`r3 destroyed:${r3.destroyed}`);
      done();
    }, 2);
  })();
});

test('writable basics', (log, done) => {
  const chunks = [];
  const w = new Writable({
    write(chunk, encoding, cb) {
      chunks.push(`${chunk}:${encoding}:${Buffer.isBuffer(chunk)}`);
      cb();
    },
  });
  for (const ev of ['finish', 'close', 'prefinish']) w.on(ev, () => log.push(ev));
  log.push(w.write('a'), w.write(Buffer.from('b')), w.write('6364', 'hex'));
  w.end('e', () => log.push('end cb'));
  log.push(w.writableEnded, w.writableFinished, w.writable);
  w.on('close', () => {
    log.push(chunks.join(','), w.writableFinished, w.destroyed);
    done();
  });
});

test('decodeStrings false', (log, done) => {
  const w = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      log.push(`${typeof chunk}:${chunk}:${encoding}`);
      cb();
    },
  });
  w.write('hi');
  w.write('ff', 'hex');
  w.end(done);
});

test('writable highWaterMark and drain', (log, done) => {
  const pending = [];
  const w = new Writable({
    highWaterMark: 5,
    write(chunk, encoding, cb) {
      pending.push(cb);
    },
  });
  log.push(w.write('abc'), w.writableLength, w.writableNeedDrain);
  log.push(w.write('def'), w.writableLength, w.writableNeedDrain);
  w.on('drain', () => {
    log.push('drain', w.writableLength);
    done();
  });
  const pump = () => {
    const cb = pending.shift();
    if (cb) {
      cb();
      setTimeout(pump, 1);
    }
  };
  setTimeout(pump, 1);
});

test('write callbacks order', (log, done) => {
  const w = new Writable({
    write(chunk, encoding, cb) {
      log.push(`w:${chunk}`);
      setTimeout(cb, 1);
    },
  });
  w.write('1', () => log.push('cb1'));
  w.write('2', () => log.push('cb2'));
  w.end('3', () => log.push('endcb'));
  w.on('finish', () => log.push('finish'));
  w.on('close', () => {
    log.push('close');
    done();
  });
});

test('write after end', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (e) => log.push(`error:${errInfo(e)}`));
  w.end();
  const ret = w.write('x', (err) => log.push(`cb:${err && err.code}`));
  log.push(ret);
  w.on('close', () => {
    log.push('close');
    done();
  });
});

test('write null / bad chunk', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  try {
    w.write(null);
  } catch (e) {
    log.push(errInfo(e));
  }
  try {
    w.write(5);
  } catch (e) {
    log.push(errInfo(e));
  }
  try {
    w.write('a', 'nope');
  } catch (e) {
    log.push(errInfo(e));
  }
  done();
});

test('write error', (log, done) => {
  const w = new Writable({
    write(chunk, encoding, cb) {
      cb(new Error('bad write'));
    },
  });
  w.on('error', (e) => log.push(`error:${e.message}`, w.destroyed));
  w.on('close', () => {
    log.push('close', w.writable);
    done();
  });
  w.write('x', (err) => log.push(`cb:${err.message}`));
});

test('multiple callback', (log, done) => {
  const w = new Writable({
    write(chunk, encoding, cb) {
      cb();
      cb();
    },
  });
  w.on('error', (e) => log.push(errInfo(e)));
  w.on('close', done);
  w.write('x');
});

test('cork/uncork with writev', (log, done) => {
  const w = new Writable({
    write(chunk, encoding, cb) {
      log.push(`write:${chunk}`);
      cb();
    },
    writev(chunks, cb) {
      log.push(`writev:${chunks.map((c) => c.chunk).join('+')}`);
      cb();
    },
  });
  w.cork();
  w.write('a');
  w.write('b');
  w.write('c');
  log.push(`corked:${w.writableCorked}`, w.writableLength);
  process.nextTick(() => {
    w.uncork();
    w.write('d');
    w.end();
  });
  w.on('finish', () => {
    log.push('finish');
    done();
  });
});

test('_final', (log, done) => {
  const w = new Writable({
    write(c, e, cb) {
      log.push('write');
      cb();
    },
    final(cb) {
      log.push('final');
      setTimeout(cb, 2);
    },
  });
  w.on('prefinish', () => log.push('prefinish'));
  w.on('finish', () => log.push('finish'));
  w.on('close', () => {
    log.push('close');
    done();
  });
  w.end('x');
});

test('_final error', (log, done) => {
  const w = new Writable({
    write(c, e, cb) {
      cb();
    },
    final(cb) {
      cb(new Error('final failed'));
    },
  });
  w.on('finish', () => log.push('finish?'));
  w.on('error', (e) => log.push(`error:${e.message}`));
  w.on('close', () => {
    log.push('close');
    done();
  });
  w.end();
});

test('destroy writable with pending', (log, done) => {
  const w = new Writable({
    write(c, e, cb) {
      setTimeout(cb, 5);
    },
  });
  w.write('a', (err) => log.push(`cb1:${err && err.code}`));
  w.write('b', (err) => log.push(`cb2:${err && err.code}`));
  w.on('close', () => log.push('close'));
  w.destroy();
  const ret = w.write('c', (err) => log.push(`cb3:${err && err.code}`));
  log.push(`ret:${ret}`);
  w.on('error', (e) => log.push(`error:${e.code}`));
  setTimeout(done, 15);
});

test('end twice', (log, done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.on('finish', () => {
    w.end((err) => {
      log.push(errInfo(err));
      done();
    });
  });
});

test('duplex', (log, done) => {
  const d = new Duplex({
    read() {},
    write(chunk, encoding, cb) {
      this.push(String(chunk).toUpperCase());
      cb();
    },
    final(cb) {
      this.push(null);
      cb();
    },
  });
  const got = [];
  d.on('data', (c) => got.push(String(c)));
  for (const ev of ['end', 'finish']) d.on(ev, () => log.push(ev));
  d.on('close', () => {
    log.push(got.join(''), 'close', d.allowHalfOpen);
    done();
  });
  d.write('ab');
  d.end('cd');
});

test('duplex allowHalfOpen false', (log, done) => {
  const d = new Duplex({
    allowHalfOpen: false,
    read() {},
    write(c, e, cb) {
      cb();
    },
  });
  d.on('finish', () => log.push('finish'));
  d.on('end', () => log.push('end'));
  d.on('close', () => {
    log.push('close');
    done();
  });
  d.resume();
  d.push(null);
});

test('duplex options', (log, done) => {
  const d = new Duplex({ readableObjectMode: true, writableHighWaterMark: 7 });
  log.push(d.readableObjectMode, d.writableObjectMode, d.writableHighWaterMark, d.readableHighWaterMark);
  const d2 = new Duplex({ readable: false });
  log.push(d2.readable, d2.writable);
  done();
});

test('transform', (log, done) => {
  const t = new Transform({
    transform(chunk, encoding, cb) {
      cb(null, String(chunk).toUpperCase());
    },
    flush(cb) {
      this.push('!');
      cb(null, '?');
    },
  });
  const got = [];
  t.on('data', (c) => got.push(String(c)));
  t.on('finish', () => log.push('finish'));
  t.on('end', () => log.push('end'));
  t.on('close', () => {
    log.push(got.join(','), 'close');
    done();
  });
  t.write('a');
  t.write('b');
  t.end();
});

test('transform error', (log, done) => {
  const t = new Transform({
    transform(chunk, encoding, cb) {
      cb(new Error('nope'));
    },
  });
  t.on('error', (e) => log.push(e.message));
  t.on('close', () => {
    log.push('close');
    done();
  });
  t.write('x');
});

test('transform backpressure', (log, done) => {
  let calls = 0;
  const t = new Transform({
    highWaterMark: 2,
    transform(chunk, encoding, cb) {
      calls++;
      cb(null, chunk);
    },
  });
  const results = [];
  for (let i = 0; i < 6; i++) results.push(t.write('xx'));
  setTimeout(() => {
    log.push(results.join(','), calls, t.readableLength, t.writableLength);
    t.resume();
    t.on('end', () => {
      log.push('end', calls);
      done();
    });
    t.end();
  }, 5);
});

test('passthrough objectMode', (log, done) => {
  const p = new PassThrough({ objectMode: true });
  p.write({ x: 1 });
  p.end([2]);
  const got = [];
  p.on('data', (c) => got.push(JSON.stringify(c)));
  p.on('end', () => {
    log.push(got.join(';'));
    done();
  });
});

test('pipe', (log, done) => {
  const r = new Readable({ read() {} });
  const got = [];
  const w = new Writable({
    write(chunk, encoding, cb) {
      got.push(String(chunk));
      cb();
    },
  });
  w.on('pipe', (src) => log.push(`pipe:${src === r}`));
  w.on('unpipe', (src) => log.push(`unpipe:${src === r}`));
  w.on('finish', () => {
    log.push(got.join(''), 'finish');
    done();
  });
  log.push(r.pipe(w) === w);
  r.push('a');
  r.push('b');
  r.push(null);
});

test('pipe backpressure', (log, done) => {
  let produced = 0;
  const r = new Readable({
    highWaterMark: 4,
    read() {
      produced++;
      this.push(produced <= 10 ? 'abcd' : null);
    },
  });
  let inFlight = 0;
  let maxLen = 0;
  let drains = 0;
  const w = new Writable({
    highWaterMark: 8,
    write(chunk, encoding, cb) {
      inFlight++;
      maxLen = Math.max(maxLen, this.writableLength);
      setTimeout(() => {
        inFlight--;
        cb();
      }, 1);
    },
  });
  w.on('drain', () => drains++);
  w.on('finish', () => {
    log.push(`produced:${produced}`, `maxLen<=12:${maxLen <= 12}`, `drains>0:${drains > 0}`);
    done();
  });
  r.pipe(w);
});

test('pipe end false and unpipe', (log, done) => {
  const r = new Readable({ read() {} });
  const w = new PassThrough();
  r.pipe(w, { end: false });
  r.push('x');
  r.push(null);
  r.on('end', () => {
    setTimeout(() => {
      log.push(`ended:${w.writableEnded}`);
      const r2 = new Readable({ read() {} });
      r2.pipe(w);
      log.push(`pipes:${r2._readableState.pipes.length}`);
      r2.unpipe(w);
      log.push(`after:${r2._readableState.pipes.length}`, `flowing:${r2.readableFlowing}`);
      done();
    }, 2);
  });
});

test('pipe to multiple', (log, done) => {
  const r = new Readable({ read() {} });
  const a = [];
  const b = [];
  const wa = new Writable({ write(c, e, cb) { a.push(String(c)); cb(); } });
  const wb = new Writable({ write(c, e, cb) { b.push(String(c)); setTimeout(cb, 1); } });
  r.pipe(wa);
  r.pipe(wb);
  r.push('1');
  r.push('2');
  r.push(null);
  let n = 0;
  const both = () => {
    if (++n === 2) {
      log.push(a.join(''), b.join(''));
      done();
    }
  };
  wa.on('finish', both);
  wb.on('finish', both);
});

test('pipeline success', (log, done) => {
  const got = [];
  pipeline(
    Readable.from(['a', 'b', 'c']),
    new Transform({
      transform(c, e, cb) {
        cb(null, String(c).repeat(2));
      },
    }),
    new Writable({
      write(c, e, cb) {
        got.push(String(c));
        cb();
      },
    }),
    (err) => {
      log.push(`err:${err}`, got.join(','));
      done();
    },
  );
});

test('pipeline error destroys all', (log, done) => {
  const r = new Readable({ read() {} });
  const t = new PassThrough();
  const w = new Writable({
    write(c, e, cb) {
      cb(new Error('sink broke'));
    },
  });
  pipeline(r, t, w, (err) => {
    log.push(`err:${err.message}`, r.destroyed, t.destroyed, w.destroyed);
    done();
  });
  r.push('x');
});

test('pipeline premature close', (log, done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  pipeline(r, w, (err) => {
    log.push(errInfo(err), w.destroyed);
    done();
  });
  setTimeout(() => r.destroy(), 1);
});

test('pipeline with generators', (log, done) => {
  const got = [];
  pipeline(
    function* () {
      yield 'x';
      yield 'y';
    },
    async function* (source) {
      for await (const chunk of source) yield String(chunk).toUpperCase();
    },
    new Writable({
      objectMode: true,
      write(c, e, cb) {
        got.push(c);
        cb();
      },
    }),
    (err) => {
      log.push(`err:${err}`, got.join(''));
      done();
    },
  );
});

test('pipeline missing args', (log, done) => {
  try {
    pipeline(new Readable(), () => {});
  } catch (e) {
    log.push(errInfo(e));
  }
  try {
    pipeline(new Readable(), new Writable());
  } catch (e) {
    log.push(errInfo(e));
  }
  done();
});

test('promises.pipeline', (log, done) => {
  const got = [];
  stream.promises.pipeline(
    Readable.from(['1', '2']),
    async function* (source) {
      for await (const c of source) yield `${c}${c}`;
    },
    new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } }),
  ).then((v) => {
    log.push(`resolved:${v}`, got.join(','));
    return require('stream/promises').pipeline(Readable.from(['z']), new Writable({
      write(c, e, cb) {
        cb(new Error('x'));
      },
    }));
  }).catch((e) => {
    log.push(`rejected:${e.message}`);
    done();
  });
});

test('finished', (log, done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => log.push(`r:${err}`));
  r.resume();
  r.push(null);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  finished(w, (err) => log.push(`w:${err}`));
  w.end('x');
  const p = new PassThrough();
  finished(p, (err) => log.push(`p:${err && err.code}`));
  p.destroy();
  const e = new Readable({ read() {} });
  finished(e, (err) => log.push(`e:${err && err.message}`));
  e.destroy(new Error('oops'));
  const a = new Readable({ read() {} });
  const cleanup = finished(a, () => log.push('never'));
  cleanup();
  a.destroy();
  require('stream/promises').finished(Readable.from([])
    .resume()).then(() => log.push('promise ok'));
  setTimeout(done, 10);
});

test('finished already done', (log, done) => {
  const r = new Readable({ read() {} });
  r.resume();
  r.push(null);
  r.on('close', () => {
    finished(r, (err) => {
      log.push(`late:${err}`);
      done();
    });
  });
});

test('addAbortSignal', (log, done) => {
  const controller = new AbortController();
  const r = stream.addAbortSignal(controller.signal, new Readable({ read() {} }));
  r.on('error', (e) => log.push(e.name, e.code));
  r.on('close', () => {
    log.push('close');
    done();
  });
  controller.abort();
});

test('signal option', (log, done) => {
  const controller = new AbortController();
  const w = new Writable({ signal: controller.signal, write(c, e, cb) { cb(); } });
  w.on('error', (e) => log.push(e.name));
  w.on('close', () => {
    log.push('close', w.destroyed);
    done();
  });
  controller.abort();
});

test('subclass class extends', (log, done) => {
  class Counter extends Readable {
    constructor() {
      super({ objectMode: true });
      this.n = 0;
    }
    _read() {
      this.n++;
      this.push(this.n > 3 ? null : this.n);
    }
  }
  class Sink extends Writable {
    constructor() {
      super({ objectMode: true });
      this.items = [];
    }
    _write(chunk, encoding, cb) {
      this.items.push(chunk);
      cb();
    }
  }
  const sink = new Sink();
  new Counter().pipe(sink).on('finish', () => {
    log.push(sink.items.join(','), sink instanceof Writable);
    done();
  });
});

test('subclass util.inherits', (log, done) => {
  function Old(options) {
    if (!(this instanceof Old)) return new Old(options);
    Transform.call(this, options);
    this.count = 0;
  }
  util.inherits(Old, Transform);
  Old.prototype._transform = function (chunk, encoding, cb) {
    this.count++;
    this.push(`<${chunk}>`);
    cb();
  };
  function OldReader() {
    Readable.call(this);
    this.sent = false;
  }
  util.inherits(OldReader, Readable);
  OldReader.prototype._read = function () {
    this.push(this.sent ? null : 'data');
    this.sent = true;
  };
  const t = Old();
  const got = [];
  t.on('data', (c) => got.push(String(c)));
  t.on('end', () => {
    log.push(got.join(''), t.count, t instanceof Readable, t instanceof Writable, OldReader.super_ === Readable);
    done();
  });
  new OldReader().pipe(t);
});

test('legacy Stream pipe', (log, done) => {
  const src = new stream.Stream();
  src.readable = true;
  const got = [];
  const dest = new Writable({
    write(c, e, cb) {
      got.push(String(c));
      cb();
    },
  });
  dest.on('finish', () => {
    log.push(got.join(''), 'finish');
    done();
  });
  src.pipe(dest);
  src.emit('data', 'old');
  src.emit('data', 'style');
  src.emit('end');
});

test('_read not implemented', (log, done) => {
  const r = new Readable();
  r.on('error', (e) => log.push(errInfo(e)));
  r.on('close', done);
  r.read();
});

test('readable event and end', (log, done) => {
  const r = new Readable({ read() {} });
  r.on('readable', () => {
    log.push(`readable:${r.readableLength}`);
    const c = r.read();
    log.push(`got:${c}`);
  });
  r.on('end', () => {
    log.push('end');
    done();
  });
  r.push('abc');
  setTimeout(() => r.push(null), 2);
});

test('highWaterMark validation', (log, done) => {
  try {
    new Readable({ highWaterMark: -1 });
  } catch (e) {
    log.push(errInfo(e));
  }
  try {
    stream.setDefaultHighWaterMark(false, -5);
  } catch (e) {
    log.push(e.code);
  }
  stream.setDefaultHighWaterMark(true, 32);
  log.push(new Readable({ objectMode: true }).readableHighWaterMark);
  stream.setDefaultHighWaterMark(true, 16);
  done();
});

test('consumers', (log, done) => {
  const consumers = require('stream/consumers');
  (async () => {
    log.push(await consumers.text(Readable.from([Buffer.from('he'), Buffer.from('llo')])));
    log.push(JSON.stringify(await consumers.json(Readable.from(['{"a":', '1}']))));
    const buf = await consumers.buffer(Readable.from([Buffer.from([1, 2]), Buffer.from([3])]));
    log.push(Buffer.isBuffer(buf), buf.length);
    const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
    log.push(ab instanceof ArrayBuffer, ab.byteLength);
    done();
  })();
});

test('stdout is a Writable', (log, done) => {
  log.push(process.stdout instanceof Writable, process.stderr instanceof Writable, process.stdin instanceof Readable);
  log.push(typeof process.stdout.write, process.stdout.writable, process.stdout.fd, process.stderr.fd, process.stdin.fd);
  done();
});

test('mixed event ordering', (log, done) => {
  const L = (...a) => log.push(a.join(' '));
  // construct
  const c = new Writable({ construct(cb) { L('construct'); setTimeout(cb, 2); }, write(ch, e, cb) { L('write', ch); cb(); } });
  c.write('a'); c.end('b'); c.on('finish', () => L('c finish'));
  const cr = new Readable({ construct(cb) { L('rconstruct'); cb(); }, read() { L('rread'); this.push(null); } });
  cr.resume(); cr.on('end', () => L('cr end'));
  // no _write
  // autoDestroy false writable error
  const aw = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('E')); } });
  aw.on('error', (e) => L('aw error', e.message, aw.destroyed, aw.writable)); aw.write('x');
  // flowing destroy with error after data
  const fd = new Readable({ read() {} });
  fd.on('data', (d) => { L('fd data', d); fd.destroy(new Error('mid')); });
  fd.on('error', (e) => L('fd error', e.message)); fd.on('close', () => L('fd close')); fd.on('end', () => L('fd end'));
  fd.push('1'); fd.push('2');
  // readable + data both
  const rd = new Readable({ read() {} });
  rd.on('readable', () => { let x; while ((x = rd.read()) !== null) L('rd read', x); });
  rd.on('data', (d) => L('rd data', d)); rd.on('end', () => L('rd end'));
  rd.push('p'); rd.push(null);
  // transform objectMode push in _transform
  const t = new Transform({ objectMode: true, transform(o, e, cb) { this.push(o.n); this.push(o.n * 10); cb(); } });
  t.on('data', (d) => L('t data', d)); t.on('end', () => L('t end'));
  t.write({ n: 1 }); t.write({ n: 2 }); t.end();
  // duplex destroy
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  d.on('close', () => L('d close', d.destroyed, d.readable, d.writable)); d.destroy();
  // flush error
  const tf = new Transform({ transform(c, e, cb) { cb(null, c); }, flush(cb) { cb(new Error('flushfail')); } });
  tf.on('error', (e) => L('tf error', e.message)); tf.on('finish', () => L('tf finish?')); tf.resume(); tf.end('x');
  // pipe dest error
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(c, e, cb) { cb(new Error('dsterr')); } });
  dst.on('error', (e) => L('dst error', e.message, src._readableState.pipes.length));
  dst.on('unpipe', () => L('dst unpipe'));
  src.pipe(dst); src.push('z');
  // write returning false in objectMode
  const ow = new Writable({ objectMode: true, highWaterMark: 2, write(c, e, cb) { setTimeout(cb, 1); } });
  L('ow', ow.write(1), ow.write(2), ow.write(3), ow.writableLength);
  // read(0) and read(n) beyond
  const rz = new Readable({ read() {} }); rz.push('abc');
  L('rz', rz.read(0), rz.read(5), rz.read(2) + '', rz.readableLength);
  // readable.readableEnded etc
  const re = Readable.from(['a']); re.resume(); re.on('end', () => L('re', re.readableEnded, re.readable, re.destroyed, re.closed));
  re.on('close', () => L('re close', re.closed, re.destroyed));
  // pipeline with promise-returning last fn
  pipeline(Readable.from(['q', 'r']), async function (src) { let s = ''; for await (const c of src) s += c; return s; }, (err, val) => L('pl', err, val));
  // isReadable etc
  const x = new Readable({ read() {} }); L('isReadable', stream.isReadable(x), stream.isErrored(x), stream.isDisturbed(x));
  // writable finished event when end() with pending write callbacks delayed
  setTimeout(done, 40);
});

test('operators', (log, done) => {
  (async () => {
    log.push(JSON.stringify(await Readable.from([1, 2, 3, 4]).map((x) => x * 2).filter((x) => x > 2).toArray()));
    log.push(await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0));
    log.push(JSON.stringify(await Readable.from([1, 2, 3]).take(2).toArray()), JSON.stringify(await Readable.from([1, 2, 3]).drop(1).toArray()));
    await Readable.from(['a']).forEach((x) => log.push(`each ${x}`));
    log.push(await Readable.from([1, 2]).some((x) => x > 1), await Readable.from([1, 2]).every((x) => x > 1), await Readable.from([1, 2]).find((x) => x > 1));
    log.push(JSON.stringify(await Readable.from([[1, 2], [3]]).flatMap((x) => x).toArray()));
    done();
  })();
});

test('more edge cases', (log, done) => {
  const L = (...a) => log.push(a.map(String).join(' '));
  const Stream = stream.Stream;
  // hwm 0
  const z = new Readable({ highWaterMark: 0, read() { L('z read'); } });
  z.on('readable', () => L('z readable', z.read())); z.push('a'); z.push(null); z.on('end', () => L('z end'));
  // read(n) bigger than hwm
  const big = new Readable({ highWaterMark: 2, read() {} });
  big.push('abcdefgh'); L('big', big.read(5), big.readableHighWaterMark); big.push(null);
  // src error with pipe: dest not destroyed
  const s = new Readable({ read() {} }); const d = new PassThrough();
  s.pipe(d); s.on('error', (e) => L('s error', e.message, d.destroyed)); s.destroy(new Error('srcfail'));
  // Writable.pipe error
  const w = new Writable({ write(c, e, cb) { cb(); } }); w.on('error', (e) => L('wpipe', e.code)); w.pipe(new PassThrough());
  // objectMode readable side duplex
  const dx = new Duplex({ readableObjectMode: true, read() {}, write(c, e, cb) { this.push({ len: c.length }); cb(); } });
  dx.on('data', (o) => L('dx', JSON.stringify(o))); dx.write('hello');
  // transform _final override
  class T extends Transform { _transform(c, e, cb) { cb(null, c); } _final(cb) { L('custom final'); cb(); } _flush(cb) { L('flush'); cb(); } }
  const t = new T(); t.resume(); t.on('end', () => L('T end')); t.on('finish', () => L('T finish')); t.end('q');
  // legacy stream pipe events
  const old = new Stream(); const pt = new PassThrough(); old.pipe(pt); pt.on('data', (c) => L('old->pt', c)); old.emit('data', Buffer.from('k')); old.emit('end');
  pt.on('end', () => L('pt end')); 
  // finished on writable with error after finish
  const ef = new Writable({ write(c, e, cb) { cb(); } });
  finished(ef, (err) => L('ef', err && err.message)); ef.destroy(new Error('xx'));
  // readable.unshift after end
  const ue = new Readable({ read() {} }); ue.on('error', (e) => L('ue', e.code)); ue.resume(); ue.push(null);
  ue.on('end', () => ue.unshift('z'));
  // iterator with destroyOnReturn false
  const it = Readable.from([1, 2, 3]);
  (async () => { for await (const x of it.iterator({ destroyOnReturn: false })) { L('it', x); break; } L('it destroyed', it.destroyed); for await (const x of it) L('it2', x); })();
  // writable errored property / writableAborted
  const wa = new Writable({ write(c, e, cb) { cb(new Error('W')); } }); wa.on('error', () => L('wa', wa.errored && wa.errored.message, wa.writableAborted, wa.writable)); wa.write('x');
  // end with encoding
  const we = new Writable({ write(c, e, cb) { L('we', c.toString(), e); cb(); } }); we.end('6869', 'hex', () => L('we done'));
  // readable.read on ended
  const re = new Readable({ read() {} }); re.push(null); re.on('end', () => L('re end', re.read())); re.read();
  // setEncoding after data buffered
  const se = new Readable({ read() {} }); se.push(Buffer.from([0xe2, 0x82])); se.setEncoding('utf8'); se.push(Buffer.from([0xac])); se.push(null); se.on('data', (c) => L('se', JSON.stringify(c)));
  // pipe returns dest; unpipe all
  const ua = new Readable({ read() {} }); const p1 = new PassThrough(), p2 = new PassThrough(); ua.pipe(p1); ua.pipe(p2); p1.on('unpipe', () => L('p1 unpipe')); p2.on('unpipe', () => L('p2 unpipe')); ua.unpipe(); L('ua flowing', ua.readableFlowing);
  setTimeout(done, 40);
});

runNext();
