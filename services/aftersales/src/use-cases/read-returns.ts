import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFound, requireCallerId, type Caller } from '@vitrine/platform';
import { canAccessOwnedBy } from '../identity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';

/** A return its customer or staff (aftersales:decide) may see; anyone else gets NOT_FOUND. */
export async function loadReturnFor(em: EntityManager, caller: Caller, returnId: string): Promise<PreferenceReturn> {
  const item = await em.findOne(PreferenceReturn, { id: returnId });
  if (!item || !canAccessOwnedBy(caller, item.customerId, 'aftersales:decide')) throw new NotFound('Return', returnId);
  return item;
}

export async function myReturns(em: EntityManager, caller: Caller): Promise<PreferenceReturn[]> {
  return em.find(PreferenceReturn, { customerId: requireCallerId(caller) }, { orderBy: { requestedAt: 'desc' }, limit: 100 });
}
