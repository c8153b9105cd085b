import type { Kysely } from 'kysely';
import { columnTypes, type Migrations } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';
import { baselineRights } from './domain/rights.js';

/** The frozen rights of an order placed where no tier is met: the baseline. */
export const baselineRightsId = 'trg_00000000000000000000000000';

export type TrustTables = {
  /** A Trust Card tier the platform operator defines: its rights and what a shop needs to hold it. */
  trust_tier: {
    id: string;
    code: string;
    name: string;
    name_en: string;
    /** Higher is better; one tier per rank. */
    rank: number;
    /** JSON `Rights`. */
    rights: string;
    /** The frozen copy of its names and rights now: what orders placed under it keep. */
    rights_id: string;
    /** JSON `Qualification`. */
    qualification: string;
    active: number;
    created_at: string;
    updated_at: string;
  };
  /** The tier a brand's shops hold now, and why; read on every order placed with it. */
  trust_shop: {
    /** The brand. */
    org_id: string;
    /** Null: no tier's rules are met, its orders have the baseline rights. */
    tier_id: string | null;
    /** JSON `TierReason`. */
    reason: string;
    /** JSON `ShopStanding`: the figures it was judged on. */
    standing: string;
    evaluated_at: string;
    /** When it came to hold this tier. */
    since: string;
  };
  /** Each time a shop's tier or its reason changed, with what caused the evaluation. */
  trust_evaluation: {
    id: string;
    org_id: string;
    from_tier_id: string | null;
    to_tier_id: string | null;
    reason: string;
    standing: string;
    /** `daily`, `deposit`, `tiers` (the operator changed a tier), `operator`, `claim`. */
    cause: string;
    created_at: string;
  };
  /** A merchant's money with the platform, one row each: its lock, so its moves happen one at a time. */
  trust_account: {
    org_id: string;
    version: number;
  };
  /** A payment into a merchant's deposit: the cause of its ledger transaction. */
  trust_deposit: {
    id: string;
    org_id: string;
    amount: number;
    /** `transfer` (a bank transfer to the platform) or `payable` (out of what its sales earned). */
    source: 'transfer' | 'payable';
    /** The bank transfer's number, when there is one. */
    reference: string | null;
    actor_id: string | null;
    created_at: string;
  };
  /**
   * A tier's names and rights as they were from one save of it on: never changed, so an order
   * that names one keeps exactly these. The baseline rights are the row `baselineRightsId`.
   */
  trust_rights: {
    id: string;
    tier_id: string | null;
    tier_code: string | null;
    tier_name: string | null;
    tier_name_en: string | null;
    /** JSON `Rights`. */
    rights: string;
    created_at: string;
  };
  /**
   * The Trust Card an order was placed under (DESIGN §6.5): the frozen rights its shop's tier
   * had at placement. After-sales keeps these, whatever the shop's tier becomes.
   */
  trust_order_rights: {
    order_id: string;
    /** The brand that sold. */
    org_id: string;
    shopper_id: string;
    rights_id: string;
    placed_at: string;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends TrustTables {}
}

export const trustMigrations: Migrations = {
  '20261205_0100_trust_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('trust_tier')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull().unique())
        .addColumn('rights', t.json, (c) => c.notNull())
        .addColumn('rights_id', 'text', (c) => c.notNull())
        .addColumn('qualification', t.json, (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('trust_shop')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('identity_org.id'))
        .addColumn('tier_id', 'text', (c) => c.references('trust_tier.id'))
        .addColumn('reason', t.json, (c) => c.notNull())
        .addColumn('standing', t.json, (c) => c.notNull())
        .addColumn('evaluated_at', 'text', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('trust_evaluation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('from_tier_id', 'text')
        .addColumn('to_tier_id', 'text')
        .addColumn('reason', t.json, (c) => c.notNull())
        .addColumn('standing', t.json, (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('trust_evaluation_org')
        .on('trust_evaluation')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createTable('trust_account')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('trust_deposit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('trust_deposit_org')
        .on('trust_deposit')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createTable('trust_rights')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tier_id', 'text')
        .addColumn('tier_code', 'text')
        .addColumn('tier_name', 'text')
        .addColumn('tier_name_en', 'text')
        .addColumn('rights', t.json, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('trust_rights')
        .values({
          id: baselineRightsId,
          tier_id: null,
          tier_code: null,
          tier_name: null,
          tier_name_en: null,
          rights: JSON.stringify(baselineRights),
          created_at: '2026-12-05T00:00:00.000Z',
        })
        .execute();
      await db.schema
        .createTable('trust_order_rights')
        .addColumn('order_id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('shopper_id', 'text', (c) => c.notNull())
        .addColumn('rights_id', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Read on every order: cached per process, dropped whenever a tier or a shop's tier changes.
  '20261205_0110_trust_reference': referenceTriggers(['trust_tier', 'trust_shop']),
};
