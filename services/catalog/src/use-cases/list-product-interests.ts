import type { EntityManager } from '@mikro-orm/postgresql';
import { activeInterestStates } from '../domain/product-interest.js';
import { ProductInterest } from '../store/product-interest.entity.js';
import { WaitlistOffer } from '../store/waitlist-offer.entity.js';

/** A customer's entries, newest first; settled ones (notified, fulfilled, lapsed, withdrawn) only when asked. */
export async function listInterestsOf(
  em: EntityManager,
  customerId: string,
  filter: { productId: string | null; includeSettled: boolean },
): Promise<ProductInterest[]> {
  return em.find(
    ProductInterest,
    {
      customerId,
      ...(filter.productId ? { productId: filter.productId } : {}),
      ...(filter.includeSettled ? {} : { state: { $in: [...activeInterestStates] } }),
    },
    { orderBy: { requestedAt: 'desc', id: 'desc' }, limit: 200 },
  );
}

/** A waiting waitlist entry's place: 1 + the entries of the same product still waiting that were made before it. */
export async function waitlistPosition(em: EntityManager, interestId: string): Promise<number | null> {
  const [row] = await em.execute<{ position: string }[]>(
    `select count(*) + 1 as position
       from catalog.product_interest me
       join catalog.product_interest ahead
         on ahead.product_id = me.product_id and ahead.kind = 'WAITLIST' and ahead.state = 'WAITING'
        and (ahead.requested_at, ahead.id) < (me.requested_at, me.id)
      where me.id = ?
      group by me.id`,
    [interestId],
  );
  return row ? Number(row.position) : 1;
}

export async function offerOf(em: EntityManager, interestId: string): Promise<WaitlistOffer | null> {
  return em.findOne(WaitlistOffer, { interestId, state: 'OPEN' });
}

/** Waiting or offered waitlist entries per product (one statement). */
export async function waitlistLengths(em: EntityManager, productIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ product_id: string; n: string }[]>(
    `select product_id, count(*) as n from catalog.product_interest
      where product_id in (?) and kind = 'WAITLIST' and state in (?) group by product_id`,
    [[...productIds], [...activeInterestStates]],
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.n)]));
}
