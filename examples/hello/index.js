// The smallest app: greets from inside a packed executable. (The HTTP hello-world server
// arrives with the http module.)
const greeting = require('./greeting.json');

console.log(`${greeting.text}, from ${process.argv.length > 2 ? process.argv.slice(2).join(' ') : 'pack'}!`);
