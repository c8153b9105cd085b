import { TenantScope } from '../../platform/db/tenant.js';
import type { DemoWorld, Runtime } from '../../platform/module.js';
import { runWrite } from '../../platform/write.js';
import { changeProductStatus, createProduct } from './commands/products.js';
import { gtinCheckDigit } from './domain/gtin.js';
import { seedChannels } from './seed-channels.js';
import { demoCatalog } from './seed-data.js';

/** Every combination of the option values, in order: colour × storage × … */
function combinations(options: Record<string, string[]>): Array<Record<string, string>> {
  return Object.entries(options).reduce<Array<Record<string, string>>>(
    (acc, [name, values]) => acc.flatMap((combo) => values.map((v) => ({ ...combo, [name]: v }))),
    [{}],
  );
}

/**
 * Products of the demo brands, through the same commands as the API. GTINs are valid EAN-13s
 * under GS1 China's 690–699 prefixes, numbered per brand (fictional items, real check digits).
 */
export async function seedCatalog(rt: Runtime, world: DemoWorld): Promise<void> {
  const deps = { db: rt.db, clock: rt.clock, hooks: rt.hooks, afterCommit: rt.nudge };
  const prefixes: Record<string, string> = { oppo: '693216', heilan: '692145', qingyan: '694873' };
  const skuIds: Record<string, string[]> = {};
  for (const [brandKey, products] of Object.entries(demoCatalog)) {
    const brandId = world.orgs[brandKey];
    if (!brandId) continue;
    const scope = new TenantScope(rt.db, { orgIds: [brandId], orgKind: 'brand' });
    let serial = 0;
    skuIds[brandKey] = [];
    for (const p of products) {
      const skus = combinations(p.options).map((options, i) => {
        const body = `${prefixes[brandKey]}${String(++serial).padStart(6, '0')}`;
        const code = [
          p.codePrefix,
          ...Object.values(options).map((v) =>
            v
              .split(' ')
              .at(-1)!
              .replace(/\+/g, '-')
              .replace(/[^A-Za-z0-9-]/g, '')
              .toUpperCase(),
          ),
        ].join('-');
        return {
          code: code === p.codePrefix ? `${code}-${i + 1}` : code,
          gtin: `${body}${gtinCheckDigit(body)}`,
          options,
        };
      });
      const { body: product } = await runWrite(
        deps,
        { principal: null, requestId: 'seed', ip: null },
        { action: 'catalog.product.create' },
        (ctx) =>
          createProduct(ctx, scope, brandId, {
            name: p.name,
            nameEn: p.nameEn,
            category: p.category,
            productLine: p.productLine,
            flagship: p.flagship,
            optionNames: Object.keys(p.options),
            skus,
          }),
      );
      skuIds[brandKey].push(...product.skus.map((s) => s.id));
      if (p.status === 'active') {
        await runWrite(
          deps,
          { principal: null, requestId: 'seed', ip: null },
          { action: 'catalog.product.status' },
          (ctx) => changeProductStatus(ctx, scope, product.id, 'active'),
        );
      }
    }
  }
  world.skus = skuIds;
  await seedChannels(rt, world);
}
