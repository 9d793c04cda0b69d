import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@vitrine/contracts';
import type { Notice, NoticeFacts } from '../domain/notice.js';
import { productNotices } from '../domain/notices-from-events.js';
import { queueNotices } from './queue-notices.js';
import { openOrdersOf, rememberStatus } from './remember-orders.js';
import { statusChangeNotice } from '../domain/notices-from-events.js';

/** Queues what an event tells its customer (nothing, for an event that concerns no one). */
export async function notify(em: EntityManager, event: EventEnvelope<unknown>, notice: Notice | null): Promise<void> {
  if (notice) await queueNotices(em, event, [notice]);
}

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

/** Follows the order's status and tells its customer the ones they hear about (shipped, unless a shipment's dispatch told it; delivered). */
export async function notifyStatusChange(em: EntityManager, event: EventEnvelope<{ orderId: string; to: string }>): Promise<void> {
  const order = await rememberStatus(em, event.data.orderId, event.data.to);
  await notify(em, event, statusChangeNotice(event, order));
}
