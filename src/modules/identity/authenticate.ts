import type { FastifyRequest } from 'fastify';
import { iso } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { Authenticator } from '../../platform/http/server.js';
import type { Runtime } from '../../platform/module.js';
import type { MemberPrincipal, OrgKind, Role } from '../../platform/principal.js';
import { tokenHash } from './domain/credentials.js';

export const sessionCookie = 'fw_session';
export const csrfCookie = 'fw_csrf';

/** The organisations a member of `orgId` may see: its own and, for a retailer, its stores. */
export async function visibleOrgIds(db: Executor, orgId: string, kind: OrgKind): Promise<string[]> {
  if (kind !== 'retailer') return [orgId];
  const stores = await db.selectFrom('identity_org').select('id').where('parent_id', '=', orgId).execute();
  return [orgId, ...stores.map((s) => s.id)];
}

export async function memberPrincipal(
  db: Executor,
  input: {
    userId: string;
    orgId: string;
    kind: OrgKind;
    role: Role;
    via: 'session' | 'api_key';
    credentialId: string;
  },
): Promise<MemberPrincipal> {
  return {
    type: 'member',
    userId: input.userId,
    orgId: input.orgId,
    orgKind: input.kind,
    role: input.role,
    orgIds: await visibleOrgIds(db, input.orgId, input.kind),
    via: input.via,
    credentialId: input.credentialId,
  };
}

/** Who a session token is, in one query: on every request, so built once. */
const sessionOf = prepared((db: Executor, p: { hash: string; now: string }) =>
  db
    .selectFrom('identity_session as s')
    .leftJoin('identity_membership as m', (j) =>
      j.onRef('m.user_id', '=', 's.user_id').onRef('m.org_id', '=', 's.org_id'),
    )
    .leftJoin('identity_org as o', (j) => j.onRef('o.id', '=', 'm.org_id').on('o.status', '=', 'active'))
    .leftJoin('identity_user as u', (j) => j.onRef('u.id', '=', 'm.user_id').on('u.disabled', '=', 0))
    .select([
      's.id',
      's.user_id',
      's.shopper_id',
      's.org_id',
      's.csrf_token',
      'm.role',
      'o.kind',
      'u.id as active_user',
    ])
    .where('s.token_hash', '=', p.hash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', p.now),
);

/** Session cookie (web app, with CSRF token) or `Authorization: Bearer fwk_…` (integrations). */
export function createAuthenticator(rt: Pick<Runtime, 'db' | 'clock'>): Authenticator {
  const { db, clock } = rt;
  return async (req: FastifyRequest) => {
    const now = iso(clock.now());
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const secret = header.slice(7).trim();
      const key = await db
        .selectFrom('identity_api_key as k')
        .innerJoin('identity_org as o', 'o.id', 'k.org_id')
        .select(['k.id', 'k.org_id', 'k.role', 'k.last_used_at', 'o.kind'])
        .where('k.secret_hash', '=', tokenHash(secret))
        .where('k.revoked_at', 'is', null)
        .where((w) => w.or([w('k.expires_at', 'is', null), w('k.expires_at', '>', now)]))
        .where('o.status', '=', 'active')
        .executeTakeFirst();
      if (!key) return null;
      // Record use at most once a minute: a key on a hot path should not write on every call.
      if (!key.last_used_at || Date.parse(now) - Date.parse(key.last_used_at) > 60_000) {
        await db
          .updateTable('identity_api_key')
          .set({ last_used_at: now })
          .where('id', '=', key.id)
          .execute();
      }
      const principal = await memberPrincipal(db, {
        userId: key.id,
        orgId: key.org_id,
        kind: key.kind,
        role: key.role,
        via: 'api_key',
        credentialId: key.id,
      });
      return { principal, csrfToken: null };
    }
    const token = req.cookies?.[sessionCookie];
    if (!token) return null;
    // One query answers who the session is: shopper, or member with the role and org kind it
    // acts with (a membership that was removed, an org suspended or a user disabled ends it).
    const [session] = await sessionOf(db, { hash: tokenHash(token), now });
    if (!session) return null;
    if (session.shopper_id) {
      return {
        principal: {
          type: 'shopper',
          shopperId: session.shopper_id,
          via: 'session',
          credentialId: session.id,
        },
        csrfToken: session.csrf_token,
      };
    }
    if (!session.user_id || !session.org_id || !session.role || !session.kind || !session.active_user)
      return null;
    const principal = await memberPrincipal(db, {
      userId: session.user_id,
      orgId: session.org_id,
      kind: session.kind,
      role: session.role,
      via: 'session',
      credentialId: session.id,
    });
    return { principal, csrfToken: session.csrf_token };
  };
}
