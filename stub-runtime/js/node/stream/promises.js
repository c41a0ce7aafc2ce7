// `stream/promises`: pipeline and finished returning promises.
'use strict';
module.exports = require('stream').promises;
