// Prints "ready" and waits; with "handle", SIGTERM and SIGINT listeners decide the exit code.
// Usage: signals.js [handle]
'use strict';
if (process.argv[2] === 'handle') {
  process.on('SIGTERM', () => {
    console.log('got SIGTERM');
    process.exit(3);
  });
  process.on('SIGINT', () => {
    console.log('got SIGINT');
    process.exit(4);
  });
}
console.log('ready');
setTimeout(() => {}, 30000);
