import { createHash, timingSafeEqual } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { newSecret } from '../../../platform/ids.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const argonOptions = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Tens of milliseconds of CPU on a worker thread. Callers hash and verify before their
 * transaction opens: a transaction holds SQLite's one connection, and the commit of every
 * transaction grouped with it, for as long as it runs.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so a wrong email takes as long as a wrong password. */
export const decoyHash = hashPassword('flywheel-decoy-password');

/**
 * Session tokens and API keys are long random secrets, so a fast SHA-256 is the right hash for
 * them (a slow password hash buys nothing against 256 bits of entropy and costs every request).
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return newSecret(32);
}

/** `fwk_<8-char prefix>_<secret>`: the prefix identifies a key in the console without revealing it. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = newSecret(6).replace(/[-_]/g, 'x').slice(0, 8).toLowerCase();
  return { key: `fwk_${prefix}_${newSecret(32)}`, prefix: `fwk_${prefix}` };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
