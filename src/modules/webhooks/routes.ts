import { access } from '../../platform/http/access.js';
import { Page, PageQuery } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, scopeOf } from '../../platform/module.js';
import {
  createEndpoint,
  deleteEndpoint,
  pingEndpoint,
  resendDelivery,
  updateEndpoint,
} from './commands/endpoints.js';
import { getDelivery, getEndpoint, listDeliveries, listEndpoints } from './queries.js';
import {
  CreatedEndpoint,
  CreateEndpointBody,
  Deleted,
  Delivery,
  DeliveryDetail,
  DeliveryQuery,
  Endpoint,
  IdParam,
  UpdateEndpointBody,
} from './schema.js';

const tags = ['webhooks'];
const admin = { access: access.member('admin') };

export function webhookRoutes(app: App, rt: Runtime): void {
  const { db } = rt;
  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook endpoints of your organisation',
        querystring: PageQuery,
        response: { 200: Page(Endpoint) },
      },
      config: admin,
    },
    async (req) => listEndpoints(scopeOf(db, req), req.query),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook endpoint',
        body: CreateEndpointBody,
        response: { 201: CreatedEndpoint },
      },
      config: admin,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'webhooks.endpoint.create', status: 201 }, (ctx) =>
        createEndpoint(ctx, scopeOf(db, req), memberOf(req), req.body, rt.config.webhookAllowPrivate),
      ),
  );
  app.get(
    '/api/webhooks/:id',
    {
      schema: { tags, summary: 'One webhook endpoint', params: IdParam, response: { 200: Endpoint } },
      config: admin,
    },
    async (req) => getEndpoint(scopeOf(db, req), req.params.id),
  );
  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint',
        params: IdParam,
        body: UpdateEndpointBody,
        response: { 200: Endpoint },
      },
      config: admin,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'webhooks.endpoint.update', objectType: 'webhook_endpoint' },
        (ctx) =>
          updateEndpoint(ctx, scopeOf(db, req), req.params.id, req.body, rt.config.webhookAllowPrivate),
      ),
  );
  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its log',
        params: IdParam,
        response: { 200: Deleted },
      },
      config: admin,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'webhooks.endpoint.delete', objectType: 'webhook_endpoint' },
        (ctx) => deleteEndpoint(ctx, scopeOf(db, req), req.params.id),
      ),
  );
  app.post(
    '/api/webhooks/:id/ping',
    {
      schema: {
        tags,
        summary: 'Send a test event to the endpoint',
        params: IdParam,
        response: { 201: Delivery },
      },
      config: admin,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'webhooks.endpoint.ping', status: 201 }, (ctx) =>
        pingEndpoint(ctx, scopeOf(db, req), req.params.id),
      ),
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of an endpoint',
        params: IdParam,
        querystring: DeliveryQuery,
        response: { 200: Page(Delivery) },
      },
      config: admin,
    },
    async (req) => listDeliveries(scopeOf(db, req), req.params.id, req.query),
  );
  app.get(
    '/api/webhook-deliveries/:id',
    {
      schema: {
        tags,
        summary: 'One delivery with its payload and every attempt',
        params: IdParam,
        response: { 200: DeliveryDetail },
      },
      config: admin,
    },
    async (req) => getDelivery(scopeOf(db, req), req.params.id),
  );
  app.post(
    '/api/webhook-deliveries/:id/resend',
    {
      schema: { tags, summary: 'Send a delivery again', params: IdParam, response: { 200: Delivery } },
      config: admin,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'webhooks.delivery.resend', objectType: 'webhook_delivery' },
        (ctx) => resendDelivery(ctx, scopeOf(db, req), req.params.id),
      ),
  );
}
