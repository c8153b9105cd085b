import type { OrgKind, Role } from '../principal.js';

/**
 * Who may call a route, declared on every route in `config.access`: the auth hook enforces
 * it, the OpenAPI document shows it, and the generated role walk test reads it.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'shopper' }
  /** Any signed-in principal, member or shopper. */
  | { kind: 'signed_in' }
  | {
      kind: 'member';
      /** Weakest role that may call it; `viewer` for reads by default. */
      minRole: Role;
      /** Organisation kinds that may call it; all when absent. */
      orgKinds?: readonly OrgKind[];
    };

export const access = {
  public: { kind: 'public' } as Access,
  shopper: { kind: 'shopper' } as Access,
  signedIn: { kind: 'signed_in' } as Access,
  member: (minRole: Role = 'viewer', orgKinds?: readonly OrgKind[]): Access => ({
    kind: 'member',
    minRole,
    orgKinds,
  }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
