import { AnyId, Id, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
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
