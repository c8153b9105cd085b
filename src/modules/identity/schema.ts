import {
  AnyId,
  Email,
  Id,
  Nullable,
  Obj,
  Page,
  PageQuery,
  SavedAddressFields,
  Str,
  Timestamp,
  Type,
} from '../../platform/http/schemas.js';
import { orgKinds, roles } from '../../platform/principal.js';
import { providerTypes } from './domain/orgs.js';

export const OrgKindSchema = Type.Enum(orgKinds);
export const RoleSchema = Type.Enum(roles);
export const ProviderTypeSchema = Type.Enum(providerTypes);
const Password = Type.String({ minLength: 8, maxLength: 128 });

export const LoginBody = Obj({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 128 }),
  orgId: Type.Optional(Id('org')),
});
export const ShopperLoginBody = Obj({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 128 }),
});
export const RegisterShopperBody = Obj({
  email: Email,
  password: Password,
  name: Str({ max: 80 }),
  phone: Type.Optional(Str({ max: 20, pattern: '^\\+?[0-9 -]{5,20}$' })),
});
export const ChangePasswordBody = Obj({
  currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
  newPassword: Password,
});
export const PasswordChanged = Type.Object({ ok: Type.Boolean(), sessionsEnded: Type.Integer() });
export const SwitchOrgBody = Obj({ orgId: Id('org') });

export const SwitchOrgOut = Type.Object({ orgId: Type.String() });
export const Removed = Type.Object({ id: Type.String(), ok: Type.Boolean() });

const { lat, lng, ...placeAndPerson } = SavedAddressFields;
export const AddAddressBody = Obj({
  ...SavedAddressFields,
  isDefault: Type.Optional(Type.Boolean({ description: 'make it the default (the first address is)' })),
});
export const UpdateAddressBody = Obj({
  ...Type.Partial(Type.Object(placeAndPerson)).properties,
  lat,
  lng,
  isDefault: Type.Optional(
    Type.Literal(true, { description: 'make it the default; another becomes default by being chosen' }),
  ),
});
export const ShopperAddress = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  province: Type.String(),
  city: Type.String(),
  district: Type.String(),
  line: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  isDefault: Type.Boolean(),
  updatedAt: Timestamp,
});
export const SessionOut = Type.Object({ csrfToken: Type.String(), expiresAt: Timestamp });

const Attributes = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
  { maxProperties: 20 },
);

const ProfileFields = {
  province: Type.Optional(Str({ max: 40 })),
  city: Type.Optional(Str({ max: 40 })),
  district: Type.Optional(Str({ max: 40 })),
  address: Type.Optional(Str({ max: 200 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  floorAreaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 })),
  cityTier: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
  providerType: Type.Optional(ProviderTypeSchema),
  attributes: Type.Optional(Attributes),
};

export const CreateOrgBody = Obj({
  kind: OrgKindSchema,
  name: Str({ max: 120 }),
  parentId: Type.Optional(Id('org')),
  ...ProfileFields,
  owner: Type.Optional(Obj({ email: Email, name: Str({ max: 80 }), password: Password })),
});

export const UpdateOrgBody = Obj({
  name: Type.Optional(Str({ max: 120 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')])),
  ...ProfileFields,
});

export const Org = Type.Object(
  {
    id: Type.String(),
    kind: OrgKindSchema,
    name: Type.String(),
    parentId: Nullable(Type.String()),
    status: Type.String(),
    province: Nullable(Type.String()),
    city: Nullable(Type.String()),
    district: Nullable(Type.String()),
    address: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    floorAreaM2: Nullable(Type.Number()),
    cityTier: Nullable(Type.Integer()),
    providerType: Nullable(Type.String()),
    attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    createdAt: Timestamp,
  },
  { $id: 'Org' },
);

export const OrgListQuery = Obj({
  ...PageQuery.properties,
  kind: Type.Optional(OrgKindSchema),
  parentId: Type.Optional(Id('org')),
  q: Type.Optional(Str({ max: 80 })),
});

export const DirectoryQuery = Obj({
  ...PageQuery.properties,
  kind: Type.Optional(Type.Enum(['retailer', 'store'] as const)),
  parentId: Type.Optional(Id('org')),
  q: Type.Optional(Str({ max: 80 })),
});

export const Member = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    userId: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    disabled: Type.Boolean(),
    lastLoginAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { $id: 'Member' },
);

export const MemberListQuery = Obj({ ...PageQuery.properties, orgId: Type.Optional(Id('org')) });
export const AddMemberBody = Obj({
  orgId: Type.Optional(Id('org')),
  email: Email,
  name: Str({ max: 80 }),
  password: Type.Optional(Password),
  role: RoleSchema,
});
export const UpdateMemberBody = Obj({ role: RoleSchema });

export const ApiKey = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    role: RoleSchema,
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    expiresAt: Nullable(Timestamp),
    lastUsedAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
  },
  { $id: 'ApiKey' },
);
export const CreatedApiKey = Type.Object({
  ...ApiKey.properties,
  secret: Type.String({ description: 'shown once; store it now' }),
});
export const CreateApiKeyBody = Obj({
  name: Str({ max: 80 }),
  role: RoleSchema,
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
export const ApiKeyListQuery = MemberListQuery;

export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    orgId: Nullable(Type.String()),
    actorType: Type.String(),
    actorId: Nullable(Type.String()),
    actorName: Nullable(Type.String({ description: "the user's email or the API key's name" })),
    action: Type.String(),
    objectType: Nullable(Type.String()),
    objectId: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    details: Nullable(Type.Record(Type.String(), Type.Unknown())),
    createdAt: Timestamp,
  },
  { $id: 'AuditEntry' },
);
export const AuditQuery = Obj({
  ...PageQuery.properties,
  action: Type.Optional(Str({ max: 80 })),
  orgId: Type.Optional(Id('org')),
  objectId: Type.Optional(AnyId),
});

export const Me = Type.Object({
  type: Type.Union([Type.Literal('member'), Type.Literal('shopper')]),
  via: Type.Optional(Type.String()),
  user: Type.Optional(
    Nullable(
      Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String() }),
    ),
  ),
  org: Type.Optional(Org),
  role: Type.Optional(RoleSchema),
  memberships: Type.Optional(
    Type.Array(
      Type.Object({ orgId: Type.String(), orgName: Type.String(), orgKind: OrgKindSchema, role: RoleSchema }),
    ),
  ),
  shopper: Type.Optional(
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      name: Type.String(),
      phone: Nullable(Type.String()),
    }),
  ),
});

export const HomeFigures = Type.Object({
  role: Type.String(),
  orgKind: Type.String(),
  figures: Type.Array(
    Type.Object({
      key: Type.String(),
      value: Type.Number(),
      format: Type.Optional(Type.String()),
      group: Type.Optional(Type.String()),
    }),
  ),
});

export { Page };
