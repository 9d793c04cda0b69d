import type { EntityManager } from '@mikro-orm/postgresql';
import { orderCancelledV1, orderExpiredV1 } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { decidingRule } from '@vitrine/policy';
import { orders } from '../identity.js';
import type { Order, OrderOutcome } from '../store/order.entity.js';
import { moveOrder, voidOpenDues } from './order-life.js';
import { policyVersion } from './store-policies.js';

export type Ending = Omit<OrderOutcome, 'at'>;

/**
 * Ends an order (cancelled or expired) with the money its policy decided:
 * open dues become void, catalog releases the units (OrderStatusChanged),
 * payments keeps `kept` and refunds `refund` (OrderCancelled / OrderExpired).
 * Runs in the caller's transaction, on a locked order.
 */
export async function endOrder(em: EntityManager, order: Order, ending: Ending): Promise<void> {
  const at = storeNow();
  moveOrder(em, order, ending.kind, ending.reason);
  order.outcome = { ...ending, at: at.toISOString() };
  order.cancellationRight = null;
  await voidOpenDues(em, order);
  const money = (amount: number) => ({ amount, currency: order.currency });
  // The rule in every language the order's policy words it in, for the customer's email and partners.
  const rule = decidingRule(await policyVersion(em, order.policyVersion), ending.rule);
  if (ending.kind === 'EXPIRED') {
    orders.recordEvent(em, {
      definition: orderExpiredV1,
      subject: order.id,
      data: {
        orderId: order.id,
        customerId: order.customerId,
        kept: money(ending.kept),
        refund: money(ending.refund),
        rule,
        countsTowardAbuse: ending.countsTowardAbuse,
      },
    });
  } else {
    orders.recordEvent(em, {
      definition: orderCancelledV1,
      subject: order.id,
      data: {
        orderId: order.id,
        customerId: order.customerId,
        by: ending.by,
        reason: ending.reason,
        fee: money(ending.kept),
        refund: money(ending.refund),
        rule,
        feesWaived: ending.feesWaived,
      },
    });
  }
}
