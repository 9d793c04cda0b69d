import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, checkStaffReason, Conflict, PolicyViolation, storeNow, type Caller } from '@vitrine/platform';
import { ruleTexts, type CancellationQuote, type Decision, type Language, type StorePolicy } from '@vitrine/policy';
import { customerCancellationQuote, customerCancellationRefusal } from '../domain/customer-actions.js';
import { quoteToken } from '../domain/quote-token.js';
import { orderEndedRefusal, requireStep } from '../domain/staff-steps.js';
import type { Order } from '../store/order.entity.js';
import { endOrder } from './end-order.js';
import { findOrderFor, lockOrderFor } from './load-order.js';
import { recordAudit } from './record-audit.js';
import { policyVersion } from './store-policies.js';

export interface Quote {
  decision: Decision<CancellationQuote>;
  /** What the customer confirms with: cancelOrder applies these terms only if they still hold. */
  token: string;
  /** The policy version the order was placed under, which decided it. */
  policy: StorePolicy;
}

/** What the policy version the order was placed under says of cancelling it now (its rules worded in `lang`; the token never depends on it). */
export async function quoteFor(em: EntityManager, order: Order, lang: Language = 'en'): Promise<Quote> {
  const policy = await policyVersion(em, order.policyVersion);
  const decision = customerCancellationQuote(policy, order, order.dues.getItems(), storeNow(), lang);
  const kept = decision.fee.amount + decision.keptDownPayment.amount + decision.forfeited.amount;
  return {
    policy,
    decision,
    token: quoteToken({ orderId: order.id, outcome: decision.outcome, fee: kept, refund: decision.refund.amount, ruleId: decision.rule.id }),
  };
}

export async function cancellationQuoteFor(em: EntityManager, caller: Caller, orderId: string, lang: Language = 'en'): Promise<Quote> {
  const order = await findOrderFor(em, caller, orderId);
  if (order.outcome) throw alreadyEnded(order);
  return quoteFor(em, order, lang);
}

/**
 * The customer cancels their order on exactly the quoted terms: a stale
 * token (the terms moved since the quote) is a CONFLICT that shows the new
 * ones; a refusal names the rule. Where staff decide (003), the request is
 * recorded for them and the order stands.
 */
export async function cancelByCustomer(em: EntityManager, caller: Caller, orderId: string, token: string | null): Promise<Order> {
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    if (order.outcome) throw alreadyEnded(order);
    const quote = await quoteFor(tx, order);
    const { decision, policy } = quote;
    if (token !== null && token !== quote.token) {
      throw new Conflict(`The cancellation terms have changed since your quote: ${decision.rule.text} Please review them and confirm again.`, {
        field: 'quoteToken',
        rule: decision.rule.id,
        ruleTexts: ruleTexts(policy, decision.rule),
      });
    }
    // The same rule as Order.customerActions (domain/customer-actions.ts): the storefront offers nothing refused here.
    const refusal = customerCancellationRefusal(order, decision, policy);
    if (refusal) throw refusal;
    if (decision.outcome === 'STAFF_REVIEW') {
      order.cancellationRequestedAt ??= storeNow();
      return order;
    }
    await endOrder(tx, order, {
      kind: 'CANCELLED',
      by: 'CUSTOMER',
      reason: 'Cancelled by the customer.',
      kept: decision.fee.amount + decision.keptDownPayment.amount + decision.forfeited.amount,
      refund: decision.refund.amount,
      rule: decision.rule,
      feesWaived: false,
      countsTowardAbuse: false,
    });
    return order;
  });
}

/**
 * Staff cancel any order that has not shipped, saying why (audited), on the
 * policy's amounts (those of the rule staff review under, where the policy
 * leaves it to them) or waiving what it would keep: everything paid is then
 * refunded.
 */
export async function cancelByStaff(em: EntityManager, caller: Caller, orderId: string, reason: string, waiveFees: boolean): Promise<Order> {
  const { reason: why, problems } = checkStaffReason(reason);
  if (problems.length > 0) throw new BadUserInput('Please say why the order is cancelled.', problems);
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    requireStep('CANCEL', order);
    const { decision } = await quoteFor(tx, order);
    const paid = decision.paid.amount;
    const ruleKept = decision.outcome === 'REFUSED' ? paid : decision.fee.amount + decision.keptDownPayment.amount + decision.forfeited.amount;
    const kept = waiveFees ? 0 : ruleKept;
    const rule = decision.basis ?? decision.rule;
    await endOrder(tx, order, {
      kind: 'CANCELLED',
      by: 'STAFF',
      reason: why,
      kept,
      refund: paid - kept,
      rule: waiveFees ? { id: 'cancellation.fees-waived', text: 'Cancelled by our staff; everything paid is refunded.' } : rule,
      feesWaived: waiveFees && ruleKept > 0,
      countsTowardAbuse: false,
    });
    recordAudit(tx, caller.id, waiveFees && ruleKept > 0 ? 'order.fees-waived' : 'order.cancelled-by-staff', order.id, {
      reason: why,
      kept,
      refund: paid - kept,
      wouldHaveKept: ruleKept,
      rule: rule.id,
    });
    return order;
  });
}

function alreadyEnded(order: Order): PolicyViolation {
  return orderEndedRefusal(order.status);
}
