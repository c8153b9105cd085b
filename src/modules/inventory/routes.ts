import { DomainError } from '../../platform/errors.js';
import { access } from '../../platform/http/access.js';
import { Page, Type } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, scopeOf } from '../../platform/module.js';
import { findChannel, listedSkuIds } from '../catalog/index.js';
import { replenishStore } from './commands/full-line.js';
import { createLocation, updateLocation } from './commands/locations.js';
import { commitReservation, releaseReservation, reserveStock } from './commands/reservations.js';
import { adjustStock, assertSkus, placeOf, receiveStock } from './commands/stock.js';
import { cancelTransfer, receiveTransfer, requestTransfer, shipTransfer } from './commands/transfers.js';
import { auditZone, createZone, updateZone } from './commands/zones.js';
import { availableToPromise } from './queries/availability.js';
import { fullLineReport, replenishmentSuggestions } from './queries/full-line.js';
import { listLevels, listMovements } from './queries/levels.js';
import { findLocation, listLocations } from './queries/locations.js';
import { getTransfer, listTransfers } from './queries/transfers.js';
import { getZone, listZones } from './queries/zones.js';
import * as S from './schema.js';
import { locationView } from './views.js';

const tags = ['inventory'];
// The brand keeps its stock; its retail partners (and their stores) read the stock in their stores.
const read = { access: access.member('viewer', ['brand', 'retailer', 'store', 'platform']) };
const brandRead = { access: access.member('viewer', ['brand', 'platform']) };
const write = { access: access.member('staff', ['brand']) };

export function inventoryRoutes(app: App, rt: Runtime): void {
  const { db, clock } = rt;

  app.get(
    '/api/inventory/locations',
    {
      schema: {
        tags,
        summary: 'Warehouses and stores holding the brand’s stock, oldest first',
        querystring: S.LocationQuery,
        response: { 200: Page(S.Location) },
      },
      config: read,
    },
    async (req) => listLocations(db, memberOf(req), req.query),
  );
  app.post(
    '/api/inventory/locations',
    {
      schema: {
        tags,
        summary: 'Add a warehouse, or a partner store, as a stock location',
        body: S.CreateLocationBody,
        response: { 201: S.Location },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.location.create', status: 201 }, (ctx) =>
        createLocation(ctx, scopeOf(db, req), memberOf(req).orgId, req.body),
      ),
  );
  app.get(
    '/api/inventory/locations/:id',
    {
      schema: { tags, summary: 'One location', params: S.IdParam, response: { 200: S.Location } },
      config: read,
    },
    async (req) => locationView(await findLocation(db, memberOf(req), req.params.id)),
  );
  app.patch(
    '/api/inventory/locations/:id',
    {
      schema: {
        tags,
        summary: 'Opening hours, delivery radius, preparation time, open or closed',
        description:
          "A store's hours, radius, preparation time and capacity are set by the store or its retailer (for every brand's stock it keeps); its name and status by the brand. A warehouse is the brand's.",
        params: S.IdParam,
        body: S.UpdateLocationBody,
        response: { 200: S.Location },
      },
      config: { access: access.member('staff', ['brand', 'retailer', 'store']) },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.location.update', objectType: 'location' }, (ctx) =>
        updateLocation(ctx, scopeOf(db, req), memberOf(req), req.params.id, req.body),
      ),
  );
  app.get(
    '/api/inventory/locations/:id/full-line',
    {
      schema: {
        tags,
        summary: 'Full line on the shelf: SKUs in the agreement’s scope missing from display or out of stock',
        params: S.IdParam,
        response: { 200: S.FullLine },
      },
      config: read,
    },
    async (req) => fullLineReport(db, await findLocation(db, memberOf(req), req.params.id), clock.now()),
  );
  app.get(
    '/api/inventory/locations/:id/replenishment',
    {
      schema: {
        tags,
        summary: 'What the store should be sent, from recent sales against the cover commitment',
        params: S.IdParam,
        response: { 200: S.Replenishment },
      },
      config: read,
    },
    async (req) =>
      replenishmentSuggestions(db, await findLocation(db, memberOf(req), req.params.id), clock.now()),
  );
  app.post(
    '/api/inventory/locations/:id/replenish',
    {
      schema: {
        tags,
        summary: 'Turn a store’s gaps (or every suggestion) into transfer requests from the warehouses',
        params: S.IdParam,
        body: S.ReplenishBody,
        response: { 200: S.ReplenishResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.replenish', objectType: 'location' }, (ctx) =>
        replenishStore(ctx, memberOf(req), req.params.id, req.body.only),
      ),
  );

  app.get(
    '/api/inventory/levels',
    {
      schema: {
        tags,
        summary: 'On hand, reserved, available and in transit per SKU and location',
        querystring: S.LevelQuery,
        response: { 200: Page(S.Level) },
      },
      config: read,
    },
    async (req) => listLevels(db, memberOf(req), req.query),
  );
  app.get(
    '/api/inventory/movements',
    {
      schema: {
        tags,
        summary: 'The movement ledger of a cell, a location or an SKU',
        querystring: S.MovementQuery,
        response: { 200: Page(S.Movement) },
      },
      config: read,
    },
    async (req) => listMovements(db, memberOf(req), req.query),
  );
  app.post(
    '/api/inventory/receipts',
    {
      schema: {
        tags,
        summary: 'Receive goods at a location',
        body: S.ReceiptBody,
        response: { 200: S.ReceiptResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.receive', objectType: 'location' }, async (ctx) => {
        const place = await placeOf(ctx, scopeOf(db, req), req.body.locationId);
        await assertSkus(
          ctx,
          place.org_id,
          req.body.lines.map((l) => l.skuId),
          (i) => `lines.${i}.skuId`,
        );
        return receiveStock(
          ctx,
          place,
          req.body.lines,
          req.body.ref ? { type: 'receipt', id: req.body.ref } : undefined,
        );
      }),
  );
  app.post(
    '/api/inventory/adjustments',
    {
      schema: {
        tags,
        summary: 'Correct a count, write off damaged units, or take back a return',
        body: S.AdjustmentBody,
        response: { 200: S.AdjustmentResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.adjust', objectType: 'location' }, async (ctx) => {
        if (req.body.quantity === 0)
          throw new DomainError('request.invalid', 'nothing to adjust', {
            errors: [{ field: 'quantity', message: 'must not be 0' }],
          });
        const place = await placeOf(ctx, scopeOf(db, req), req.body.locationId);
        await assertSkus(ctx, place.org_id, [req.body.skuId], () => 'skuId');
        return adjustStock(ctx, place, req.body);
      }),
  );

  app.post(
    '/api/inventory/reservations',
    {
      schema: {
        tags,
        summary: 'Hold stock at a location until it is sold or the hold expires (all lines or none)',
        body: S.ReservationBody,
        response: { 201: Type.Object({ items: Type.Array(S.Reservation) }) },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.reserve', status: 201 }, async (ctx) => {
        const place = await placeOf(ctx, scopeOf(db, req), req.body.locationId);
        await assertSkus(
          ctx,
          place.org_id,
          req.body.lines.map((l) => l.skuId),
          (i) => `lines.${i}.skuId`,
        );
        return reserveStock(ctx, place, req.body);
      }),
  );
  app.post(
    '/api/inventory/reservations/:id/release',
    {
      schema: { tags, summary: 'Give held stock back', params: S.IdParam, response: { 200: S.Reservation } },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.release', objectType: 'reservation' }, (ctx) =>
        releaseReservation(ctx, scopeOf(db, req).reader, req.params.id),
      ),
  );
  app.post(
    '/api/inventory/reservations/:id/commit',
    {
      schema: {
        tags,
        summary: 'The held stock is sold: out of on-hand, with a sale in the ledger',
        params: S.IdParam,
        response: { 200: S.Reservation },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.commit', objectType: 'reservation' }, (ctx) =>
        commitReservation(ctx, scopeOf(db, req).reader, req.params.id),
      ),
  );

  app.get(
    '/api/inventory/transfers',
    {
      schema: {
        tags,
        summary: 'Transfers between locations',
        querystring: S.TransferQuery,
        response: { 200: Page(S.Transfer) },
      },
      config: read,
    },
    async (req) => listTransfers(db, memberOf(req), req.query),
  );
  app.post(
    '/api/inventory/transfers',
    {
      schema: {
        tags,
        summary: 'Request a transfer between two locations',
        body: S.TransferBody,
        response: { 201: S.Transfer },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.transfer.request', status: 201 }, async (ctx) =>
        getTransfer(
          ctx.trx,
          memberOf(req),
          await requestTransfer(ctx, memberOf(req).orgId, { ...req.body, reason: 'manual' }),
        ),
      ),
  );
  app.get(
    '/api/inventory/transfers/:id',
    {
      schema: {
        tags,
        summary: 'One transfer with its lines',
        params: S.IdParam,
        response: { 200: S.Transfer },
      },
      config: read,
    },
    async (req) => getTransfer(db, memberOf(req), req.params.id),
  );
  // The brand's own steps of a transfer take no body: ship it, or cancel it before it ships.
  for (const [step, summary, command] of [
    ['ship', 'Ship: out of the source, in transit to the destination', shipTransfer],
    ['cancel', 'Cancel a transfer not yet shipped', cancelTransfer],
  ] as const) {
    app.post(
      `/api/inventory/transfers/:id/${step}`,
      { schema: { tags, summary, params: S.IdParam, response: { 200: S.Transfer } }, config: write },
      async (req, reply) =>
        handleWrite(rt, req, reply, { action: `inventory.transfer.${step}`, objectType: 'transfer' }, (ctx) =>
          command(ctx, memberOf(req), req.params.id),
        ),
    );
  }
  app.post(
    '/api/inventory/transfers/:id/receive',
    {
      schema: {
        tags,
        summary: 'Receive at the destination (the brand or the receiving store), counting each line',
        params: S.IdParam,
        body: S.ReceiveBody,
        response: { 200: S.Transfer },
      },
      config: { access: access.member('staff', ['brand', 'retailer', 'store']) },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.transfer.receive', objectType: 'transfer' }, (ctx) =>
        receiveTransfer(ctx, memberOf(req), req.params.id, req.body.lines),
      ),
  );
  app.get(
    '/api/channels/:id/atp',
    {
      schema: {
        tags,
        summary: 'Available to promise on a channel: what it may sell now, over the locations it may use',
        params: S.IdParam,
        querystring: S.AtpQuery,
        response: { 200: S.Atp },
      },
      config: { access: access.member('viewer', ['brand', 'retailer', 'platform']) },
    },
    async (req) => {
      const channel = await findChannel(db, memberOf(req), req.params.id);
      const skuIds = req.query.skuIds ? req.query.skuIds.split(',') : await listedSkuIds(db, channel.id, 500);
      return availableToPromise(db, channel, skuIds, clock.now());
    },
  );

  app.get(
    '/api/inventory/zones',
    {
      schema: {
        tags,
        summary: 'Brand zones in stores, oldest first',
        querystring: S.ZoneQuery,
        response: { 200: Page(S.Zone) },
      },
      config: brandRead,
    },
    async (req) => listZones(scopeOf(db, req), req.query),
  );
  app.post(
    '/api/inventory/zones',
    {
      schema: {
        tags,
        summary: 'Set up the brand’s display zone in a store',
        body: S.CreateZoneBody,
        response: { 201: S.ZoneWithAudits },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.zone.create', status: 201 }, async (ctx) =>
        getZone(ctx.trx, scopeOf(db, req), await createZone(ctx, scopeOf(db, req), req.body)),
      ),
  );
  app.get(
    '/api/inventory/zones/:id',
    {
      schema: {
        tags,
        summary: 'A zone with its audits',
        params: S.IdParam,
        response: { 200: S.ZoneWithAudits },
      },
      config: brandRead,
    },
    async (req) => getZone(db, scopeOf(db, req), req.params.id),
  );
  app.patch(
    '/api/inventory/zones/:id',
    {
      schema: {
        tags,
        summary: 'Change a zone’s area, fixtures or planogram',
        params: S.IdParam,
        body: S.UpdateZoneBody,
        response: { 200: S.ZoneWithAudits },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.zone.update', objectType: 'zone' }, async (ctx) =>
        getZone(ctx.trx, scopeOf(db, req), await updateZone(ctx, scopeOf(db, req), req.params.id, req.body)),
      ),
  );
  app.post(
    '/api/inventory/zones/:id/audits',
    {
      schema: {
        tags,
        summary: 'Record a compliance audit of a zone',
        params: S.IdParam,
        body: S.AuditBody,
        response: { 200: S.ZoneWithAudits },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'inventory.zone.audit', objectType: 'zone' }, (ctx) =>
        auditZone(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
}
