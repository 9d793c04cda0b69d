import { deadlineAfter, isBefore } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { assertCurrency, clampRefund, money, percentOf, type Money } from './money.js';
import { feeBaseAmount, paidForGoods, type OrderFacts } from './order-facts.js';
import { durationText, feeText } from './texts.js';

export type ReturnReason = 'PREFERENCE' | 'DEFECT';

/**
 * REFUND: the return is accepted; `refund` is paid once the item comes back
 * in the required condition. EXCHANGE: a defective item is replaced.
 * AFTER_SALES: a defect goes through an after-sales claim. REFUSED: no return.
 */
export interface ReturnQuote {
  outcome: 'REFUND' | 'EXCHANGE' | 'AFTER_SALES' | 'REFUSED';
  refund: Money;
  restockingFee: Money;
  returnShippingPaidBy: 'CUSTOMER' | 'STORE' | null;
}

export function preferenceReturnRule(policy: StorePolicy): Rule {
  const p = policy.returns.preference;
  if (p.kind === 'NOT_ACCEPTED') return rule('returns.no-preference-returns', 'We do not accept returns or refunds for preference or convenience.');
  const condition = p.condition === 'UNUSED_ORIGINAL_CONDITION' ? ', in perfect unused original condition' : '';
  const shipping = `return shipping is paid by ${p.returnShippingPaidBy === 'CUSTOMER' ? 'the customer' : 'us'}, shipping costs are ${p.shippingRefunded ? '' : 'not '}refunded`;
  return rule(
    'returns.within-window',
    `Returns are accepted within ${durationText(p.within)} of delivery${condition}; ${shipping}, and ${feeText(p.restockingFee, 'restocking fee')} is deducted.`,
  );
}

export function returnWindowClosedRule(policy: StorePolicy): Rule {
  const p = policy.returns.preference;
  const within = p.kind === 'WITHIN_WINDOW' ? durationText(p.within) : '';
  return rule('returns.window-closed', `The return window of ${within} after delivery has closed.`);
}

export function defectRule(policy: StorePolicy): Rule {
  return policy.returns.defects === 'EXCHANGE'
    ? rule('returns.defect-exchange', 'A defective product is exchanged for a new one.')
    : rule('returns.defect-after-sales', 'Defects and shipping damage are handled as after-sales claims.');
}

/** What returning a delivered order now would give, for the customer's reason. */
export function returnQuote(policy: StorePolicy, order: OrderFacts, now: Date, reason: ReturnReason): Decision<ReturnQuote> {
  assertCurrency(policy.currency, order.currency);
  const zero = money(0, policy.currency);
  const none = { refund: zero, restockingFee: zero, returnShippingPaidBy: null };
  if (!order.deliveredAt || order.deliveredAt.getTime() > now.getTime()) {
    return { outcome: 'REFUSED', ...none, rule: rule('returns.not-delivered', 'A return can be requested once the order is delivered.') };
  }
  if (reason === 'DEFECT') return { outcome: policy.returns.defects === 'EXCHANGE' ? 'EXCHANGE' : 'AFTER_SALES', ...none, rule: defectRule(policy) };
  const p = policy.returns.preference;
  if (p.kind === 'NOT_ACCEPTED') return { outcome: 'REFUSED', ...none, rule: preferenceReturnRule(policy) };
  if (!isBefore(now, deadlineAfter(policy, order.deliveredAt, p.within, order.warehouseRegion))) {
    return { outcome: 'REFUSED', ...none, rule: returnWindowClosedRule(policy) };
  }
  const refundable = paidForGoods(order) + (p.shippingRefunded ? order.paid.shipping : 0);
  const fee = clampRefund(percentOf(feeBaseAmount(order, p.restockingFee.of), p.restockingFee.percentBps), refundable);
  return {
    outcome: 'REFUND',
    refund: money(refundable - fee, policy.currency),
    restockingFee: money(fee, policy.currency),
    returnShippingPaidBy: p.returnShippingPaidBy,
    rule: preferenceReturnRule(policy),
  };
}
