import { access } from '../../platform/http/access.js';
import { Id, Nullable, Obj, Page, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import type { Runtime } from '../../platform/module.js';
import { listShops, shopProducts } from './queries/shop.js';

const tags = ['storefront'];
const Shop = Type.Object({
  id: Type.String(),
  name: Type.String(),
  brandId: Type.String(),
  brandName: Type.String(),
  brandNameEn: Nullable(Type.String()),
});
const ShopProduct = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Nullable(Type.String()),
  category: Type.String(),
  productLine: Type.String(),
  images: Type.Array(Type.String()),
  flagship: Type.Boolean(),
  optionNames: Type.Array(Type.String()),
  fromPrice: Type.Integer(),
  sellable: Type.Boolean(),
  skus: Type.Array(
    Type.Object({
      skuId: Type.String(),
      code: Type.String(),
      options: Type.Record(Type.String(), Type.String()),
      listPrice: Type.Integer(),
      sellingPrice: Type.Integer(),
      sellable: Type.Boolean(),
      refusal: Nullable(Type.String()),
      launchAt: Nullable(Timestamp),
    }),
  ),
});
const ShopProducts = Type.Object({
  channelId: Type.String(),
  brandId: Type.String(),
  serverTime: Timestamp,
  items: Type.Array(ShopProduct),
  nextCursor: Nullable(Type.String()),
});

/** The storefront's catalogue: open to everyone, signed in or not. */
export function shopRoutes(app: App, rt: Runtime): void {
  const { db, clock } = rt;
  app.get(
    '/api/shop/shops',
    {
      schema: {
        tags,
        summary: "Brands' online shops",
        querystring: PageQuery,
        response: { 200: Page(Shop) },
      },
      config: { access: access.public },
    },
    async (req) => listShops(db, req.query),
  );
  app.get(
    '/api/shop/shops/:id/products',
    {
      schema: {
        tags,
        summary: "A shop's products at its prices, each SKU saying whether it sells now",
        params: Obj({ id: Id('chn') }),
        querystring: Obj({
          ...PageQuery.properties,
          q: Type.Optional(Str({ max: 100 })),
          productId: Type.Optional(Id('prd')),
        }),
        response: { 200: ShopProducts },
      },
      config: { access: access.public },
    },
    async (req) => {
      const now = clock.now();
      // The server's time, for a launch's countdown to run on it rather than on the phone's.
      return { ...(await shopProducts(db, req.params.id, now, req.query)), serverTime: now.toISOString() };
    },
  );
}
