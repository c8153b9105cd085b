import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

describe.skipIf(!haveChromium)('organisations in the console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  it('a retailer finds one of its stores, corrects its floor area, and opens a new store', async () => {
    const page = await world.page('zh-CN');
    await world.signIn(page, 'retailer@jdhome.demo');
    await page.click('text=门店');
    await page.waitForSelector('td:has-text("京东之家·北京三里屯店")');
    expect(await page.locator('.ant-table-tbody tr').count()).toBe(20);
    await page.screenshot({ path: `${artifacts}/retailer-stores-zh-CN.png`, fullPage: true });

    await page.fill('.ant-input-search input', '三里屯');
    await page.press('.ant-input-search input', 'Enter');
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('.ant-table-tbody tr').length === 1,
    );
    await page.click('.ant-table-tbody tr button:has-text("编辑")');
    await page.fill('.ant-modal #floorAreaM2', '360');
    await page.click('.ant-modal button:has-text("保存")');
    await page.waitForSelector('td:has-text("360")');

    await page.fill('.ant-input-search input', '');
    await page.press('.ant-input-search input', 'Enter');
    await page.click('button:has-text("开设门店")');
    await page.fill('.ant-modal #name', '京东之家·北京国贸店');
    await page.fill('.ant-modal #province', '北京');
    await page.fill('.ant-modal #city', '北京');
    await page.fill('.ant-modal #district', '朝阳区');
    await page.fill('.ant-modal #lat', '39.9087');
    await page.fill('.ant-modal #lng', '116.4605');
    await page.fill('.ant-modal #floorAreaM2', '280');
    await page.click('.ant-modal button:has-text("新建")');
    await page.waitForSelector('td:has-text("京东之家·北京国贸店")');

    const stores = (await page.evaluate(async () =>
      (await fetch('/api/orgs?kind=store&limit=200')).json(),
    )) as {
      items: Array<{ name: string; floorAreaM2: number; lat: number; parentId: string }>;
    };
    expect(stores.items).toHaveLength(21);
    expect(stores.items.find((s) => s.name.includes('三里屯'))?.floorAreaM2).toBe(360);
    expect(stores.items.find((s) => s.name.includes('国贸'))).toMatchObject({
      floorAreaM2: 280,
      lat: 39.9087,
    });
    await page.context().close();
  });

  it('the operator suspends a brand, whose members then cannot sign in', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'operator@flywheel.demo');
    await page.click('text=Organisations');
    const row = page.locator('.ant-table-tbody tr', { hasText: 'Qingyan Cosmetics' });
    await row.locator('button:has-text("Suspend")').click();
    await row.locator('text=Suspended').waitFor();
    const res = await fetch(`${world.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'brand@qingyan.demo', password: 'flywheel-demo' }),
    });
    expect(res.status).toBe(403);
    await page.screenshot({ path: `${artifacts}/operator-orgs-en.png`, fullPage: true });
    await page.context().close();
  });
});
