import { iso } from '../../../platform/clock.js';

import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import {
  type AgreementLevel,
  type AgreementMove,
  agreementMoves,
  chinaDay,
  moveRefusal,
  noSettlement,
  type Settlement,
} from '../domain/agreement.js';
import { findAgreement, getAgreement } from '../queries.js';
import type { AgreementRow } from '../views.js';

type Commitments = {
  minCoverDays?: number;
  displayZoneM2?: number;
  fullLine?: boolean;
  hourDelivery?: boolean;
};
export type AgreementInput = {
  retailerId: string;
  level: AgreementLevel;
  title: string;
  titleEn?: string;
  startsOn: string;
  endsOn: string;
  productLines?: string[];
  provinces?: string[];
  commitments?: Commitments;
  settlement?: Settlement;
};
export type TermChanges = {
  title?: string;
  titleEn?: string | null;
  level?: AgreementLevel;
  startsOn?: string;
  endsOn?: string;
  productLines?: string[] | null;
  provinces?: string[] | null;
  commitments?: Commitments;
  settlement?: Settlement;
};

const maxTermDays = 10 * 366;

function checkTerm(startsOn: string, endsOn: string): void {
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000;
  if (!(days >= 0))
    throw new DomainError('partnership.bad_term', 'the term ends before it starts', {
      errors: [{ field: 'endsOn', message: 'must be on or after startsOn' }],
    });
  if (days > maxTermDays)
    throw new DomainError('partnership.bad_term', 'a term is at most ten years', {
      errors: [{ field: 'endsOn', message: 'must be within ten years of startsOn' }],
    });
}

/** The row's columns for a set of term changes, and the history's `{ field: [before, after] }`. */
function applyTerms(row: AgreementRow, t: TermChanges) {
  const next = {
    title: t.title ?? row.title,
    title_en: t.titleEn === undefined ? row.title_en : t.titleEn,
    level: t.level ?? row.level,
    starts_on: t.startsOn ?? row.starts_on,
    ends_on: t.endsOn ?? row.ends_on,
    product_lines:
      t.productLines === undefined ? row.product_lines : t.productLines && JSON.stringify(t.productLines),
    provinces: t.provinces === undefined ? row.provinces : t.provinces && JSON.stringify(t.provinces),
    commitments: t.commitments
      ? JSON.stringify({ ...JSON.parse(row.commitments), ...t.commitments })
      : row.commitments,
    settlement: t.settlement ? JSON.stringify(t.settlement) : row.settlement,
  };
  checkTerm(next.starts_on, next.ends_on);
  const parse = (k: string, v: unknown) =>
    ['product_lines', 'provinces', 'commitments', 'settlement'].includes(k) && typeof v === 'string'
      ? JSON.parse(v)
      : v;
  const changes = Object.fromEntries(
    Object.entries(next)
      .filter(([k, v]) => row[k as keyof AgreementRow] !== v)
      .map(([k, v]) => [k, [parse(k, row[k as keyof AgreementRow]), parse(k, v)]]),
  );
  return { next, changes };
}

async function recordHistory(
  ctx: WriteCtx,
  row: { id: string; org_id: string },
  entry: { kind: string; title?: string | null; signedOn?: string | null; changes?: Record<string, unknown> },
) {
  const p = ctx.principal;
  await ctx.trx
    .insertInto('partnership_history')
    .values({
      id: newId('agh'),
      org_id: row.org_id,
      agreement_id: row.id,
      kind: entry.kind,
      title: entry.title ?? null,
      signed_on: entry.signedOn ?? null,
      changes: JSON.stringify(entry.changes ?? {}),
      actor_id: p?.type === 'member' ? p.userId : null,
      actor_org_id: p?.type === 'member' ? p.orgId : null,
      created_at: iso(ctx.now),
    })
    .execute();
}

/** One conditional update on the version read: a change made meanwhile is refused, never lost. */
async function saveAgreement(ctx: WriteCtx, row: AgreementRow, set: Partial<AgreementRow>) {
  const res = await ctx.trx
    .updateTable('partnership_agreement')
    .set({ ...set, version: row.version + 1, updated_at: iso(ctx.now) })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0)
    throw new DomainError('partnership.changed_meanwhile', 'the agreement changed meanwhile; reload it');
}

/** A brand drafts an agreement with a retailer; it binds nobody until the retailer accepts it. */
export async function createAgreement(ctx: WriteCtx, brand: MemberPrincipal, input: AgreementInput) {
  checkTerm(input.startsOn, input.endsOn);
  const retailer = await ctx.trx
    .selectFrom('identity_org_view')
    .select(['id', 'kind', 'status'])
    .where('id', '=', input.retailerId)
    .executeTakeFirst();
  if (retailer?.kind !== 'retailer' || retailer.status !== 'active')
    throw new DomainError('partnership.not_a_retailer', 'agreements are signed with an active retailer', {
      errors: [{ field: 'retailerId', message: 'must be an active retailer' }],
    });
  const now = iso(ctx.now);
  const row: AgreementRow = {
    id: newId('agr'),
    org_id: brand.orgId,
    retailer_id: input.retailerId,
    level: input.level,
    title: input.title,
    title_en: input.titleEn ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    product_lines: input.productLines ? JSON.stringify(input.productLines) : null,
    provinces: input.provinces ? JSON.stringify(input.provinces) : null,
    commitments: JSON.stringify(input.commitments ?? {}),
    settlement: JSON.stringify(input.settlement ?? noSettlement),
    status: 'draft',
    signed_on: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.trx.insertInto('partnership_agreement').values(row).execute();
  await recordHistory(ctx, row, { kind: 'created', title: row.title });
  await ctx.emit({
    type: 'partnership.agreement_created',
    aggregateId: row.id,
    orgId: row.org_id,
    payload: { retailerId: row.retailer_id, level: row.level },
  });
  return getAgreement(ctx.trx, brand, row.id, ctx.now);
}

/** A draft's terms may change freely; once proposed, only an addendum changes them. */
export async function updateAgreement(ctx: WriteCtx, p: MemberPrincipal, id: string, t: TermChanges) {
  const { row, party } = await findAgreement(ctx.trx, p, id);
  if (party !== 'brand') throw new DomainError('partnership.wrong_party', 'the brand edits its draft');
  if (row.status !== 'draft')
    throw new DomainError('partnership.not_editable', `a ${row.status} agreement changes by addendum only`);
  const { next, changes } = applyTerms(row, t);
  await saveAgreement(ctx, row, next);
  await recordHistory(ctx, row, { kind: 'amended', changes });
  await ctx.emit({
    type: 'partnership.agreement_amended',
    aggregateId: id,
    orgId: row.org_id,
    payload: { changes: Object.keys(changes) },
  });
  return getAgreement(ctx.trx, p, id, ctx.now);
}

/** An addendum both parties signed on `signedOn` changes an agreement in force (term, scope, commitments). */
export async function signAddendum(
  ctx: WriteCtx,
  p: MemberPrincipal,
  id: string,
  input: TermChanges & { addendumTitle: string; signedOn: string },
) {
  const { row, party } = await findAgreement(ctx.trx, p, id);
  if (party !== 'brand') throw new DomainError('partnership.wrong_party', 'the brand records addenda');
  if (row.status !== 'active' && row.status !== 'suspended')
    throw new DomainError('partnership.not_editable', `a ${row.status} agreement takes no addendum`);
  const { addendumTitle, signedOn, ...terms } = input;
  const { next, changes } = applyTerms(row, terms);
  await saveAgreement(ctx, row, next);
  await recordHistory(ctx, row, { kind: 'addendum', title: addendumTitle, signedOn, changes });
  await ctx.emit({
    type: 'partnership.addendum_signed',
    aggregateId: id,
    orgId: row.org_id,
    payload: { title: addendumTitle, signedOn, changes: Object.keys(changes) },
  });
  return getAgreement(ctx.trx, p, id, ctx.now);
}

const pastTense = {
  propose: 'proposed',
  withdraw: 'withdrawn',
  accept: 'accepted',
  decline: 'declined',
  suspend: 'suspended',
  resume: 'resumed',
  terminate: 'terminated',
} as const satisfies Record<AgreementMove, string>;

/** Propose, accept, suspend … each by the party allowed to, as one conditional update. */
export async function moveAgreement(
  ctx: WriteCtx,
  p: MemberPrincipal,
  id: string,
  move: AgreementMove,
  note?: string,
) {
  const { row, party } = await findAgreement(ctx.trx, p, id);
  if (!party) throw new DomainError('partnership.wrong_party', 'only the two parties move an agreement');
  const refusal = moveRefusal(move, row.status, party);
  if (refusal)
    throw new DomainError(
      refusal,
      refusal === 'partnership.wrong_party'
        ? `the ${party} cannot ${move} an agreement`
        : `a ${row.status} agreement cannot be ${pastTense[move]}`,
      { from: row.status, move },
    );
  const to = agreementMoves[move].to;
  const signedOn = move === 'accept' ? chinaDay(ctx.now) : row.signed_on;
  await saveAgreement(ctx, row, { status: to, signed_on: signedOn });
  await recordHistory(ctx, row, {
    kind: pastTense[move],
    title: note ?? null,
    signedOn: move === 'accept' ? signedOn : null,
    changes: { status: [row.status, to] },
  });
  await ctx.emit({
    type: `partnership.agreement_${pastTense[move]}`,
    aggregateId: id,
    orgId: row.org_id,
    payload: { from: row.status, to, retailerId: row.retailer_id },
  });
  return getAgreement(ctx.trx, p, id, ctx.now);
}
