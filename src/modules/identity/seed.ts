import type { DemoWorld, Runtime } from '../../platform/module.js';
import type { MemberPrincipal, Role } from '../../platform/principal.js';
import { runWrite } from '../../platform/write.js';
import { addAddress } from './commands/addresses.js';
import { addMember } from './commands/members.js';
import { type CreateOrgInput, createOrg, createPlatform } from './commands/orgs.js';
import { registerShopper } from './commands/sessions.js';
import { hashPassword } from './domain/credentials.js';
import {
  demoBrands,
  demoCreators,
  demoPassword,
  demoProviders,
  demoRetailer,
  demoShopperAddresses,
  demoStores,
} from './seed-data.js';

/**
 * The platform, three brands, the JD Home chain with twenty stores, creators, one provider of
 * each type, and one login per role. Everything goes through the same
 * commands the API uses (the platform through `createPlatform`, which nothing above it calls).
 */
export async function seedIdentity(rt: Runtime, world: DemoWorld): Promise<void> {
  // Every demo account has the published demo password: hashed once.
  const passwordHash = await hashPassword(demoPassword);
  const { db, clock } = rt;
  const deps = { db, clock, hooks: rt.hooks, afterCommit: rt.nudge };
  const { body: platform } = await runWrite(
    deps,
    { principal: null, requestId: 'seed', ip: null },
    { action: 'identity.platform.create' },
    (ctx) =>
      createPlatform(ctx, {
        name: 'Flywheel 平台运营',
        attributes: { nameEn: 'Flywheel Operations' },
        owner: { email: 'operator@flywheel.demo', name: '平台运营 Operator', passwordHash },
      }),
  );
  const platformId = platform.id;
  const operatorId = (
    await db
      .selectFrom('identity_user')
      .select('id')
      .where('email', '=', 'operator@flywheel.demo')
      .executeTakeFirstOrThrow()
  ).id;
  world.orgs.platform = platformId;
  world.users.operator = operatorId;
  world.logins.push({
    role: 'operator',
    email: 'operator@flywheel.demo',
    password: demoPassword,
    org: 'Flywheel',
  });

  const operator: MemberPrincipal = {
    type: 'member',
    userId: operatorId,
    orgId: platformId,
    orgKind: 'platform',
    role: 'owner',
    orgIds: [platformId],
    via: 'session',
    credentialId: 'seed',
  };
  const system = { principal: operator, requestId: 'seed', ip: null };
  const create = async (key: string, input: CreateOrgInput) => {
    const { body } = await runWrite(deps, system, { action: 'identity.org.create' }, (ctx) =>
      createOrg(ctx, operator, input),
    );
    world.orgs[key] = body.id;
    return body.id;
  };
  const member = async (orgKey: string, email: string, name: string, role: Role) => {
    const { body } = await runWrite(deps, system, { action: 'identity.member.create' }, (ctx) =>
      addMember(ctx, operator, { orgId: world.orgs[orgKey], email, name, passwordHash, role }),
    );
    world.users[email] = body.userId;
  };

  for (const b of demoBrands) {
    await create(b.key, {
      kind: 'brand',
      name: b.name,
      attributes: { nameEn: b.nameEn, category: b.category },
      owner: { email: b.email, name: `${b.nameEn} 品牌管理员`, passwordHash },
    });
  }
  world.logins.push({ role: 'brand', email: 'brand@oppo.demo', password: demoPassword, org: 'OPPO' });

  await create(demoRetailer.key, {
    kind: 'retailer',
    name: demoRetailer.name,
    attributes: { nameEn: demoRetailer.nameEn },
    owner: { email: demoRetailer.email, name: 'JD Home 渠道负责人', passwordHash },
  });
  world.logins.push({ role: 'retailer', email: demoRetailer.email, password: demoPassword, org: 'JD Home' });

  for (const s of demoStores) {
    await create(s.key, {
      kind: 'store',
      name: s.name,
      parentId: world.orgs[demoRetailer.key],
      province: s.province,
      city: s.city,
      district: s.district,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      floorAreaM2: s.area,
      cityTier: s.tier,
      attributes: { nameEn: s.nameEn },
    });
  }
  await member('bj-sanlitun', 'store@jdhome.demo', '三里屯店 店员', 'staff');
  await member('bj-sanlitun', 'manager@jdhome.demo', '三里屯店 店长', 'admin');
  world.logins.push({
    role: 'store',
    email: 'store@jdhome.demo',
    password: demoPassword,
    org: demoStores[0].nameEn,
  });

  for (const [i, c] of demoCreators.entries()) {
    const email = i === 0 ? 'creator@flywheel.demo' : `creator-${c.key}@flywheel.demo`;
    await create(`creator-${c.key}`, {
      kind: 'creator',
      name: c.name,
      attributes: { nameEn: c.nameEn, followers: c.followers, niche: c.niche },
      owner: { email, name: c.name, passwordHash },
    });
  }
  world.logins.push({
    role: 'creator',
    email: 'creator@flywheel.demo',
    password: demoPassword,
    org: demoCreators[0].nameEn,
  });

  for (const [i, p] of demoProviders.entries()) {
    const email = i === 0 ? 'provider@flywheel.demo' : `provider-${p.key}@flywheel.demo`;
    await create(`provider-${p.key}`, {
      kind: 'provider',
      name: p.name,
      providerType: p.type,
      attributes: { nameEn: p.nameEn },
      owner: { email, name: p.nameEn, passwordHash },
    });
  }
  world.logins.push({
    role: 'provider',
    email: 'provider@flywheel.demo',
    password: demoPassword,
    org: demoProviders[0].nameEn,
  });

  const { body: shopper } = await runWrite(
    deps,
    { principal: null, requestId: 'seed', ip: null },
    { action: 'identity.shopper.create' },
    (ctx) =>
      registerShopper(
        { db, clock, hooks: rt.hooks, config: rt.config },
        ctx,
        {
          email: 'shopper@flywheel.demo',
          passwordHash,
          name: '王小明',
          phone: '+86 138 0000 0000',
        },
        null,
      ),
  );
  world.users.shopper = shopper.id;
  // 王小明's address book: home in Chaoyang (the default, near the Sanlitun and Guomao stores)
  // and the office in Zhongguancun.
  const asShopper = {
    principal: {
      type: 'shopper' as const,
      shopperId: shopper.id,
      via: 'session' as const,
      credentialId: 'seed',
    },
    requestId: 'seed',
    ip: null,
  };
  for (const a of demoShopperAddresses)
    await runWrite(deps, asShopper, { action: 'identity.address.create' }, (ctx) =>
      addAddress(ctx, asShopper.principal, a),
    );
  world.logins.push({
    role: 'shopper',
    email: 'shopper@flywheel.demo',
    password: demoPassword,
    org: '/shop',
  });
}
