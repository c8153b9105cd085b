import { describe, expect, it } from 'vitest';
import { matchesEventType, retryDelayMs, signPayload, verifySignature } from './signature.js';

describe('webhook signatures', () => {
  it('verifies its own signature and refuses a changed body, secret or stale time', () => {
    const header = signPayload('s3cret', '{"a":1}', 1_700_000_000);
    expect(verifySignature('s3cret', '{"a":1}', header, 1_700_000_010)).toBe(true);
    expect(verifySignature('s3cret', '{"a":2}', header, 1_700_000_010)).toBe(false);
    expect(verifySignature('other', '{"a":1}', header, 1_700_000_010)).toBe(false);
    expect(verifySignature('s3cret', '{"a":1}', header, 1_700_001_000)).toBe(false);
    expect(verifySignature('s3cret', '{"a":1}', 'garbage', 1_700_000_000)).toBe(false);
  });

  it('backs off exponentially and caps the delay', () => {
    expect(retryDelayMs(1, 1000)).toBe(1000);
    expect(retryDelayMs(2, 1000)).toBe(3000);
    expect(retryDelayMs(3, 1000)).toBe(9000);
    expect(retryDelayMs(30, 1000)).toBe(6 * 3_600_000);
  });

  it('matches exact types, module wildcards and everything', () => {
    expect(matchesEventType(['*'], 'identity.org_created')).toBe(true);
    expect(matchesEventType(['identity.*'], 'identity.org_created')).toBe(true);
    expect(matchesEventType(['identity.org_created'], 'identity.org_created')).toBe(true);
    expect(matchesEventType(['orders.*', 'identity.user_created'], 'identity.org_created')).toBe(false);
  });
});
