import type { Kysely } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';
import { type AgreementLevel, type AgreementStatus, noSettlement } from './domain/agreement.js';

export type PartnershipTables = {
  partnership_agreement: {
    id: string;
    /** The brand: agreements belong to it; the retailer it is signed with reads them too. */
    org_id: string;
    retailer_id: string;
    level: AgreementLevel;
    title: string;
    /** The title in English, when the parties gave one. */
    title_en: string | null;
    starts_on: string;
    ends_on: string;
    /** JSON array of product lines, or null for the brand's whole range. */
    product_lines: string | null;
    /** JSON array of provinces, or null for the whole country. */
    provinces: string | null;
    /** JSON: `{ minCoverDays, displayZoneM2, fullLine, hourDelivery }`, each optional. */
    commitments: string;
    /** JSON `Settlement`: how the retailer's store sales settle with the brand. */
    settlement: string;
    status: AgreementStatus;
    signed_on: string | null;
    /** Bumped by every change, so a racing change is refused rather than lost. */
    version: number;
    created_at: string;
    updated_at: string;
  };
  partnership_history: {
    id: string;
    org_id: string;
    agreement_id: string;
    /** created, amended, addendum, or the move (proposed, accepted, suspended …). */
    kind: string;
    title: string | null;
    signed_on: string | null;
    /** JSON of the terms it changed, as `{ field: [before, after] }`. */
    changes: string;
    actor_id: string | null;
    actor_org_id: string | null;
    created_at: string;
  };
  /**
   * How a store's part of an order settles with its retailer, copied at placement from the
   * agreement then in force (DESIGN §6.5): what its hand-over books, whatever is signed later.
   */
  partnership_sale_terms: {
    order_id: string;
    /** The store location that sends this part. */
    location_id: string;
    /** The brand. */
    org_id: string;
    retailer_id: string;
    agreement_id: string;
    /** JSON `Settlement`. */
    settlement: string;
    created_at: string;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends PartnershipTables {}
}

export const partnershipMigrations: Migrations = {
  '20261126_0000_partnership_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('partnership_agreement')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('retailer_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('product_lines', 'text')
        .addColumn('provinces', 'text')
        .addColumn('commitments', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('signed_on', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('partnership_agreement_org')
        .on('partnership_agreement')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createIndex('partnership_agreement_retailer')
        .on('partnership_agreement')
        .columns(['retailer_id', 'id'])
        .execute();
      await db.schema
        .createTable('partnership_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('partnership_agreement.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('signed_on', 'text')
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_org_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('partnership_history_agreement')
        .on('partnership_history')
        .columns(['agreement_id', 'id'])
        .execute();
    },
  },
  // Routing and pricing cache these tables per process (platform/db/reference.ts).
  '20261127_0020_partnership_reference': referenceTriggers(['partnership_agreement']),
  // Agreements signed before settlement terms existed settle nothing until an addendum says how.
  '20261202_0000_partnership_settlement': {
    async up(db) {
      await db.schema
        .alterTable('partnership_agreement')
        .addColumn('settlement', 'text', (c) => c.notNull().defaultTo(JSON.stringify(noSettlement)))
        .execute();
    },
  },
  '20261204_0010_partnership_title_en': {
    async up(db) {
      await db.schema.alterTable('partnership_agreement').addColumn('title_en', 'text').execute();
    },
  },
  // Orders placed before it settle by the agreement in force at their hand-over.
  '20261204_0000_partnership_sale_terms': {
    async up(db) {
      await db.schema
        .createTable('partnership_sale_terms')
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('retailer_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('partnership_agreement.id'))
        .addColumn('settlement', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('partnership_sale_terms_pk', ['order_id', 'location_id'])
        .execute();
    },
  },
};
