// dns: lookup, lookupService, result order, servers and argument errors, offline: only
// localhost, IP literals and an '.invalid' name (which fails at once) are looked up. Prints one
// result per line; node prints the same.
'use strict';
const dns = require('dns');

const log = (...values) => console.log(...values);

/** Calls `dns[name](...args, callback)` and resolves with the callback's arguments. */
function call(name, ...args) {
  return new Promise((resolve) => {
    dns[name](...args, (...results) => resolve(results));
  });
}

function attempt(fn) {
  try {
    fn();
    log('ok');
  } catch (error) {
    log(`${error.name} ${error.code}: ${error.message}`);
  }
}

function describeError(error) {
  return `${error.message} | ${error.code} ${error.errno} ${error.syscall} ${error.hostname} | ${Object.keys(error).join(',')}`;
}

function shape() {
  log('keys:', Object.keys(dns).join(','));
  log('promises keys:', Object.keys(dns.promises).join(','));
  log('dns/promises:', require('dns/promises') === dns.promises, require('node:dns/promises') === dns.promises);
  log('hints:', dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL);
  log('codes:', dns.NOTFOUND, dns.NODATA, dns.SERVFAIL, dns.TIMEOUT, dns.CANCELLED, dns.promises.NOTFOUND);
  log('lengths:', dns.lookup.length, dns.lookupService.length, dns.promises.lookup.length);
  log('Resolver:', typeof dns.Resolver, typeof dns.promises.Resolver, dns.Resolver.name, dns.promises.Resolver.name);
}

async function lookups() {
  log('ipv4 literal:', ...(await call('lookup', '127.0.0.1')));
  log('ipv6 literal all:', JSON.stringify(await call('lookup', '::1', { all: true })));
  log('literal ignores family:', ...(await call('lookup', '127.0.0.1', { family: 6 })));
  log('localhost family 4:', ...(await call('lookup', 'localhost', 4)));
  log('localhost IPv4 option:', ...(await call('lookup', 'localhost', { family: 'IPv4' })));
  log('localhost ipv4first:', ...(await call('lookup', 'localhost', { verbatim: false })));
  const [error, all] = await call('lookup', 'localhost', { all: true, family: 4, hints: dns.ADDRCONFIG | dns.V4MAPPED });
  log('localhost all:', error, all.some((entry) => entry.address === '127.0.0.1' && entry.family === 4));
  log('empty:', ...(await call('lookup', '', {})));
  log('empty all:', JSON.stringify(await call('lookup', '', { all: true })));
  log('empty family 6:', ...(await call('lookup', '', 6)));
  const [notFound, address, family] = await call('lookup', 'nosuch.invalid');
  log('not found:', describeError(notFound), address, family);
  log('returns:', typeof dns.lookup('127.0.0.1', () => {}));
}

async function promiseLookups() {
  log('promise localhost:', JSON.stringify(await dns.promises.lookup('localhost', { family: 4 })));
  log('promise literal all:', JSON.stringify(await dns.promises.lookup('127.0.0.1', { all: true })));
  log('promise empty:', JSON.stringify(await dns.promises.lookup('')));
  try {
    await dns.promises.lookup('nosuch.invalid', { all: true });
  } catch (error) {
    log('promise not found:', describeError(error));
  }
  attempt(() => dns.promises.lookup(1));
}

async function services() {
  log('service:', ...(await call('lookupService', '127.0.0.1', 22)));
  log('service port string:', ...(await call('lookupService', '127.0.0.1', '80')));
  log('promise service:', JSON.stringify(await dns.promises.lookupService('127.0.0.1', 80)));
  const [error] = await call('lookupService', '192.0.2.1', 1);
  log('service not found:', describeError(error));
  attempt(() => dns.lookupService('127.0.0.1', 22));
  attempt(() => dns.lookupService('nope', 22, () => {}));
  attempt(() => dns.lookupService(1, 22, () => {}));
  attempt(() => dns.lookupService('127.0.0.1', 70000, () => {}));
  attempt(() => dns.lookupService('127.0.0.1', 'x', () => {}));
  attempt(() => dns.lookupService('127.0.0.1', 22, 'x'));
  attempt(() => dns.promises.lookupService('127.0.0.1'));
}

function argumentErrors() {
  const noop = () => {};
  attempt(() => dns.lookup(1, noop));
  attempt(() => dns.lookup('localhost'));
  attempt(() => dns.lookup('localhost', 'abc'));
  attempt(() => dns.lookup('localhost', 'IPv4', noop));
  attempt(() => dns.lookup('localhost', 5, noop));
  attempt(() => dns.lookup('localhost', {}, 5));
  attempt(() => dns.lookup('localhost', { family: 'IPv5' }, noop));
  attempt(() => dns.lookup('localhost', { family: '4' }, noop));
  attempt(() => dns.lookup('localhost', { all: 'yes' }, noop));
  attempt(() => dns.lookup('localhost', { verbatim: 1 }, noop));
  attempt(() => dns.lookup('localhost', { order: 'random' }, noop));
  attempt(() => dns.lookup('localhost', { hints: '1' }, noop));
  attempt(() => dns.lookup('localhost', { hints: 12345 }, noop));
  attempt(() => dns.resolve4(1, noop));
  attempt(() => dns.resolve4('localhost'));
  attempt(() => dns.resolve('localhost', 'BOGUS', noop));
}

function orderAndServers() {
  log('default order:', dns.getDefaultResultOrder());
  dns.setDefaultResultOrder('ipv4first');
  log('order now:', dns.getDefaultResultOrder(), dns.promises.getDefaultResultOrder());
  attempt(() => dns.setDefaultResultOrder('random'));
  dns.setDefaultResultOrder('verbatim');
  log('servers are strings:', dns.getServers().every((server) => typeof server === 'string'));
  const resolver = new dns.Resolver();
  resolver.setServers(['192.0.2.53', '192.0.2.54:5353', '::1', '[2001:db8::1]:53', '[2001:db8::2]:5300']);
  log('resolver servers:', JSON.stringify(resolver.getServers()));
  attempt(() => resolver.setServers('192.0.2.53'));
  attempt(() => resolver.setServers(['not an address']));
  attempt(() => resolver.setServers([53]));
}

async function main() {
  shape();
  await lookups();
  await promiseLookups();
  await services();
  argumentErrors();
  orderAndServers();
}

main();
