import type { ErrorCode } from '../../../platform/errors.js';
import type { OrgKind, Role } from '../../../platform/principal.js';
import { roleAtLeast } from '../../../platform/principal.js';

/** The five kinds of service provider (DESIGN §1 B), team leaders included. */
export const providerTypes = [
  'strategic_core',
  'core_base',
  'quality_local',
  'quality_brand',
  'team_leader',
] as const;
export type ProviderType = (typeof providerTypes)[number];

/**
 * Which organisations a member may create: the operator onboards everyone but another
 * platform; a retailer opens its own stores. Returns an error code, or null when allowed.
 */
export function canCreateOrg(
  creator: { kind: OrgKind; id: string },
  target: { kind: OrgKind; parentId: string | null; parentKind: OrgKind | null },
): ErrorCode | null {
  if (target.kind === 'platform') return 'identity.org_kind_not_allowed';
  if (target.kind === 'store') {
    if (!target.parentId || target.parentKind !== 'retailer') return 'identity.parent_invalid';
    if (creator.kind === 'platform') return null;
    return creator.kind === 'retailer' && creator.id === target.parentId
      ? null
      : 'identity.org_kind_not_allowed';
  }
  if (target.parentId) return 'identity.parent_invalid';
  return creator.kind === 'platform' ? null : 'identity.org_kind_not_allowed';
}

/** A member may hand out at most their own role; only an owner makes owners. */
export function canGrantRole(granter: Role, role: Role): boolean {
  return roleAtLeast(granter, role);
}
