import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/modules/webhooks/index.js';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

describe.skipIf(!haveChromium)('webhooks in the console: register, test, watch it fail, fix, resend', () => {
  let world: BrowserWorld;
  let receiver: Server;
  let receiverUrl: string;
  let healthy = false;
  const received: Array<{ signature: string; body: string }> = [];

  beforeAll(async () => {
    world = await startBrowserWorld({ webhookRetryBaseMs: 100, webhookMaxAttempts: 2, outboxPollMs: 50 });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ signature: String(req.headers['flywheel-signature']), body });
        res.statusCode = healthy ? 200 : 500;
        res.end(healthy ? 'thanks' : 'receiver down');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/flywheel`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
    await world?.close();
  });

  it('a brand admin registers an endpoint, sees its failed test delivery and re-sends it once fixed', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('text=Webhooks');
    await page.click('button:has-text("Add endpoint")');
    // The dialog's form is mounted as it opens: the address is typed once it is there and kept.
    await page.locator('.ant-modal #url').waitFor();
    await page.fill('#url', receiverUrl);
    await expect.poll(() => page.inputValue('#url')).toBe(receiverUrl);
    await page.click('.ant-modal button:has-text("Create")');
    // Shown once the endpoint is made (a busy machine takes its time).
    await page.locator('[data-testid=secret]').waitFor({ timeout: 20_000 });
    const secret = (await page.locator('[data-testid=secret]').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.waitForSelector(`td:has-text("${receiverUrl}")`);

    await page.click('button:has-text("Delivery log")');
    await page.click('[data-testid=ping]');
    // The drawer follows the delivery while it is pending: two attempts, both 500, then failed.
    await page.waitForSelector('[data-status=failed]', { timeout: 20_000 });
    expect(received).toHaveLength(2);
    expect(
      verifySignature(secret, received[0].body, received[0].signature, Math.floor(Date.now() / 1000)),
    ).toBe(true);

    healthy = true;
    await page.click('button:has-text("Resend")');
    await page.waitForSelector('[data-status=delivered]', { timeout: 20_000 });
    expect(received).toHaveLength(3);

    await page.click('[data-testid=deliveries] .ant-table-row-expand-icon');
    await page.waitForSelector('.ant-table-expanded-row td:has-text("thanks")');
    const codes = await page.locator('.ant-table-expanded-row tbody tr td:nth-child(2)').allTextContents();
    expect(codes.map((c) => c.trim())).toEqual(['500', '500', '200']);
    await page.screenshot({ path: `${artifacts}/webhooks-delivery-log-en.png`, fullPage: true });
    await page.context().close();
  });
});
