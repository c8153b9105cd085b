import type { DemoWorld, Runtime } from '../../platform/module.js';
import type { MemberPrincipal } from '../../platform/principal.js';
import { runWrite } from '../../platform/write.js';
import { createAgreement, moveAgreement, signAddendum } from './commands/agreements.js';

/**
 * JD Home x OPPO (DESIGN §1 A): a three-year NKA agreement over OPPO's whole range of smart
 * devices in the provinces of JD Home's stores, then the omnichannel supply addendum signed on
 * 29 July: full line on the shelf, a brand zone per store, 14 days of cover, one-hour delivery.
 */
export async function seedPartnership(rt: Runtime, world: DemoWorld): Promise<void> {
  const brandId = world.orgs.oppo;
  const retailerId = world.orgs.jdhome;
  if (!brandId || !retailerId) return;
  const as = (orgId: string, kind: 'brand' | 'retailer'): MemberPrincipal => ({
    type: 'member',
    userId: world.users[kind === 'brand' ? 'brand@oppo.demo' : 'retailer@jdhome.demo'] ?? 'usr_demo',
    orgId,
    orgKind: kind,
    role: 'owner',
    orgIds: [orgId],
    via: 'session',
    credentialId: 'demo-seed',
  });
  // Each step on the day it happened, so the agreement's history reads as it would have.
  const write = <T>(on: string, p: MemberPrincipal, action: string, fn: Parameters<typeof runWrite<T>>[3]) =>
    runWrite(
      {
        db: rt.db,
        clock: { now: () => new Date(`${on}T02:00:00Z`) },
        hooks: rt.hooks,
        afterCommit: rt.nudge,
      },
      { principal: p, requestId: 'demo-seed', ip: null },
      { action },
      fn,
    );
  const brand = as(brandId, 'brand');
  const { body: agreement } = await write('2026-02-10', brand, 'partnership.agreement.create', (ctx) =>
    createAgreement(ctx, brand, {
      retailerId,
      level: 'nka',
      title: '京东之家 × OPPO 全国重点客户战略合作协议',
      startsOn: '2026-03-01',
      endsOn: '2029-02-28',
      provinces: ['北京', '天津', '河北', '广东', '陕西', '浙江'],
      commitments: { displayZoneM2: 20 },
    }),
  );
  await write('2026-02-12', brand, 'partnership.agreement.move', (ctx) =>
    moveAgreement(ctx, brand, agreement.id, 'propose'),
  );
  const retailer = as(retailerId, 'retailer');
  await write('2026-02-20', retailer, 'partnership.agreement.move', (ctx) =>
    moveAgreement(ctx, retailer, agreement.id, 'accept'),
  );
  await write('2026-07-29', brand, 'partnership.agreement.addendum', (ctx) =>
    signAddendum(ctx, brand, agreement.id, {
      addendumTitle: '全渠道供货补充协议 Omnichannel supply addendum',
      signedOn: '2026-07-29',
      commitments: { minCoverDays: 14, fullLine: true, hourDelivery: true },
    }),
  );
  world.agreements = { jdhomeOppo: agreement.id };
}
