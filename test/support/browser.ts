import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { seedDemoWorld } from '../../src/app.js';
import type { Clock } from '../../src/platform/clock.js';
import type { Config } from '../../src/platform/config.js';
import { startFlywheel, type TestFlywheel } from './harness.js';
import { freePort } from './server-process.js';

export const chromiumPath = '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
export const artifacts = 'test-artifacts/browser';
/** A phone held upright (an iPhone 12–14's CSS size): the storefront's and store staff's screen. */
export const phone = { width: 390, height: 844 };

/**
 * Says loudly when browser tests cannot run here; under CI=true that is a failure, as a skipped
 * browser test there would hide a broken user path.
 */
export function requireChromium(): void {
  if (haveChromium) return;
  const msg = `browser tests SKIPPED: ${chromiumPath} not found (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; under CI=true a skipped browser test is a failure`);
  console.warn(msg);
}

export type BrowserWorld = {
  fw: TestFlywheel;
  browser: Browser;
  base: string;
  /** A fresh browser context in `lang`, on a page. */
  page(lang: 'zh-CN' | 'en', viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs in on the console login page and waits for the menu. */
  signIn(page: Page, email: string): Promise<void>;
  /** Signs the demo shopper in on the storefront's 我的 page. */
  signInShopper(page: Page): Promise<void>;
  close(): Promise<void>;
};

/** The demo world served over real HTTP on a free port, and Debian's Chromium to drive it. */
export async function startBrowserWorld(
  config: Partial<Config> = {},
  opts: { clock?: Clock } = {},
): Promise<BrowserWorld> {
  mkdirSync(artifacts, { recursive: true });
  // The port is known before start: the sandbox payment provider calls back on it.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fw = await startFlywheel({
    clock: opts.clock,
    start: true,
    config: { loginRatePerMinute: 10_000, port, publicUrl: base, ...config },
  });
  await seedDemoWorld(fw);
  await fw.app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    fw,
    browser,
    base,
    async page(lang, viewport = { width: 1360, height: 860 }) {
      const context = await browser.newContext({ viewport });
      // The starting language only: a choice made on the page survives reloads, as for a user.
      await context.addInitScript((l) => {
        const store = (globalThis as any).localStorage;
        if (!store.getItem('flywheel.lang')) store.setItem('flywheel.lang', l);
      }, lang);
      return context.newPage();
    },
    async signIn(page, email) {
      await page.goto(`${base}/login`);
      await page.fill('#email', email);
      await page.fill('#password', 'flywheel-demo');
      await page.click('button[type=submit]');
      // The console's frame: the menu beside the page, or behind its button on a phone.
      await page.waitForSelector('[data-testid=org-name]');
    },
    async signInShopper(page) {
      await page.goto(`${base}/shop/me`);
      await page.fill('#email', 'shopper@flywheel.demo');
      await page.fill('#password', 'flywheel-demo');
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=hello]');
    },
    async close() {
      await browser.close();
      await fw.cleanup();
    },
  };
}

/**
 * What a page does wrong at its viewport's width: how far it scrolls sideways past the screen,
 * and the texts crushed into a column so narrow that they break a letter or two per line.
 */
export async function layoutFaults(page: Page): Promise<{ overflow: number; broken: string[] }> {
  return page.evaluate(() => {
    const g = globalThis as any;
    const doc = g.document;
    const broken: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const letters = [...text].length;
      if (letters < 3 || node.parentElement?.offsetParent === null) continue;
      const range = doc.createRange();
      range.selectNodeContents(node);
      const lines = new Set(
        [...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)),
      );
      if (lines.size >= 3 && lines.size * 2 >= letters) broken.push(text);
    }
    return { overflow: doc.documentElement.scrollWidth - g.innerWidth, broken };
  });
}

/**
 * Chooses `option` in the Ant Design select `select` and waits until the select shows it: a
 * click that lands while the dropdown is still opening (a busy machine) is made again.
 */
export async function choose(page: Page, select: string, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.click(select);
    await page.click(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:has-text("${option}")`,
    );
    try {
      await page.waitForSelector(
        `${select} .ant-select-content:has-text("${option}"), ${select} .ant-select-selection-item:has-text("${option}")`,
        {
          timeout: 2_000,
        },
      );
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Real time while Beijing's stores are open, else moved forward to the next 14:00 there: the
 * stores are open whenever the suite runs, and sessions, notifications and countdowns still see
 * time pass. Only forward, so session cookies (dated by the server) never expire on arrival.
 */
export function beijingAfternoon(): Clock {
  const now = Date.now();
  const chinaMs = (now + 8 * 3_600_000) % 86_400_000;
  const hour = chinaMs / 3_600_000;
  let offset = 0;
  if (hour < 10.5) offset = 14 * 3_600_000 - chinaMs;
  else if (hour > 20) offset = 86_400_000 + 14 * 3_600_000 - chinaMs;
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * Real time moved forward to the next 07:30 in Beijing, before any store opens: time still
 * passes, and only forward, so session cookies dated by the server never expire on arrival.
 */
export function beijingBeforeOpening(): Clock {
  const chinaMs = (Date.now() + 8 * 3_600_000) % 86_400_000;
  const target = 7.5 * 3_600_000;
  const offset = chinaMs <= target ? target - chinaMs : 86_400_000 - chinaMs + target;
  return { now: () => new Date(Date.now() + offset) };
}
