import { returnQuote, type Money, type Rule, type StorePolicy } from '@vitrine/policy';

/** The delivered line a customer wants to send back: what it paid, when it was ordered and delivered. */
export interface ReturnedLine {
  orderKind: 'PREORDER' | 'IN_STOCK';
  currency: string;
  /** Unit price x quantity: the whole line goes back. */
  linePaid: number;
  /** What is left of it after claims' refunds on the line. */
  remaining: number;
  orderedAt: Date;
  deliveredAt: Date | null;
}

export type ReturnRequestDecision =
  { ok: true; refund: Money; restockingFee: Money; returnShippingPaidBy: 'CUSTOMER' | 'STORE'; rule: Rule } | { ok: false; rule: Rule };

/**
 * Whether the line may go back for preference under the order's policy
 * (000: within 7 days of delivery; 003: never) and what it would refund: the
 * price less the restocking fee (000: 30% of the price), shipping not
 * refunded (aftersales knows no line's share of it), never more than what
 * earlier claims left of the line. The policy package's returnQuote decides.
 */
export function preferenceReturn(policy: StorePolicy, line: ReturnedLine, now: Date): ReturnRequestDecision {
  const quote = returnQuote(
    policy,
    {
      kind: line.orderKind,
      plan: null,
      currency: line.currency,
      total: line.linePaid,
      deposit: 0,
      paid: { deposit: 0, balance: 0, full: line.linePaid, downPayment: 0, shipping: 0 },
      placedAt: line.orderedAt,
      deliveredAt: line.deliveredAt,
    },
    now,
    'PREFERENCE',
  );
  if (quote.outcome !== 'REFUND') return { ok: false, rule: quote.rule };
  const refund = Math.min(quote.refund.amount, Math.max(line.remaining, 0));
  return {
    ok: true,
    refund: { amount: refund, currency: quote.refund.currency },
    restockingFee: quote.restockingFee,
    returnShippingPaidBy: quote.returnShippingPaidBy ?? 'CUSTOMER',
    rule: quote.rule,
  };
}

export type ReturnedCondition = 'PERFECT_UNUSED' | 'USED_OR_DAMAGED';

/**
 * Staff inspect the item on arrival. Where the policy wants it back unused in
 * its original condition (000), anything else refunds nothing; otherwise, or
 * in that condition, the refund quoted under the policy's return rule, capped
 * by what the line still has.
 */
export function inspectReturn(
  policy: StorePolicy,
  quoted: { refund: number; rule: Rule },
  condition: ReturnedCondition,
  remaining: number,
): { accepted: boolean; refund: number; rule: Rule } {
  const p = policy.returns.preference;
  if (p.kind === 'WITHIN_WINDOW' && p.condition === 'UNUSED_ORIGINAL_CONDITION' && condition !== 'PERFECT_UNUSED') {
    return {
      accepted: false,
      refund: 0,
      rule: { id: 'returns.not-in-original-condition', text: 'No refund is made for an item not returned in perfect, unused, original condition.' },
    };
  }
  return { accepted: true, refund: Math.min(quoted.refund, Math.max(remaining, 0)), rule: quoted.rule };
}
