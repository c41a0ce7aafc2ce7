// The stacks of Node's coded errors: the code in the first line ("RangeError [ERR_X]: ..."),
// formatted when first read (so a message changed before then shows), settable, and not
// enumerable.
'use strict';
const fs = require('fs');

function caught(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const firstLine = (error) => error.stack.split('\n')[0];

const cases = {
  'buffer (internal/encoding)': () => Buffer.alloc(-1),
  'fs argument': () => fs.mkdirSync({}),
  'os argument (internal/errors)': () => require('os').setPriority('x'),
};
for (const [name, fn] of Object.entries(cases)) {
  const error = caught(fn);
  console.log(`${name}: ${firstLine(error)} | keys ${Object.keys(error)} | string ${String(error)}`);
  const changed = caught(fn);
  changed.message = 'changed before the stack was read';
  console.log(`${name}, message changed: ${firstLine(changed)}`);
  const assigned = caught(fn);
  assigned.stack = 'assigned';
  console.log(`${name}, stack assigned: ${assigned.stack} | keys ${Object.keys(assigned)}`);
  console.log(`${name}, read twice: ${error.stack === error.stack}`);
}
