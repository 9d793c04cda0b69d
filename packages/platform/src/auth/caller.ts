/** Who is calling, as far as this subgraph can verify. */
export interface Caller {
  /** The customer or staff member id; null for an anonymous caller. */
  id: string | null;
  roles: string[];
  scopes: string[];
}

export const anonymousCaller: Caller = { id: null, roles: [], scopes: [] };
