'use strict';
// A CPU-bound job (counting primes below N by trial division) done three ways: on the main
// thread alone, split over worker threads, and split over forked processes. Prints
// "<mode> <ms> <count>"; benches/workers.sh runs it packed and under node.
//
//   primes.js N single | threads K | processes K
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const { fork } = require('child_process');

function countPrimes(from, to) {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

if (!isMainThread) {
  parentPort.postMessage(countPrimes(workerData.from, workerData.to));
  return;
}
if (process.argv[2] === 'part') {
  process.send(countPrimes(Number(process.argv[3]), Number(process.argv[4])));
  return;
}

// Trial division costs more for larger n, so the ranges are cut to take about equal work
// (cost up to n grows like n^1.5).
function ranges(limit, parts) {
  const cuts = [0];
  for (let i = 1; i <= parts; i++) cuts.push(Math.round(limit * (i / parts) ** (2 / 3)));
  return cuts.slice(1).map((to, i) => [cuts[i], to]);
}

function inWorker([from, to]) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { from, to } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function inProcess([from, to]) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['part', from, to]);
    child.once('message', (count) => {
      resolve(count);
      child.disconnect();
    });
    child.once('error', reject);
  });
}

async function main() {
  const limit = Number(process.argv[2]);
  const mode = process.argv[3];
  const parts = Number(process.argv[4] || 2);
  const started = process.hrtime.bigint();
  let count;
  if (mode === 'single') count = countPrimes(0, limit);
  else {
    const run = mode === 'threads' ? inWorker : inProcess;
    const counts = await Promise.all(ranges(limit, parts).map(run));
    count = counts.reduce((sum, part) => sum + part, 0);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${mode} ${ms.toFixed(0)} ${count}`);
}

main();
