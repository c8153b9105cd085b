import type { Executor } from '../../platform/db/database.js';
import { referenceCache } from '../../platform/db/reference.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { DomainError } from '../../platform/errors.js';
import { paginate } from '../../platform/http/pagination.js';
import type { MemberPrincipal, Principal } from '../../platform/principal.js';
import { englishNameOf } from '../identity/index.js';
import { balancesOf } from '../ledger/index.js';
import { baselineRights, type Rights } from './domain/rights.js';
import { qualify, type Tier } from './domain/tiers.js';
import { baselineRightsId } from './repo.js';
import { reasonOf, type ShopRow, standingOf, tierOf, tierRef } from './views.js';

/**
 * Every tier, lowest rank first, as the database has them now: for a write that changes tiers
 * or judges by them (a transaction sees the cache as of its first read, not its own changes).
 */
export async function currentTiers(db: Executor): Promise<Tier[]> {
  return (await db.selectFrom('trust_tier').selectAll().orderBy('rank').execute()).map(tierOf);
}

const allTiers = referenceCache<Tier[]>(async (db, keys) => {
  const all = await currentTiers(db);
  return new Map(keys.map((k) => [k, all]));
});

/** Every tier, lowest rank first: cached, read on every order. */
export const tiers = (db: Executor): Promise<Tier[]> => allTiers.get(db, 'all');

/** The Trust Card a brand's shops carry now: its tier (or none) and the rights its orders get. */
export type Card = { tier: Tier | null; rights: Rights; rightsId: string; since: string | null };

const cards = referenceCache<Card>(async (db, orgIds) => {
  const [all, rows] = await Promise.all([
    tiers(db),
    db.selectFrom('trust_shop').selectAll().where('org_id', 'in', orgIds).execute(),
  ]);
  const byOrg = new Map(rows.map((r) => [r.org_id, r]));
  return new Map(
    orgIds.map((id) => {
      const row = byOrg.get(id);
      // A brand not yet judged stands as a new shop does: no deposit, no score yet.
      const tier = row
        ? (all.find((t) => t.id === row.tier_id) ?? null)
        : qualify(all, { depositFen: 0, score: null, disputeRateBp: null }).tier;
      return [
        id,
        {
          tier,
          rights: tier?.rights ?? baselineRights,
          rightsId: tier?.rightsId ?? baselineRightsId,
          since: row?.since ?? null,
        },
      ];
    }),
  );
});

/** The card of a brand's shops, from the cache. */
export const cardOf = (db: Executor, brandId: string): Promise<Card> => cards.get(db, brandId);

/** The tiers, each with how many brands hold it. */
export async function listTiers(db: Executor) {
  const [all, held] = await Promise.all([
    tiers(db),
    db
      .selectFrom('trust_shop')
      .select((eb) => ['tier_id', eb.fn.countAll<number>().as('n')])
      .groupBy('tier_id')
      .execute(),
  ]);
  const rows = await db.selectFrom('trust_tier').select(['id', 'updated_at']).execute();
  const updated = new Map(rows.map((r) => [r.id, r.updated_at]));
  return {
    items: [...all]
      .sort((a, b) => b.rank - a.rank)
      .map((t) => ({
        ...t,
        shops: Number(held.find((h) => h.tier_id === t.id)?.n ?? 0),
        updatedAt: updated.get(t.id)!,
      })),
  };
}

/** What the platform holds of a merchant's money: its deposit, its debt, what its sales earned. */
export async function moneyOf(db: Executor, orgIds: readonly string[]) {
  const balances = await balancesOf(db, orgIds, ['merchant_deposit', 'merchant_debt', 'merchant_payable']);
  return new Map(
    [...balances].map(([id, b]) => [
      id,
      {
        // Credits the platform owes read negative in the ledger; here, as their holder reads them.
        depositFen: -(b.merchant_deposit ?? 0),
        debtFen: b.merchant_debt ?? 0,
        payableFen: -(b.merchant_payable ?? 0),
      },
    ]),
  );
}

type Named = ShopRow & { name: string; attributes: string | null };

async function standingsOf(db: Executor, rows: Named[]) {
  const [all, money] = await Promise.all([
    tiers(db),
    moneyOf(
      db,
      rows.map((r) => r.org_id),
    ),
  ]);
  return rows.map((r) => {
    const standing = standingOf(r);
    return {
      orgId: r.org_id,
      name: r.name,
      nameEn: englishNameOf(r.attributes),
      tier: tierRef(all.find((t) => t.id === r.tier_id)),
      reason: reasonOf(r),
      since: r.since,
      evaluatedAt: r.evaluated_at,
      depositFen: money.get(r.org_id)!.depositFen,
      debtFen: money.get(r.org_id)!.debtFen,
      payableFen: money.get(r.org_id)!.payableFen,
      score: standing.score,
      disputeRateBp: standing.disputeRateBp,
    };
  });
}

function shopsQuery(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p)
    .selectFrom('trust_shop')
    .innerJoin('identity_org_view', 'identity_org_view.id', 'trust_shop.org_id')
    .selectAll('trust_shop')
    .select(['trust_shop.org_id as id', 'identity_org_view.name', 'identity_org_view.attributes']);
}

/** The brands' standing: the operator's whole list, a brand its own. */
export async function listShops(
  db: Executor,
  p: MemberPrincipal,
  q: { tier?: string; limit?: number; cursor?: string },
) {
  let query = shopsQuery(db, p);
  if (q.tier) {
    const tier = (await tiers(db)).find((t) => t.code === q.tier);
    query = tier
      ? query.where('trust_shop.tier_id', '=', tier.id)
      : query.where('trust_shop.tier_id', 'is', null);
  }
  const page = await paginate(query, 'trust_shop.org_id', q, 'asc');
  return {
    items: (await standingsOf(db, page.items)).map(({ payableFen: _, ...s }) => s),
    nextCursor: page.nextCursor,
  };
}

/** One brand's standing with its evaluations and deposit payments, newest first. */
export async function getShop(db: Executor, p: MemberPrincipal, orgId: string) {
  const row = await shopsQuery(db, p).where('trust_shop.org_id', '=', orgId).executeTakeFirst();
  if (!row) throw new DomainError('tenant.violation', 'shop not found');
  const [[standing], all, evaluations, deposits] = await Promise.all([
    standingsOf(db, [row]),
    tiers(db),
    db
      .selectFrom('trust_evaluation')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('trust_deposit')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
  ]);
  const ref = (id: string | null) => tierRef(all.find((t) => t.id === id));
  return {
    ...standing,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      from: ref(e.from_tier_id),
      to: ref(e.to_tier_id),
      reason: reasonOf(e),
      cause: e.cause,
      createdAt: e.created_at,
    })),
    deposits: deposits.map((d) => ({
      id: d.id,
      amount: Number(d.amount),
      source: d.source,
      reference: d.reference,
      createdAt: d.created_at,
    })),
  };
}

/** A brand's Trust Card as the storefront shows it: the platform's guarantee and the seller's record. */
export async function trustCard(db: Executor, brandId: string) {
  const brand = await db
    .selectFrom('identity_org_view')
    .select('id')
    .where('id', '=', brandId)
    .where('kind', '=', 'brand')
    .executeTakeFirst();
  if (!brand) throw new DomainError('tenant.violation', 'brand not found');
  const card = await cardOf(db, brandId);
  const row = await db
    .selectFrom('trust_shop')
    .select('standing')
    .where('org_id', '=', brandId)
    .executeTakeFirst();
  return {
    brandId,
    tier: tierRef(card.tier),
    rights: card.rights,
    since: card.since,
    record: { score: row ? standingOf(row as ShopRow).score : null, onTimeRate: null },
  };
}

/** The Trust Card an order was placed under, for the shopper who placed it or the brand that sold. */
export async function orderRights(db: Executor, p: Principal, orderId: string) {
  const row = await TenantScope.of(db, p)
    .selectFrom('trust_order_rights')
    .innerJoin('trust_rights', 'trust_rights.id', 'trust_order_rights.rights_id')
    .select([
      'trust_order_rights.order_id',
      'trust_order_rights.placed_at',
      'trust_rights.tier_code',
      'trust_rights.tier_name',
      'trust_rights.tier_name_en',
      'trust_rights.rights',
    ])
    .where('trust_order_rights.order_id', '=', orderId)
    .executeTakeFirst();
  if (!row) throw new DomainError('tenant.violation', 'order not found');
  return {
    orderId: row.order_id,
    tier: row.tier_code ? { code: row.tier_code, name: row.tier_name!, nameEn: row.tier_name_en } : null,
    rights: JSON.parse(row.rights) as Rights,
    placedAt: row.placed_at,
  };
}

/**
 * The rights an order keeps, for after-sales to judge its claims by: the frozen copy its
 * placement named, or the baseline for an order placed before any Trust Card.
 */
export async function rightsOfOrder(
  db: Executor,
  orderId: string,
): Promise<{ rightsId: string; rights: Rights }> {
  const row = await db
    .selectFrom('trust_order_rights')
    .innerJoin('trust_rights', 'trust_rights.id', 'trust_order_rights.rights_id')
    .select(['trust_rights.id', 'trust_rights.rights'])
    .where('trust_order_rights.order_id', '=', orderId)
    .executeTakeFirst();
  return row
    ? { rightsId: row.id, rights: JSON.parse(row.rights) as Rights }
    : { rightsId: baselineRightsId, rights: baselineRights };
}
