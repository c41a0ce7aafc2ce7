const _ = require('lodash');
console.log(JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)), _.camelCase('Foo Bar-baz'), _.kebabCase('fooBarBaz'));
console.log(JSON.stringify(_.groupBy(['one', 'two', 'three'], 'length')), _.sum([1, 2, 3]), JSON.stringify(_.merge({ a: { b: 1 } }, { a: { c: 2 } })));
console.log(_.template('hi <%= name %>!')({ name: 'pack' }), JSON.stringify(_.uniq([1, 1, 2])), _.isEqual({ a: [1] }, { a: [1] }));
