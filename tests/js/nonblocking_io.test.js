// Asynchronous file reads run off the JS thread: a 1 ms interval keeps firing while
// fs.readFile and fs.promises.readFile load a 200 MB file.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const SIZE = 200 * 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-nonblocking-'));
const file = path.join(dir, 'big.bin');
// A sparse file: 200 MB to read without 200 MB of disk writes.
fs.writeFileSync(file, 'end');
fs.truncateSync(file, SIZE);

function whileReading(read) {
  return new Promise((resolve, reject) => {
    let ticks = 0;
    const interval = setInterval(() => ticks++, 1);
    read((error, data) => {
      clearInterval(interval);
      if (error) reject(error);
      else resolve({ ticks, length: data.length });
    });
  });
}

(async () => {
  const callback = await whileReading((done) => fs.readFile(file, done));
  console.log('fs.readFile length', callback.length, 'interval kept firing:', callback.ticks > 1);
  const promised = await whileReading((done) => fs.promises.readFile(file).then((data) => done(null, data), done));
  console.log('fs.promises.readFile length', promised.length, 'interval kept firing:', promised.ticks > 1);
  fs.rmSync(dir, { recursive: true });
})();
