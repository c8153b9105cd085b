import { access } from '../../platform/http/access.js';
import { IdParams, Page } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime } from '../../platform/module.js';
import { collectPickup, moveShipment } from './commands/moves.js';
import { addRule, listRules, removeRule, rerankRule } from './commands/rules.js';
import { getShipment, listTasks, promisePerformance } from './queries/tasks.js';
import {
  MoveBody,
  MovedShipment,
  Performance,
  PerformanceQuery,
  PickupBody,
  Rule,
  RuleBody,
  RuleQuery,
  RuleRankBody,
  Shipment,
  Task,
  TaskQuery,
} from './schema.js';

const tags = ['fulfilment'];
const read = { access: access.member('viewer', ['store', 'retailer', 'brand', 'platform']) };
const work = { access: access.member('staff', ['store', 'retailer', 'brand', 'platform']) };
const ruleWrite = { access: access.member('admin', ['brand', 'platform']) };

export function fulfilmentRoutes(app: App, rt: Runtime): void {
  const { db, clock } = rt;
  app.get(
    '/api/fulfilment/tasks',
    {
      schema: {
        tags,
        summary: 'The task queue: paid shipments not yet done, the nearest promise first, with pick lists',
        querystring: TaskQuery,
        response: { 200: Page(Task) },
      },
      config: read,
    },
    async (req) => listTasks(db, memberOf(req), req.query),
  );
  app.get(
    '/api/fulfilment/shipments/:id',
    {
      schema: { tags, summary: 'A shipment with its steps', params: IdParams, response: { 200: Shipment } },
      config: read,
    },
    async (req) => getShipment(db, memberOf(req), req.params.id),
  );
  app.post(
    '/api/fulfilment/shipments/:id/moves',
    {
      schema: {
        tags,
        summary:
          'Move a shipment: picking, ready, handed to the courier, delivered, collected (delivery partners too)',
        params: IdParams,
        body: MoveBody,
        response: { 200: MovedShipment },
      },
      config: work,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'fulfilment.shipment.move', objectType: 'shipment' },
        async (ctx) => {
          const s = await moveShipment(ctx, memberOf(req), req.params.id, req.body);
          return { id: s.id, status: s.status, updatedAt: s.updated_at };
        },
      ),
  );
  app.post(
    '/api/fulfilment/pickups',
    {
      schema: {
        tags,
        summary: 'Hand a pick-up over at the counter: the shopper shows its code',
        body: PickupBody,
        response: { 200: MovedShipment },
      },
      config: { access: access.member('staff', ['store', 'retailer', 'platform']) },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'fulfilment.pickup', objectType: 'shipment' }, async (ctx) => {
        const s = await collectPickup(ctx, memberOf(req), req.body.code);
        return { id: s.id, status: s.status, updatedAt: s.updated_at };
      }),
  );
  app.get(
    '/api/fulfilment/performance',
    {
      schema: {
        tags,
        summary: 'Promise kept per store: hour deliveries and pick-ups on time',
        querystring: PerformanceQuery,
        response: { 200: Performance },
      },
      config: read,
    },
    async (req) => promisePerformance(db, memberOf(req), clock.now(), req.query.days),
  );
  app.get(
    '/api/fulfilment/rules',
    {
      schema: {
        tags,
        summary: "The brand's ranked routing rules, by rank within a page (a brand's rules fit in one)",
        querystring: RuleQuery,
        response: { 200: Page(Rule) },
      },
      config: { access: access.member('viewer', ['brand', 'platform']) },
    },
    async (req) => listRules(db, memberOf(req), req.query),
  );
  app.post(
    '/api/fulfilment/rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule: prefer a location, avoid splits, stay in the province',
        body: RuleBody,
        response: { 201: Rule },
      },
      config: ruleWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'fulfilment.rule.add', status: 201 }, (ctx) =>
        addRule(ctx, memberOf(req), req.body),
      ),
  );
  app.patch(
    '/api/fulfilment/rules/:id',
    {
      schema: {
        tags,
        summary: 'Move a routing rule to another rank; the rules between move by one',
        params: IdParams,
        body: RuleRankBody,
        response: { 200: Rule },
      },
      config: ruleWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'fulfilment.rule.rerank' }, (ctx) =>
        rerankRule(ctx, memberOf(req), req.params.id, req.body.rank),
      ),
  );
  app.delete(
    '/api/fulfilment/rules/:id',
    {
      schema: { tags, summary: 'Remove a routing rule', params: IdParams, response: { 200: Rule } },
      config: ruleWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'fulfilment.rule.remove' }, (ctx) =>
        removeRule(ctx, memberOf(req), req.params.id),
      ),
  );
}
