const util = require('util');
const createDebug = require('debug');
createDebug.inspectOpts.hideDate = true;
createDebug.enable('app:*');
const log = createDebug('app:main');
log.log = (...args) => console.log('debug:', util.format(...args).replace(/ \+\d+m?s$/, ''));
log('starting %s with %d items', 'job', 3);
console.log(createDebug.enabled('app:x'), createDebug.enabled('other'));
