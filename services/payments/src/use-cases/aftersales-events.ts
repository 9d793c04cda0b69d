import type { EntityManager } from '@mikro-orm/postgresql';
import type { claimDecidedV1, EventData, EventEnvelope } from '@vitrine/contracts';
import { available, refundSources } from '../domain/ledger-movements.js';
import { refundable } from '../domain/order-position.js';
import { runtimeOf } from '../config/payments-runtime.js';
import { positionOf } from '../store/ledger-book.js';
import { decideRefund, lockOrders } from './order-money.js';

/**
 * aftersales' ClaimDecided with a PARTIAL_REFUND: the compensation staff
 * decided goes back (reason AFTER_SALES, from the order's revenue: claims
 * are on delivered orders). Above what that revenue still holds it is cut
 * to it and logged (aftersales and payments disagree); an order payments
 * took no money for is skipped, logged. Other resolutions move no money.
 */
export async function onClaimDecided(em: EntityManager, event: EventEnvelope<EventData<typeof claimDecidedV1>>): Promise<void> {
  const { claimId, orderId, resolution, refund } = event.data;
  if (resolution !== 'PARTIAL_REFUND' || !refund || refund.amount <= 0) return;
  const logger = runtimeOf(em).logger;
  const [order] = await lockOrders(em, [orderId]);
  if (!order) {
    logger.warn({ orderId, claimId }, 'payments: a claim refund for an order payments took no money for; nothing refunded');
    return;
  }
  const position = await positionOf(em, orderId, refund.currency);
  const amount = Math.min(refund.amount, refundable(position), available(position, refundSources.COMPENSATION));
  if (amount < refund.amount)
    logger.warn({ orderId, claimId, asked: refund.amount, refunded: amount }, 'payments: claim refund above what the order’s revenue holds; refunded that');
  if (amount > 0)
    await decideRefund(em, {
      orderId,
      amount,
      currency: refund.currency,
      reason: 'AFTER_SALES',
      ledgerReason: 'COMPENSATION',
      requestedBy: event.data.decidedBy,
      note: `Claim ${claimId}: partial refund decided by after-sales staff.`,
    });
}
