import { AnyId, Id, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
import { channelKinds } from './domain/channels.js';
import { productStatuses } from './domain/lifecycle.js';

const StatusSchema = Type.Enum(productStatuses);
const ImageUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 });
const Images = Type.Array(ImageUrl, { maxItems: 20 });
const Gtin = Type.String({
  minLength: 1,
  maxLength: 14,
  description: 'GTIN-8/12/13/14 (EAN, UPC) with its check digit',
});
const OptionName = Type.String({ minLength: 1, maxLength: 30 });
const Options = Type.Record(Type.String({ maxLength: 30 }), Type.String({ minLength: 1, maxLength: 60 }), {
  maxProperties: 5,
});

export const SkuBody = Obj({
  code: Str({ max: 64, pattern: '^[A-Za-z0-9._/-]+$' }),
  gtin: Type.Optional(Gtin),
  options: Type.Optional(Options),
  images: Type.Optional(Images),
});

export const CreateProductBody = Obj({
  name: Str({ max: 120 }),
  nameEn: Type.Optional(Str({ max: 120 })),
  description: Type.Optional(Str({ max: 5000 })),
  category: Str({ max: 60 }),
  productLine: Str({ max: 60, description: 'the line agreements with retailers cover, e.g. "Find X"' }),
  optionNames: Type.Optional(Type.Array(OptionName, { maxItems: 5, uniqueItems: true })),
  images: Type.Optional(Images),
  flagship: Type.Optional(Type.Boolean()),
  skus: Type.Optional(Type.Array(SkuBody, { maxItems: 200 })),
});

export const UpdateProductBody = Obj({
  name: Type.Optional(Str({ max: 120 })),
  nameEn: Type.Optional(Str({ max: 120 })),
  description: Type.Optional(Str({ max: 5000 })),
  category: Type.Optional(Str({ max: 60 })),
  productLine: Type.Optional(Str({ max: 60 })),
  images: Type.Optional(Images),
  flagship: Type.Optional(Type.Boolean()),
});

export const StatusBody = Obj({ status: StatusSchema });
export const UpdateSkuBody = Obj({
  gtin: Type.Optional(Gtin),
  images: Type.Optional(Images),
  status: Type.Optional(Type.Enum(['active', 'discontinued'] as const)),
});

export const Sku = Type.Object(
  {
    id: Type.String(),
    productId: Type.String(),
    code: Type.String(),
    gtin: Nullable(Type.String()),
    options: Type.Record(Type.String(), Type.String()),
    images: Type.Array(Type.String()),
    status: Type.String(),
    exclusiveChannelId: Nullable(Type.String({ description: 'the one channel this SKU is made for' })),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Sku' },
);

const ProductFields = {
  id: Type.String(),
  brandId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Nullable(Type.String()),
  category: Type.String(),
  productLine: Type.String(),
  optionNames: Type.Array(Type.String()),
  images: Type.Array(Type.String()),
  flagship: Type.Boolean(),
  status: StatusSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const Product = Type.Object(ProductFields, { $id: 'Product' });
export const ProductWithSkus = Type.Object({ ...ProductFields, skus: Type.Array(Sku) });

export const ProductQuery = Obj({
  ...PageQuery.properties,
  q: Type.Optional(Str({ max: 80 })),
  status: Type.Optional(StatusSchema),
  productLine: Type.Optional(Str({ max: 60 })),
  category: Type.Optional(Str({ max: 60 })),
  brandId: Type.Optional(Id('org')),
});
export const ExportQuery = Obj({ brandId: Type.Optional(Id('org')), status: Type.Optional(StatusSchema) });
export const IdParam = Obj({ id: AnyId });

export const ImportQuery = Obj({
  dryRun: Type.Optional(
    Type.Enum(['true', 'false'] as const, { description: 'check the file and say what it would change' }),
  ),
});
export const ImportBody = {
  content: {
    'text/csv': {
      schema: Type.String({
        maxLength: 32 * 1_048_576,
        description: 'the spreadsheet in the export format (UTF-8, with or without BOM)',
      }),
    },
  },
};
const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
export const ImportResult = Type.Object({
  id: Type.Optional(Type.String({ description: 'the import, when it was applied' })),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  products: Counts,
  skus: Counts,
});

const Fen = (description: string) =>
  Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: `${description}, in fen` });

export const CreateChannelBody = Obj({
  kind: Type.Enum(channelKinds),
  name: Str({ max: 80 }),
  retailerId: Type.Optional(Id('org')),
  priceParity: Type.Optional(
    Type.Boolean({ description: 'store channels: flagship SKUs at the online price' }),
  ),
});
export const UpdateChannelBody = Obj({
  name: Type.Optional(Str({ max: 80 })),
  status: Type.Optional(Type.Enum(['active', 'paused'] as const)),
  priceParity: Type.Optional(Type.Boolean()),
});
export const Channel = Type.Object(
  {
    id: Type.String(),
    brandId: Type.String(),
    kind: Type.Enum(channelKinds),
    name: Type.String(),
    retailerId: Nullable(Type.String()),
    retailerName: Nullable(Type.String()),
    retailerNameEn: Nullable(Type.String()),
    priceParity: Type.Boolean(),
    status: Type.String(),
    listings: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Channel' },
);
export const ChannelQuery = Obj({ ...PageQuery.properties, brandId: Type.Optional(Id('org')) });
export const ListingsBody = Obj({
  items: Type.Array(
    Obj({
      skuId: Id('sku'),
      listPrice: Fen('the price shown crossed out'),
      sellingPrice: Fen('the price the shopper pays'),
      floorPrice: Type.Optional(Nullable(Fen('the lowest price live sessions and promotions may go to'))),
    }),
    { minItems: 1, maxItems: 500 },
  ),
});
export const RemoveListingsBody = Obj({
  skuIds: Type.Array(Id('sku'), { minItems: 1, maxItems: 500, uniqueItems: true }),
});
export const ListingsResult = Type.Object({
  channelId: Type.String(),
  listed: Type.Optional(Type.Integer()),
  removed: Type.Optional(Type.Integer()),
});
export const Listing = Type.Object({
  skuId: Type.String(),
  code: Type.String(),
  options: Type.Record(Type.String(), Type.String()),
  productId: Type.String(),
  productName: Type.String(),
  productNameEn: Nullable(Type.String()),
  flagship: Type.Boolean(),
  listPrice: Type.Integer(),
  sellingPrice: Type.Integer(),
  floorPrice: Nullable(Type.Integer()),
  sellable: Type.Boolean({ description: 'whether the SKU can be sold on the channel right now' }),
  refusal: Nullable(
    Type.String({ description: 'why not: before_launch, no_agreement, exclusive_elsewhere …' }),
  ),
  updatedAt: Timestamp,
});
export const ListingQuery = Obj({ ...PageQuery.properties, q: Type.Optional(Str({ max: 80 })) });
export const ExclusiveBody = Obj({ channelId: Nullable(Id('chn')) });
export const ExclusiveResult = Type.Object({
  skuId: Type.String(),
  exclusiveChannelId: Nullable(Type.String()),
});
export const LaunchBody = Obj({
  startsAt: Type.String({
    format: 'date-time',
    maxLength: 40,
    description: 'the instant it goes on sale (UTC ISO 8601)',
  }),
  channelIds: Type.Array(Id('chn'), { minItems: 1, maxItems: 50, uniqueItems: true }),
});
export const Launch = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  productNameEn: Nullable(Type.String()),
  startsAt: Timestamp,
  channelIds: Type.Array(Type.String()),
  launched: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
