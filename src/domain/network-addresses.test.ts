import { describe, expect, it } from 'vitest';
import { addressAllowed, addressRange, isPublicAddress, parseAllowList } from './network-addresses.js';

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:100.64.0.1', 'carrierGradeNat'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::1', '6to4'],
    ['2001:db8::1', 'reserved'],
    ['8.8.8.8', 'unicast'],
    ['93.184.215.14', 'unicast'],
    ['172.32.0.1', 'unicast'],
    ['100.128.0.1', 'unicast'],
    ['2606:4700::1111', 'unicast'],
    ['::ffff:8.8.8.8', 'unicast'],
  ])('does put %s in %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(range === 'unicast');
  });

  it('does treat what is no address as not public', () => {
    expect(addressRange('example.org')).toBeNull();
    expect(isPublicAddress('example.org')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('allowed connections', () => {
  const { allowList } = parseAllowList('receiver.internal,10.20.0.0/16,::1');
  it.each([
    ['backoffice.example', '8.8.8.8', true],
    ['backoffice.example', '10.0.0.1', false],
    ['backoffice.example', '10.20.9.9', true],
    ['backoffice.example', '::ffff:10.20.9.9', true],
    ['backoffice.example', '::1', true],
    ['backoffice.example', '127.0.0.1', false],
    ['receiver.internal', '192.168.1.5', true],
    ['RECEIVER.INTERNAL.', '192.168.1.5', true],
    ['other.internal', '192.168.1.5', false],
  ])('does let %s connect to %s: %s', (host, address, allowed) => {
    expect(addressAllowed(host, address, allowList)).toBe(allowed);
  });
});
