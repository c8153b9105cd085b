import { describe, expect, it } from 'vitest';
import { addressAllowed, literalAddress } from './addresses.js';

describe('webhook target addresses', () => {
  it('refuses loopback, private, link-local, metadata and mapped private addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fc00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
    ]) {
      expect(addressAllowed(a, false), a).toBe(false);
    }
  });

  it('allows public unicast addresses, and anything when private targets are on', () => {
    for (const a of ['93.184.216.34', '2606:2800:220:1::1', '::ffff:93.184.216.34'])
      expect(addressAllowed(a, false), a).toBe(true);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('not-an-ip', false)).toBe(false);
  });

  it('recognises IP literals in URL host names', () => {
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('10.0.0.1')).toBe('10.0.0.1');
    expect(literalAddress('hooks.example.com')).toBeNull();
  });
});
