import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenShopper } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const home = {
  name: '李雷',
  phone: '13800000001',
  province: '北京',
  city: '北京',
  district: '朝阳区',
  line: '三里屯路 19 号院 3 号楼',
};
const office = { ...home, district: '海淀区', line: '中关村大街 27 号', phone: '13800000002' };

describe("a shopper's address book", () => {
  let fw: TestFlywheel;
  let shopper: TestClient;
  beforeEach(async () => {
    fw = await startFlywheel();
    shopper = await givenShopper(fw);
  });
  afterEach(async () => fw.cleanup());

  const book = async (who = shopper) => {
    const r = await who.get('/api/shop/addresses');
    expect(r.statusCode).toBe(200);
    return r.json().items as Array<{ id: string; line: string; isDefault: boolean; lat: number | null }>;
  };

  it('keeps addresses with one default: the first, then the one chosen, then the newest left', async () => {
    const a = await shopper.post('/api/shop/addresses', home);
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ ...home, isDefault: true });
    const b = await shopper.post('/api/shop/addresses', office);
    expect(b.json().isDefault).toBe(false);

    const chosen = await shopper.patch(`/api/shop/addresses/${b.json().id}`, { isDefault: true });
    expect(chosen.statusCode).toBe(200);
    expect((await book()).map((x) => [x.line, x.isDefault])).toEqual([
      [home.line, false],
      [office.line, true],
    ]);

    // A change of place without coordinates drops the old ones: they were of another street.
    await shopper.patch(`/api/shop/addresses/${a.json().id}`, { lat: 39.93, lng: 116.45 });
    const moved = await shopper.patch(`/api/shop/addresses/${a.json().id}`, { line: '工体北路 8 号' });
    expect(moved.json()).toMatchObject({ line: '工体北路 8 号', lat: null, isDefault: false });

    const gone = await shopper.delete(`/api/shop/addresses/${b.json().id}`);
    expect(gone.json()).toEqual({ id: b.json().id, ok: true });
    expect((await book()).map((x) => [x.line, x.isDefault])).toEqual([['工体北路 8 号', true]]);
  });

  it("keeps each shopper's book to themselves", async () => {
    const mine = (await shopper.post('/api/shop/addresses', home)).json();
    const other = await givenShopper(fw);
    expect(await book(other)).toEqual([]);
    for (const r of [
      await other.patch(`/api/shop/addresses/${mine.id}`, { line: 'x' }),
      await other.delete(`/api/shop/addresses/${mine.id}`),
    ])
      expect(r.statusCode).toBe(404);
    expect((await book()).map((x) => x.line)).toEqual([home.line]);
  });

  it('refuses a whole address missing or malformed, naming the field, and writes nothing', async () => {
    for (const [field, body] of [
      ['phone', { ...home, phone: undefined }],
      ['phone', { ...home, phone: 'call me' }],
      ['province', { ...home, province: 'Atlantis' }],
      ['line', { ...home, line: '' }],
    ] as const) {
      const r = await shopper.post('/api/shop/addresses', body);
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await book()).toEqual([]);
  });

  it('keeps twenty addresses at most', async () => {
    for (let i = 0; i < 20; i++)
      expect((await shopper.post('/api/shop/addresses', { ...home, line: `${i} 号` })).statusCode).toBe(201);
    const full = await shopper.post('/api/shop/addresses', home);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('identity.address_book_full');
  });

  it('leaves exactly one default when several are chosen at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await shopper.post('/api/shop/addresses', { ...home, line: `${i}` })).json().id);
    const answers = await Promise.all(
      ids.map((id) => shopper.patch(`/api/shop/addresses/${id}`, { isDefault: true })),
    );
    expect(answers.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    expect((await book()).filter((x) => x.isDefault)).toHaveLength(1);
  });
});
