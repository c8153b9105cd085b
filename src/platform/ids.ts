import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid draws one random number per character; asking the OS for each would be 16 system calls
 * per id, so they come from a pool of random bytes refilled 4 KiB at a time.
 */
let pool = randomBytes(4096);
let offset = 0;
function pooledRandom(): number {
  if (offset + 4 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const value = pool.readUInt32BE(offset) / 0x1_0000_0000;
  offset += 4;
  return value;
}

const ulid = monotonicFactory(pooledRandom);

/** A sortable, prefixed id such as `org_01j…`: the prefix names the kind of object (DESIGN §5). */
export function newId(prefix: string): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

/** A random URL-safe secret of `bytes` bytes of entropy. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
