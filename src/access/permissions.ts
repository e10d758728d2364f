import type { Role } from '../../db';

/**
 * The permission table: for every action, the roles that may perform it. This one declaration is
 * what the middleware enforces, what the OpenAPI document shows, and what the permission test walks.
 * `public` needs no token at all.
 */
export const permissions = {
  public: 'public',
  'me:read': ['admin', 'risk', 'finance', 'buyer'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
  'loans:read': ['risk', 'finance'],
  'loans:import': ['risk'],
  /** The product table the import maps names onto and the rule packs reason about. */
  'products:read': ['risk', 'finance', 'admin'],
  'products:manage': ['risk', 'admin'],
  'collections:import': ['risk'],
  'write-offs:read': ['finance'],
  'write-offs:prepare': ['finance'],
  'write-offs:approve': ['finance'],
  'write-offs:post': ['finance'],
  'ledger:read': ['finance'],
  'ledger:reverse': ['finance'],
  'portfolios:read': ['risk', 'finance'],
  'portfolios:manage': ['risk'],
  'valuation:read': ['risk'],
  'valuation:manage': ['risk'],
  'collections:read': ['risk'],
  /** Offering portfolios, running bid rounds, seeing every bid, awarding, signing. */
  'sales:manage': ['risk'],
  'sales:read': ['risk', 'finance'],
  /** Settling a sale, deciding put-backs, forwarding collections: what moves money. */
  'sales:settle': ['finance'],
  /** Attributing a leaked data room to the buyer it was made for. */
  'data-rooms:trace': ['admin', 'risk'],
  /** A buyer's own side of a deal: offered portfolios, data rooms, bids, its sales and put-backs. */
  'buyer:deal': ['buyer'],
} as const satisfies Record<string, readonly Role[] | 'public'>;

export type Action = keyof typeof permissions;

/** Whether `role` may perform `action`. */
export function isAllowed(role: Role, action: Action): boolean {
  const allowed = permissions[action];
  return allowed === 'public' || (allowed as readonly Role[]).includes(role);
}

/** The roles allowed to perform `action`, for documentation. */
export function rolesFor(action: Action): readonly Role[] | 'public' {
  return permissions[action];
}
