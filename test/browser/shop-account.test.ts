import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingAfternoon,
  haveChromium,
  layoutFaults,
  phone,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { givenShopper, password } from '../support/builders.js';
import { TestClient } from '../support/client.js';

requireChromium();

/** Picks province, city and district in the cascader `picker`, a column at a time. */
async function pickDistrict(page: Page, picker: string, [province, city, district]: string[]) {
  await page.click(picker);
  for (const [column, name] of [province, city, district].entries())
    await page.click(`.ant-cascader-menu:nth-child(${column + 1}) .ant-cascader-menu-item[title="${name}"]`);
}

/**
 * The account page (issue 11, item 3): the orders by stage with their counts, and an address
 * book kept on the server (add, edit, choose the default, remove) that the cart delivers to.
 */
describe.skipIf(!haveChromium)("the shopper's account page, on a phone", () => {
  let world: BrowserWorld;
  let channelId: string;
  let skuId: string;
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingAfternoon() });
    const brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    channelId = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    skuId = (await brand.get(`/api/channels/${channelId}/listings?limit=200`))
      .json()
      .items.find((l: any) => l.sellable).skuId;
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`keeps addresses, chooses the default, and shows the orders by stage (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const shopper = await givenShopper(world.fw);
      // An order left unpaid: the account counts it under "to pay".
      const cart = (await shopper.post('/api/shop/carts', { channelId })).json().id;
      await shopper.post(`/api/shop/carts/${cart}/lines`, { skuId, quantity: 1 });
      await shopper.post(`/api/shop/carts/${cart}/delivery`, {
        mode: 'standard',
        address: {
          province: '北京',
          city: '北京',
          district: '朝阳区',
          line: '工体北路 8 号',
          name: '李雷',
          phone: '13900000000',
        },
      });
      const order = await shopper.post(
        '/api/shop/orders',
        { cartId: cart },
        { 'idempotency-key': `acct-${lang}` },
      );
      expect(order.statusCode).toBe(201);

      const errors: string[] = [];
      const page = await world.page(lang, phone);
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${world.base}/shop/me`);
      await page.fill('#email', shopper.email);
      await page.fill('#password', password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=hello]');
      await page.waitForSelector(`text=${zh ? '还没有保存的地址' : 'No saved address yet'}`);
      await page.waitForSelector('[data-stage=toPay] .ant-badge-count:has-text("1")');

      // The first address becomes the default.
      const save = zh ? '保存' : 'Save';
      const add = async (phoneNo: string, district: string, line: string) => {
        await page.click('[data-testid=add-address]');
        await page.fill('#name', '李雷');
        await page.fill('#phone', phoneNo);
        // Named in the page's language: Beijing › Beijing › Chaoyang District in English.
        const english: Record<string, string> = { 朝阳区: 'Chaoyang District', 海淀区: 'Haidian District' };
        await pickDistrict(
          page,
          '.ant-modal [data-testid=district-picker]',
          zh ? ['北京', '北京', district] : ['Beijing', 'Beijing', english[district]],
        );
        await page.fill('#line', line);
        await page.click(`.ant-modal-footer button:has-text("${save}")`);
      };
      await add('13900000000', '朝阳区', '三里屯路 19 号院 3 号楼');
      await page.waitForSelector('[data-testid=saved-address]:has-text("三里屯路 19 号院 3 号楼") .ant-tag');

      // A second one, then chosen as the default.
      await add('13900000001', '海淀区', '中关村大街 27 号');
      const office = page.locator('[data-testid=saved-address]', { hasText: '中关村大街 27 号' });
      await office.waitFor();
      expect(await office.locator('.ant-tag').count()).toBe(0);
      await office.locator('[data-testid=make-default]').click();
      await page.waitForSelector('[data-testid=saved-address]:has-text("中关村大街 27 号") .ant-tag');
      expect(await page.locator('[data-testid=saved-address] .ant-tag').count()).toBe(1);

      // Edited in place.
      await office.locator(`button:has-text("${zh ? '编辑' : 'Edit'}")`).click();
      // The dialog opens with the address in it.
      await page.waitForFunction(
        () => (globalThis as any).document.querySelector('#line')?.value === '中关村大街 27 号',
      );
      await page.fill('#line', '中关村大街 27 号 9 层');
      await page.click(`.ant-modal-footer button:has-text("${save}")`);
      await page.waitForSelector('[data-testid=saved-address]:has-text("中关村大街 27 号 9 层")');
      expect(await layoutFaults(page)).toEqual({ overflow: 0, broken: [] });
      await page.screenshot({ path: `${artifacts}/shop-account-${lang}.png`, fullPage: true });

      // Removed, with a confirmation; the other becomes the default again.
      await page
        .locator('[data-testid=saved-address]', { hasText: '9 层' })
        .locator('[data-testid=remove-address]')
        .click();
      await page.click(`.ant-popconfirm-buttons button:has-text("${zh ? '删除' : 'Delete'}")`);
      await page.waitForSelector('[data-testid=saved-address]:has-text("9 层")', { state: 'detached' });
      await page.waitForSelector('[data-testid=saved-address]:has-text("三里屯路 19 号院 3 号楼") .ant-tag');
      const book = (await shopper.get('/api/shop/addresses')).json().items;
      expect(book.map((a: any) => [a.line, a.isDefault])).toEqual([['三里屯路 19 号院 3 号楼', true]]);

      // The stage opens the orders at that stage.
      await page.click('[data-stage=toPay]');
      await page.waitForURL('**/shop/orders?stage=toPay');
      await page.waitForSelector(`[role=tab][aria-selected=true]:has-text("${zh ? '待付款' : 'To pay'}")`);
      await page.waitForSelector(`a[href="/shop/orders/${order.json().id}"]`);
      // Every stage is there to tap on a phone, the last one (after-sales) too, none folded away.
      const refunds = page.locator('[role=tab]', { hasText: zh ? '退款/售后' : 'Refunds' });
      await refunds.scrollIntoViewIfNeeded();
      expect(await refunds.isVisible()).toBe(true);
      await refunds.click();
      await page.waitForURL('**/shop/orders?stage=refunds');
      expect(await layoutFaults(page)).toEqual({ overflow: 0, broken: [] });
      await page.screenshot({ path: `${artifacts}/shop-orders-stages-${lang}.png` });

      // The cart delivers to a saved address, chosen from the book.
      const next = (await shopper.post('/api/shop/carts', { channelId })).json().id;
      await shopper.post(`/api/shop/carts/${next}/lines`, { skuId, quantity: 1 });
      await page.goto(`${world.base}/shop/cart`);
      await page.waitForSelector('[data-testid=saved-addresses]');
      expect(await page.locator('[data-testid=saved-addresses]').textContent()).toContain(
        '三里屯路 19 号院 3 号楼',
      );
      await page.screenshot({ path: `${artifacts}/shop-account-cart-${lang}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
