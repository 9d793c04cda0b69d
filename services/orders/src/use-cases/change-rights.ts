import type { EntityManager } from '@mikro-orm/postgresql';
import { cancellationOfferedV1, type EventData, type EventEnvelope, type releaseDateChangedV1, type specChangedV1 } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { cancellationRightOnReleaseDateChange, cancellationRightOnSpecChange, decidingRule, type ChangeKind } from '@vitrine/policy';
import { orders } from '../identity.js';
import { quoteFor } from './cancellation.js';
import { openPreordersOf } from './preorders-of-product.js';
import { policyVersion } from './store-policies.js';

type ChangeEvent = EventEnvelope<EventData<typeof specChangedV1>> | EventEnvelope<EventData<typeof releaseDateChangedV1>>;

/**
 * A product's spec (or release date) changed: each open preorder of it gets
 * the cancellation right its own policy version grants (004: a spec change may
 * be a reason to cancel; 003: a release-date change never is), time-boxed from
 * now, and CancellationOffered with the refund it would get.
 */
export async function offerCancellation(em: EntityManager, event: ChangeEvent, change: ChangeKind): Promise<void> {
  const now = storeNow();
  for (const order of await openPreordersOf(em, event.data.productId)) {
    if (order.shippedAt || order.status === 'PENDING') continue;
    const policy = await policyVersion(em, order.policyVersion);
    const right = change === 'SPEC_CHANGE' ? cancellationRightOnSpecChange(policy, now) : cancellationRightOnReleaseDateChange(policy, now);
    if (!right.opens || !right.closesAt) continue;
    order.cancellationRight = { reason: change, productId: event.data.productId, closesAt: right.closesAt.toISOString() };
    const { decision } = await quoteFor(em, order);
    orders.recordEvent(em, {
      definition: cancellationOfferedV1,
      subject: order.id,
      data: {
        orderId: order.id,
        customerId: order.customerId,
        productId: event.data.productId,
        reason: change,
        closesAt: right.closesAt.toISOString(),
        refund: decision.refund,
        rule: decidingRule(policy, right.rule),
      },
    });
  }
}
