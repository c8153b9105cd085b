import { describe, expect, it } from 'vitest';
import { orgKinds } from '../../../platform/principal.js';
import { canCreateOrg, canGrantRole } from './orgs.js';

const platform = { kind: 'platform' as const, id: 'org_p' };
const retailer = { kind: 'retailer' as const, id: 'org_r' };

describe('canCreateOrg', () => {
  it('lets the operator create every kind but a platform', () => {
    for (const kind of orgKinds) {
      const target =
        kind === 'store'
          ? { kind, parentId: 'org_r', parentKind: 'retailer' as const }
          : { kind, parentId: null, parentKind: null };
      expect(canCreateOrg(platform, target)).toBe(
        kind === 'platform' ? 'identity.org_kind_not_allowed' : null,
      );
    }
  });

  it('lets a retailer open stores under itself only', () => {
    expect(canCreateOrg(retailer, { kind: 'store', parentId: 'org_r', parentKind: 'retailer' })).toBeNull();
    expect(canCreateOrg(retailer, { kind: 'store', parentId: 'org_other', parentKind: 'retailer' })).toBe(
      'identity.org_kind_not_allowed',
    );
    expect(canCreateOrg(retailer, { kind: 'brand', parentId: null, parentKind: null })).toBe(
      'identity.org_kind_not_allowed',
    );
  });

  it('requires a store to hang under a retailer, and nothing else to hang anywhere', () => {
    expect(canCreateOrg(platform, { kind: 'store', parentId: null, parentKind: null })).toBe(
      'identity.parent_invalid',
    );
    expect(canCreateOrg(platform, { kind: 'store', parentId: 'org_b', parentKind: 'brand' })).toBe(
      'identity.parent_invalid',
    );
    expect(canCreateOrg(platform, { kind: 'brand', parentId: 'org_r', parentKind: 'retailer' })).toBe(
      'identity.parent_invalid',
    );
  });

  it('refuses brands, creators and providers creating organisations', () => {
    for (const kind of ['brand', 'creator', 'provider', 'store'] as const) {
      expect(canCreateOrg({ kind, id: 'org_x' }, { kind: 'brand', parentId: null, parentKind: null })).toBe(
        'identity.org_kind_not_allowed',
      );
    }
  });
});

describe('canGrantRole', () => {
  it('grants up to the granter own role', () => {
    expect(canGrantRole('admin', 'admin')).toBe(true);
    expect(canGrantRole('admin', 'owner')).toBe(false);
    expect(canGrantRole('owner', 'owner')).toBe(true);
    expect(canGrantRole('staff', 'viewer')).toBe(true);
  });
});
