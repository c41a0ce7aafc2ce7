// Writes far more than a reader takes; the tests close the pipe after the first line.
// Usage: pipes.js MODE, where MODE says how the app writes (see `writers`).
'use strict';
const fs = require('fs');
const line = `${'x'.repeat(99)}\n`;

function forever(write) {
  const next = () => {
    write();
    setImmediate(next);
  };
  next();
}

const writers = {
  // Asynchronous writes, as a streaming tool makes them.
  stdout: () => forever(() => process.stdout.write(line.repeat(100))),
  console: () => forever(() => console.log(line)),
  // A synchronous loop that never yields: it must still end.
  loop: () => {
    for (;;) process.stdout.write(line);
  },
  // The app's own 'error' listener decides.
  listener: () => {
    process.stdout.on('error', (error) => {
      fs.writeSync(2, `stdout error: ${error.code} ${error.syscall} ${error.errno} ${error.message}\n`);
      process.exit(5);
    });
    forever(() => process.stdout.write(line.repeat(100)));
  },
  uncaught: () => {
    process.on('uncaughtException', (error) => {
      fs.writeSync(2, `uncaught: ${error.code}\n`);
      process.exit(6);
    });
    forever(() => console.log(line));
  },
};
process.on('exit', (code) => fs.writeSync(2, `exit ${code}\n`));
writers[process.argv[2]]();
