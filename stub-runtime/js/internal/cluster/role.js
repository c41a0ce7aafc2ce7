// Whether this process is a cluster worker: the primary names the worker's id in
// NODE_UNIQUE_ID. Read once and taken out of the environment, as Node does, so the worker's
// own children are not mistaken for cluster workers.
'use strict';
const process = require('process');

const uniqueId = process.env.NODE_UNIQUE_ID;
if (uniqueId !== undefined) delete process.env.NODE_UNIQUE_ID;

module.exports = {
  isWorker: uniqueId !== undefined,
  workerId: uniqueId === undefined ? 0 : Number(uniqueId),
};
