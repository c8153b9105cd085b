import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('the web app is served compressed, its hashed assets cached for good', () => {
  let fw: TestFlywheel;
  beforeAll(async () => {
    fw = await startFlywheel();
  });
  afterAll(() => fw.cleanup());

  it('sends an asset as brotli or gzip as the browser accepts, immutable; the page shell is asked for again', async () => {
    const asset = readdirSync('dist/web/assets').find((f) => /^index-.*\.js$/.test(f));
    expect(asset).toBeDefined();
    const br = await fw.app.inject({ url: `/assets/${asset}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await fw.app.inject({ url: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await fw.app.inject({ url: `/assets/${asset}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(Number(br.headers['content-length']));
    const shell = await fw.app.inject({ url: '/shop', headers: { 'accept-encoding': 'br' } });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect((await fw.app.inject({ url: '/shop/cart' })).body).toContain('<div id="root">');
  });
});
