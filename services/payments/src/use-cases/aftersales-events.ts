import type { EntityManager } from '@mikro-orm/postgresql';
import type { claimDecidedV1, claimResolvedV1, EventData, EventEnvelope, returnReceivedV1 } from '@vitrine/contracts';
import { available, refundSources } from '../domain/ledger-movements.js';
import { refundable } from '../domain/order-position.js';
import { runtimeOf } from '../config/payments-runtime.js';
import { positionOf } from '../store/ledger-book.js';
import { decideRefund, lockOrders } from './order-money.js';

interface AfterSalesRefund {
  /** The claim or return, for the logs. */
  source: string;
  orderId: string;
  refund: { amount: number; currency: string };
  /** COMPENSATION (a claim: from revenue) or RETURN (an item sent back: from revenue, then shipping revenue). */
  kind: 'COMPENSATION' | 'RETURN';
  requestedBy: string | null;
  note: string;
}

/**
 * Money after-sales decided goes back, out of the order's revenue (claims and
 * returns are on delivered orders): compensation as AFTER_SALES, a returned
 * item as RETURN. Above what that revenue still holds it is cut to it and
 * logged (aftersales and payments disagree); an order payments took no money
 * for is skipped, logged.
 */
async function refundAfterSales(em: EntityManager, r: AfterSalesRefund): Promise<void> {
  const logger = runtimeOf(em).logger;
  const [order] = await lockOrders(em, [r.orderId]);
  if (!order) {
    logger.warn({ orderId: r.orderId, source: r.source }, 'payments: an after-sales refund for an order payments took no money for; nothing refunded');
    return;
  }
  const position = await positionOf(em, r.orderId, r.refund.currency);
  const amount = Math.min(r.refund.amount, refundable(position), available(position, refundSources[r.kind]));
  if (amount < r.refund.amount)
    logger.warn(
      { orderId: r.orderId, source: r.source, asked: r.refund.amount, refunded: amount },
      'payments: after-sales refund above what the order’s revenue holds; refunded that',
    );
  if (amount > 0)
    await decideRefund(em, {
      orderId: r.orderId,
      amount,
      currency: r.refund.currency,
      reason: r.kind === 'RETURN' ? 'RETURN' : 'AFTER_SALES',
      ledgerReason: r.kind,
      requestedBy: r.requestedBy,
      note: r.note,
    });
}

/** aftersales' ClaimDecided (staff decided the resolution themselves, before customers chose): a PARTIAL_REFUND's refund; other resolutions move no money. */
export async function onClaimDecided(em: EntityManager, event: EventEnvelope<EventData<typeof claimDecidedV1>>): Promise<void> {
  const { claimId, orderId, resolution, refund, decidedBy } = event.data;
  if (resolution !== 'PARTIAL_REFUND' || !refund || refund.amount <= 0) return;
  const note = `Claim ${claimId}: partial refund decided by after-sales staff.`;
  await refundAfterSales(em, { source: claimId, orderId, refund, kind: 'COMPENSATION', requestedBy: decidedBy, note });
}

/**
 * aftersales' ClaimResolved: the refund of the resolution the customer chose
 * (a partial refund, a discount for keeping a mis-shipped item); a part, an
 * exchange or a return carries none (a return's money comes with ReturnReceived).
 */
export async function onClaimResolved(em: EntityManager, event: EventEnvelope<EventData<typeof claimResolvedV1>>): Promise<void> {
  const { claimId, orderId, resolution, refund, closedBy } = event.data;
  if (!refund || refund.amount <= 0) return;
  const note = `Claim ${claimId}: ${resolution.toLowerCase().replaceAll('_', ' ')} chosen by the customer.`;
  await refundAfterSales(em, { source: claimId, orderId, refund, kind: 'COMPENSATION', requestedBy: closedBy, note });
}

/**
 * aftersales' ReturnReceived: an item sent back for preference arrived as the
 * policy asks; its refund (the price less the restocking fee, which stays
 * earned; shipping not refunded) goes back as RETURN. Zero when it did not.
 */
export async function onReturnReceived(em: EntityManager, event: EventEnvelope<EventData<typeof returnReceivedV1>>): Promise<void> {
  const { returnId, orderId, refund, receivedBy } = event.data;
  if (refund.amount <= 0) return;
  const note = `Return ${returnId}: the item came back; refunded less the restocking fee.`;
  await refundAfterSales(em, { source: returnId, orderId, refund, kind: 'RETURN', requestedBy: receivedBy, note });
}
