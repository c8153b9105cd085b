import type { Selectable } from 'kysely';
import type { IdentityTables } from './repo.js';

type OrgRow = Selectable<IdentityTables['identity_org']>;

export function orgView(row: OrgRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    parentId: row.parent_id,
    status: row.status,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    floorAreaM2: row.floor_area_m2,
    cityTier: row.city_tier,
    providerType: row.provider_type,
    attributes: row.attributes
      ? (JSON.parse(row.attributes) as Record<string, string | number | boolean>)
      : {},
    createdAt: row.created_at,
  };
}

export function apiKeyView(row: Selectable<IdentityTables['identity_api_key']>) {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The columns `memberView` needs, from identity_membership joined with identity_user. */
export const memberColumns = [
  'identity_membership.id',
  'identity_membership.org_id',
  'identity_membership.user_id',
  'identity_membership.role',
  'identity_membership.created_at',
  'identity_user.email',
  'identity_user.name',
  'identity_user.disabled',
  'identity_user.last_login_at',
] as const;

export function memberView(row: {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
  email: string;
  name: string;
  disabled: number;
  last_login_at: string | null;
}) {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as IdentityTables['identity_membership']['role'],
    disabled: row.disabled === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

/** An address in a shopper's book, in the shape checkout takes (`Address`) plus its id and flag. */
export function addressView(row: Selectable<IdentityTables['identity_shopper_address']>) {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    province: row.province,
    city: row.city,
    district: row.district,
    line: row.line,
    lat: row.lat,
    lng: row.lng,
    isDefault: row.is_default === 1,
    updatedAt: row.updated_at,
  };
}
