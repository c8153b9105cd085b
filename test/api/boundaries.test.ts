import { describe, expect, it } from 'vitest';
import { checkBoundaries, formatViolations, readTree, type SourceTree } from '../support/boundaries.js';

describe('module boundaries (DESIGN §4)', () => {
  it('finds each kind of crossing planted in a tree, with its file and line, and none in a clean one', () => {
    const tree: SourceTree = {
      'src/modules/catalog/repo.ts':
        'export type CatalogTables = {\n  catalog_product: { id: string };\n};\n',
      'src/modules/orders/repo.ts': 'export type OrdersTables = {\n  orders_order: { id: string };\n};\n',
      'src/modules/orders/commands/place.ts': [
        "import { offers } from '../../catalog/index.js';",
        "import { listings } from '../../catalog/queries/listings.js';",
        "// a comment naming 'catalog_product' is not code",
        "const p = await db.selectFrom('catalog_product').selectAll().execute();",
        "const q = await db.selectFrom('orders_order').innerJoin('catalog_product as p', 'p.id', 'orders_order.id');",
        "const v = await db.selectFrom('catalog_offer_view').selectAll().execute();",
        ".addColumn('product_id', 'text', (c) => c.references('catalog_product.id'))",
      ].join('\n'),
      'src/modules/orders/routes.ts':
        "app.get('/x', async () => db.selectFrom('orders_order').selectAll().execute());\n",
      'src/platform/write.ts': "import { orders } from '../modules/orders/index.js';\n",
    };
    expect(formatViolations(checkBoundaries(tree))).toEqual([
      'src/modules/orders/commands/place.ts:2 internal_import: ../../catalog/queries/listings.js',
      'src/modules/orders/commands/place.ts:4 foreign_table: catalog_product (owned by catalog)',
      'src/modules/orders/commands/place.ts:5 foreign_table: catalog_product (owned by catalog)',
      "src/modules/orders/routes.ts:1 sql_in_routes: app.get('/x', async () => db.selectFrom('orders_order').selectAll().execute());",
      'src/platform/write.ts:1 platform_imports_module: ../modules/orders/index.js',
    ]);
    const clean = { ...tree };
    delete clean['src/platform/write.ts'];
    delete clean['src/modules/orders/routes.ts'];
    clean['src/modules/orders/commands/place.ts'] = "import { offers } from '../../catalog/index.js';\n";
    expect(checkBoundaries(clean)).toEqual([]);
  });

  it('holds on this tree: every crossing is named with its file and line', () => {
    const found = checkBoundaries(readTree(new URL('../..', import.meta.url).pathname));
    expect(formatViolations(found)).toEqual([]);
  });
});
