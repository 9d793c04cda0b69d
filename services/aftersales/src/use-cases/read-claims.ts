import type { EntityManager } from '@mikro-orm/postgresql';
import { requireCallerId, type Caller } from '@vitrine/platform';
import { Claim } from '../store/claim.entity.js';
import { Evidence } from '../store/evidence.entity.js';

export async function myClaims(em: EntityManager, caller: Caller): Promise<Claim[]> {
  return em.find(Claim, { customerId: requireCallerId(caller) }, { orderBy: { createdAt: 'desc' }, limit: 100 });
}

/** The evidence of several claims in one query, per claim in upload order. */
export async function evidenceOfClaims(em: EntityManager, claimIds: readonly string[]): Promise<Evidence[][]> {
  const rows = await em.find(Evidence, { claimId: { $in: [...claimIds] } }, { orderBy: { createdAt: 'asc' } });
  return claimIds.map((id) => rows.filter((r) => r.claimId === id));
}
