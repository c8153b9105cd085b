import type { DemoWorld, Runtime } from '../../platform/module.js';
import type { MemberPrincipal } from '../../platform/principal.js';
import { runWrite } from '../../platform/write.js';
import { createAgreement, moveAgreement, signAddendum } from './commands/agreements.js';

/**
 * The agreement's days, relative to today so that the demo world is the same story whenever it
 * is made: signed for three years from the first of the month nine months ago, drafted, proposed
 * and accepted in the weeks before, the omnichannel addendum five months in.
 */
export function agreementCalendar(now: Date) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 9, 1));
  const day = (from: Date, days: number) =>
    new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), 1));
  return {
    created: day(start, -19),
    proposed: day(start, -17),
    accepted: day(start, -9),
    startsOn: day(start, 0),
    addendum: day(start, 150),
    endsOn: day(end, -1),
  };
}

/**
 * JD Home x OPPO (DESIGN §1 A): a three-year NKA agreement over OPPO's whole range of smart
 * devices in the provinces of JD Home's stores, then the omnichannel supply addendum: full line
 * on the shelf, a brand zone per store, 14 days of cover, one-hour delivery.
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
  const on = agreementCalendar(rt.clock.now());
  const brand = as(brandId, 'brand');
  const { body: agreement } = await write(on.created, brand, 'partnership.agreement.create', (ctx) =>
    createAgreement(ctx, brand, {
      retailerId,
      level: 'nka',
      title: '京东之家 × OPPO 全国重点客户战略合作协议',
      titleEn: 'JD Home × OPPO national key-account partnership agreement',
      startsOn: on.startsOn,
      endsOn: on.endsOn,
      provinces: ['北京', '天津', '河北', '广东', '陕西', '浙江'],
      commitments: { displayZoneM2: 20 },
      // The stores earn 5% of what they sell across the counter…
      settlement: { model: 'commission', rateBp: 500 },
    }),
  );
  await write(on.proposed, brand, 'partnership.agreement.move', (ctx) =>
    moveAgreement(ctx, brand, agreement.id, 'propose'),
  );
  const retailer = as(retailerId, 'retailer');
  await write(on.accepted, retailer, 'partnership.agreement.move', (ctx) =>
    moveAgreement(ctx, retailer, agreement.id, 'accept'),
  );
  await write(on.addendum, brand, 'partnership.agreement.addendum', (ctx) =>
    signAddendum(ctx, brand, agreement.id, {
      addendumTitle: '全渠道供货补充协议 Omnichannel supply addendum',
      signedOn: on.addendum,
      commitments: { minCoverDays: 14, fullLine: true, hourDelivery: true },
      // …and 8% once they also fulfil the online shop's orders within the hour.
      settlement: { model: 'commission', rateBp: 800 },
    }),
  );
  world.agreements = { jdhomeOppo: agreement.id };
}
