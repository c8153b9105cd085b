import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { problemOf } from './problem.js';

describe('problem+json', () => {
  it('keeps its own fields whatever a module puts in the details', () => {
    const e = new DomainError('request.not_found', 'gone', {
      status: 'escalated',
      code: 'x',
      errors: [],
    } as never);
    const p = problemOf(e, { url: '/api/x', id: 'req_1' } as never);
    expect(p).toMatchObject({
      status: 404,
      code: 'request.not_found',
      instance: '/api/x',
      requestId: 'req_1',
    });
  });
});
