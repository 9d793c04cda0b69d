import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, NotFound, PolicyViolation, storeNow } from '@vitrine/platform';
import { activeInterestStates, checkWaitlistQuantity, refuseNotifyMe, refuseWaitlist, type InterestKind } from '../domain/product-interest.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { ProductInterest } from '../store/product-interest.entity.js';
import { Product } from '../store/product.entity.js';
import { WaitlistOffer } from '../store/waitlist-offer.entity.js';
import { lockProducts, preorderPools } from './stock-counters.js';
import { endOffer, interestFacts, passReturnedUnits } from './waitlist-offers.js';

export interface InterestCommand {
  customerId: string;
  productId: string;
  kind: InterestKind;
  /** Waitlist: units wanted (notify me: always 1). */
  quantity: number;
}

/**
 * A customer asks to be notified, or joins a sold-out run's waitlist. The
 * product row is locked, so the decision and the queue position are taken
 * in the same order as reservations and offers. Idempotent: an active entry
 * of the same kind is returned as it is.
 */
export async function registerInterest(em: EntityManager, command: InterestCommand): Promise<ProductInterest> {
  return em.transactional(async (tx) => {
    if ((await lockProducts(tx, [command.productId])).size === 0) throw new NotFound('Product', command.productId);
    const existing = await tx.findOne(ProductInterest, {
      customerId: command.customerId,
      productId: command.productId,
      kind: command.kind,
      state: { $in: [...activeInterestStates] },
    });
    if (existing) return existing;

    const product = await tx.findOneOrFail(Product, command.productId);
    const campaign = await tx.findOne(PreorderCampaign, command.productId);
    const pool = (await preorderPools(tx, [command.productId]))[0] ?? null;
    const now = storeNow();
    const facts = interestFacts(product, campaign, pool, now);
    const refusal = command.kind === 'NOTIFY' ? refuseNotifyMe(facts) : refuseWaitlist(facts);
    if (refusal) throw new PolicyViolation(refusal.message, refusal.rule);
    if (command.kind === 'WAITLIST') {
      const limitedQuantity = pool?.capacity == null ? null : pool.capacity + pool.arrived;
      const problems = checkWaitlistQuantity(command.quantity, [product.maxQuantityPerOrder ?? null, product.maxQuantityPerCustomer ?? null, limitedQuantity]);
      if (problems.length > 0) throw new BadUserInput('The quantity is not valid.', problems);
    }
    const interest = tx.create(ProductInterest, {
      id: randomUUID(),
      customerId: command.customerId,
      productId: command.productId,
      kind: command.kind,
      quantity: command.kind === 'WAITLIST' ? command.quantity : 1,
      state: 'WAITING',
      requestedAt: now,
      settledAt: null,
    });
    tx.persist(interest);
    return interest;
  });
}

/**
 * The customer withdraws an entry (someone else's is NOT_FOUND). Units held
 * for it by an open offer pass to the next customer waiting. An entry that
 * is already spent is returned as it is.
 */
export async function withdrawInterest(em: EntityManager, customerId: string, interestId: string): Promise<ProductInterest> {
  return em.transactional(async (tx) => {
    const candidate = await tx.findOne(ProductInterest, { id: interestId, customerId });
    if (!candidate) throw new NotFound('Product interest', interestId);
    await lockProducts(tx, [candidate.productId]);
    const interest = await tx.findOneOrFail(ProductInterest, interestId, { refresh: true });
    if (!activeInterestStates.includes(interest.state)) return interest;
    const now = storeNow();
    const offer = await tx.findOne(WaitlistOffer, { interestId, state: 'OPEN' });
    if (offer) {
      await endOffer(tx, offer, 'WITHDRAWN', now);
      await passReturnedUnits(tx, [offer.productId], now);
    } else {
      Object.assign(interest, { state: 'WITHDRAWN', settledAt: now });
    }
    return interest;
  });
}
