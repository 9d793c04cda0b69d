import { cancellationQuote, ruleTexts, type CancellationQuote, type Decision, type Language, type StorePolicy } from '@vitrine/policy';
import { PolicyViolation } from '@vitrine/platform/domain';
import type { DueFacts, OrderSnapshot } from './order-snapshot.js';
import { transitionRefusal, type OrderStatus } from './order-status.js';
import { policyFacts } from './policy-facts.js';
import { orderEndedRefusal } from './staff-steps.js';

/**
 * What the order's customer may do to it themselves, one per mutation:
 * `PAY` what is due (payments' `pay`: an open due the customer pays,
 * not one charged to a stored method), `CANCEL` on the quoted terms and
 * `REQUEST_CANCELLATION` where the policy leaves it to staff (both
 * `cancelOrder` with the quote's token).
 */
export const customerOrderActions = ['PAY', 'CANCEL', 'REQUEST_CANCELLATION'] as const;
export type CustomerOrderAction = (typeof customerOrderActions)[number];

/** Who collects a due: the customer (a pay link, the storefront's form) or payments from the stored method (charge at ship). */
export type DueCollector = 'CUSTOMER' | 'STORED_METHOD';

/** What the customer's actions depend on, read off the order and its dues. */
export interface CustomerActionFacts {
  order: OrderSnapshot & {
    status: OrderStatus;
    /** Set once the order was cancelled or expired. */
    outcome: object | null | undefined;
    /** When the customer asked staff to cancel (a policy where staff decide). */
    cancellationRequestedAt: Date | null | undefined;
  };
  dues: readonly (DueFacts & { collect: DueCollector })[];
}

/** What the order's policy version says of cancelling it now (the quote the customer reads and confirms). */
export function customerCancellationQuote(
  policy: StorePolicy,
  order: OrderSnapshot,
  dues: readonly DueFacts[],
  now: Date,
  lang: Language = 'en',
): Decision<CancellationQuote> {
  return cancellationQuote(policy, policyFacts(order, dues), now, lang);
}

/**
 * Why the customer's `cancelOrder` is refused on this quote, or null when it
 * goes through: an ended order is `ORDER_ENDED`; a refused quote names its
 * rule (in every language the policy words it, for the storefront's); an
 * allowed one ends the order, so CANCELLED must follow its status in the
 * table; a staff review records a request and moves nothing.
 */
export function customerCancellationRefusal(
  order: Pick<CustomerActionFacts['order'], 'status' | 'outcome'>,
  quote: Pick<Decision<CancellationQuote>, 'outcome' | 'rule'>,
  policy: StorePolicy,
): PolicyViolation | null {
  if (order.outcome) return orderEndedRefusal(order.status);
  if (quote.outcome === 'REFUSED') return new PolicyViolation(quote.rule.text, quote.rule.id, { ruleTexts: ruleTexts(policy, quote.rule) });
  if (quote.outcome === 'ALLOWED') return transitionRefusal(order.status, 'CANCELLED');
  return null;
}

/**
 * Every action the customer may take on the order now, in
 * `customerOrderActions` order, from the rules their mutations enforce. A
 * request for staff already made is not offered again (asking twice is
 * answered with the order unchanged, like a retried click).
 */
export function customerActions(facts: CustomerActionFacts, policy: StorePolicy, now: Date): CustomerOrderAction[] {
  const { order, dues } = facts;
  const actions: CustomerOrderAction[] = [];
  if (!order.outcome && dues.some((d) => d.status === 'OPEN' && d.collect === 'CUSTOMER')) actions.push('PAY');
  if (order.outcome) return actions;
  const quote = customerCancellationQuote(policy, order, dues, now);
  if (customerCancellationRefusal(order, quote, policy) === null) {
    if (quote.outcome === 'ALLOWED') actions.push('CANCEL');
    else if (!order.cancellationRequestedAt) actions.push('REQUEST_CANCELLATION');
  }
  return actions;
}
