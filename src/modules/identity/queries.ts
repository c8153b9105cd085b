import type { Db, Executor } from '../../platform/db/database.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { notFound } from '../../platform/errors.js';
import { paginate } from '../../platform/http/pagination.js';
import type { OrgKind, Principal, ShopperPrincipal } from '../../platform/principal.js';
import { addressView, apiKeyView, memberColumns, memberView, orgView } from './views.js';

type PageInput = { limit?: number; cursor?: string };

export async function getMe(db: Db, principal: Principal) {
  if (principal.type === 'shopper') {
    const s = await db
      .selectFrom('identity_shopper')
      .select(['id', 'email', 'name', 'phone'])
      .where('id', '=', principal.shopperId)
      .executeTakeFirstOrThrow();
    return { type: 'shopper' as const, shopper: s };
  }
  const org = await db
    .selectFrom('identity_org')
    .selectAll()
    .where('id', '=', principal.orgId)
    .executeTakeFirstOrThrow();
  const user =
    principal.via === 'session'
      ? await db
          .selectFrom('identity_user')
          .select(['id', 'email', 'name', 'locale'])
          .where('id', '=', principal.userId)
          .executeTakeFirst()
      : null;
  const memberships = user
    ? await db
        .selectFrom('identity_membership as m')
        .innerJoin('identity_org as o', 'o.id', 'm.org_id')
        .select(['m.org_id as orgId', 'o.name as orgName', 'o.kind as orgKind', 'm.role'])
        .where('m.user_id', '=', user.id)
        .where('o.status', '=', 'active')
        .orderBy('m.created_at')
        .execute()
    : [];
  return {
    type: 'member' as const,
    via: principal.via,
    user: user ?? null,
    org: orgView(org),
    role: principal.role,
    memberships,
  };
}

export async function listOrgs(
  scope: TenantScope,
  filter: PageInput & { kind?: OrgKind; parentId?: string; q?: string },
) {
  let q = scope.selectFrom('identity_org').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  if (filter.q) q = q.where('name', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
  const page = await paginate(q, 'id', filter, 'asc');
  return { items: page.items.map(orgView), nextCursor: page.nextCursor };
}

/**
 * The partner directory: active retailers and their stores, which brands look up to sign
 * agreements and stock stores. Business names and addresses only, so it is open to every
 * organisation member, unlike the rest of an organisation's data.
 */
export async function listDirectory(
  db: Executor,
  filter: PageInput & { kind?: 'retailer' | 'store'; parentId?: string; q?: string },
) {
  let q = db
    .selectFrom('identity_org')
    .selectAll()
    .where('kind', 'in', filter.kind ? [filter.kind] : ['retailer', 'store'])
    .where('status', '=', 'active');
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  if (filter.q) q = q.where('name', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
  const page = await paginate(q, 'id', filter, 'asc');
  return { items: page.items.map(orgView), nextCursor: page.nextCursor };
}

export async function getOrg(scope: TenantScope, id: string) {
  const row = await scope
    .selectFrom('identity_org')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('organisation', id));
  return orgView(row);
}

export async function listMembers(scope: TenantScope, orgId: string, page: PageInput) {
  scope.assertSees(orgId, 'organisation');
  const q = scope
    .selectFrom('identity_membership')
    .innerJoin('identity_user', 'identity_user.id', 'identity_membership.user_id')
    .select(memberColumns)
    .where('identity_membership.org_id', '=', orgId);
  const result = await paginate(q, 'identity_membership.id', page, 'asc');
  return { items: result.items.map(memberView), nextCursor: result.nextCursor };
}

export async function listApiKeys(scope: TenantScope, orgId: string, page: PageInput) {
  scope.assertSees(orgId, 'organisation');
  const result = await paginate(
    scope.selectFrom('identity_api_key').selectAll().where('org_id', '=', orgId),
    'id',
    page,
  );
  return { items: result.items.map(apiKeyView), nextCursor: result.nextCursor };
}

export async function listAudit(
  scope: TenantScope,
  filter: PageInput & { action?: string; orgId?: string; objectId?: string },
) {
  // Who acted, readably: a user's email, or the name of the API key.
  let q = scope
    .selectFrom('platform_audit')
    .leftJoin('identity_user as u', 'u.id', 'platform_audit.actor_id')
    .leftJoin('identity_api_key as k', 'k.id', 'platform_audit.actor_id')
    .selectAll('platform_audit')
    .select(['u.email as actor_email', 'k.name as actor_key']);
  // A prefix match as a range, so `_` and `%` in the filter mean themselves.
  if (filter.action)
    q = q.where('action', '>=', filter.action).where('action', '<', `${filter.action}\uffff`);
  if (filter.orgId) q = q.where('platform_audit.org_id', '=', filter.orgId);
  if (filter.objectId) q = q.where('object_id', '=', filter.objectId);
  const result = await paginate(q, 'platform_audit.id', filter);
  return {
    items: result.items.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_email ?? (r.actor_key ? `API key ${r.actor_key}` : null),
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      requestId: r.request_id,
      ip: r.ip,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      createdAt: r.created_at,
    })),
    nextCursor: result.nextCursor,
  };
}

/** Counts behind the home page figures of identity. */
export async function identityFigures(scope: TenantScope, principal: Principal) {
  if (principal.type !== 'member') return [];
  const count = async (q: any) =>
    Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const figures = [
    {
      key: 'members',
      value: await count(scope.selectFrom('identity_membership').where('org_id', '=', principal.orgId)),
      group: 'identity',
    },
  ];
  if (principal.orgKind === 'platform') {
    for (const kind of ['brand', 'retailer', 'store', 'creator', 'provider'] as const) {
      figures.push({
        key: `orgs.${kind}`,
        value: await count(scope.selectFrom('identity_org').where('kind', '=', kind)),
        group: 'identity',
      });
    }
    figures.push({
      key: 'shoppers',
      value: await count(scope.db.selectFrom('identity_shopper')),
      group: 'identity',
    });
  }
  if (principal.orgKind === 'retailer') {
    figures.push({
      key: 'orgs.store',
      value: await count(scope.selectFrom('identity_org').where('kind', '=', 'store')),
      group: 'identity',
    });
  }
  figures.push({
    key: 'apiKeys',
    value: await count(
      scope
        .selectFrom('identity_api_key')
        .where('org_id', '=', principal.orgId)
        .where('revoked_at', 'is', null),
    ),
    group: 'identity',
  });
  return figures;
}

/** The shopper's address book (a few addresses, the default among them). */
export async function listAddresses(db: Executor, p: ShopperPrincipal, page: PageInput) {
  const rows = new TenantScope(db, { shopperId: p.shopperId })
    .selectFrom('identity_shopper_address')
    .selectAll();
  const out = await paginate(rows, 'id', page, 'asc');
  return { ...out, items: out.items.map(addressView) };
}
