const { v4, validate, version, NIL } = require('uuid');
const ids = new Set(Array.from({ length: 100 }, () => v4()));
const id = [...ids][0];
console.log(validate(id), version(id), id.length, ids.size, NIL);
