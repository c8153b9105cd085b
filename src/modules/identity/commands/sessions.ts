import { addMs, iso } from '../../../platform/clock.js';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { newId, newSecret } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/module.js';
import type { Principal } from '../../../platform/principal.js';
import { runWrite, type WriteCtx, type WriteRequest } from '../../../platform/write.js';
import {
  decoyHash,
  hashPassword,
  newSessionToken,
  tokenHash,
  verifyPassword,
} from '../domain/credentials.js';

type Deps = Pick<Runtime, 'db' | 'clock' | 'hooks'> & {
  config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>;
};

export type NewSession = { token: string; csrfToken: string; expiresAt: string; sessionId: string };

type AccountTable = 'identity_user' | 'identity_shopper';

/**
 * Checks a password against an account, counting failures and locking the account after too
 * many in a row. Failures are counted in their own statements, outside the login transaction,
 * so they stick although the login itself fails.
 */
async function checkPassword(deps: Deps, table: AccountTable, email: string, password: string) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const account = await (db as Db)
    .selectFrom(table)
    .select(['id', 'password_hash', 'locked_until', 'failed_logins'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (!account) {
    await verifyPassword(await decoyHash, password);
    throw new DomainError('identity.invalid_credentials', 'wrong email or password');
  }
  if (account.locked_until && account.locked_until > iso(now)) {
    throw new DomainError('identity.account_locked', 'too many failed sign-ins; try again later', {
      lockedUntil: account.locked_until,
    });
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    await db
      .updateTable(table)
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', account.id)
      .execute();
    const locked = await db
      .updateTable(table)
      .set({ failed_logins: 0, locked_until: iso(addMs(now, config.loginLockMinutes * 60_000)) })
      .where('id', '=', account.id)
      .where('failed_logins', '>=', config.loginMaxFailures)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) > 0) {
      throw new DomainError(
        'identity.account_locked',
        'too many failed sign-ins; the account is locked for a while',
      );
    }
    throw new DomainError('identity.invalid_credentials', 'wrong email or password');
  }
  return account.id;
}

async function insertSession(
  ctx: WriteCtx,
  deps: Deps,
  owner: { userId?: string; shopperId?: string; orgId?: string },
  userAgent: string | null,
): Promise<NewSession> {
  const token = newSessionToken();
  const csrfToken = newSecret(24);
  const id = newId('ses');
  const expiresAt = iso(addMs(ctx.now, deps.config.sessionTtlHours * 3_600_000));
  await ctx.trx
    .insertInto('identity_session')
    .values({
      id,
      token_hash: tokenHash(token),
      user_id: owner.userId ?? null,
      shopper_id: owner.shopperId ?? null,
      org_id: owner.orgId ?? null,
      csrf_token: csrfToken,
      created_at: iso(ctx.now),
      expires_at: expiresAt,
      last_seen_at: iso(ctx.now),
      revoked_at: null,
      ip: ctx.ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt, sessionId: id };
}

/** Signs a member in to one of their organisations (the first one unless `orgId` says which). */
export async function loginMember(
  deps: Deps,
  req: WriteRequest,
  input: { email: string; password: string; orgId?: string },
  userAgent: string | null,
): Promise<NewSession & { userId: string; orgId: string }> {
  const userId = await checkPassword(deps, 'identity_user', input.email, input.password);
  const user = await deps.db
    .selectFrom('identity_user')
    .select(['disabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.disabled) throw new DomainError('identity.account_disabled', 'this account is disabled');
  let q = deps.db
    .selectFrom('identity_membership as m')
    .innerJoin('identity_org as o', 'o.id', 'm.org_id')
    .select(['m.org_id'])
    .where('m.user_id', '=', userId)
    .where('o.status', '=', 'active');
  if (input.orgId) q = q.where('m.org_id', '=', input.orgId);
  const membership = await q.orderBy('m.created_at').executeTakeFirst();
  if (!membership)
    throw new DomainError('identity.no_membership', 'this account belongs to no active organisation');
  const { body } = await runWrite(
    deps,
    req,
    { action: 'identity.session.create', objectType: 'session' },
    async (ctx) => {
      const session = await insertSession(ctx, deps, { userId, orgId: membership.org_id }, userAgent);
      await ctx.trx
        .updateTable('identity_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: iso(ctx.now) })
        .where('id', '=', userId)
        .execute();
      ctx.audit({
        action: 'identity.session.create',
        objectType: 'session',
        objectId: session.sessionId,
        actorId: userId,
        orgId: membership.org_id,
      });
      return { ...session, userId, orgId: membership.org_id };
    },
  );
  return body;
}

export async function loginShopper(
  deps: Deps,
  req: WriteRequest,
  input: { email: string; password: string },
  userAgent: string | null,
): Promise<NewSession & { shopperId: string }> {
  const shopperId = await checkPassword(deps, 'identity_shopper', input.email, input.password);
  const { body } = await runWrite(deps, req, { action: 'identity.shopper_session.create' }, async (ctx) => {
    const session = await insertSession(ctx, deps, { shopperId }, userAgent);
    await ctx.trx
      .updateTable('identity_shopper')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', shopperId)
      .execute();
    ctx.audit({
      action: 'identity.shopper_session.create',
      objectType: 'session',
      objectId: session.sessionId,
      actorId: shopperId,
      orgId: null,
    });
    return { ...session, shopperId };
  });
  return body;
}

export async function registerShopper(
  deps: Deps,
  ctx: WriteCtx,
  input: { email: string; passwordHash: string; name: string; phone?: string },
  userAgent: string | null,
): Promise<NewSession & { id: string }> {
  const email = input.email.toLowerCase();
  const taken = await ctx.trx
    .selectFrom('identity_shopper')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken)
    throw new DomainError('identity.email_taken', 'an account with this email exists; sign in instead', {
      errors: [{ field: 'email', message: 'is already registered' }],
    });
  const id = newId('shp');
  await ctx.trx
    .insertInto('identity_shopper')
    .values({
      id,
      email,
      name: input.name,
      phone: input.phone ?? null,
      password_hash: input.passwordHash,
      failed_logins: 0,
      locked_until: null,
      created_at: iso(ctx.now),
    })
    .execute();
  await ctx.emit({
    type: 'identity.shopper_registered',
    aggregateId: id,
    orgId: null,
    payload: { shopperId: id },
  });
  ctx.audit({
    action: 'identity.shopper.create',
    objectType: 'shopper',
    objectId: id,
    actorId: id,
    orgId: null,
  });
  const session = await insertSession(ctx, deps, { shopperId: id }, userAgent);
  return { ...session, id };
}

export type PasswordChange = { currentHash: string; newHash: string };

/**
 * Checks the current password and hashes the new one, before the change's transaction opens.
 */
export async function preparePasswordChange(
  db: Db,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChange> {
  if (principal.via !== 'session') throw new DomainError('auth.forbidden', 'an API key has no password');
  const { table, id } = accountOf(principal);
  const account = await db
    .selectFrom(table)
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new DomainError('identity.invalid_credentials', 'the current password is wrong', {
      errors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('request.invalid', 'the new password must differ from the current one', {
      errors: [{ field: 'newPassword', message: 'is the same as the current one' }],
    });
  }
  return { currentHash: account.password_hash, newHash: await hashPassword(input.newPassword) };
}

function accountOf(principal: Principal) {
  return principal.type === 'member'
    ? { table: 'identity_user' as const, id: principal.userId }
    : { table: 'identity_shopper' as const, id: principal.shopperId };
}

/**
 * Changes the signed-in account's password, checked by `preparePasswordChange`, and ends every
 * other session of the account (a stolen session does not outlive the change). If the password
 * changed since it was checked, nothing changes.
 */
export async function changePassword(
  ctx: WriteCtx,
  principal: Principal,
  change: PasswordChange,
): Promise<{ ok: true; sessionsEnded: number }> {
  const { table, id } = accountOf(principal);
  const changed = await ctx.trx
    .updateTable(table)
    .set({ password_hash: change.newHash })
    .where('id', '=', id)
    .where('password_hash', '=', change.currentHash)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0)
    throw new DomainError('identity.password_changed', 'the password was changed meanwhile; try again');
  const owner = principal.type === 'member' ? 'user_id' : 'shopper_id';
  const ended = await ctx.trx
    .updateTable('identity_session')
    .set({ revoked_at: iso(ctx.now) })
    .where(owner, '=', id)
    .where('id', '!=', principal.credentialId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  ctx.audit({
    action: 'identity.password.change',
    objectType: principal.type === 'member' ? 'user' : 'shopper',
    objectId: id,
    orgId: principal.type === 'member' ? principal.orgId : null,
  });
  return { ok: true, sessionsEnded: Number(ended.numUpdatedRows) };
}

export async function logout(ctx: WriteCtx, principal: Principal): Promise<{ ok: true }> {
  if (principal.via === 'session') {
    await ctx.trx
      .updateTable('identity_session')
      .set({ revoked_at: iso(ctx.now) })
      .where('id', '=', principal.credentialId)
      .execute();
  }
  return { ok: true };
}

/** Moves a member's session to another organisation they belong to. */
export async function switchOrg(
  ctx: WriteCtx,
  principal: Principal,
  orgId: string,
): Promise<{ orgId: string }> {
  if (principal.type !== 'member' || principal.via !== 'session')
    throw new DomainError('auth.forbidden', 'only a signed-in member can switch organisation');
  const m = await ctx.trx
    .selectFrom('identity_membership as m')
    .innerJoin('identity_org as o', 'o.id', 'm.org_id')
    .select('m.org_id')
    .where('m.user_id', '=', principal.userId)
    .where('m.org_id', '=', orgId)
    .where('o.status', '=', 'active')
    .executeTakeFirst();
  if (!m)
    throw new DomainError('request.not_found', 'organisation not found', {
      errors: [{ field: 'orgId', message: 'you are not a member of it' }],
    });
  await ctx.trx
    .updateTable('identity_session')
    .set({ org_id: orgId })
    .where('id', '=', principal.credentialId)
    .execute();
  return { orgId };
}
