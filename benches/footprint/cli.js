'use strict';
// The small CLI the footprint benchmark starts: parses its arguments and prints a line.
const { parseArgs } = require('util');

const { values, positionals } = parseArgs({
  options: { name: { type: 'string', short: 'n', default: 'world' }, shout: { type: 'boolean' } },
  allowPositionals: true,
});
const line = `hello, ${values.name}${positionals.length ? ` (${positionals.join(' ')})` : ''}`;
console.log(values.shout ? line.toUpperCase() : line);
