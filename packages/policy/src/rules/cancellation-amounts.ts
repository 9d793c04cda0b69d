import type { Fee } from '../schema/units.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { assertCurrency, clampRefund, money, percentOf, type Money } from './money.js';
import { feeBaseAmount, totalPaid, type OrderFacts } from './order-facts.js';
import type { Decision, Rule } from './decision.js';

/**
 * What cancelling would do. ALLOWED: cancelled with these amounts. REFUSED:
 * the order stands, nothing moves. STAFF_REVIEW: staff decide; if they
 * accept, these amounts apply (`basis` is the rule they come from).
 * paid = fee + keptDownPayment + forfeited + refund, each >= 0.
 */
export interface CancellationQuote {
  outcome: 'ALLOWED' | 'REFUSED' | 'STAFF_REVIEW';
  paid: Money;
  /** The cancellation (restocking) fee kept. */
  fee: Money;
  /** A non-refundable down payment kept. */
  keptDownPayment: Money;
  /** Kept because the rule refunds nothing (cancelled after every window). */
  forfeited: Money;
  refund: Money;
  basis?: Rule;
}

interface Keep {
  fee?: Fee;
  forfeitAll?: boolean;
  downPaymentRefunded?: boolean;
}

/** The amounts of an allowed cancellation; the fee and the refund never go below zero or above what was paid. */
export function allowedQuote(policy: StorePolicy, order: OrderFacts, rule: Rule, keep: Keep): Decision<CancellationQuote> {
  assertCurrency(policy.currency, order.currency);
  const paid = totalPaid(order);
  const keptDownPayment = keep.downPaymentRefunded ? 0 : order.paid.downPayment;
  const refundable = paid - keptDownPayment;
  const fee = keep.fee ? clampRefund(percentOf(feeBaseAmount(order, keep.fee.of), keep.fee.percentBps), refundable) : 0;
  const forfeited = keep.forfeitAll ? refundable - fee : 0;
  const c = policy.currency;
  return {
    outcome: 'ALLOWED',
    paid: money(paid, c),
    fee: money(fee, c),
    keptDownPayment: money(keptDownPayment, c),
    forfeited: money(forfeited, c),
    refund: money(clampRefund(refundable - fee - forfeited, paid), c),
    rule,
  };
}

export function refusedQuote(policy: StorePolicy, order: OrderFacts, rule: Rule): Decision<CancellationQuote> {
  assertCurrency(policy.currency, order.currency);
  const zero = money(0, policy.currency);
  return { outcome: 'REFUSED', paid: money(totalPaid(order), policy.currency), fee: zero, keptDownPayment: zero, forfeited: zero, refund: zero, rule };
}

/** Staff decide: the same amounts, flagged for review, under the staff rule. */
export function forStaff(quote: Decision<CancellationQuote>, staffRule: Rule): Decision<CancellationQuote> {
  if (quote.outcome === 'REFUSED') return quote;
  return { ...quote, outcome: 'STAFF_REVIEW', basis: quote.rule, rule: staffRule };
}
