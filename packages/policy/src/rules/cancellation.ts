import type { StorePolicy } from '../schema/store-policy.js';
import { refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Rule } from './decision.js';
import { inStockCancellationQuote } from './in-stock-cancellation.js';
import { reached, type OrderFacts } from './order-facts.js';
import { preorderCancellationQuote } from './preorder-cancellation.js';

export type { CancellationQuote };

export function shippedRule(): Rule {
  return rule('order-cancellation.refused-once-shipped', 'Orders cannot be cancelled once shipped; see the return policy instead.');
}

/**
 * What cancelling the order now would do, and the rule that decides it. A
 * shipped order is never cancelled (returns apply); otherwise preorders and
 * in-stock orders follow their own part of the policy.
 */
export function cancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date): Decision<CancellationQuote> {
  if (reached(order, 'SHIPPED', now)) return refusedQuote(policy, order, shippedRule());
  return order.kind === 'PREORDER' ? preorderCancellationQuote(policy, order, now) : inStockCancellationQuote(policy, order, now);
}
