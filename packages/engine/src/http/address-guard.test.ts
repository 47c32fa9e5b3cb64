import { describe, expect, it } from 'vitest';
import { type AddressClass, classifyAddress, isForbiddenAddress, parseIpAddress } from './address-guard';

const table: Array<[string, AddressClass]> = [
  // Public
  ['8.8.8.8', 'public'],
  ['93.184.216.34', 'public'],
  ['1.1.1.1', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['172.32.0.1', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:81b::200e', 'public'],
  ['[2606:4700:4700::1111]', 'public'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['2002:0808:0808::1', 'public'],
  // IPv4 special-purpose
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.5', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.1.1', 'link_local'],
  ['169.254.169.254', 'cloud_metadata'],
  ['168.63.129.16', 'cloud_metadata'],
  ['100.100.100.200', 'cloud_metadata'],
  ['100.64.0.1', 'carrier_grade_nat'],
  ['100.127.255.255', 'carrier_grade_nat'],
  ['192.0.0.8', 'reserved'],
  ['192.0.0.192', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // IPv4 written the ways WHATWG URL accepts
  ['2130706433', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['127.1', 'loopback'],
  ['012.0.0.1', 'private'],
  ['3232235777', 'private'],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['[::ffff:7f00:1]', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'cloud_metadata'],
  ['::127.0.0.1', 'ipv4_compatible'],
  ['::8.8.8.8', 'ipv4_compatible'],
  ['::ffff:0:7f00:1', 'ipv4_translated'],
  ['64:ff9b::127.0.0.1', 'nat64'],
  ['64:ff9b::a00:5', 'nat64'],
  ['64:ff9b:1::8.8.8.8', 'nat64'],
  ['2002:7f00:1::', '6to4'],
  ['2002:c0a8:101::1', '6to4'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ['fc00::1', 'unique_local'],
  ['fd12:3456:789a::1', 'unique_local'],
  ['fd00:ec2::254', 'cloud_metadata'],
  ['fe80::1', 'link_local'],
  ['febf::1', 'link_local'],
  ['fec0::1', 'site_local'],
  ['ff02::1', 'multicast'],
  ['ff05::2', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['100::1', 'reserved'],
  // Not IP addresses
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['', 'invalid'],
  ['1.1.1.1#@127.0.0.1', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['::g', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(table)('%s → %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
    expect(isForbiddenAddress(ip)).toBe(expected !== 'public');
  });
});

describe('parseIpAddress', () => {
  it('normalises legacy IPv4 forms and unwraps IPv4-mapped IPv6', () => {
    expect(parseIpAddress('0x7f.1')?.toString()).toBe('127.0.0.1');
    expect(parseIpAddress('[::ffff:7f00:1]')?.toString()).toBe('127.0.0.1');
    expect(parseIpAddress('example.com')).toBeUndefined();
  });
});

describe('WHATWG URL normalises IP literal hosts (the client relies on it)', () => {
  it.each([
    ['http://2130706433:8080/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://[::1]/', '[::1]'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '[::ffff:7f00:1]'],
  ])('%s has hostname %s, which is forbidden', (url, hostname) => {
    const parsed = new URL(url);
    expect(parsed.hostname).toBe(hostname);
    expect(isForbiddenAddress(parsed.hostname)).toBe(true);
  });
});
