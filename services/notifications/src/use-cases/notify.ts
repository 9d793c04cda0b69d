import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@vitrine/contracts';
import type { NoticeFacts } from '../domain/notice.js';
import { productNotices } from '../domain/notices-from-events.js';
import { queueNotices } from './queue-notices.js';
import { openOrdersOf } from './remember-orders.js';

/** Tells everyone whose order of the product is still to ship. */
export async function notifyProductChange(
  em: EntityManager,
  event: EventEnvelope<{ productId: string }>,
  kind: 'RELEASE_DATE_CHANGED' | 'SPEC_CHANGED' | 'PRODUCT_ARRIVED',
  facts: NoticeFacts,
): Promise<void> {
  const open = await openOrdersOf(em, event.data.productId);
  await queueNotices(em, event, productNotices(event, kind, facts, open));
}
