import type { Selectable } from 'kysely';
import { type AgreementTerms, displayStatus, inForce, type Settlement } from './domain/agreement.js';
import type { PartnershipTables } from './repo.js';

export type AgreementRow = Selectable<PartnershipTables['partnership_agreement']>;

export function termsOf(row: AgreementRow): AgreementTerms {
  return {
    id: row.id,
    brandId: row.org_id,
    retailerId: row.retailer_id,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    productLines: row.product_lines ? (JSON.parse(row.product_lines) as string[]) : null,
    provinces: row.provinces ? (JSON.parse(row.provinces) as string[]) : null,
    signedOn: row.signed_on,
    settlement: JSON.parse(row.settlement) as Settlement,
  };
}

export function agreementView(row: AgreementRow & { brand_name: string; retailer_name: string }, now: Date) {
  const terms = termsOf(row);
  return {
    id: row.id,
    brandId: row.org_id,
    brandName: row.brand_name,
    retailerId: row.retailer_id,
    retailerName: row.retailer_name,
    level: row.level,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    productLines: terms.productLines,
    provinces: terms.provinces,
    commitments: JSON.parse(row.commitments) as Record<string, number | boolean>,
    settlement: terms.settlement,
    status: row.status,
    displayStatus: displayStatus(terms, now),
    inForce: inForce(terms, now),
    signedOn: row.signed_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
