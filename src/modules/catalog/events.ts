import { ChangedFields, defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

const Counts = Obj({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
const ProductStatus = Obj({ from: Type.String(), to: Type.String() });

/** What the catalogue says happened: products, SKUs, channels and their listings, launches, imports. */
export const catalogEvents = defineEvents('catalog', {
  'catalog.product_created': {
    version: 1,
    aggregate: 'product',
    summary: 'A product was created, by hand or by a catalogue import (then with its SKUs and the import).',
    payload: Obj({
      name: Type.String(),
      productLine: Type.String(),
      skuIds: Type.Optional(Type.Array(Type.String())),
      importId: Type.Optional(Type.String()),
    }),
  },
  'catalog.product_updated': {
    version: 1,
    aggregate: 'product',
    summary: 'A product changed: the fields, or the import that changed it.',
    payload: Obj({ changes: Type.Optional(ChangedFields), importId: Type.Optional(Type.String()) }),
  },
  'catalog.product_activated': {
    version: 1,
    aggregate: 'product',
    summary: 'A product went on sale.',
    payload: ProductStatus,
  },
  'catalog.product_discontinued': {
    version: 1,
    aggregate: 'product',
    summary: 'A product was discontinued.',
    payload: ProductStatus,
  },
  'catalog.product_drafted': {
    version: 1,
    aggregate: 'product',
    summary: 'A product went back to draft.',
    payload: ProductStatus,
  },
  'catalog.sku_created': {
    version: 1,
    aggregate: 'product',
    summary: 'An SKU was added to a product.',
    payload: Obj({ skuId: Type.String(), code: Type.String() }),
  },
  'catalog.sku_updated': {
    version: 1,
    aggregate: 'product',
    summary: 'An SKU changed.',
    payload: Obj({ skuId: Type.String(), changes: ChangedFields }),
  },
  'catalog.sku_exclusive_changed': {
    version: 1,
    aggregate: 'product',
    summary: 'An SKU was made exclusive to a channel (channel-exclusive supply), or open to all again.',
    payload: Obj({ skuId: Type.String(), channelId: Nullable(Type.String()) }),
  },
  'catalog.channel_created': {
    version: 1,
    aggregate: 'channel',
    summary: 'A sales channel was created.',
    payload: Obj({ kind: Type.String() }),
  },
  'catalog.channel_updated': {
    version: 1,
    aggregate: 'channel',
    summary: 'A channel changed.',
    payload: Obj({ changes: ChangedFields }),
  },
  'catalog.listings_changed': {
    version: 1,
    aggregate: 'channel',
    summary: 'SKUs were listed on a channel, or their channel prices changed.',
    payload: Obj({ skuIds: Type.Array(Type.String()) }),
  },
  'catalog.listings_removed': {
    version: 1,
    aggregate: 'channel',
    summary: 'SKUs were taken off a channel.',
    payload: Obj({ skuIds: Type.Array(Type.String()) }),
  },
  'catalog.parity_prices_changed': {
    version: 1,
    aggregate: 'sku',
    summary: "An online price moved the price of the stores' listings kept at parity with it.",
    payload: Obj({ sellingPrice: Type.Integer({ description: 'fen' }), storeListings: Type.Integer() }),
  },
  'catalog.launch_scheduled': {
    version: 1,
    aggregate: 'product',
    summary: 'A synchronised launch was scheduled on channels.',
    payload: Obj({ launchId: Type.String(), startsAt: Type.String(), channelIds: Type.Array(Type.String()) }),
  },
  'catalog.launch_cancelled': {
    version: 1,
    aggregate: 'product',
    summary: 'A scheduled launch was cancelled.',
    payload: Obj({ launchId: Type.String() }),
  },
  'catalog.import_completed': {
    version: 1,
    aggregate: 'catalog_import',
    summary: 'A catalogue file was imported.',
    payload: Obj({ dryRun: Type.Boolean(), rows: Type.Integer(), products: Counts, skus: Counts }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof catalogEvents> {}
}
