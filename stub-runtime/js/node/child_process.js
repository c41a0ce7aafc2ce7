// `child_process` is not written yet. Requiring it works, because many packages load it at
// start-up for a rarely used path (commander, for subcommands run as separate executables);
// calling any of its functions throws an error that says so, rather than failing silently.
'use strict';

function unavailable(name) {
  return function notYetAvailable() {
    const error = new Error(`child_process.${name}() is not available in this runtime yet`);
    error.code = 'ERR_PACK_UNAVAILABLE';
    throw error;
  };
}

const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
module.exports = Object.fromEntries(names.map((name) => [name, unavailable(name)]));
