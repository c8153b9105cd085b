import { access } from '../../platform/http/access.js';
import { Ok, Page, PageQuery } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, scopeOf } from '../../platform/module.js';
import {
  createChannel,
  removeListings,
  setExclusive,
  setListings,
  updateChannel,
} from './commands/channels.js';
import { cancelLaunch, scheduleLaunch } from './commands/launches.js';
import { channelView, findChannel, listChannels, listLaunches, listListings } from './queries/channels.js';
import {
  Channel,
  ChannelQuery,
  CreateChannelBody,
  ExclusiveBody,
  ExclusiveResult,
  IdParam,
  Launch,
  LaunchBody,
  Listing,
  ListingQuery,
  ListingsBody,
  ListingsResult,
  RemoveListingsBody,
  UpdateChannelBody,
} from './schema.js';

const tags = ['channels'];
// A retail partner reads the store channel it sells through; the brand keeps its channels.
const read = { access: access.member('viewer', ['brand', 'retailer', 'platform']) };
const write = { access: access.member('staff', ['brand']) };

/** Channels, their assortments and price lists, channel-exclusive SKUs and synchronised launches. */
export function channelRoutes(app: App, rt: Runtime): void {
  const { db, clock } = rt;
  app.get(
    '/api/channels',
    {
      schema: {
        tags,
        summary: 'Channels a brand sells through, by kind within a page',
        querystring: ChannelQuery,
        response: { 200: Page(Channel) },
      },
      config: read,
    },
    async (req) => listChannels(db, memberOf(req), req.query),
  );
  app.post(
    '/api/channels',
    {
      schema: {
        tags,
        summary: 'Open a channel (online, a retail partner’s stores, live, distribution)',
        body: CreateChannelBody,
        response: { 201: Channel },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.channel.create', status: 201 }, (ctx) =>
        createChannel(ctx, scopeOf(db, req), memberOf(req).orgId, req.body),
      ),
  );
  app.get(
    '/api/channels/:id',
    { schema: { tags, summary: 'One channel', params: IdParam, response: { 200: Channel } }, config: read },
    async (req) => channelView(await findChannel(db, memberOf(req), req.params.id)),
  );
  app.patch(
    '/api/channels/:id',
    {
      schema: {
        tags,
        summary: 'Rename, pause or resume a channel, or set its price parity',
        params: IdParam,
        body: UpdateChannelBody,
        response: { 200: Channel },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.channel.update', objectType: 'channel' }, (ctx) =>
        updateChannel(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
  app.get(
    '/api/channels/:id/listings',
    {
      schema: {
        tags,
        summary: 'A channel’s assortment and prices, with whether each SKU sells now',
        params: IdParam,
        querystring: ListingQuery,
        response: { 200: Page(Listing) },
      },
      config: read,
    },
    async (req) => listListings(db, memberOf(req), req.params.id, clock.now(), req.query),
  );
  app.post(
    '/api/channels/:id/listings',
    {
      schema: {
        tags,
        summary: 'List SKUs on a channel at their prices, or change their prices (all or none)',
        description:
          'Refused: an SKU exclusive to another channel, a line no agreement in force covers (store channels), selling above list or below floor, a flagship SKU off the online price where the store channel keeps parity. Online prices of flagship SKUs carry over to parity store channels.',
        params: IdParam,
        body: ListingsBody,
        response: { 200: ListingsResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.listings.set', objectType: 'channel' }, (ctx) =>
        setListings(ctx, scopeOf(db, req), req.params.id, req.body.items),
      ),
  );
  app.post(
    '/api/channels/:id/listings/remove',
    {
      schema: {
        tags,
        summary: 'Take SKUs off a channel',
        params: IdParam,
        body: RemoveListingsBody,
        response: { 200: ListingsResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.listings.remove', objectType: 'channel' }, (ctx) =>
        removeListings(ctx, scopeOf(db, req), req.params.id, req.body.skuIds),
      ),
  );
  app.post(
    '/api/catalog/skus/:id/exclusive',
    {
      schema: {
        tags,
        summary: 'Make an SKU exclusive to one channel (specify supply), or lift it with null',
        params: IdParam,
        body: ExclusiveBody,
        response: { 200: ExclusiveResult },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.sku.exclusive', objectType: 'sku' }, (ctx) =>
        setExclusive(ctx, scopeOf(db, req), req.params.id, req.body.channelId),
      ),
  );
  app.get(
    '/api/launches',
    {
      schema: {
        tags,
        summary: 'Scheduled launches, the last scheduled first',
        querystring: PageQuery,
        response: { 200: Page(Launch) },
      },
      config: { access: access.member('viewer', ['brand', 'platform']) },
    },
    async (req) => listLaunches(db, memberOf(req), clock.now(), req.query),
  );
  app.post(
    '/api/catalog/products/:id/launch',
    {
      schema: {
        tags,
        summary: 'Schedule the instant a product goes on sale on chosen channels',
        description:
          'Before the instant no channel sells it; from it, exactly the chosen channels do, together.',
        params: IdParam,
        body: LaunchBody,
        response: { 200: Launch },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.launch.schedule', objectType: 'product' }, (ctx) =>
        scheduleLaunch(ctx, scopeOf(db, req), req.params.id, req.body),
      ),
  );
  app.delete(
    '/api/catalog/products/:id/launch',
    {
      schema: {
        tags,
        summary: 'Call a launch off before its instant',
        params: IdParam,
        response: { 200: Ok },
      },
      config: write,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'catalog.launch.cancel', objectType: 'product' }, (ctx) =>
        cancelLaunch(ctx, scopeOf(db, req), req.params.id),
      ),
  );
}
