import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { waitlistLengths } from '../use-cases/list-product-interests.js';

/** One query per request for the waitlist lengths of every product asked about. */
export function createWaitlistLengthLoader(em: EntityManager): DataLoader<string, number> {
  return new DataLoader(async (ids) => {
    const lengths = await waitlistLengths(em, ids);
    return ids.map((id) => lengths.get(id) ?? 0);
  });
}
