import type { StorePolicy } from '../schema/store-policy.js';
import { allowedQuote, forStaff, refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Rule } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { feeText } from './texts.js';

export function beforeProcessingRule(policy: StorePolicy): Rule {
  const fee = policy.inStockCancellation.beforeProcessing;
  return rule(`in-stock-cancellation.${fee.percentBps === 0 ? 'free' : 'fee'}-before-processing`, `Cancelled before the order is processed: ${feeText(fee)}.`);
}

export function onceProcessedRule(policy: StorePolicy): Rule {
  const once = policy.inStockCancellation.onceProcessed;
  return once.kind === 'REFUSED'
    ? rule('in-stock-cancellation.refused-once-processed', 'In-stock orders cannot be cancelled once processed.')
    : rule('in-stock-cancellation.fee-once-processed', `Cancelled once the order is processed: ${feeText(once.fee, 'restocking fee')}.`);
}

export function inStockStaffRule(): Rule {
  return rule(
    'in-stock-cancellation.staff-review',
    'Cancellations are reviewed by our staff and may be refused depending on the product or the status of the order.',
  );
}

/** An in-stock cancellation: the before-processing fee, then the processed rule (a fee or a refusal). */
export function inStockCancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date): Decision<CancellationQuote> {
  const c = policy.inStockCancellation;
  const staff = (q: Decision<CancellationQuote>) => (c.decidedBy === 'STAFF' ? forStaff(q, inStockStaffRule()) : q);
  if (!reached(order, 'PROCESSED', now)) return staff(allowedQuote(policy, order, beforeProcessingRule(policy), { fee: c.beforeProcessing }));
  if (c.onceProcessed.kind === 'REFUSED') return refusedQuote(policy, order, onceProcessedRule(policy));
  return staff(allowedQuote(policy, order, onceProcessedRule(policy), { fee: c.onceProcessed.fee }));
}
