// tty.isatty on descriptors that are not terminals here (tests run with pipes), and the classes.
const tty = require('tty');

console.log(tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(123456));
console.log(typeof tty.WriteStream, typeof tty.ReadStream);
console.log(tty.isatty(1) === Boolean(process.stdout.isTTY));
