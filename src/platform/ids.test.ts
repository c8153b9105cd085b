import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('makes prefixed, unique ids that sort in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => newId('ord'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 10)) expect(id).toMatch(/^ord_[0-9a-z]{26}$/);
  });
});
