import { preferenceReturnDeadline, returnQuote, type Deadline, type Money, type OrderFacts, type Rule, type StorePolicy } from '@vitrine/policy';
import { notInOriginalConditionRule } from './own-rules.js';

/** The delivered line a customer wants to send back: what it paid, when it was ordered and delivered. */
export interface ReturnedLine {
  orderKind: 'PREORDER' | 'IN_STOCK';
  currency: string;
  /** Unit price x quantity: the whole line goes back. */
  linePaid: number;
  /** What is left of it after claims' refunds on the line. */
  remaining: number;
  /** The line's share of what the order paid for shipping (`shippingShares`); 0 when after-sales does not know it. */
  shippingShare: number;
  orderedAt: Date;
  deliveredAt: Date | null;
}

/**
 * Whether the line goes back now, on what terms, or the rule refusing it; and
 * in both cases until when the policy takes it back (`returnableUntil`: the
 * window's end, the instant from which it is refused; null where the policy
 * takes no such returns or the line is not delivered).
 */
export type ReturnRequestDecision = (
  { ok: true; refund: Money; restockingFee: Money; shippingRefund: Money; returnShippingPaidBy: 'CUSTOMER' | 'STORE'; rule: Rule } | { ok: false; rule: Rule }
) & { returnableUntil: Deadline | null };

/** Shipping comes back with a return only where the policy says so (`shippingRefunded`). */
function refundsShipping(policy: StorePolicy): boolean {
  const p = policy.returns.preference;
  return p.kind === 'WITHIN_WINDOW' && p.shippingRefunded;
}

/**
 * Whether the line may go back for preference under the order's policy
 * (000: within 7 days of delivery; 003: never) and what it would refund: the
 * price less the restocking fee (000: 30% of the price), never more than
 * what earlier claims left of the line; plus, where the policy refunds
 * shipping, the line's share of what the order paid for it (claims never
 * refund shipping, so that share is whole). The policy package's returnQuote
 * decides.
 */
export function preferenceReturn(policy: StorePolicy, line: ReturnedLine, now: Date): ReturnRequestDecision {
  const facts: OrderFacts = {
    kind: line.orderKind,
    plan: null,
    currency: line.currency,
    total: line.linePaid,
    deposit: 0,
    paid: { deposit: 0, balance: 0, full: line.linePaid, downPayment: 0, shipping: line.shippingShare },
    placedAt: line.orderedAt,
    deliveredAt: line.deliveredAt,
  };
  const quote = returnQuote(policy, facts, now, 'PREFERENCE');
  // The deadline returnQuote judged by (the same facts, the same region): what the customer is shown is what decides.
  const returnableUntil = line.deliveredAt ? preferenceReturnDeadline(policy, line.deliveredAt, facts.warehouseRegion) : null;
  if (quote.outcome !== 'REFUND') return { ok: false, rule: quote.rule, returnableUntil };
  const shipping = refundsShipping(policy) ? line.shippingShare : 0;
  const goods = Math.min(quote.refund.amount - shipping, Math.max(line.remaining, 0));
  const currency = quote.refund.currency;
  return {
    ok: true,
    refund: { amount: goods + shipping, currency },
    restockingFee: quote.restockingFee,
    shippingRefund: { amount: shipping, currency },
    returnShippingPaidBy: quote.returnShippingPaidBy ?? 'CUSTOMER',
    rule: quote.rule,
    returnableUntil,
  };
}

export type ReturnedCondition = 'PERFECT_UNUSED' | 'USED_OR_DAMAGED';

/**
 * Staff inspect the item on arrival. Where the policy wants it back unused in
 * its original condition (000), anything else refunds nothing; otherwise, or
 * in that condition, the refund quoted under the policy's return rule, its
 * goods part capped by what the line still has (its shipping part is the
 * line's own share, untouched by claims).
 */
export function inspectReturn(
  policy: StorePolicy,
  quoted: { refund: number; shippingRefund: number; rule: Rule },
  condition: ReturnedCondition,
  remaining: number,
): { accepted: boolean; refund: number; shippingRefund: number; rule: Rule } {
  const p = policy.returns.preference;
  if (p.kind === 'WITHIN_WINDOW' && p.condition === 'UNUSED_ORIGINAL_CONDITION' && condition !== 'PERFECT_UNUSED') {
    return {
      accepted: false,
      refund: 0,
      shippingRefund: 0,
      rule: notInOriginalConditionRule,
    };
  }
  const goods = Math.min(quoted.refund - quoted.shippingRefund, Math.max(remaining, 0));
  return { accepted: true, refund: goods + quoted.shippingRefund, shippingRefund: quoted.shippingRefund, rule: quoted.rule };
}
