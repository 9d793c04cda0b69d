import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { returnRequestedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { preferenceReturn } from '../domain/preference-return.js';
import { aftersales } from '../identity.js';
import { ClaimableLine, ClaimableOrder } from '../store/claimable-order.entity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';
import { lockLineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';
import { returnedLine } from './return-offer.js';
import { claimRuleTexts, eventRule } from '../domain/rule-words.js';

/**
 * The customer asks to send a delivered line back for preference, judged by
 * the order's policy version: within its window (000: 7 days from the
 * courier's date) it is REQUESTED with its quote (the price less the
 * restocking fee, plus the line's share of the shipping where the policy
 * refunds shipping; return postage the customer's) and ReturnRequested goes
 * out; after it, or where the policy takes no such returns (003),
 * POLICY_VIOLATION naming the rule and nothing saved. Asking again for the
 * same line answers the first request.
 */
export async function requestReturn(
  em: EntityManager,
  caller: Caller,
  input: { orderId: string; productId: string; reason: string | null },
): Promise<PreferenceReturn> {
  const customerId = requireCallerId(caller);
  return em.transactional(async (tx) => {
    const order = await tx.findOne(ClaimableOrder, { id: input.orderId });
    // Someone else's order is NOT_FOUND, never FORBIDDEN.
    if (!order || order.customerId !== customerId) throw new NotFound('Order', input.orderId);
    const line = await tx.findOne(ClaimableLine, { orderId: order.id, productId: input.productId });
    if (!line) {
      throw new BadUserInput('This product is not in the order.', [{ field: 'productId', reason: 'NOT_IN_ORDER', message: 'Choose a product of the order.' }]);
    }
    const balance = await lockLineBalance(tx, line);
    const earlier = await tx.findOne(PreferenceReturn, { orderId: order.id, productId: line.productId });
    if (earlier) return earlier;
    const policy = await policyVersion(tx, order.policyVersion);
    const now = storeNow();
    const lines = await tx.find(ClaimableLine, { orderId: order.id }, { orderBy: { productId: 'asc' } });
    // The same facts and decision as returnOffer shows (return-offer.ts).
    const decision = preferenceReturn(policy, returnedLine(order, lines, line, balance), now);
    if (!decision.ok)
      throw new PolicyViolation(decision.rule.text, decision.rule.id, { ruleText: decision.rule.text, ruleTexts: claimRuleTexts(policy, decision.rule) });
    const requested = tx.create(PreferenceReturn, {
      id: randomUUID(),
      orderId: order.id,
      productId: line.productId,
      customerId,
      policyVersion: order.policyVersion,
      status: 'REQUESTED',
      reason: input.reason?.trim() || null,
      quotedRefund: decision.refund.amount,
      restockingFee: decision.restockingFee.amount,
      shippingRefund: decision.shippingRefund.amount,
      currency: line.currency,
      returnPostage: decision.returnShippingPaidBy,
      rule: decision.rule,
      requestedAt: now,
      condition: null,
      refundAmount: null,
      inspectionRule: null,
      receivedBy: null,
      receivedAt: null,
      staffNote: null,
    });
    recordAudit(tx, customerId, 'return.requested', requested.id, { orderId: order.id, productId: line.productId, quote: decision });
    aftersales.recordEvent(tx, {
      definition: returnRequestedV1,
      subject: order.id,
      data: {
        returnId: requested.id,
        orderId: order.id,
        customerId,
        productId: line.productId,
        quotedRefund: decision.refund,
        restockingFee: decision.restockingFee,
        shippingRefund: decision.shippingRefund,
        returnPostage: decision.returnShippingPaidBy,
        rule: eventRule(policy, decision.rule),
        requestedAt: now.toISOString(),
      },
    });
    return requested;
  });
}
