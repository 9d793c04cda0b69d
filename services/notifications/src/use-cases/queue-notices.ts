import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@vitrine/contracts';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import { tableOf } from './table-name.js';
import type { Notice } from '../domain/notice.js';

/** The timer that sends a message (its key is the message id). */
export const sendMessageTimer = 'message.send';

/**
 * Records a message per notice and arms its send timer, in the caller's
 * transaction (the inbox's, for an event). A notice whose send key exists
 * already (the same event for the same customer) adds nothing.
 */
export async function queueNotices(em: EntityManager, event: EventEnvelope<unknown>, notices: readonly Notice[]): Promise<number> {
  const now = storeNow();
  let queued = 0;
  for (const notice of notices) {
    const id = randomUUID();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into ${tableOf(em, 'message')} (id, send_key, customer_id, order_id, kind, event_id, event_type, facts, status, attempts, created_at, next_attempt_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?)
       on conflict (send_key) do nothing returning id`,
      [id, notice.sendKey, notice.customerId, notice.orderId, notice.kind, event.id, event.type, JSON.stringify(notice.facts), now, now],
    );
    if (inserted.length === 0) continue;
    await scheduleTimer(em, { kind: sendMessageTimer, key: id, dueAt: now });
    queued += 1;
  }
  return queued;
}
