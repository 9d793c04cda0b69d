import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@vitrine/contracts';
import { scheduleTimers, storeNow } from '@vitrine/platform';
import { tableOf } from './table-name.js';
import type { Notice } from '../domain/notice.js';

/** The timer that sends a message (its key is the message id). */
export const sendMessageTimer = 'message.send';

/** A notice and the event that gave it. */
export interface ToldNotice {
  event: EventEnvelope<unknown>;
  notice: Notice;
}

/**
 * Records a message per notice and arms its send timer, in the caller's
 * transaction (the inbox's, for an event). A notice whose send key exists
 * already (the same event for the same customer) adds nothing.
 */
export async function queueNotices(em: EntityManager, event: EventEnvelope<unknown>, notices: readonly Notice[]): Promise<number> {
  return queueToldNotices(
    em,
    notices.map((notice) => ({ event, notice })),
  );
}

/** `queueNotices` for a batch of events' notices: one insert and one timer statement for all. */
export async function queueToldNotices(em: EntityManager, told: readonly ToldNotice[]): Promise<number> {
  const now = storeNow();
  let queued = 0;
  // Ten parameters a row: a thousand rows stay far under PostgreSQL's 65,535.
  for (let from = 0; from < told.length; from += 1000) {
    const chunk = told.slice(from, from + 1000);
    const inserted = await em.execute<{ id: string }[]>(
      `insert into ${tableOf(em, 'message')} (id, send_key, customer_id, order_id, kind, event_id, event_type, facts, status, attempts, created_at, next_attempt_at)
       values ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?)").join(', ')}
       on conflict (send_key) do nothing returning id`,
      chunk.flatMap(({ event, notice }) => [
        randomUUID(),
        notice.sendKey,
        notice.customerId,
        notice.orderId,
        notice.kind,
        event.id,
        event.type,
        JSON.stringify(notice.facts),
        now,
        now,
      ]),
    );
    await scheduleTimers(
      em,
      inserted.map(({ id }) => ({ kind: sendMessageTimer, key: id, dueAt: now })),
    );
    queued += inserted.length;
  }
  return queued;
}
