import type { Caller } from '@vitrine/platform/domain';

/** People's roles; `partner` is a partner application's (client credentials), never a person's. */
export const roles = ['customer', 'staff', 'admin', 'partner'] as const;
export type Role = (typeof roles)[number];

/**
 * Back-office scopes a staff member may be granted one by one. Each belongs to
 * the service whose resolvers check it (its identity declares it);
 * gateway/src/scopes.unit.spec.ts keeps this list and theirs in step.
 */
export const staffScopes = [
  'catalog:write',
  'orders:manage',
  'payments:write',
  'customers:read',
  'customers:flag',
  'logistics:write',
  'logistics:fulfil',
  'notifications:write',
  'aftersales:decide',
  'partners:write',
] as const;
export type StaffScope = (typeof staffScopes)[number];

/** Scopes only admins hold: granting staff and rotating the token signing key. */
export const adminOnlyScopes = ['staff:grant', 'keys:rotate'] as const;

/**
 * Scopes each role carries, as data. Customers act on their own data, which
 * needs no scope; staff hold only the back-office scopes granted to them
 * one by one (see grantedScopes); admins hold everything.
 */
export const scopesByRole: Record<Role, readonly string[]> = {
  customer: [],
  staff: [],
  admin: [...staffScopes, ...adminOnlyScopes],
  // A partner acts on its own integration only (notifications checks the role): no scope.
  partner: [],
};

/**
 * What a partner application's credential may be granted: back-office work a
 * partner does for the store (a logistics partner packing, dispatching and
 * tracking parcels). Never people's data or money.
 */
export const partnerGrantableScopes: readonly StaffScope[] = ['logistics:fulfil'];

/** What a staff member may be granted: the back-office scopes above, never admin powers. */
export const grantableStaffScopes: readonly string[] = staffScopes;

/** The scopes an access token carries: those of every role plus individually granted ones, sorted and unique. */
export function scopesFor(accountRoles: readonly string[], grantedScopes: readonly string[]): string[] {
  const fromRoles = accountRoles.flatMap((role) => scopesByRole[role as Role] ?? []);
  return [...new Set([...fromRoles, ...grantedScopes])].sort();
}

const privateFieldReaders: readonly StaffScope[] = ['orders:manage', 'customers:read', 'customers:flag'];

/**
 * Who may read a customer's email and roles: the customer, and staff who deal
 * with customers. Admins are among them through their scopes (scopesFor), as
 * every token carries the scopes of its roles.
 */
export function maySeePrivateFields(caller: Caller, customerId: string): boolean {
  if (caller.id === null) return false;
  return caller.id === customerId || privateFieldReaders.some((scope) => caller.scopes.includes(scope));
}
