import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '@vitrine/platform';
import { isDeliveryLogPosition } from '../domain/log-cursors.js';
import { WebhookAttempt } from '../store/webhook-attempt.entity.js';
import { WebhookDelivery } from '../store/webhook-delivery.entity.js';
import { findPartner } from './partners.js';
import { tableOf } from './table-name.js';

export interface DeliveryLogPage {
  items: { delivery: WebhookDelivery; attempts: WebhookAttempt[]; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of a partner's delivery log, newest first in the order deliveries are made (`seq`, keyset on its
 * index), each with its tries. A bad cursor is refused before the partner is looked up.
 */
export async function partnerDeliveryPage(em: EntityManager, partnerId: string, size: number, after: string | null): Promise<DeliveryLogPage> {
  const position = after ? decodeCursor(after, isDeliveryLogPosition) : null;
  await findPartner(em, partnerId);
  const rows = await em.execute<{ id: string; seq: string }[]>(
    `select id, seq::text as seq from ${tableOf(em, 'webhook_delivery')}
      where partner_id = ? ${position ? 'and seq < ?::bigint' : ''}
      order by seq desc limit ?`,
    [partnerId, ...(position ? [position.seq] : []), size + 1],
  );
  const page = rows.slice(0, size);
  const ids = page.map((r) => r.id);
  const deliveries = ids.length ? await em.find(WebhookDelivery, { id: { $in: ids } }) : [];
  const attempts = ids.length ? await em.find(WebhookAttempt, { deliveryId: { $in: ids } }, { orderBy: { attemptedAt: 'asc' } }) : [];
  const items = page.map(({ id, seq }) => ({
    delivery: deliveries.find((d) => d.id === id)!,
    attempts: attempts.filter((a) => a.deliveryId === id),
    cursor: encodeCursor({ seq }),
  }));
  return { items, hasNextPage: rows.length > size, endCursor: items.at(-1)?.cursor ?? null };
}
