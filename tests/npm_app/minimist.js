const minimist = require('minimist');
console.log(JSON.stringify(minimist(process.argv.slice(2))));
console.log(JSON.stringify(minimist(['-abc', '--no-color', '--port=80', 'x', '--', '-y'], { boolean: ['color'] })));
