import { iso } from '../../../platform/clock.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, invalidField, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal, OrgKind } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { canCreateOrg } from '../domain/orgs.js';
import { orgView } from '../views.js';
import { addMember } from './members.js';

export type OrgProfile = {
  province?: string;
  city?: string;
  district?: string;
  address?: string;
  lat?: number;
  lng?: number;
  floorAreaM2?: number;
  cityTier?: number;
  providerType?: string;
  attributes?: Record<string, string | number | boolean>;
};

export type CreateOrgInput = OrgProfile & {
  kind: OrgKind;
  name: string;
  parentId?: string;
  /** The first administrator of the new organisation, created with it (password hashed beforehand). */
  owner?: { email: string; name: string; passwordHash: string };
};

function profileColumns(p: OrgProfile) {
  return {
    province: p.province,
    city: p.city,
    district: p.district,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    floor_area_m2: p.floorAreaM2,
    city_tier: p.cityTier,
    provider_type: p.providerType,
    attributes: p.attributes ? JSON.stringify(p.attributes) : undefined,
  };
}

export async function createOrg(ctx: WriteCtx, principal: MemberPrincipal, input: CreateOrgInput) {
  let parentKind: OrgKind | null = null;
  if (input.parentId) {
    const parent = await ctx.trx
      .selectFrom('identity_org')
      .select('kind')
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent) throw invalidField('parentId', 'no such organisation');
    parentKind = parent.kind;
  }
  const refusal = canCreateOrg(
    { kind: principal.orgKind, id: principal.orgId },
    { kind: input.kind, parentId: input.parentId ?? null, parentKind },
  );
  if (refusal) {
    throw new DomainError(
      refusal,
      refusal === 'identity.parent_invalid'
        ? 'a store belongs to a retailer; other organisations have no parent'
        : `you may not create a ${input.kind}`,
      {
        errors: [
          { field: refusal === 'identity.parent_invalid' ? 'parentId' : 'kind', message: 'not allowed here' },
        ],
      },
    );
  }
  if (input.kind === 'provider' && !input.providerType)
    throw invalidField('providerType', 'is required for a provider');
  if (input.kind !== 'provider' && input.providerType)
    throw invalidField('providerType', 'only providers have a type');
  return insertOrg(ctx, input);
}

/**
 * The platform organisation, once per installation (there is nothing above it to create it
 * through the API): used by the demo seed and by tests.
 */
export async function createPlatform(ctx: WriteCtx, input: Omit<CreateOrgInput, 'kind' | 'parentId'>) {
  const existing = await ctx.trx
    .selectFrom('identity_org')
    .select('id')
    .where('kind', '=', 'platform')
    .executeTakeFirst();
  if (existing)
    throw new DomainError('identity.org_kind_not_allowed', 'the platform organisation exists already');
  return insertOrg(ctx, { ...input, kind: 'platform' });
}

async function insertOrg(ctx: WriteCtx, input: CreateOrgInput) {
  const id = newId('org');
  const now = iso(ctx.now);
  const row = {
    id,
    org_id: id,
    kind: input.kind,
    name: input.name,
    parent_id: input.parentId ?? null,
    status: 'active' as const,
    ...nullify(profileColumns(input)),
    created_at: now,
    updated_at: now,
  };
  await ctx.trx.insertInto('identity_org').values(row).execute();
  await ctx.emit({
    type: 'identity.org_created',
    aggregateId: id,
    orgId: id,
    payload: { kind: input.kind, name: input.name, parentId: row.parent_id },
  });
  ctx.audit({ action: 'identity.org.create', objectType: 'org', objectId: id });
  if (input.owner) {
    await addMember(ctx, null, { orgId: id, ...input.owner, role: 'owner' });
  }
  return orgView(row);
}

function nullify<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> | null } {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? null])) as any;
}

export async function updateOrg(
  ctx: WriteCtx,
  scope: TenantScope,
  principal: MemberPrincipal,
  id: string,
  input: OrgProfile & { name?: string; status?: 'active' | 'suspended' },
) {
  const current = await scope
    .on(ctx.trx)
    .selectFrom('identity_org')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('organisation', id));
  if (input.status && principal.orgKind !== 'platform')
    throw new DomainError('auth.forbidden', 'only the platform operator suspends organisations');
  if (input.status && current.kind === 'platform')
    throw invalidField('status', 'the platform cannot be suspended');
  if (input.providerType && current.kind !== 'provider')
    throw invalidField('providerType', 'only providers have a type');
  const changes = Object.fromEntries(
    Object.entries({ name: input.name, status: input.status, ...profileColumns(input) }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  if (Object.keys(changes).length === 0) return orgView(current);
  const updated = { ...current, ...changes, updated_at: iso(ctx.now) };
  await scope
    .on(ctx.trx)
    .updateTable('identity_org')
    .set({ ...changes, updated_at: updated.updated_at })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    type: 'identity.org_updated',
    aggregateId: id,
    orgId: id,
    payload: { changes: Object.keys(changes) },
  });
  return orgView(updated);
}
