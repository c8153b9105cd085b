import { gtinCheckDigit } from '../../src/modules/catalog/domain/gtin.js';
import type { OrgProfile } from '../../src/modules/identity/commands/orgs.js';
import { registerShopper } from '../../src/modules/identity/commands/sessions.js';
import { addMember, createOrg, createPlatform, hashPassword } from '../../src/modules/identity/index.js';
import type { MemberPrincipal, OrgKind, Role } from '../../src/platform/principal.js';
import { runWrite } from '../../src/platform/write.js';
import { TestClient } from './client.js';
import type { TestFlywheel } from './harness.js';

export const password = 'test-password-1';
/** Hashed once: argon2 takes tens of milliseconds. */
const passwordHashed = hashPassword(password);

/** The platform organisation, and a principal acting as its owner. */
export async function givenPlatform(fw: TestFlywheel): Promise<MemberPrincipal> {
  const existing = await fw.rt.db
    .selectFrom('identity_org')
    .select('id')
    .where('kind', '=', 'platform')
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await runWrite(
        { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks },
        { principal: null, requestId: 'test', ip: null },
        { action: 'test.platform' },
        (ctx) => createPlatform(ctx, { name: 'Platform' }),
      )
    ).body.id;
  return {
    type: 'member',
    userId: 'usr_test',
    orgId: id,
    orgKind: 'platform',
    role: 'owner',
    orgIds: [id],
    via: 'session',
    credentialId: 'test',
  };
}

let counter = 0;

/** An organisation of `kind` (a store gets a retailer of its own unless `parentId` is given). */
export async function givenOrg(
  fw: TestFlywheel,
  kind: Exclude<OrgKind, 'platform'>,
  overrides: { name?: string; parentId?: string; profile?: OrgProfile } = {},
): Promise<string> {
  const operator = await givenPlatform(fw);
  let parentId = overrides.parentId;
  if (kind === 'store' && !parentId) parentId = await givenOrg(fw, 'retailer');
  const { body } = await runWrite(
    { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks },
    { principal: operator, requestId: 'test', ip: null },
    { action: 'test.org' },
    (ctx) =>
      createOrg(ctx, operator, {
        kind,
        name: overrides.name ?? `${kind} ${++counter}`,
        parentId,
        providerType: kind === 'provider' ? 'quality_local' : undefined,
        // Stores stand somewhere: central Beijing unless the test says otherwise.
        ...(kind === 'store'
          ? {
              province: '北京',
              city: '北京',
              district: '朝阳区',
              lat: 39.93,
              lng: 116.45,
              floorAreaM2: 200,
              cityTier: 1,
            }
          : {}),
        ...overrides.profile,
      }),
  );
  return body.id;
}

/** A user with `role` in `orgId`, signed in through the API. */
export async function givenMember(
  fw: TestFlywheel,
  orgId: string,
  role: Role = 'owner',
): Promise<TestClient & { email: string; userId: string }> {
  const operator = await givenPlatform(fw);
  const email = `u${++counter}-${Date.now()}@test.dev`;
  const passwordHash = await passwordHashed;
  const { body } = await runWrite(
    { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks },
    { principal: operator, requestId: 'test', ip: null },
    { action: 'test.member' },
    (ctx) => addMember(ctx, null, { orgId, email, name: `User ${counter}`, passwordHash, role }),
  );
  const client = await new TestClient(fw.app).login(email, password);
  return Object.assign(client, { email, userId: body.userId });
}

export async function givenShopper(fw: TestFlywheel): Promise<TestClient & { email: string }> {
  const email = `s${++counter}-${Date.now()}@test.dev`;
  const passwordHash = await passwordHashed;
  await runWrite(
    { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks },
    { principal: null, requestId: 'test', ip: null },
    { action: 'test.shopper' },
    (ctx) =>
      registerShopper(
        { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks, config: fw.rt.config },
        ctx,
        { email, passwordHash, name: 'Shopper' },
        null,
      ),
  );
  const client = await new TestClient(fw.app).loginShopper(email, password);
  return Object.assign(client, { email });
}

/** A valid EAN-13 under the GS1 China prefix 693, numbered `n`. */
export function ean(n: number): string {
  const body = `693${String(n).padStart(9, '0')}`;
  return body + gtinCheckDigit(body);
}
