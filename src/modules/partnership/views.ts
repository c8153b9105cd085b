import type { Selectable } from 'kysely';
import { englishNameOf } from '../identity/index.js';
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

type Named = {
  brand_name: string;
  brand_attributes: string | null;
  retailer_name: string;
  retailer_attributes: string | null;
};

export function agreementView(row: AgreementRow & Named, now: Date) {
  const terms = termsOf(row);
  return {
    id: row.id,
    brandId: row.org_id,
    brandName: row.brand_name,
    brandNameEn: englishNameOf(row.brand_attributes),
    retailerId: row.retailer_id,
    retailerName: row.retailer_name,
    retailerNameEn: englishNameOf(row.retailer_attributes),
    level: row.level,
    title: row.title,
    titleEn: row.title_en,
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
