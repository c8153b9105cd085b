import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe("the sandbox provider's pay page", () => {
  let fw: TestFlywheel;
  beforeAll(async () => {
    fw = await startFlywheel();
  });
  afterAll(() => fw.cleanup());

  it('sends the shopper back only to a path on this site, whatever `return` says', async () => {
    const back = async (ret: string) => {
      const res = await fw.app.inject({
        method: 'POST',
        url: `/sandbox/pay/pay_00000000000000000000000000/cancel?return=${ret}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      });
      return { status: res.statusCode, location: res.headers.location };
    };
    expect(await back(encodeURIComponent('/shop/orders/ord_00000000000000000000000000'))).toEqual({
      status: 303,
      location: '/shop/orders/ord_00000000000000000000000000',
    });
    // Another site to a browser, a header split, characters a Location cannot carry: home instead.
    for (const ret of [
      '//evil.test',
      '/%5Cevil.test',
      '/x%0d%0aSet-Cookie:%20a=b',
      '/%E4%BD%A0%E5%A5%BD',
      'https://evil.test',
    ])
      expect(await back(ret), ret).toEqual({ status: 303, location: '/shop' });
    // U+0000 is refused at the edge, as everywhere.
    expect((await back('/x%00')).status).toBe(400);
  });
});
