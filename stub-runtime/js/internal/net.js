// Address syntax shared by net, dns and http: which strings are IPv4 or IPv6 addresses.
'use strict';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
const GROUP = '[0-9a-fA-F]{1,4}';
// Every way to write eight groups, with at most one "::" standing for a run of zero groups,
// and an IPv4 address allowed in place of the last two; then an optional zone such as %eth0.
const IPV6 = [
  `(?:${GROUP}:){7}(?:${GROUP}|:)`,
  `(?:${GROUP}:){6}(?:${IPV4}|:${GROUP}|:)`,
  `(?:${GROUP}:){5}(?::${IPV4}|(?::${GROUP}){1,2}|:)`,
  `(?:${GROUP}:){4}(?:(?::${GROUP}){0,1}:${IPV4}|(?::${GROUP}){1,3}|:)`,
  `(?:${GROUP}:){3}(?:(?::${GROUP}){0,2}:${IPV4}|(?::${GROUP}){1,4}|:)`,
  `(?:${GROUP}:){2}(?:(?::${GROUP}){0,3}:${IPV4}|(?::${GROUP}){1,5}|:)`,
  `(?:${GROUP}:){1}(?:(?::${GROUP}){0,4}:${IPV4}|(?::${GROUP}){1,6}|:)`,
  `(?::(?:(?::${GROUP}){0,5}:${IPV4}|(?::${GROUP}){1,7}|:))`,
].join('|');

const ipv4Pattern = new RegExp(`^${IPV4}$`);
const ipv6Pattern = new RegExp(`^(?:${IPV6})(?:%[0-9a-zA-Z.\\-_]{1,})?$`);

function isIPv4(value) {
  return ipv4Pattern.test(String(value));
}

function isIPv6(value) {
  return ipv6Pattern.test(String(value));
}

/** 4 or 6 for an address of that family, 0 for anything else. */
function isIP(value) {
  if (isIPv4(value)) return 4;
  if (isIPv6(value)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6 };
