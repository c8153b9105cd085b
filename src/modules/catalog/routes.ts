import { DomainError } from '../../platform/errors.js';
import { access } from '../../platform/http/access.js';
import { csvResponse, sendCsv } from '../../platform/http/csv.js';
import { Page } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, scopeOf } from '../../platform/module.js';
import { importCatalog, previewCatalogImport } from './commands/import.js';
import { addSku, changeProductStatus, createProduct, updateProduct, updateSku } from './commands/products.js';
import { exportCatalogCsv, getProduct, listProducts } from './queries/products.js';
import {
  CreateProductBody,
  ExportQuery,
  IdParam,
  ImportBody,
  ImportQuery,
  ImportResult,
  Product,
  ProductQuery,
  ProductWithSkus,
  Sku,
  SkuBody,
  StatusBody,
  UpdateProductBody,
  UpdateSkuBody,
} from './schema.js';

const tags = ['catalog'];
// Brands keep their catalogue; the operator reads every brand's. Retailers, creators and stores
// see products through channels and the selection pool (next capabilities), not here.
const read = { access: access.member('viewer', ['brand', 'platform']) };
const write = { access: access.member('staff', ['brand']) };

export function catalogRoutes(app: App, rt: Runtime): void {
  const { db } = rt;
  app.get(
    '/api/catalog/products',
    {
      schema: {
        tags,
        summary: 'Search products',
        querystring: ProductQuery,
        response: { 200: Page(Product) },
      },
      config: read,
    },
    async (req) => listProducts(scopeOf(db, req), req.query),
  );
  app.get(
    '/api/catalog/export',
    {
      schema: {
        tags,
        summary: 'The catalogue as a CSV spreadsheet, one row per SKU',
        querystring: ExportQuery,
        response: csvResponse,
      },
      config: read,
    },
    async (req, reply) =>
      sendCsv(reply, 'catalog', rt.clock.now(), await exportCatalogCsv(scopeOf(db, req), req.query)),
  );
  app.post(
    '/api/catalog/import',
    {
      schema: {
        tags,
        summary: 'Import a catalogue spreadsheet (all rows or none)',
        description:
          'The export format: products by name and SKUs by code are created or updated. A file with any bad row changes nothing and answers 422 naming every bad line and column.',
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportResult },
      },
      config: write,
    },
    async (req, reply) => {
      const brandId = memberOf(req).orgId;
      const text: unknown = req.body;
      if (typeof text !== 'string')
        throw new DomainError('request.unsupported_media_type', 'send the spreadsheet as text/csv', {
          errors: [{ field: 'body', message: 'must be a text/csv file' }],
        });
      if (req.query.dryRun === 'true')
        return previewCatalogImport(db, scopeOf(db, req), brandId, text, rt.clock.now());
      return handleWrite(rt, req, reply, { action: 'catalog.import' }, (ctx) =>
        importCatalog(ctx, scopeOf(db, req), brandId, text),
      );
    },
  );
  app.post(
    '/api/catalog/products',
    {
      schema: {
        tags,
        summary: 'Create a product (a draft) with its SKUs',
        body: CreateProductBody,
        response: { 201: ProductWithSkus },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.product.create', status: 201 }, (ctx) =>
        createProduct(ctx, scopeOf(db, req), memberOf(req).orgId, req.body),
      ),
  );
  app.get(
    '/api/catalog/products/:id',
    {
      schema: {
        tags,
        summary: 'One product with its SKUs',
        params: IdParam,
        response: { 200: ProductWithSkus },
      },
      config: read,
    },
    async (req) => getProduct(scopeOf(db, req), req.params.id),
  );
  app.patch(
    '/api/catalog/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product',
        params: IdParam,
        body: UpdateProductBody,
        response: { 200: Product },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.product.update', objectType: 'product' }, (ctx) =>
        updateProduct(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/catalog/products/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a product along its lifecycle (draft, active, discontinued)',
        params: IdParam,
        body: StatusBody,
        response: { 200: Product },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.product.status', objectType: 'product' }, (ctx) =>
        changeProductStatus(ctx, scopeOf(db, req), req.params.id, req.body.status),
      ),
  );
  app.post(
    '/api/catalog/products/:id/skus',
    {
      schema: {
        tags,
        summary: 'Add an SKU to a product',
        params: IdParam,
        body: SkuBody,
        response: { 201: Sku },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.sku.create', status: 201 }, (ctx) =>
        addSku(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
  app.patch(
    '/api/catalog/skus/:id',
    {
      schema: {
        tags,
        summary: 'Change an SKU (GTIN, images, discontinue)',
        params: IdParam,
        body: UpdateSkuBody,
        response: { 200: Sku },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.sku.update', objectType: 'sku' }, (ctx) =>
        updateSku(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
}
