import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

/** Menu entries each demo login must see, by the i18n keys' English text. */
const roles = [
  {
    role: 'operator',
    email: 'operator@flywheel.demo',
    menu: [
      'Home',
      'Products',
      'Channels & prices',
      'Agreements',
      'Locations & zones',
      'Inventory',
      'Transfers',
      'Orders',
      'Store tasks',
      'Ledger',
      'Trust Card',
      'After-sales',
      'Organisations',
      'Members',
      'API keys',
      'Webhooks',
      'Audit log',
    ],
    figures: ['orgs.brand', 'orgs.store', 'members'],
  },
  {
    role: 'brand',
    email: 'brand@oppo.demo',
    menu: [
      'Home',
      'Products',
      'Channels & prices',
      'Agreements',
      'Locations & zones',
      'Inventory',
      'Transfers',
      'Orders',
      'Store tasks',
      'Ledger',
      'Trust Card',
      'After-sales',
      'Members',
      'API keys',
      'Webhooks',
      'Audit log',
    ],
    figures: [
      'members',
      'apiKeys',
      'catalog.activeSkus',
      'agreements.inForce',
      'inventory.lowStock',
      'orders.paidToday',
    ],
  },
  {
    role: 'retailer',
    email: 'retailer@jdhome.demo',
    menu: [
      'Home',
      'Channels & prices',
      'Agreements',
      'Locations & zones',
      'Inventory',
      'Transfers',
      'Orders',
      'Store tasks',
      'Ledger',
      'Stores',
      'Members',
      'API keys',
      'Webhooks',
      'Audit log',
    ],
    figures: ['orgs.store', 'members', 'agreements.inForce', 'inventory.openTransfers'],
  },
  {
    role: 'store',
    email: 'store@jdhome.demo',
    menu: [
      'Home',
      'Locations & zones',
      'Inventory',
      'Transfers',
      'Orders',
      'Store tasks',
      'Counter',
      'Members',
    ],
    figures: ['members', 'fulfilment.openTasks'],
  },
  {
    role: 'creator',
    email: 'creator@flywheel.demo',
    menu: ['Home', 'Members', 'API keys', 'Webhooks', 'Audit log'],
    figures: ['members'],
  },
  {
    role: 'provider',
    email: 'provider@flywheel.demo',
    menu: ['Home', 'Members', 'API keys', 'Webhooks', 'Audit log'],
    figures: ['members'],
  },
];
const zhMenu: Record<string, string> = {
  Home: '首页',
  Products: '商品管理',
  Organisations: '组织管理',
  Stores: '门店',
  Members: '成员管理',
  'API keys': 'API 密钥',
  Webhooks: 'Webhook',
  'Audit log': '操作日志',
  'Channels & prices': '渠道与价格',
  Agreements: '合作协议',
  'Locations & zones': '库存地点与专区',
  Inventory: '库存',
  Transfers: '调拨',
  Orders: '订单',
  'Store tasks': '履约任务',
  Counter: '门店收银',
  Ledger: '资金账本',
  'Trust Card': '信任卡',
  'After-sales': '售后处理',
};

describe.skipIf(!haveChromium)('console in Chromium: every role, both languages', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const r of roles) {
      it(`${r.role} signs in (${lang}), sees its menu and its home figures, and opens every page`, async () => {
        const page = await world.page(lang);
        await world.signIn(page, r.email);
        await page.waitForSelector('[data-testid=figures] .ant-statistic');

        const menu = (await page.locator('[data-testid=menu] .ant-menu-title-content').allInnerTexts()).map(
          (s) => s.trim(),
        );
        expect(menu).toEqual(lang === 'en' ? r.menu : r.menu.map((m) => zhMenu[m]));

        const home = (await page.evaluate(async () => (await fetch('/api/home')).json())) as {
          figures: Array<{ key: string; value: number }>;
        };
        for (const key of r.figures) {
          const expected = home.figures.find((f: { key: string }) => f.key === key);
          expect(expected, key).toBeDefined();
          const shown = await page
            .locator(`[data-figure="${key}"] .ant-statistic-content-value`)
            .textContent();
          expect((shown ?? '').replace(/,/g, '')).toBe(String(expected!.value));
        }
        await page.screenshot({ path: `${artifacts}/${r.role}-${lang}.png`, fullPage: true });

        // Every page of the menu opens with its data and without an error.
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('response', (res) => {
          if (res.url().includes('/api/') && res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
        });
        const items = page.locator('[data-testid=menu] .ant-menu-item');
        for (let i = 1; i < (await items.count()); i++) {
          await items.nth(i).click();
          // A page's data: rows of a table, or the items of a list (the store's tasks, the counter).
          await page.waitForSelector('.ant-card .ant-table-tbody tr, .ant-card .ant-list-item');
          const slug = new URL(page.url()).pathname.slice(1) || 'home';
          if (lang === 'en')
            await page.screenshot({ path: `${artifacts}/${r.role}-${slug}-${lang}.png`, fullPage: true });
        }
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('a shopper signs in to the storefront shell, and a new one registers, signs out and back in', async () => {
    const page = await world.page('zh-CN', { width: 390, height: 844 });
    await page.goto(`${world.base}/shop/me`);
    await page.fill('#email', 'shopper@flywheel.demo');
    await page.fill('#password', 'flywheel-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=hello]');
    expect(await page.locator('[data-testid=hello]').textContent()).toContain('王小明');
    await page.screenshot({ path: `${artifacts}/shopper-zh-CN.png` });
    await page.click('button:has-text("退出登录")');

    await page.click('.ant-segmented-item:has-text("注册")');
    await page.fill('#name', '李华');
    await page.fill('#email', 'lihua@example.com');
    await page.fill('#password', 'lihua-2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=hello]:has-text("李华")');
    await page.click('button:has-text("退出登录")');
    await page.fill('#email', 'lihua@example.com');
    await page.fill('#password', 'lihua-2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=hello]:has-text("李华")');
    await page.context().close();
  });

  it('says a failed sign-in in the language of the page, on the console and the storefront', async () => {
    for (const [lang, words] of [
      ['zh-CN', '邮箱或密码错误'],
      ['en', 'Wrong email or password'],
    ] as const) {
      const page = await world.page(lang);
      await page.goto(`${world.base}/login`);
      await page.fill('#email', 'nobody@oppo.demo');
      await page.fill('#password', 'not-the-password');
      await page.click('button[type=submit]');
      await page.waitForSelector(`.ant-alert:has-text("${words}")`);
      await page.goto(`${world.base}/shop/me`);
      await page.fill('#email', 'nobody@shop.test');
      await page.fill('#password', 'not-the-password');
      await page.click('button[type=submit]');
      await page.waitForSelector(`.ant-alert:has-text("${words}")`);
      await page.context().close();
    }
  });

  it('remembers the language chosen in the header across reloads', async () => {
    const page = await world.page('zh-CN');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('[data-testid=menu] :text("Members")');
    await page.reload();
    await page.waitForSelector('[data-testid=menu] :text("Members")');
    // The page's own language follows, restored from the choice as well.
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('en');
    await page.click('[data-testid=lang-switch]');
    await page.reload();
    await page.waitForSelector('[data-testid=menu] :text("成员管理")');
    await page.context().close();
  });

  it("says a page opened by its address is not part of a role's console, without an error", async () => {
    const page = await world.page('en', { width: 390, height: 844 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await world.signIn(page, 'store@jdhome.demo');
    for (const path of ['/ledger', '/products', '/webhooks']) {
      await page.goto(`${world.base}${path}`);
      await page.waitForSelector('.ant-result-403:has-text("not part of your organisation")');
    }
    await page.click('.ant-result button');
    await page.waitForURL(`${world.base}/`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a member changes their password from the header and signs in with the new one', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'manager@jdhome.demo');
    await page.click('[data-testid=account]');
    await page.fill('.ant-modal #currentPassword', 'flywheel-demo');
    await page.fill('.ant-modal #newPassword', 'sanlitun-2026');
    await page.click('.ant-modal button:has-text("Save")');
    await page.waitForSelector('.ant-message :text("Password changed")');
    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('#email');
    await page.fill('#email', 'manager@jdhome.demo');
    await page.fill('#password', 'sanlitun-2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=menu]');
    await page.context().close();
  });

  it('shows codes in words: categories, audited actions, and a form row named by its field', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const zh = lang === 'zh-CN';
      const page = await world.page(lang);
      await world.signIn(page, 'brand@oppo.demo');
      await page.goto(`${world.base}/products`);
      await page.waitForSelector(`td:has-text("${zh ? '手机' : 'Phones'}")`);
      expect(await page.locator('td:text-is("phone")').count()).toBe(0);
      // A SKU row left empty names its field, not its path in the form ("0,code").
      await page.click(`button:has-text("${zh ? '新建商品' : 'New product'}")`);
      await page.click('.ant-modal .ant-btn-primary');
      const said = await page.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
      expect(said.join(' ')).toContain(zh ? '请输入SKU 编码' : 'Please enter SKU code');
      expect(said.join(' ')).not.toMatch(/\d,code/);
      await page.keyboard.press('Escape');
      await page.goto(`${world.base}/audit`);
      await page.waitForSelector(`td:has-text("${zh ? '登录' : 'Signed in'}")`);
      expect(await page.locator('td:text-is("identity.session.create")').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/audit-${lang}.png` });
      await page.context().close();
    }
  });
});
