'use strict';
// `dns/promises`: the same object as `require('dns').promises`.
module.exports = require('dns').promises;
