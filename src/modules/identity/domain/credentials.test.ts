import { describe, expect, it } from 'vitest';
import { hashPassword, newApiKey, tokenHash, verifyPassword } from './credentials.js';

describe('credentials', () => {
  it('hashes passwords with argon2id and verifies only the right one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('makes API keys whose prefix identifies them and whose hash is stable', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.key).not.toBe(b.key);
    expect(tokenHash(a.key)).toBe(tokenHash(a.key));
    expect(tokenHash(a.key)).not.toBe(tokenHash(b.key));
  });
});
