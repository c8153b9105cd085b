import { access } from '../../platform/http/access.js';
import { Id, Obj, Page, Type, whole } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, shopperOf } from '../../platform/module.js';
import { payDeposit } from './commands/deposit.js';
import { evaluateBrand } from './commands/evaluate.js';
import { createTier, updateTier } from './commands/tiers.js';
import { getShop, listShops, listTiers, orderRights, trustCard } from './queries.js';
import {
  CreateTierBody,
  OrderRights,
  OrgParam,
  PayDepositBody,
  ShopDetail,
  ShopStanding,
  ShopsQuery,
  Tier,
  TierParam,
  TrustCard,
  UpdateTierBody,
} from './schema.js';

const tags = ['trust'];
const operatorWrite = { access: access.member('admin', ['platform']) };
const shopRead = { access: access.member('viewer', ['brand', 'platform']) };

export function trustRoutes(app: App, rt: Runtime): void {
  const { db } = rt;
  app.get(
    '/api/trust/tiers',
    {
      schema: {
        tags,
        summary: 'The Trust Card tiers: rights and what a shop needs to hold each, best first',
        response: {
          200: Type.Object({ items: Type.Array(Tier) }, whole('the tiers the platform offers: a few')),
        },
      },
      config: { access: access.member('viewer') },
    },
    async () => listTiers(db),
  );
  app.post(
    '/api/trust/tiers',
    {
      schema: {
        tags,
        summary: 'Define a tier (the operator)',
        body: CreateTierBody,
        response: { 201: Tier },
      },
      config: operatorWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'trust.tier.create', status: 201 }, (ctx) =>
        createTier(ctx, req.body),
      ),
  );
  app.patch(
    '/api/trust/tiers/:id',
    {
      schema: {
        tags,
        summary: "Change a tier's names, rank, rights or rules; every shop is judged again",
        description: 'Orders already placed keep the rights they were placed under.',
        params: TierParam,
        body: UpdateTierBody,
        response: { 200: Tier },
      },
      config: operatorWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'trust.tier.update', objectType: 'tier' }, (ctx) =>
        updateTier(ctx, req.params.id, req.body),
      ),
  );
  app.get(
    '/api/trust/shops',
    {
      schema: {
        tags,
        summary: "Brands' standing: tier and why, deposit, debt (the operator's list; a brand its own)",
        querystring: ShopsQuery,
        response: { 200: Page(ShopStanding) },
      },
      config: shopRead,
    },
    async (req) => listShops(db, memberOf(req), req.query),
  );
  app.get(
    '/api/trust/shops/:id',
    {
      schema: {
        tags,
        summary: "A brand's standing with its evaluations and deposit payments",
        params: OrgParam,
        response: { 200: ShopDetail },
      },
      config: shopRead,
    },
    async (req) => getShop(db, memberOf(req), req.params.id),
  );
  app.post(
    '/api/trust/shops/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Judge a brand against the tiers now (the operator)',
        params: OrgParam,
        response: { 200: ShopDetail },
      },
      config: operatorWrite,
    },
    async (req, reply) => {
      await handleWrite(rt, req, reply, { action: 'trust.shop.evaluate', objectType: 'org' }, (ctx) =>
        evaluateBrand(ctx, req.params.id),
      );
      return getShop(db, memberOf(req), req.params.id);
    },
  );
  app.post(
    '/api/trust/deposits',
    {
      schema: {
        tags,
        summary: "Pay into the brand's deposit, by bank transfer or out of its payable",
        body: PayDepositBody,
        response: {
          201: Type.Object({
            id: Type.String(),
            depositFen: Type.Integer(),
            tier: Type.Union([
              Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }),
              Type.Null(),
            ]),
          }),
        },
      },
      config: { access: access.member('admin', ['brand']) },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'trust.deposit.pay', status: 201 }, (ctx) =>
        payDeposit(ctx, memberOf(req), req.body),
      ),
  );
  app.get(
    '/api/trust/orders/:id/rights',
    {
      schema: {
        tags,
        summary: 'The Trust Card an order was placed under',
        params: Obj({ id: Id('ord') }),
        response: { 200: OrderRights },
      },
      config: shopRead,
    },
    async (req) => orderRights(db, memberOf(req), req.params.id),
  );
  app.get(
    '/api/shop/brands/:id/trust',
    {
      schema: {
        tags: ['storefront'],
        summary: "A brand's Trust Card: the platform's guarantee and the seller's own record",
        params: Obj({ id: Id('org') }),
        response: { 200: TrustCard },
      },
      config: { access: access.public },
    },
    async (req) => trustCard(db, req.params.id),
  );
  app.get(
    '/api/shop/orders/:id/rights',
    {
      schema: {
        tags: ['storefront'],
        summary: 'The rights the shopper has on an order: its Trust Card as it was placed',
        params: Obj({ id: Id('ord') }),
        response: { 200: OrderRights },
      },
      config: { access: access.shopper },
    },
    async (req) => orderRights(db, shopperOf(req), req.params.id),
  );
}
