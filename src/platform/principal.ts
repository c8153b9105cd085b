/** The kinds of organisation a user can act for (DESIGN §2). */
export const orgKinds = ['platform', 'brand', 'retailer', 'store', 'creator', 'provider'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** Roles inside an organisation, weakest first. */
export const roles = ['viewer', 'staff', 'admin', 'owner'] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(role: Role, min: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(min);
}

/** Who a request acts as. Every request acts as one principal in one tenant (DESIGN §2). */
export type Principal =
  | {
      type: 'member';
      userId: string;
      orgId: string;
      orgKind: OrgKind;
      role: Role;
      /** The organisations whose data this principal may see: its own and, for a retailer, its stores. */
      orgIds: readonly string[];
      via: 'session' | 'api_key';
      credentialId: string;
    }
  | { type: 'shopper'; shopperId: string; via: 'session'; credentialId: string };

export type MemberPrincipal = Extract<Principal, { type: 'member' }>;
export type ShopperPrincipal = Extract<Principal, { type: 'shopper' }>;

/** The actor id written to the audit log and to events. */
export function actorId(p: Principal | null): string | null {
  if (!p) return null;
  return p.type === 'member' ? p.userId : p.shopperId;
}
