import type { App } from '../../platform/http/server.js';
import type { Runtime } from '../../platform/module.js';
import { formatFen } from '../../platform/money.js';
import type { PaymentStatus } from './domain/payment.js';
import type { SandboxProvider } from './sandbox.js';

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>
*{box-sizing:border-box}
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f2f3f5;margin:0;display:flex;justify-content:center}
main{background:#fff;margin:32px 12px;padding:24px 20px;border-radius:12px;max-width:380px;width:100%;box-shadow:0 2px 12px #0001}
dd{margin:0;overflow-wrap:anywhere}
h1{font-size:15px;color:#888;font-weight:500;margin:0 0 8px}.amount{font-size:36px;font-weight:600;margin:8px 0 20px}
dl{font-size:13px;color:#555;display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:0 0 24px}dt{color:#999}
button{width:100%;padding:12px;border:0;border-radius:8px;font-size:16px;cursor:pointer;margin-bottom:10px}
.pay{background:#07c160;color:#fff}.cancel{background:#f2f3f5;color:#333}.note{font-size:12px;color:#999;text-align:center}
</style></head><body><main>${body}</main></body></html>`;

/** A payment's status as the provider's page says it, in both languages. */
const statusWords: Record<PaymentStatus, string> = {
  created: '待支付 · Awaiting payment',
  paid: '已支付 · Paid',
  closed: '已关闭 · Closed',
  refunded: '已退款 · Refunded',
  partially_refunded: '部分退款 · Partly refunded',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Where the pay page sends the shopper back: a path on this site only, in URL-safe characters.
 * `//host` and `/\\host` are other sites to a browser, and a control or non-ASCII character
 * cannot go in a Location header.
 */
function safeReturn(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/?%#]{0,499}$/.test(raw)
    ? raw
    : '/shop';
}

/**
 * The sandbox provider's own pages: what the shopper sees at WeChat Pay or Alipay. They are the
 * provider's site, not Flywheel's API, so they sit outside /api.
 */
export function sandboxPages(app: App, rt: Runtime, provider: SandboxProvider): void {
  const idPattern = /^pay_[0-9a-z]{26}$/;
  app.get('/sandbox/pay/:paymentId', { schema: { hide: true } }, async (req, reply) => {
    const { paymentId } = req.params as { paymentId: string };
    const back = safeReturn((req.query as Record<string, unknown>).return);
    const payment = idPattern.test(paymentId)
      ? await rt.db
          .selectFrom('payments_payment')
          .innerJoin('identity_org_view', 'identity_org_view.id', 'payments_payment.org_id')
          .select([
            'payments_payment.amount',
            'payments_payment.status',
            'payments_payment.order_id',
            'identity_org_view.name',
          ])
          .where('payments_payment.id', '=', paymentId)
          .executeTakeFirst()
      : undefined;
    reply.type('text/html; charset=utf-8');
    if (!payment)
      return reply
        .code(404)
        .send(page('Sandbox Pay', '<h1>沙箱支付 Sandbox Pay</h1><p>未找到付款 / No such payment.</p>'));
    const q = `?return=${encodeURIComponent(back)}`;
    const open = payment.status === 'created';
    return page(
      'Sandbox Pay',
      `<h1>沙箱支付 · Sandbox Pay</h1>
<div class="amount" data-testid="sandbox-amount">${formatFen(Number(payment.amount))}</div>
<dl><dt>商户 Merchant</dt><dd>${escapeHtml(payment.name)}</dd><dt>订单 Order</dt><dd>${payment.order_id}</dd>
<dt>状态 Status</dt><dd data-testid="sandbox-status">${statusWords[payment.status]}</dd></dl>
${
  open
    ? `<form method="post" action="/sandbox/pay/${paymentId}/pay${q}"><button class="pay" type="submit">确认支付 Pay</button></form>
<form method="post" action="/sandbox/pay/${paymentId}/cancel${q}"><button class="cancel" type="submit">取消 Cancel</button></form>`
    : `<p>此付款${statusWords[payment.status]}</p><a href="${escapeHtml(back)}">返回商家 Back to the shop</a>`
}
<p class="note">沙箱环境，不会扣款 · Sandbox: no money moves.</p>`,
    );
  });
  // The page's buttons post plain HTML forms.
  app.register(async (forms) => {
    forms.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    forms.post('/sandbox/pay/:paymentId/:action', { schema: { hide: true } }, async (req, reply) => {
      const { paymentId, action } = req.params as { paymentId: string; action: string };
      const back = safeReturn((req.query as Record<string, unknown>).return);
      if (!idPattern.test(paymentId) || (action !== 'pay' && action !== 'cancel'))
        return reply.code(404).type('text/plain').send('not found');
      if (action === 'pay') {
        const result = await provider.pay(rt.db, paymentId, rt.clock.now());
        rt.nudge();
        if (result === 'closed')
          return reply
            .code(409)
            .type('text/html; charset=utf-8')
            .send(page('Sandbox Pay', '<p>付款已关闭 · The payment is closed.</p>'));
      }
      return reply.redirect(back, 303);
    });
  });
}
