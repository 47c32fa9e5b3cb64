/**
 * Decides whether an IP address may be the destination of an outbound request (DESIGN §7): only public
 * unicast addresses are allowed, so a connector cannot be pointed at the loopback interface, the private
 * network the worker runs in, or a cloud metadata service.
 */
import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** Why an address is refused. */
export type ForbiddenAddressReason =
  | 'invalid'
  | 'unspecified'
  | 'broadcast'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'site_local'
  | 'unique_local'
  | 'carrier_grade_nat'
  | 'multicast'
  | 'cloud_metadata'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'ipv4_compatible'
  | 'ipv4_translated'
  | 'nat64'
  | '6to4'
  | 'teredo';

export type AddressClass = 'public' | ForbiddenAddressReason;

type RangeTable<T> = ReadonlyArray<readonly [T, number, ForbiddenAddressReason]>;

const v4 = (cidr: string): [IPv4, number] => ipaddr.IPv4.parseCIDR(cidr);
const v6 = (cidr: string): [IPv6, number] => ipaddr.IPv6.parseCIDR(cidr);

/**
 * Metadata and platform endpoints. Most already fall in a denied range (169.254/16, 100.64/10, fc00::/7);
 * they are listed so the refusal names them, and because 168.63.129.16 (Azure's wire server) is ordinary
 * public unicast space that only the VM's host answers.
 */
const CLOUD_METADATA = new Set(['169.254.169.254', '168.63.129.16', '100.100.100.200', 'fd00:ec2::254']);

/**
 * IPv4 ranges denied explicitly, checked before ipaddr.js's own classification so the table holds even if a
 * later ipaddr.js release moves a range, and so the reasons are precise. Order matters: first match wins.
 */
const DENIED_V4: RangeTable<IPv4> = [
  [...v4('0.0.0.0/8'), 'unspecified'],
  [...v4('10.0.0.0/8'), 'private'],
  [...v4('100.64.0.0/10'), 'carrier_grade_nat'],
  [...v4('127.0.0.0/8'), 'loopback'],
  [...v4('169.254.0.0/16'), 'link_local'],
  [...v4('172.16.0.0/12'), 'private'],
  [...v4('192.0.0.0/24'), 'reserved'],
  [...v4('192.0.2.0/24'), 'documentation'],
  [...v4('192.88.99.0/24'), 'reserved'],
  [...v4('192.168.0.0/16'), 'private'],
  [...v4('198.18.0.0/15'), 'benchmarking'],
  [...v4('198.51.100.0/24'), 'documentation'],
  [...v4('203.0.113.0/24'), 'documentation'],
  [...v4('224.0.0.0/4'), 'multicast'],
  [...v4('255.255.255.255/32'), 'broadcast'],
  [...v4('240.0.0.0/4'), 'reserved'],
];

/** IPv6 ranges denied outright (NAT64 and 6to4 are handled separately: they embed an IPv4 address). */
const DENIED_V6: RangeTable<IPv6> = [
  [...v6('::/128'), 'unspecified'],
  [...v6('::1/128'), 'loopback'],
  // Deprecated IPv4-compatible addresses (::a.b.c.d); ipaddr.js calls them unicast.
  [...v6('::/96'), 'ipv4_compatible'],
  [...v6('::ffff:0:0:0/96'), 'ipv4_translated'],
  // Local-use NAT64 prefix (RFC 8215): translated by a gateway inside the operator's network.
  [...v6('64:ff9b:1::/48'), 'nat64'],
  [...v6('100::/64'), 'reserved'],
  [...v6('2001::/32'), 'teredo'],
  [...v6('2001:db8::/32'), 'documentation'],
  [...v6('3fff::/20'), 'documentation'],
  [...v6('fc00::/7'), 'unique_local'],
  [...v6('fe80::/10'), 'link_local'],
  [...v6('fec0::/10'), 'site_local'],
  [...v6('ff00::/8'), 'multicast'],
];

const NAT64_WELL_KNOWN = v6('64:ff9b::/96');
const SIX_TO_FOUR = v6('2002::/16');

/** ipaddr.js range names mapped onto our reasons; anything unlisted but not unicast is `reserved`. */
const IPADDR_RANGE_REASONS: Record<string, ForbiddenAddressReason> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link_local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier_grade_nat',
  private: 'private',
  benchmarking: 'benchmarking',
  uniqueLocal: 'unique_local',
  deprecatedSiteLocal: 'site_local',
  rfc6145: 'ipv4_translated',
  rfc6052: 'nat64',
  '6to4': '6to4',
  teredo: 'teredo',
};

/** Characters of an IPv4 address in any form the WHATWG URL parser accepts (decimal, octal, hex, short). */
const IPV4_LIKE = /^[0-9a-fx.]+$/i;
/** Characters of an IPv6 address (zone ids are refused, as in URLs). */
const IPV6_LIKE = /^[0-9a-f:.]+$/i;

/**
 * Parses an IP address the way a URL's host would be parsed: IPv4 in every WHATWG form (`2130706433`,
 * `0177.0.0.1`, `0x7f.1`, `127.1`), IPv6 with or without brackets. IPv4-mapped IPv6 becomes IPv4, since
 * that is where a socket to it goes. Returns `undefined` for anything else (including host names).
 */
export function parseIpAddress(input: string): IPv4 | IPv6 | undefined {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.includes(':')) {
    if (!IPV6_LIKE.test(text)) return undefined;
    // Canonicalise through the URL parser first: ipaddr.js reads `::a.b.c.d` as IPv4-mapped
    // (`::ffff:a.b.c.d`), where WHATWG URL and the kernel read the IPv4-compatible `::a.b:c.d`.
    const hostname = urlHostname(`[${text}]`);
    if (!hostname || !ipaddr.IPv6.isValid(hostname.slice(1, -1))) return undefined;
    // process() unwraps ::ffff:a.b.c.d to a.b.c.d, where a socket to it actually goes.
    return ipaddr.process(hostname.slice(1, -1));
  }
  if (!IPV4_LIKE.test(text)) return undefined;
  // Let the URL parser normalise the legacy IPv4 forms, so we classify exactly what a request would reach.
  const hostname = urlHostname(text);
  return hostname && ipaddr.IPv4.isValidFourPartDecimal(hostname) ? ipaddr.IPv4.parse(hostname) : undefined;
}

function urlHostname(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

function matchTable<T extends IPv4 | IPv6>(
  address: T,
  table: RangeTable<T>,
): ForbiddenAddressReason | undefined {
  for (const [network, bits, reason] of table) {
    if (address.match(network, bits)) return reason;
  }
  return undefined;
}

function classifyV4(address: IPv4): AddressClass {
  if (CLOUD_METADATA.has(address.toString())) return 'cloud_metadata';
  const denied = matchTable(address, DENIED_V4);
  if (denied) return denied;
  const range = address.range();
  return range === 'unicast' ? 'public' : (IPADDR_RANGE_REASONS[range] ?? 'reserved');
}

/** The IPv4 address held in 32 bits of an IPv6 address, starting at 16-bit word `word`. */
function embeddedV4(address: IPv6, word: number): IPv4 {
  const high = address.parts[word] ?? 0;
  const low = address.parts[word + 1] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function classifyV6(address: IPv6): AddressClass {
  if (CLOUD_METADATA.has(address.toNormalizedString()) || CLOUD_METADATA.has(address.toString())) {
    return 'cloud_metadata';
  }
  // NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::) reach the embedded IPv4 address: judge that one.
  // With a public embedded address they are legitimate (DNS64 on IPv6-only hosts synthesises them).
  if (address.match(NAT64_WELL_KNOWN)) {
    return classifyV4(embeddedV4(address, 6)) === 'public' ? 'public' : 'nat64';
  }
  if (address.match(SIX_TO_FOUR)) {
    return classifyV4(embeddedV4(address, 1)) === 'public' ? 'public' : '6to4';
  }
  const denied = matchTable(address, DENIED_V6);
  if (denied) return denied;
  const range = address.range();
  return range === 'unicast' ? 'public' : (IPADDR_RANGE_REASONS[range] ?? 'reserved');
}

/**
 * Classifies an IP address: `'public'` when an outbound request may connect to it, otherwise the reason it
 * may not. Input that is not an IP address is `'invalid'` (and therefore forbidden).
 *
 * @example classifyAddress('8.8.8.8') // 'public'
 * @example classifyAddress('::ffff:127.0.0.1') // 'loopback'
 */
export function classifyAddress(ip: string): AddressClass {
  const address = parseIpAddress(ip);
  if (!address) return 'invalid';
  return address.kind() === 'ipv4' ? classifyV4(address as IPv4) : classifyV6(address as IPv6);
}

/** True when an outbound request must not connect to `ip` (anything but a public unicast address). */
export function isForbiddenAddress(ip: string): boolean {
  return classifyAddress(ip) !== 'public';
}
