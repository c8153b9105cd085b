import type { Rights } from './domain/rights.js';
import type { Qualification, ShopStanding, Tier, TierReason } from './domain/tiers.js';
import type { TrustTables } from './repo.js';

export function tierOf(r: TrustTables['trust_tier']): Tier {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    rank: Number(r.rank),
    rights: JSON.parse(r.rights) as Rights,
    rightsId: r.rights_id,
    qualification: JSON.parse(r.qualification) as Qualification,
    active: Number(r.active) === 1,
  };
}

/** A tier as others name it: enough for a badge. */
export function tierRef(t: Tier | null | undefined) {
  return t ? { id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, rank: t.rank } : null;
}

export type ShopRow = TrustTables['trust_shop'];

export function standingOf(r: ShopRow): ShopStanding {
  return JSON.parse(r.standing) as ShopStanding;
}

export function reasonOf(r: ShopRow | TrustTables['trust_evaluation']): TierReason {
  return JSON.parse(r.reason) as TierReason;
}
