import { type Kysely, sql } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import { readView } from '../../platform/db/migrations.js';
import type { OrgKind, Role } from '../../platform/principal.js';

export type IdentityTables = {
  identity_org: {
    id: string;
    /** Equal to `id`: lets the tenant scope treat organisations like any tenant-owned row. */
    org_id: string;
    kind: OrgKind;
    name: string;
    parent_id: string | null;
    status: 'active' | 'suspended';
    province: string | null;
    city: string | null;
    district: string | null;
    address: string | null;
    lat: number | null;
    lng: number | null;
    floor_area_m2: number | null;
    city_tier: number | null;
    provider_type: string | null;
    attributes: string | null;
    created_at: string;
    updated_at: string;
  };
  identity_user: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    locale: string;
    disabled: number;
    failed_logins: number;
    locked_until: string | null;
    last_login_at: string | null;
    created_at: string;
  };
  identity_membership: {
    id: string;
    org_id: string;
    user_id: string;
    role: Role;
    created_at: string;
  };
  identity_shopper: {
    id: string;
    email: string;
    name: string;
    phone: string | null;
    password_hash: string;
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
  };
  /** A shopper's address book: where their orders may go, one of them the default. */
  identity_shopper_address: {
    id: string;
    shopper_id: string;
    name: string;
    phone: string;
    province: string;
    city: string;
    district: string;
    line: string;
    lat: number | null;
    lng: number | null;
    is_default: number;
    created_at: string;
    updated_at: string;
  };
  identity_session: {
    id: string;
    token_hash: string;
    user_id: string | null;
    shopper_id: string | null;
    org_id: string | null;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
    revoked_at: string | null;
    ip: string | null;
    user_agent: string | null;
  };
  identity_api_key: {
    id: string;
    org_id: string;
    name: string;
    prefix: string;
    secret_hash: string;
    role: Role;
    created_by: string | null;
    created_at: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked_at: string | null;
  };
};

/** What other modules may read of identity's tables (DESIGN §4): read-only views of the columns they rely on. */
export type IdentityViews = {
  /** Organisations: who they are and where. */
  identity_org_view: Pick<
    IdentityTables['identity_org'],
    | 'id'
    | 'org_id'
    | 'kind'
    | 'name'
    | 'parent_id'
    | 'status'
    | 'province'
    | 'city'
    | 'district'
    | 'address'
    | 'lat'
    | 'lng'
    | 'floor_area_m2'
    | 'city_tier'
    | 'provider_type'
    | 'attributes'
    | 'created_at'
    | 'updated_at'
  >;
  /** Users' names, for the histories that show who acted (never their credentials). */
  identity_user_view: Pick<IdentityTables['identity_user'], 'id' | 'name' | 'created_at'>;
  /** Shoppers as others may know them: since when they have an account, never their credentials. */
  identity_shopper_view: Pick<IdentityTables['identity_shopper'], 'id' | 'created_at'>;
};

declare module '../../platform/db/database.js' {
  interface Database extends IdentityTables, IdentityViews {}
}

export const identityMigrations: Migrations = {
  '20261203_0000_identity_shopper_address': {
    async up(db) {
      await db.schema
        .createTable('identity_shopper_address')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shopper_id', 'text', (c) => c.notNull().references('identity_shopper.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('province', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('district', 'text', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('identity_shopper_address_shopper')
        .on('identity_shopper_address')
        .columns(['shopper_id', 'id'])
        .execute();
      // One default address a shopper, held by the database under concurrent changes.
      await db.schema
        .createIndex('identity_shopper_address_default')
        .on('identity_shopper_address')
        .column('shopper_id')
        .unique()
        .where(sql.ref('is_default'), '=', 1)
        .execute();
    },
  },
  '20261201_0300_identity_org_view': readView('identity_org_view', 'identity_org', [
    'id',
    'org_id',
    'kind',
    'name',
    'parent_id',
    'status',
    'province',
    'city',
    'district',
    'address',
    'lat',
    'lng',
    'floor_area_m2',
    'city_tier',
    'provider_type',
    'attributes',
    'created_at',
    'updated_at',
  ]),
  '20261205_0600_identity_shopper_view': readView('identity_shopper_view', 'identity_shopper', [
    'id',
    'created_at',
  ]),
  '20261201_0301_identity_user_view': readView('identity_user_view', 'identity_user', [
    'id',
    'name',
    'created_at',
  ]),
  '20261125_1610_identity_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('identity_org')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('identity_org.id'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('province', 'text')
        .addColumn('city', 'text')
        .addColumn('district', 'text')
        .addColumn('address', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('floor_area_m2', 'double precision')
        .addColumn('city_tier', 'integer')
        .addColumn('provider_type', 'text')
        .addColumn('attributes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identity_org_parent').on('identity_org').column('parent_id').execute();
      await db.schema.createIndex('identity_org_kind').on('identity_org').columns(['kind', 'id']).execute();

      await db.schema
        .createTable('identity_user')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('last_login_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('identity_membership')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('identity_user.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('identity_membership_org_user', ['org_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('identity_membership_user')
        .on('identity_membership')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('identity_shopper')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('identity_session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.references('identity_user.id'))
        .addColumn('shopper_id', 'text', (c) => c.references('identity_shopper.id'))
        .addColumn('org_id', 'text', (c) => c.references('identity_org.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();

      await db.schema
        .createTable('identity_api_key')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('identity_api_key_org')
        .on('identity_api_key')
        .columns(['org_id', 'id'])
        .execute();
    },
  },
};
