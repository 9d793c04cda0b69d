import type { EntityManager } from '@mikro-orm/postgresql';
import { availabilityAlertV1, type AvailabilityAlertReason } from '@vitrine/contracts';
import { ProductInterest } from '../store/product-interest.entity.js';
import { catalog } from '../identity.js';

/**
 * The product became orderable: every customer waiting on "notify me" gets
 * one AvailabilityAlert (notifications turns it into an email), and their
 * subscription is spent. Runs in the transaction that made the change, so an
 * alert is sent if and only if the change commits.
 */
export async function alertSubscribers(tx: EntityManager, productId: string, reason: AvailabilityAlertReason, now: Date): Promise<number> {
  const waiting = await tx.find(ProductInterest, { productId, kind: 'NOTIFY', state: 'WAITING' }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
  for (const interest of waiting) {
    Object.assign(interest, { state: 'NOTIFIED', settledAt: now });
    catalog.recordEvent(tx, {
      definition: availabilityAlertV1,
      subject: productId,
      data: { customerId: interest.customerId, productId, reason, at: now.toISOString() },
    });
  }
  return waiting.length;
}
