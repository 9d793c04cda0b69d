import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { waitlistOfferEndedV1, waitlistOfferedV1, type WaitlistOfferOutcome } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer } from '@vitrine/platform';
import { offerExpiresAt, planOffers, runCanTakeReturnedUnits, type InterestFacts, type InterestState } from '../domain/product-interest.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { ProductInterest } from '../store/product-interest.entity.js';
import { Product } from '../store/product.entity.js';
import { WaitlistOffer } from '../store/waitlist-offer.entity.js';
import { alertSubscribers } from './availability-alerts.js';
import { catalogSettings } from './catalog-settings.js';
import { catalogSystemActorId, openWindowNow } from './preorder-window.js';
import { recordAudit } from './record-audit.js';
import { applyMovement, preorderPools } from './stock-counters.js';
import { catalog } from '../identity.js';

/** Durable timer (platform `scheduled_timer`) that ends an offer, keyed by offer id. */
export const waitlistTimers = { offerExpiry: 'catalog.waitlist.offer-expiry' } as const;

/**
 * Units came back to these products' preorder pools (an order released them,
 * an offer ended): the caller holds the product locks. For a limited run that
 * can still take them (its window open, or closed as SOLD_OUT before its
 * close date), the units are held for the waitlist, oldest entry first, each
 * as an offer that expires; what no one waits for goes back to everyone and
 * "notify me" subscribers hear of it. A window closed as SOLD_OUT reopens, so
 * the offered customers (or everyone) can order.
 */
export async function passReturnedUnits(tx: EntityManager, productIds: readonly string[], now: Date): Promise<void> {
  for (const productId of [...new Set(productIds)].sort()) {
    const product = await tx.findOneOrFail(Product, productId);
    const campaign = await tx.findOne(PreorderCampaign, productId);
    const pool = (await preorderPools(tx, [productId]))[0] ?? null;
    if (!campaign || !pool || pool.capacity === null || !runCanTakeReturnedUnits(interestFacts(product, campaign, pool, now))) continue;
    const free = pool.capacity - pool.reserved;
    if (free <= 0) continue;
    const waiting = await tx.find(ProductInterest, { productId, kind: 'WAITLIST', state: 'WAITING' }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
    const plan = planOffers(free, waiting);
    if (plan.offers.length > 0) {
      const { waitlistOfferHours } = await catalogSettings(tx);
      const byId = new Map(waiting.map((w) => [w.id, w]));
      for (const planned of plan.offers) await holdFor(tx, byId.get(planned.interestId)!, planned.quantity, offerExpiresAt(now, waitlistOfferHours), now);
    }
    if (campaign.state === 'CLOSED') {
      // Reopened for the units that came back; while they are held only the offered customers can take them.
      await openWindowNow(tx, product, campaign, catalogSystemActorId, now, { alertSubscribers: false });
      recordAudit(tx, catalogSystemActorId, 'preorder.reopened', productId, { offered: plan.offers.length, toEveryone: plan.toEveryone }, now);
    }
    if (plan.toEveryone > 0) await alertSubscribers(tx, productId, 'UNITS_RETURNED', now);
  }
}

/** Holds `quantity` units for a waitlist entry: a RESERVED movement without an order keeps them from everyone else. */
async function holdFor(tx: EntityManager, entry: ProductInterest, quantity: number, expiresAt: Date, now: Date): Promise<void> {
  const offer = tx.create(WaitlistOffer, {
    id: randomUUID(),
    interestId: entry.id,
    customerId: entry.customerId,
    productId: entry.productId,
    quantity,
    state: 'OPEN',
    offeredAt: now,
    expiresAt,
    orderId: null,
    settledAt: null,
  });
  tx.persist(offer);
  entry.state = 'OFFERED';
  await applyMovement(tx, { productId: entry.productId, warehouseId: null, kind: 'RESERVED', quantity, reason: `Held for waitlist offer ${offer.id}.` }, now);
  await scheduleTimer(tx, { kind: waitlistTimers.offerExpiry, key: offer.id, dueAt: expiresAt });
  catalog.recordEvent(tx, {
    definition: waitlistOfferedV1,
    subject: entry.productId,
    data: {
      offerId: offer.id,
      customerId: entry.customerId,
      productId: entry.productId,
      quantity,
      offeredAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    },
  });
}

const interestAfter: Record<WaitlistOfferOutcome, InterestState> = { TAKEN: 'FULFILLED', EXPIRED: 'LAPSED', WITHDRAWN: 'WITHDRAWN' };

/**
 * Ends an open offer (its product locked by the caller): the held units are
 * released (a RELEASED movement), the entry is settled, and the end is
 * announced. The caller then reserves them for the order (TAKEN) or passes
 * them on (`passReturnedUnits`).
 */
export async function endOffer(
  tx: EntityManager,
  offer: WaitlistOffer,
  outcome: WaitlistOfferOutcome,
  now: Date,
  orderId: string | null = null,
): Promise<void> {
  await applyMovement(
    tx,
    { productId: offer.productId, warehouseId: null, kind: 'RELEASED', quantity: -offer.quantity, orderId, reason: `Waitlist offer ${offer.id}: ${outcome}.` },
    now,
  );
  Object.assign(offer, { state: outcome, orderId, settledAt: now });
  const entry = await tx.findOneOrFail(ProductInterest, offer.interestId);
  Object.assign(entry, { state: interestAfter[outcome], settledAt: now });
  // An expiry runs in its own timer's firing; otherwise the timer has nothing left to do.
  if (outcome !== 'EXPIRED') await cancelTimer(tx, waitlistTimers.offerExpiry, offer.id);
  catalog.recordEvent(tx, {
    definition: waitlistOfferEndedV1,
    subject: offer.productId,
    data: { offerId: offer.id, customerId: offer.customerId, productId: offer.productId, outcome, orderId, at: now.toISOString() },
  });
}

/** Open offers held for a customer on these products, read under the caller's product locks. */
export async function openOffersFor(tx: EntityManager, customerId: string | undefined, productIds: readonly string[]): Promise<WaitlistOffer[]> {
  if (!customerId || productIds.length === 0) return [];
  return tx.find(WaitlistOffer, { customerId, productId: { $in: [...productIds] }, state: 'OPEN' }, { orderBy: { offeredAt: 'asc', id: 'asc' } });
}

/** Products (of these) with an open offer: their windows stay open while the offers wait. */
export async function productsWithOpenOffers(tx: EntityManager, productIds: readonly string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const open = await tx.find(WaitlistOffer, { productId: { $in: [...productIds] }, state: 'OPEN' }, { fields: ['productId'] });
  return new Set(open.map((o) => o.productId));
}

export function interestFacts(
  product: Product,
  campaign: PreorderCampaign | null,
  pool: { capacity: number | null; reserved: number } | null,
  now: Date,
): InterestFacts {
  return {
    status: product.status,
    campaign: campaign && { state: campaign.state, closeReason: campaign.closeReason ?? null, closesAt: campaign.closesAt ?? null },
    pool: pool && { capacity: pool.capacity, reserved: pool.reserved },
    now,
  };
}
