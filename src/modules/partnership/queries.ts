import { addMs, chinaDay } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { referenceCache } from '../../platform/db/reference.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { notFound } from '../../platform/errors.js';
import { paginate } from '../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../platform/principal.js';
import {
  type AgreementStatus,
  type AgreementTerms,
  inForce,
  type Settlement,
  settlementInForce,
} from './domain/agreement.js';
import { agreementView, termsOf } from './views.js';

/**
 * Agreements have two parties: the brand owns the row (`org_id`), the retailer it is signed with
 * reads it as well (`retailer_id`), as `visibility.ts` declares; the operator sees every agreement.
 * With both parties' names.
 */
function withNames(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p)
    .selectFrom('partnership_agreement')
    .innerJoin('identity_org_view as brand', 'brand.id', 'partnership_agreement.org_id')
    .innerJoin('identity_org_view as retailer', 'retailer.id', 'partnership_agreement.retailer_id')
    .selectAll('partnership_agreement')
    .select([
      'brand.name as brand_name',
      'brand.attributes as brand_attributes',
      'retailer.name as retailer_name',
      'retailer.attributes as retailer_attributes',
    ]);
}

export async function listAgreements(
  db: Executor,
  p: MemberPrincipal,
  now: Date,
  q: { status?: AgreementStatus; retailerId?: string; brandId?: string; limit?: number; cursor?: string },
) {
  let query = withNames(db, p);
  if (q.status) query = query.where('partnership_agreement.status', '=', q.status);
  if (q.retailerId) query = query.where('partnership_agreement.retailer_id', '=', q.retailerId);
  if (q.brandId) query = query.where('partnership_agreement.org_id', '=', q.brandId);
  const page = await paginate(query, 'partnership_agreement.id', q, 'desc');
  return { items: page.items.map((r) => agreementView(r, now)), nextCursor: page.nextCursor };
}

/** One agreement the principal is a party to (or the operator), with the party it acts as. */
export async function findAgreement(db: Executor, p: MemberPrincipal, id: string) {
  const row = await withNames(db, p)
    .where('partnership_agreement.id', '=', id)
    .executeTakeFirstOrThrow(notFound('agreement', id));
  const party: 'brand' | 'retailer' | null = p.orgIds.includes(row.org_id)
    ? 'brand'
    : p.orgIds.includes(row.retailer_id)
      ? 'retailer'
      : null;
  return { row, party };
}

export async function getAgreement(db: Executor, p: MemberPrincipal, id: string, now: Date) {
  const { row } = await findAgreement(db, p, id);
  const history = await db
    .selectFrom('partnership_history')
    .leftJoin('identity_user_view', 'identity_user_view.id', 'partnership_history.actor_id')
    .selectAll('partnership_history')
    .select('identity_user_view.name as actor_name')
    .where('agreement_id', '=', id)
    .orderBy('partnership_history.id')
    .execute();
  return {
    ...agreementView(row, now),
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      title: h.title,
      signedOn: h.signed_on,
      changes: JSON.parse(h.changes) as Record<string, unknown>,
      actorName: h.actor_name,
      actorOrgId: h.actor_org_id,
      createdAt: h.created_at,
    })),
  };
}

/**
 * The terms of a brand's agreements (with every retailer, or those given), for the modules that
 * enforce them: assortment of store channels, availability, orders.
 */
export async function agreementTerms(
  db: Executor,
  brandId: string,
  retailerIds?: string[],
): Promise<AgreementTerms[]> {
  const all = await brandAgreements.get(db, brandId);
  return retailerIds ? all.filter((a) => retailerIds.includes(a.retailerId)) : all;
}

/** Every agreement's terms of a brand: read on every cart and order, changed seldom. */
const brandAgreements = referenceCache<AgreementTerms[]>(async (db, brandIds) => {
  const rows = await db
    .selectFrom('partnership_agreement')
    .selectAll()
    .where('org_id', 'in', brandIds)
    .execute();
  const terms = new Map(brandIds.map((id) => [id, [] as AgreementTerms[]]));
  for (const r of rows) terms.get(r.org_id)?.push(termsOf(r));
  return terms;
});

/** The supply commitments in force for a brand at a retailer: the strictest cover across agreements. */
export async function coverCommitment(
  db: Executor,
  brandId: string,
  retailerId: string,
): Promise<number | null> {
  const rows = await db
    .selectFrom('partnership_agreement')
    .select(['commitments', 'status'])
    .where('org_id', '=', brandId)
    .where('retailer_id', '=', retailerId)
    .where('status', '=', 'active')
    .execute();
  const days = rows.map((r) => (JSON.parse(r.commitments) as { minCoverDays?: number }).minCoverDays ?? 0);
  return days.length && Math.max(...days) > 0 ? Math.max(...days) : null;
}

/**
 * How a retailer's store sales of a brand's stock settle at `at`, from the cached terms: the
 * settlement of the agreement in force between them, or null when none is.
 */
export async function settlementBetween(
  db: Executor,
  brandId: string,
  retailerId: string,
  at: Date,
): Promise<Settlement | null> {
  return settlementInForce(await agreementTerms(db, brandId), retailerId, at)?.settlement ?? null;
}

/** How a store's part of an order settles with its retailer, as placement snapshotted it. */
export type SaleTerms = {
  orderId: string;
  locationId: string;
  retailerId: string;
  agreementId: string;
  settlement: Settlement;
};

/** The settlement each store's part of these orders was placed under. */
export async function saleTerms(db: Executor, orderIds: string[]): Promise<SaleTerms[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('partnership_sale_terms')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    locationId: r.location_id,
    retailerId: r.retailer_id,
    agreementId: r.agreement_id,
    settlement: JSON.parse(r.settlement) as Settlement,
  }));
}

/** Home figure: agreements in force the organisation is a party to. */
export async function partnershipFigures(db: Executor, p: MemberPrincipal, now: Date) {
  const rows = await TenantScope.of(db, p)
    .selectFrom('partnership_agreement')
    .selectAll()
    .where('status', '=', 'active')
    .execute();
  return [
    {
      key: 'agreements.inForce',
      value: rows.filter((r) => inForce(termsOf(r), now)).length,
      group: 'partnership',
    },
    // In force and ending within 30 days: to renew, or to wind down.
    {
      key: 'partnership.endingSoon',
      value: rows.filter(
        (r) => inForce(termsOf(r), now) && r.ends_on <= chinaDay(addMs(now, 30 * 86_400_000)),
      ).length,
      group: 'todo',
    },
  ];
}
