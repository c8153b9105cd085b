import { addMs, iso } from '../../../platform/clock.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal, Role } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { newApiKey, tokenHash } from '../domain/credentials.js';
import { canGrantRole } from '../domain/orgs.js';
import { apiKeyView } from '../views.js';

/** Creates an API key for the member's organisation; the secret is returned this once only. */
export async function createApiKey(
  ctx: WriteCtx,
  scope: TenantScope,
  principal: MemberPrincipal,
  input: { name: string; role: Role; expiresInDays?: number },
) {
  if (!canGrantRole(principal.role, input.role)) {
    throw new DomainError('identity.role_too_high', 'a key cannot have more rights than you', {
      errors: [{ field: 'role', message: 'higher than your own role' }],
    });
  }
  const { key, prefix } = newApiKey();
  const row = {
    id: newId('key'),
    org_id: principal.orgId,
    name: input.name,
    prefix,
    secret_hash: tokenHash(key),
    role: input.role,
    created_by: principal.userId,
    created_at: iso(ctx.now),
    expires_at: input.expiresInDays ? iso(addMs(ctx.now, input.expiresInDays * 86_400_000)) : null,
    last_used_at: null,
    revoked_at: null,
  };
  await scope.on(ctx.trx).insertInto('identity_api_key', [row]).execute();
  await ctx.emit({
    type: 'identity.api_key_created',
    aggregateId: row.id,
    orgId: row.org_id,
    payload: { name: row.name, role: row.role },
  });
  return { ...apiKeyView(row), secret: key };
}

export async function revokeApiKey(ctx: WriteCtx, scope: TenantScope, id: string) {
  const key = await scope
    .on(ctx.trx)
    .selectFrom('identity_api_key')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('API key', id));
  if (key.revoked_at) throw new DomainError('identity.api_key_revoked', 'this key is already revoked');
  const revokedAt = iso(ctx.now);
  await scope
    .on(ctx.trx)
    .updateTable('identity_api_key')
    .set({ revoked_at: revokedAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  await ctx.emit({
    type: 'identity.api_key_revoked',
    aggregateId: id,
    orgId: key.org_id,
    payload: {},
  });
  return apiKeyView({ ...key, revoked_at: revokedAt });
}
