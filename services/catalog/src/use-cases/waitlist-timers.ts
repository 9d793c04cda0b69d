import type { EntityManager } from '@mikro-orm/postgresql';
import { onTimer, storeNow } from '@vitrine/platform';
import { WaitlistOffer } from '../store/waitlist-offer.entity.js';
import { lockProducts } from './stock-counters.js';
import { endOffer, passReturnedUnits, waitlistTimers } from './waitlist-offers.js';

/**
 * An offer's time ran out: its held units pass to the next customer waiting,
 * or back to everyone. Runs in the transaction that marks the timer fired,
 * under the product lock; an offer taken or withdrawn meanwhile is left alone.
 */
export const waitlistTimerHandlers = [
  onTimer(waitlistTimers.offerExpiry, async (timer, em) => {
    const offer = await lockedOpenOffer(em, timer.key);
    if (!offer) return;
    const now = storeNow();
    await endOffer(em, offer, 'EXPIRED', now);
    await passReturnedUnits(em, [offer.productId], now);
    await em.flush();
  }),
];

async function lockedOpenOffer(em: EntityManager, offerId: string): Promise<WaitlistOffer | null> {
  const candidate = await em.findOne(WaitlistOffer, offerId);
  if (candidate?.state !== 'OPEN') return null;
  await lockProducts(em, [candidate.productId]);
  const offer = await em.findOne(WaitlistOffer, offerId, { refresh: true });
  return offer?.state === 'OPEN' ? offer : null;
}
