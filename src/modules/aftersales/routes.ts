import { access } from '../../platform/http/access.js';
import { Page, Type } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, shopperOf } from '../../platform/module.js';
import { postMessage } from './commands/messages.js';
import { moveClaim } from './commands/move.js';
import { openClaim } from './commands/open.js';
import { claimFor, getClaim, listClaims, policyOf } from './queries.js';
import {
  Claim,
  ClaimDetail,
  ClaimParam,
  ClaimsQuery,
  MerchantMoveBody,
  MessageBody,
  OpenClaimBody,
  ShopperMoveBody,
} from './schema.js';

const Message = Type.Object({
  id: Type.String(),
  author: Type.String(),
  body: Type.String(),
  at: Type.String(),
});
const memberRead = { access: access.member('viewer', ['brand', 'platform']) };
const memberWrite = { access: access.member('staff', ['brand', 'platform']) };

export function aftersalesRoutes(app: App, rt: Runtime): void {
  const { db } = rt;
  // The shopper's side.
  app.post(
    '/api/shop/claims',
    {
      schema: {
        tags: ['shop'],
        summary: 'Claim after-sales on lines of an order: refund, return, exchange, counterfeit',
        body: OpenClaimBody,
        response: { 201: ClaimDetail },
      },
      config: { access: access.shopper },
    },
    async (req, reply) => {
      const claim = await handleWrite(
        rt,
        req,
        reply,
        { action: 'aftersales.claim.open', status: 201 },
        async (ctx) => openClaim(ctx, await policyOf(ctx.trx), shopperOf(req).shopperId, req.body),
      );
      return getClaim(db, shopperOf(req), claim.id);
    },
  );
  app.get(
    '/api/shop/claims',
    {
      schema: {
        tags: ['shop'],
        summary: "The shopper's claims",
        querystring: ClaimsQuery,
        response: { 200: Page(Claim) },
      },
      config: { access: access.shopper },
    },
    async (req) => listClaims(db, shopperOf(req), req.query),
  );
  app.get(
    '/api/shop/claims/:id',
    {
      schema: {
        tags: ['shop'],
        summary: 'A claim with its lines, timeline and messages',
        params: ClaimParam,
        response: { 200: ClaimDetail },
      },
      config: { access: access.shopper },
    },
    async (req) => getClaim(db, shopperOf(req), req.params.id),
  );
  app.post(
    '/api/shop/claims/:id/moves',
    {
      schema: {
        tags: ['shop'],
        summary: 'Send the goods back, escalate a rejection, accept it, or withdraw the claim',
        params: ClaimParam,
        body: ShopperMoveBody,
        response: { 200: ClaimDetail },
      },
      config: { access: access.shopper },
    },
    async (req, reply) => {
      const shopper = shopperOf(req);
      await handleWrite(
        rt,
        req,
        reply,
        { action: 'aftersales.claim.move', objectType: 'claim' },
        async (ctx) =>
          moveClaim(
            ctx,
            await policyOf(ctx.trx),
            await claimFor(ctx.trx, shopper, req.params.id),
            req.body.move,
            'shopper',
            req.body,
          ),
      );
      return getClaim(db, shopper, req.params.id);
    },
  );
  app.post(
    '/api/shop/claims/:id/messages',
    {
      schema: {
        tags: ['shop'],
        summary: "Write to the claim's thread",
        params: ClaimParam,
        body: MessageBody,
        response: { 201: Message },
      },
      config: { access: access.shopper },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'aftersales.message.post', status: 201 }, async (ctx) =>
        postMessage(ctx, await claimFor(ctx.trx, shopperOf(req), req.params.id), 'shopper', req.body.body),
      ),
  );

  // The merchant's workbench and the operator's arbitration queue.
  app.get(
    '/api/aftersales/claims',
    {
      schema: {
        tags: ['aftersales'],
        summary: "Claims on the brand's orders (every claim for the operator)",
        querystring: ClaimsQuery,
        response: { 200: Page(Claim) },
      },
      config: memberRead,
    },
    async (req) => listClaims(db, memberOf(req), req.query),
  );
  app.get(
    '/api/aftersales/claims/:id',
    {
      schema: {
        tags: ['aftersales'],
        summary: 'A claim with its lines, timeline and messages',
        params: ClaimParam,
        response: { 200: ClaimDetail },
      },
      config: memberRead,
    },
    async (req) => getClaim(db, memberOf(req), req.params.id),
  );
  app.post(
    '/api/aftersales/claims/:id/moves',
    {
      schema: {
        tags: ['aftersales'],
        summary: 'The merchant approves, rejects, receives, refunds or exchanges; the operator rules',
        params: ClaimParam,
        body: MerchantMoveBody,
        response: { 200: ClaimDetail },
      },
      config: memberWrite,
    },
    async (req, reply) => {
      const member = memberOf(req);
      const by = member.orgKind === 'platform' ? 'operator' : 'merchant';
      await handleWrite(
        rt,
        req,
        reply,
        { action: 'aftersales.claim.move', objectType: 'claim' },
        async (ctx) =>
          moveClaim(
            ctx,
            await policyOf(ctx.trx),
            await claimFor(ctx.trx, member, req.params.id),
            req.body.move,
            by,
            req.body,
          ),
      );
      return getClaim(db, member, req.params.id);
    },
  );
  app.post(
    '/api/aftersales/claims/:id/messages',
    {
      schema: {
        tags: ['aftersales'],
        summary: "Write to the claim's thread",
        params: ClaimParam,
        body: MessageBody,
        response: { 201: Message },
      },
      config: memberWrite,
    },
    async (req, reply) => {
      const member = memberOf(req);
      return handleWrite(rt, req, reply, { action: 'aftersales.message.post', status: 201 }, async (ctx) =>
        postMessage(
          ctx,
          await claimFor(ctx.trx, member, req.params.id),
          member.orgKind === 'platform' ? 'operator' : 'merchant',
          req.body.body,
        ),
      );
    },
  );
}
