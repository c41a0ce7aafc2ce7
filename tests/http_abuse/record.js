// Runs the abuse corpus (cases.json) against the echo server and records what happens.
//
//   node tests/http_abuse/record.js                 runs it against node, writes expected.json
//   node tests/http_abuse/record.js CMD...          runs it against `CMD echo_server.js`
//                                                   (e.g. target/release/pack run) and prints
//                                                   each case beside node's recorded outcome
//                                                   (`~` marks an accepted difference: the
//                                                   case's `packDiffers` in cases.json)
//
// An outcome is the status codes the client got (runs like "200x1000"), whether the server
// closed the connection within the case's wait, how many requests the server saw on that
// connection (a smuggled request would add one), and whether a new connection got 200 after.
'use strict';
const net = require('net');
const path = require('path');
const fs = require('fs');
const { spawn } = require('child_process');

const here = __dirname;
const cases = JSON.parse(fs.readFileSync(path.join(here, 'cases.json'), 'utf8'));
const expectedFile = path.join(here, 'expected.json');

function bytesOf(send) {
  return Buffer.from(send.map((part) => (typeof part === 'string' ? part : part.repeat.repeat(part.times))).join(''), 'latin1');
}

function startServer(command) {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], [...command.slice(1), path.join(here, 'echo_server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\d+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
}

// Status codes in the order the responses came, as runs: "200x2,400".
function statusRuns(text) {
  const runs = [];
  for (const match of text.matchAll(/HTTP\/1\.[01] (\d{3})/g)) {
    const last = runs[runs.length - 1];
    if (last && last[0] === match[1]) last[1] += 1;
    else runs.push([match[1], 1]);
  }
  return runs.map(([status, count]) => (count > 1 ? `${status}x${count}` : status)).join(',');
}

// Sends a case and reads until the server closes or the wait is over.
function runCase(port, testCase) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const bytes = bytesOf(testCase.send);
    const chunks = [];
    let closed = false;
    let localPort = 0;
    let timer = null;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ localPort, statuses: statusRuns(Buffer.concat(chunks).toString('latin1')), closed });
    };
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (testCase.mode === 'vanish-response') finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      localPort = socket.localPort;
      if (testCase.mode === 'dribble') {
        let at = 0;
        const drip = setInterval(() => {
          if (at >= bytes.length || socket.destroyed) return clearInterval(drip);
          socket.write(bytes.subarray(at, at + 1));
          at += 1;
        }, testCase.everyMs);
        socket.on('close', () => clearInterval(drip));
      } else {
        socket.write(bytes);
      }
      if (testCase.mode === 'vanish') setTimeout(finish, 50);
      timer = setTimeout(finish, testCase.waitMs || 3000);
    });
  });
}

function get(port, target) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', () => resolve(''));
    socket.on('close', () => resolve(text));
    socket.write(`GET ${target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`);
  });
}

async function outcome(port, testCase) {
  const { localPort, statuses, closed } = await runCase(port, testCase);
  // Give the server a moment to finish with a vanished client before asking.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const counted = await get(port, `/__count?port=${localPort}`);
  const requests = Number(counted.split('\r\n\r\n')[1]);
  const healthy = /^HTTP\/1\.1 200 /.test(await get(port, '/'));
  const result = { statuses, requests, healthy };
  if (!testCase.mode || testCase.mode === 'dribble') result.closed = closed;
  return result;
}

// Runs every case, a few at a time (requests are counted per connection, so they do not mix).
async function runAll(port) {
  const results = {};
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const testCase = cases[next++];
      results[testCase.name] = await outcome(port, testCase);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return Object.fromEntries(cases.map((c) => [c.name, results[c.name]]));
}

(async () => {
  const command = process.argv.length > 2 ? process.argv.slice(2) : [process.execPath];
  const { child, port } = await startServer(command);
  const started = Date.now();
  const results = await runAll(port);
  child.kill();
  if (process.argv.length <= 2) {
    fs.writeFileSync(expectedFile, `${JSON.stringify(results, null, 1)}\n`);
    console.log(`recorded ${cases.length} cases in ${Date.now() - started} ms`);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
  const show = (o) => (o ? `${o.statuses || '-'} closed=${o.closed ?? '-'} requests=${o.requests} healthy=${o.healthy}` : '?');
  for (const testCase of cases) {
    const same = JSON.stringify(expected[testCase.name]) === JSON.stringify(results[testCase.name]);
    const mark = same ? '  ' : testCase.packDiffers ? '~ ' : '≠ ';
    console.log(`${mark}${testCase.name.padEnd(30)} node: ${show(expected[testCase.name]).padEnd(44)} this: ${show(results[testCase.name])}`);
  }
  console.log(`${cases.length} cases in ${Date.now() - started} ms`);
})();
