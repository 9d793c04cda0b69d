import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { returnReceivedV1 } from '@vitrine/contracts';
import { NotFound, PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { inspectReturn, type ReturnedCondition } from '../domain/preference-return.js';
import { transitionReturn, type ReturnStatus } from '../domain/return-status.js';
import { aftersales } from '../identity.js';
import { PreferenceReturn } from '../store/preference-return.entity.js';
import { lockLineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';
import { eventRule } from '../domain/rule-words.js';

/**
 * Staff (aftersales:decide) record a returned item's arrival and its
 * condition. As the order's policy asks (000: perfect and unused) it is
 * REFUNDED the quote (its goods capped by what the line still has, with its
 * shipping share where the policy refunds shipping); otherwise REJECTED
 * with nothing refunded. Audited; ReturnReceived tells payments what to refund
 * (reason RETURN). A return already inspected is POLICY_VIOLATION.
 */
export async function receiveReturn(
  em: EntityManager,
  caller: Caller,
  returnId: string,
  input: { condition: ReturnedCondition; note: string | null },
): Promise<PreferenceReturn> {
  const staffId = requireCallerId(caller);
  const note = input.note?.trim() || null;
  return em.transactional(async (tx) => {
    const item = await tx.findOne(PreferenceReturn, { id: returnId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!item) throw new NotFound('Return', returnId);
    if (item.status !== 'REQUESTED') {
      throw new PolicyViolation(`This return was already inspected (${item.status.toLowerCase()}).`, 'RETURN_STATUS_TRANSITION', { status: item.status });
    }
    const balance = await lockLineBalance(tx, item, { returnId: item.id });
    const policy = await policyVersion(tx, item.policyVersion);
    const quoted = { refund: item.quotedRefund, shippingRefund: item.shippingRefund, rule: item.rule };
    const inspected = inspectReturn(policy, quoted, input.condition, balance.remaining);
    const now = storeNow();
    item.status = transitionReturn(item.status as ReturnStatus, inspected.accepted ? 'REFUNDED' : 'REJECTED');
    Object.assign(item, {
      condition: input.condition,
      refundAmount: inspected.refund,
      inspectionRule: inspected.rule,
      receivedBy: staffId,
      receivedAt: now,
      staffNote: note,
    });
    recordAudit(tx, staffId, 'return.received', item.id, { condition: input.condition, refund: inspected.refund, rule: inspected.rule, note });
    const money = (amount: number) => ({ amount, currency: item.currency });
    aftersales.recordEvent(tx, {
      definition: returnReceivedV1,
      subject: item.orderId,
      data: {
        returnId: item.id,
        orderId: item.orderId,
        customerId: item.customerId,
        productId: item.productId,
        condition: input.condition,
        accepted: inspected.accepted,
        refund: money(inspected.refund),
        restockingFee: money(item.restockingFee),
        rule: eventRule(policy, inspected.rule),
        shippingRefund: money(inspected.shippingRefund),
        claimId: null,
        receivedBy: staffId,
        receivedAt: now.toISOString(),
      },
    });
    return item;
  });
}
