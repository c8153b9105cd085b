import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const artifacts = 'test-artifacts/browser';

if (!haveChromium) {
  const msg = `browser tests SKIPPED: ${chromiumPath} not found (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; under CI=true a skipped browser test is a failure`);
  console.warn(msg);
}

/** Menu entries each demo login must see, by the i18n keys' English text. */
const roles = [
  {
    role: 'operator',
    email: 'operator@flywheel.demo',
    menu: ['Home', 'Organisations', 'Members', 'API keys', 'Webhooks', 'Audit log'],
    figures: ['orgs.brand', 'orgs.store', 'members'],
  },
  {
    role: 'brand',
    email: 'brand@oppo.demo',
    menu: ['Home', 'Members', 'API keys', 'Webhooks', 'Audit log'],
    figures: ['members', 'apiKeys'],
  },
  {
    role: 'retailer',
    email: 'retailer@jdhome.demo',
    menu: ['Home', 'Stores', 'Members', 'API keys', 'Webhooks', 'Audit log'],
    figures: ['orgs.store', 'members'],
  },
  { role: 'store', email: 'store@jdhome.demo', menu: ['Home', 'Members'], figures: ['members'] },
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
  Organisations: '组织管理',
  Stores: '门店',
  Members: '成员管理',
  'API keys': 'API 密钥',
  Webhooks: 'Webhook',
  'Audit log': '操作日志',
};

describe.skipIf(!haveChromium)('console in Chromium: every role, both languages', () => {
  let fw: TestFlywheel;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    fw = await startFlywheel({ start: true, config: { loginRatePerMinute: 10_000 } });
    await seedDemoWorld(fw);
    await fw.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(fw.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await fw?.cleanup();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const r of roles) {
      it(`${r.role} signs in (${lang}), sees its menu and its home figures`, async () => {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
        await context.addInitScript(
          (l) => (globalThis as any).localStorage.setItem('flywheel.lang', l),
          lang,
        );
        const page = await context.newPage();
        await page.goto(`${base}/login`);
        await page.fill('#email', r.email);
        await page.fill('#password', 'flywheel-demo');
        await page.click('button[type=submit]');
        await page.waitForSelector('[data-testid=menu]');
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
        await context.close();
      });
    }
  }

  it('a shopper signs in to the storefront shell', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${base}/shop`);
    await page.fill('#email', 'shopper@flywheel.demo');
    await page.fill('#password', 'flywheel-demo');
    await page.click('button[type=submit]');
    await page.waitForSelector('.ant-result-title');
    expect(await page.locator('.ant-result-title').textContent()).toContain('王小明');
    await page.screenshot({ path: `${artifacts}/shopper-zh-CN.png` });
    await context.close();
  });
});
