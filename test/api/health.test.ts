import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('health, readiness, request ids and unknown routes', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel();
  });
  afterEach(() => fw.cleanup());

  it('is healthy and ready while the database answers, and not ready once it is gone', async () => {
    expect((await fw.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await fw.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    await fw.handle.close();
    const res = await fw.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('service.unavailable');
    fw.handle.close = async () => {};
  });

  it('gives every response a request id and answers unknown API routes with problem+json 404', async () => {
    const res = await fw.app.inject({ url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'request.not_found', requestId: res.headers['x-request-id'] });
    expect(String(res.headers['x-request-id'])).toMatch(/^req_/);
  });
});
