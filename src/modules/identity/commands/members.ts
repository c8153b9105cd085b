import { iso } from '../../../platform/clock.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, invalidField, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal, Role } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { canGrantRole } from '../domain/orgs.js';
import { memberColumns, memberView } from '../views.js';

/** `passwordHash`: hashed before the transaction (see `hashPassword`), for a new account. */
export type AddMemberInput = {
  orgId: string;
  email: string;
  name: string;
  passwordHash?: string;
  role: Role;
};

/**
 * Adds a user to an organisation: an existing account (by email) gets a new membership;
 * a new email needs a password and creates the account. `principal` null means the system acts.
 */
export async function addMember(ctx: WriteCtx, principal: MemberPrincipal | null, input: AddMemberInput) {
  // `null` is the system itself (demo seed, CLI, the owner of a new organisation): no role checks.
  if (principal) {
    if (!TenantScope.of(ctx.trx, principal).sees(input.orgId))
      throw new DomainError('request.not_found', 'organisation not found');
    if (!canGrantRole(principal.role, input.role)) {
      throw new DomainError('identity.role_too_high', `you cannot grant ${input.role}`, {
        errors: [{ field: 'role', message: 'higher than your own role' }],
      });
    }
  }
  const org = await ctx.trx
    .selectFrom('identity_org')
    .select(['id'])
    .where('id', '=', input.orgId)
    .executeTakeFirst();
  if (!org) throw invalidField('orgId', 'no such organisation');
  const email = input.email.toLowerCase();
  let user = await ctx.trx
    .selectFrom('identity_user')
    .select(['id', 'name', 'disabled', 'last_login_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) {
    if (!input.passwordHash) throw invalidField('password', 'is required for a new account');
    const id = newId('usr');
    await ctx.trx
      .insertInto('identity_user')
      .values({
        id,
        email,
        name: input.name,
        password_hash: input.passwordHash,
        locale: 'zh-CN',
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        created_at: iso(ctx.now),
      })
      .execute();
    user = { id, name: input.name, disabled: 0, last_login_at: null };
    await ctx.emit({
      type: 'identity.user_created',
      aggregateId: id,
      orgId: input.orgId,
      payload: { userId: id, email },
    });
  }
  const existing = await ctx.trx
    .selectFrom('identity_membership')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (existing)
    throw new DomainError('identity.member_exists', 'this user is already a member', {
      errors: [{ field: 'email', message: 'already a member' }],
    });
  const id = newId('mem');
  const row = { id, org_id: input.orgId, user_id: user.id, role: input.role, created_at: iso(ctx.now) };
  await ctx.trx.insertInto('identity_membership').values(row).execute();
  await ctx.emit({
    type: 'identity.member_added',
    aggregateId: input.orgId,
    orgId: input.orgId,
    payload: { membershipId: id, userId: user.id, role: input.role },
  });
  ctx.audit({ action: 'identity.member.create', objectType: 'membership', objectId: id, orgId: input.orgId });
  return memberView({
    ...row,
    email,
    name: user.name,
    disabled: user.disabled,
    last_login_at: user.last_login_at,
  });
}

async function assertNotLastOwner(ctx: WriteCtx, orgId: string, membershipId: string): Promise<void> {
  const owners = await ctx.trx
    .selectFrom('identity_membership')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 1 && owners[0].id === membershipId) {
    throw new DomainError('identity.last_owner', 'an organisation keeps at least one owner');
  }
}

async function loadMember(ctx: WriteCtx, scope: TenantScope, id: string) {
  return scope
    .on(ctx.trx)
    .selectFrom('identity_membership')
    .innerJoin('identity_user', 'identity_user.id', 'identity_membership.user_id')
    .select(memberColumns)
    .where('identity_membership.id', '=', id)
    .executeTakeFirstOrThrow(notFound('member', id));
}

export async function updateMember(
  ctx: WriteCtx,
  scope: TenantScope,
  principal: MemberPrincipal,
  id: string,
  input: { role: Role },
) {
  const member = await loadMember(ctx, scope, id);
  if (!canGrantRole(principal.role, input.role) || !canGrantRole(principal.role, member.role)) {
    throw new DomainError('identity.role_too_high', 'you cannot change a member above your own role', {
      errors: [{ field: 'role', message: 'higher than your own role' }],
    });
  }
  if (member.role === 'owner' && input.role !== 'owner') await assertNotLastOwner(ctx, member.org_id, id);
  await scope
    .on(ctx.trx)
    .updateTable('identity_membership')
    .set({ role: input.role })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    type: 'identity.member_role_changed',
    aggregateId: member.org_id,
    orgId: member.org_id,
    payload: { membershipId: id, from: member.role, to: input.role },
  });
  return memberView({ ...member, role: input.role });
}

export async function removeMember(
  ctx: WriteCtx,
  scope: TenantScope,
  principal: MemberPrincipal,
  id: string,
) {
  const member = await loadMember(ctx, scope, id);
  if (!canGrantRole(principal.role, member.role))
    throw new DomainError('identity.role_too_high', 'you cannot remove a member above your own role');
  if (member.role === 'owner') await assertNotLastOwner(ctx, member.org_id, id);
  await scope.on(ctx.trx).deleteFrom('identity_membership').where('id', '=', id).execute();
  // Sessions acting for this organisation end with the membership.
  await ctx.trx
    .updateTable('identity_session')
    .set({ revoked_at: iso(ctx.now) })
    .where('user_id', '=', member.user_id)
    .where('org_id', '=', member.org_id)
    .where('revoked_at', 'is', null)
    .execute();
  await ctx.emit({
    type: 'identity.member_removed',
    aggregateId: member.org_id,
    orgId: member.org_id,
    payload: { membershipId: id, userId: member.user_id },
  });
  return { id, ok: true };
}
