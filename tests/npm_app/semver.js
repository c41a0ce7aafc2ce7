const semver = require('semver');
console.log(semver.valid('1.2.3'), semver.satisfies('1.4.0', '^1.2.0'), semver.gt('2.0.0', '1.9.9'), semver.coerce('v3.1').version);
console.log(semver.inc('1.2.3', 'minor'), semver.maxSatisfying(['1.0.0', '1.5.0', '2.0.0'], '~1.0.0 || ^1.4.0'), semver.satisfies(process.version, '>=18'));
