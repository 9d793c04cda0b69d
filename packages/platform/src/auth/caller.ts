/** Who is calling, as far as this subgraph can verify. */
export interface Caller {
  /** The customer or staff member id; null for an anonymous caller. */
  id: string | null;
  roles: string[];
  scopes: string[];
}

export const anonymousCaller: Caller = { id: null, roles: [], scopes: [] };

/** Back-office scopes. Accounts grants them per staff member. */
export const staffScopes = ['catalog:write', 'orders:manage', 'payments:write', 'claims:decide', 'customers:flag'] as const;
