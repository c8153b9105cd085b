import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../src/platform/clock.js';
import {
  artifacts,
  type BrowserWorld,
  choose,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

describe.skipIf(!haveChromium)('full line on the shelf, from the report to the store’s receipt', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  it('the brand turns a store’s gaps into a transfer and ships it; the store receives it; the ledger shows it', async () => {
    const brand = await world.page('zh-CN');
    await world.signIn(brand, 'brand@oppo.demo');
    await brand.click('text=库存地点与专区');
    await brand.click('td:has-text("京东之家·北京三里屯店")');
    await brand.waitForSelector('.ant-drawer .ant-statistic');
    await brand.waitForSelector('.ant-drawer td:has-text("OPPO Find X5 Pro")');
    await brand.screenshot({ path: `${artifacts}/brand-full-line-zh-CN.png`, fullPage: true });
    await brand.click('[data-testid=replenish]');
    await brand.waitForURL(/\/transfers\?locationId=/);
    await brand.waitForSelector('td:has-text("全线上架")');
    // One transfer per warehouse that holds what the store lacks: ship each.
    const requests = brand.locator('tr:has(td:has-text("全线上架"))');
    const count = await requests.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      await requests.nth(i).click();
      await brand.waitForSelector('[data-testid=ship]');
      await brand.click('[data-testid=ship]');
      await brand.waitForSelector('.ant-drawer .ant-tag:has-text("在途")');
      if (i === 0)
        await brand.screenshot({ path: `${artifacts}/brand-transfer-shipped-zh-CN.png`, fullPage: true });
      await brand.click('.ant-drawer-close');
      await brand.waitForSelector('.ant-drawer-open', { state: 'detached' });
    }
    await brand.context().close();

    const store = await world.page('en');
    await world.signIn(store, 'store@jdhome.demo');
    await store.click('text=Transfers');
    await store.waitForSelector('td:has-text("Full line")');
    const arriving = store.locator('tr:has(td:has-text("Full line"))');
    for (let i = 0; i < (await arriving.count()); i++) {
      await arriving.nth(i).click();
      await store.waitForSelector('[data-testid=receive]');
      await store.click('[data-testid=receive]');
      await store.waitForSelector('.ant-drawer .ant-tag:has-text("Received")');
      if (i === 0)
        await store.screenshot({ path: `${artifacts}/store-transfer-received-en.png`, fullPage: true });
      await store.click('.ant-drawer-close');
      await store.waitForSelector('.ant-drawer-open', { state: 'detached' });
    }
    await store.click('text=Locations & zones');
    // In English the stores go by their English names.
    await store.click('td:has-text("JD Home Beijing Sanlitun")');
    await store.waitForSelector('.ant-drawer .ant-statistic');
    const outOfStock = await store.locator('.ant-drawer .ant-statistic').nth(3).textContent();
    expect(outOfStock).toContain('0');
    await store.screenshot({ path: `${artifacts}/store-full-line-after-en.png`, fullPage: true });
    await store.context().close();

    const again = await world.page('en');
    await world.signIn(again, 'brand@oppo.demo');
    await again.click('text=Inventory');
    await again.fill('.ant-input-search input', 'X5');
    await again.press('.ant-input-search input', 'Enter');
    await again.click('tr:has(td:has-text("JD Home Beijing Sanlitun")) >> nth=0');
    await again.waitForSelector('.ant-drawer .ant-tag:has-text("Transferred in")');
    await again.screenshot({ path: `${artifacts}/brand-cell-history-en.png`, fullPage: true });
    await again.context().close();
  });

  it('the brand reads its agreement with its history, and its channels with prices and the coming launch', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('text=Agreements');
    await page.click('td:has-text("NKA")');
    await page.waitForSelector('.ant-timeline-item:has-text("Addendum")');
    await page.screenshot({ path: `${artifacts}/brand-agreement-en.png`, fullPage: true });
    await page.click('.ant-drawer-close');
    await page.click('text=Channels & prices');
    await page.click('td:has-text("JD Home stores")');
    await page.waitForSelector('.ant-drawer td:has-text("OPPO Find X3 Pro")');
    await page.screenshot({ path: `${artifacts}/brand-channel-listings-en.png`, fullPage: true });
    await page.click('.ant-drawer-close');
    await page.click('.ant-tabs-tab:has-text("Launches")');
    await page.waitForSelector('[data-testid=countdown]');
    await page.screenshot({ path: `${artifacts}/brand-launches-en.png`, fullPage: true });
    await page.context().close();
  });

  it('the brand adds a warehouse, records a zone audit and reads a store’s replenishment suggestions', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('text=Locations & zones');
    await page.click('button:has-text("Add location")');
    await choose(page, '.ant-modal .ant-select', 'Warehouse');
    await page.fill('.ant-modal #name', 'OPPO 西南仓 Chengdu DC');
    await page.fill('.ant-modal #province', '四川');
    await page.fill('.ant-modal #city', '成都');
    await page.fill('.ant-modal #lat', '30.57');
    await page.fill('.ant-modal #lng', '104.07');
    await page.click('.ant-modal button:has-text("Create")');
    await page.waitForSelector('td:has-text("Chengdu DC")');

    await page.click('td:has-text("JD Home Beijing Zhongguancun")');
    await page.click('.ant-drawer .ant-tabs-tab:has-text("Replenishment")');
    await page.waitForSelector('.ant-drawer .ant-tag:has-text("Cover of 14 days")');
    await page.click('.ant-drawer .ant-tabs-tab:has-text("Brand zone")');
    await page.click('[data-testid=record-audit]');
    // Today in the world's clock: the demo world's own audits are dated days before it.
    await page.fill('.ant-modal #auditedOn', chinaDay(world.fw.rt.clock.now()));
    await page.press('.ant-modal #auditedOn', 'Enter');
    await page.fill('.ant-modal #auditor', 'Zhang Wei');
    await page.fill(
      '.ant-modal #checklist',
      'Fixtures to standard\n✗ Find X5 Pro demo unit missing\nPrices match online',
    );
    await page.click('.ant-modal button:has-text("Save")');
    await page.waitForSelector('.ant-drawer td:has-text("Zhang Wei")');
    await page.screenshot({ path: `${artifacts}/brand-zone-audit-en.png`, fullPage: true });
    const zones = (await page.evaluate(async () => (await fetch('/api/inventory/zones')).json())) as {
      items: Array<{ locationName: string; lastScore: number }>;
    };
    expect(zones.items.find((z) => z.locationName.includes('中关村'))?.lastScore).toBe(67);
    await page.context().close();
  });
});
