'use strict';
// `timers/promises`: setTimeout, setImmediate, the setInterval iterator and the scheduler,
// with argument errors and AbortSignal cancellation. Steps run one after another, so the order
// of the output never depends on timing.
const timers = require('timers/promises');

function describeError(error) {
  return `${error.name} ${error.code} ${JSON.stringify(error.message)}`;
}

async function check(label, fn) {
  let line;
  try {
    const value = await fn();
    line = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch (error) {
    line = `threw ${describeError(error)}`;
  }
  console.log(`${label}: ${line}`);
}

async function main() {
  await check('exports', () => Object.keys(timers));
  await check('lengths', () => [timers.setTimeout.length, timers.setImmediate.length, timers.setInterval.length]);
  await check('names', () => [timers.setTimeout.name, timers.setImmediate.name, timers.setInterval.name]);

  // --- setTimeout
  await check('setTimeout value', () => timers.setTimeout(5, 'done'));
  await check('setTimeout no value', () => timers.setTimeout(1));
  await check('setTimeout no delay', () => timers.setTimeout(undefined, 'x'));
  await check('setTimeout negative', () => timers.setTimeout(-10, 'neg'));
  await check('setTimeout returns promise', () => timers.setTimeout(1) instanceof Promise);
  // An unref'd timer alone would let the process end; a refed one keeps it running meanwhile.
  await check('setTimeout unref', () => Promise.all([timers.setTimeout(1, 'unref', { ref: false }), timers.setTimeout(30)]));
  await check('setTimeout bad delay', () => timers.setTimeout('a'));
  await check('setTimeout bad options', () => timers.setTimeout(1, 1, 5));
  await check('setTimeout null options', () => timers.setTimeout(1, 1, null));
  await check('setTimeout array options', () => timers.setTimeout(1, 1, []));
  await check('setTimeout bad signal', () => timers.setTimeout(1, 1, { signal: 5 }));
  await check('setTimeout bad ref', () => timers.setTimeout(1, 1, { ref: 'yes' }));
  await check('bad arguments reject, not throw', () => {
    const promise = timers.setTimeout('a');
    promise.catch(() => {});
    return promise instanceof Promise;
  });

  // --- cancellation
  await check('aborted before', () => {
    const controller = new AbortController();
    controller.abort('early');
    return timers.setTimeout(1, 'x', { signal: controller.signal });
  });
  await check('abort cause', async () => {
    const controller = new AbortController();
    controller.abort('the reason');
    try {
      await timers.setTimeout(1, 'x', { signal: controller.signal });
    } catch (error) {
      return [error instanceof Error, error.cause, Object.keys(error)];
    }
  });
  await check('aborted during', () => {
    const controller = new AbortController();
    const promise = timers.setTimeout(10000, 'x', { signal: controller.signal });
    controller.abort();
    return promise;
  });
  await check('abort after settle is harmless', async () => {
    const controller = new AbortController();
    const value = await timers.setTimeout(1, 'kept', { signal: controller.signal });
    controller.abort();
    return value;
  });

  // --- setImmediate
  await check('setImmediate value', () => timers.setImmediate('now'));
  await check('setImmediate no value', () => timers.setImmediate());
  await check('setImmediate bad options', () => timers.setImmediate('v', 5));
  await check('setImmediate aborted', () => timers.setImmediate('v', { signal: AbortSignal.abort('why') }));
  await check('setImmediate before setTimeout', async () => {
    const order = [];
    await Promise.all([
      timers.setTimeout(50).then(() => order.push('timeout')),
      timers.setImmediate().then(() => order.push('immediate')),
    ]);
    return order;
  });

  // --- setInterval
  await check('setInterval three', async () => {
    const seen = [];
    for await (const value of timers.setInterval(2, 'tick')) {
      seen.push(value);
      if (seen.length === 3) break;
    }
    return seen;
  });
  await check('setInterval kind', () => Object.prototype.toString.call(timers.setInterval(1)));
  await check('setInterval bad delay', () => timers.setInterval('x').next());
  await check('setInterval bad options', () => timers.setInterval(1, 1, 5).next());
  await check('setInterval aborted before', () => timers.setInterval(1, 1, { signal: AbortSignal.abort() }).next());
  await check('setInterval abort between', async () => {
    const controller = new AbortController();
    const iterator = timers.setInterval(2, 'q', { signal: controller.signal });
    const results = [await iterator.next()];
    controller.abort();
    try {
      await iterator.next();
    } catch (error) {
      results.push(describeError(error));
    }
    results.push(await iterator.next());
    return results;
  });
  await check('setInterval abort while waiting', async () => {
    const controller = new AbortController();
    const iterator = timers.setInterval(10000, 'q', { signal: controller.signal });
    const pending = iterator.next();
    controller.abort();
    try {
      await pending;
    } catch (error) {
      return describeError(error);
    }
  });
  await check('setInterval return', async () => {
    const iterator = timers.setInterval(1, 'r');
    await iterator.next();
    return [await iterator.return('end'), await iterator.next()];
  });

  // --- scheduler
  await check('scheduler methods', () => Object.getOwnPropertyNames(Object.getPrototypeOf(timers.scheduler)));
  await check('scheduler.wait', () => timers.scheduler.wait(1));
  await check('scheduler.yield', () => timers.scheduler.yield());
  await check('scheduler.wait bad delay', () => timers.scheduler.wait('x'));
  await check('scheduler.wait aborted', () => timers.scheduler.wait(1, { signal: AbortSignal.abort() }));
  await check('scheduler bad this', () => timers.scheduler.wait.call({}, 1));
  await check('scheduler constructor', () => new timers.scheduler.constructor());
}

main();
