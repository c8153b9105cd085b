import Type, { type Static, type TObject, type TProperties, type TSchema } from 'typebox';
import { provinceNames } from '../provinces.js';

export { type Static, Type };

/** Objects reject unknown fields: a typo in a field name is a 400, not a silent no-op. */
export function Obj<P extends TProperties>(
  properties: P,
  options: { description?: string; $id?: string } = {},
): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** A bounded string: every string input has a maximum length. */
export function Str(
  opts: {
    min?: number;
    max?: number;
    pattern?: string;
    format?: string;
    description?: string;
    examples?: string[];
  } = {},
) {
  const { min, max, ...rest } = opts;
  return Type.String({ minLength: min ?? 1, maxLength: max ?? 200, ...rest });
}

export const Id = (prefix: string) =>
  Type.String({ pattern: `^${prefix}_[0-9a-z]{26}$`, maxLength: 40, description: `a ${prefix}_… id` });

export const AnyId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z]+_[0-9a-z]{26}$' });

export const Timestamp = Type.String({ format: 'date-time', description: 'UTC ISO 8601' });

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** RFC 9457 problem details, with Flywheel's stable `code` and the invalid fields. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          line: Type.Optional(Type.Integer({ description: 'the line of an uploaded file' })),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const PageQuery = Obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

/** A page of a list: `nextCursor` is null on the last page. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
}

/**
 * The options of a list given whole, never paged, saying why (`x-whole` in the OpenAPI
 * document): a report computed over the rows (sums, suggestions), or a set bounded by what it
 * is. Every other list is a `Page`, and a test holds every route to that.
 */
export function whole(why: string) {
  return { 'x-whole': why };
}

export const IdParams = Obj({ id: AnyId });

export const Ok = Type.Object({ ok: Type.Boolean() });

const addressParts = {
  province: Type.Enum(provinceNames),
  city: Str({ max: 40 }),
  district: Str({ max: 40 }),
  line: Str({ max: 200, description: 'street and building' }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  name: Str({ max: 60, description: "the recipient's name" }),
  phone: Str({ max: 20, pattern: '^[0-9+ -]+$' }),
};
const { province, city, district, line, lat, lng, name, phone } = addressParts;

/** Where an order goes: the district is enough for a quote; a courier needs the rest. */
export const Address = Obj({
  province,
  city,
  district,
  line: Type.Optional(line),
  lat: Type.Optional(lat),
  lng: Type.Optional(lng),
  name: Type.Optional(name),
  phone: Type.Optional(phone),
});

/** An address a shopper keeps in their address book: whole, as a courier needs it. */
export const SavedAddressFields = {
  province,
  city,
  district,
  line,
  name,
  phone,
  lat: Type.Optional(lat),
  lng: Type.Optional(lng),
};
