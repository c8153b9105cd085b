import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg } from '../support/builders.js';
import {
  checkout,
  deliverAllNotices,
  givenShop,
  givenShopper,
  homeAddress,
  payInSandbox,
  type Shop,
} from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

// 14:00 in Beijing on 26 November: the stores are open.
const start = '2026-11-26T06:00:00Z';

describe("the merchant's order list and export, the shopper's order stages", () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let shop: Shop;
  let shopper: TestClient;
  const placed: string[] = [];
  beforeEach(async () => {
    clock = new ManualClock(start);
    fw = await startFlywheel({ clock });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
    placed.length = 0;
    // Three orders over two days: 李雷's paid today, 韩梅梅's unpaid today, 王小明's paid yesterday.
    for (const [who, phone, day, pay] of [
      ['王小明', '13800000000', '2026-11-25T06:00:00Z', true],
      ['李雷', '13912345678', start, true],
      ['韩梅梅', '13700001111', start, false],
    ] as const) {
      clock.set(day);
      const { order } = await checkout(shopper, {
        channelId: shop.channelId,
        lines: [{ skuId: shop.skus[0], quantity: 1 }],
        address: { ...homeAddress, name: who, phone },
      });
      expect(order.statusCode).toBe(201);
      placed.push(order.json().id);
      if (pay) {
        await payInSandbox(fw, order.json().payment.id);
        await deliverAllNotices(fw);
      }
    }
  });
  afterEach(async () => fw.cleanup());

  const ids = async (query: string) => {
    const r = await shop.brand.get(`/api/orders?${query}`);
    expect(r.statusCode).toBe(200);
    return (r.json().items as Array<{ id: string }>).map((o) => o.id);
  };

  it('narrows by recipient, phone, part of the id, China day and channel', async () => {
    const [yesterday, lilei, hanmeimei] = placed;
    expect(await ids(`q=${encodeURIComponent('李雷')}`)).toEqual([lilei]);
    expect(await ids('q=1370000')).toEqual([hanmeimei]);
    expect(await ids(`q=${yesterday.slice(-8).toUpperCase()}`)).toEqual([yesterday]);
    // The address's values are searched, never its field names.
    expect(await ids('q=line')).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('工体北路')}`)).toHaveLength(3);
    // A wildcard typed into the box is a character, not a pattern.
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await ids('from=2026-11-26&to=2026-11-26')).toEqual([hanmeimei, lilei]);
    expect(await ids('to=2026-11-25')).toEqual([yesterday]);
    expect(await ids('status=pending_payment&from=2026-11-26')).toEqual([hanmeimei]);
    expect(await ids('channelId=chn_00000000000000000000000000')).toEqual([]);
    expect(await ids(`channelId=${shop.channelId}`)).toHaveLength(3);

    const stranger = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await stranger.get(`/api/orders?q=${encodeURIComponent('李雷')}`)).json().items).toEqual([]);
    const bad = await shop.brand.get('/api/orders?from=26.11.2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.from');
  });

  it('exports what the list shows as a spreadsheet: yuan to the fen, China time, masked phones', async () => {
    clock.set('2026-11-26T16:30:00Z');
    const r = await shop.brand.get('/api/orders/export?from=2026-11-26');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toContain('flywheel-orders-');
    expect(r.body.startsWith('\ufeff')).toBe(true);
    // Named by China's day: 00:30 in Beijing is still the day before in UTC.
    expect(r.headers['content-disposition']).toContain('flywheel-orders-2026-11-27.csv');
    const rows = parse(r.body.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => x.Recipient)).toEqual(['韩梅梅', '李雷']);
    expect(rows[1]).toMatchObject({
      Order: placed[1],
      'Placed (China time)': '2026-11-26 14:00',
      Channel: 'OPPO online',
      Status: 'Sent to the store',
      Delivery: '1-hour',
      Phone: '139****5678',
      'Subtotal (CNY)': '2999.00',
      'Total (CNY)': (
        Number(rows[1]['Subtotal (CNY)']) +
        Number(rows[1]['Delivery fee (CNY)']) +
        Number(rows[1]['Discounts (CNY)'])
      ).toFixed(2),
    });
    expect(rows[0]['Paid (China time)']).toBe('');
    // In Chinese, for a merchant's spreadsheet: the same rows in words.
    const zh = (await shop.brand.get('/api/orders/export?from=2026-11-26&lang=zh-CN')).body.slice(1);
    const [first] = parse(zh, { columns: true, to: 2 }) as Array<Record<string, string>>;
    expect(first).toMatchObject({ 订单号: placed[2], 收货人: '韩梅梅', 状态: '待支付' });
    expect(Object.keys(first)).toContain('实付(元)');
    const stranger = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const none = parse((await stranger.get('/api/orders/export')).body.slice(1), { columns: true });
    expect(none).toEqual([]);
  });

  it("groups the shopper's orders by stage and counts them", async () => {
    const counts = await shopper.get('/api/shop/orders/stages');
    expect(counts.json()).toEqual({ toPay: 1, toShip: 2, toReceive: 0, done: 0, refunds: 0 });
    await shopper.post(`/api/shop/orders/${placed[2]}/cancel`, {});
    const toPay = await shopper.get('/api/shop/orders?stage=toPay');
    expect(toPay.json().items).toEqual([]);
    const refunds = await shopper.get('/api/shop/orders?stage=refunds');
    expect(refunds.json().items.map((o: { id: string }) => o.id)).toEqual([placed[2]]);
    const other = await givenShopper(fw);
    expect((await other.get('/api/shop/orders/stages')).json()).toEqual({
      toPay: 0,
      toShip: 0,
      toReceive: 0,
      done: 0,
      refunds: 0,
    });
  });
});
