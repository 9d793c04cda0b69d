import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFound, type Caller } from '@vitrine/platform';
import { canAccessOwnedBy } from '../identity.js';
import { Claim } from '../store/claim.entity.js';

/** A claim its customer or staff (aftersales:decide) may see; anyone else gets NOT_FOUND, never FORBIDDEN. */
export async function loadClaimFor(em: EntityManager, caller: Caller, claimId: string, options: { lock?: boolean } = {}): Promise<Claim> {
  const claim = await em.findOne(Claim, { id: claimId }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!claim || !canAccessOwnedBy(caller, claim.customerId, 'aftersales:decide')) throw new NotFound('Claim', claimId);
  return claim;
}
