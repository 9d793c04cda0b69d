import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface TimerToSchedule {
  kind: string;
  key: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** The timer table in the schema `em` works on (each service keeps its own). */
export function timerTable(em: EntityManager): string {
  return `"${em.config.get('schema') ?? 'public'}".scheduled_timer`;
}

/**
 * Schedules `timer`, or moves it if (kind, key) is already pending: its due
 * time and payload are replaced and its failure count starts over, so a
 * slipped deadline fires once, at the new time. The statement runs at once on
 * `em`'s connection: inside `em.transactional` it commits or rolls back with
 * the caller's change; outside one it commits on its own.
 */
export async function scheduleTimer(em: EntityManager, timer: TimerToSchedule): Promise<void> {
  await scheduleTimers(em, [timer]);
}

/**
 * `scheduleTimer` for many timers in one statement (a consumer's batch arms
 * one per message it queues). A (kind, key) named twice is scheduled as its
 * last mention says, as calling scheduleTimer for each in turn would.
 */
export async function scheduleTimers(em: EntityManager, timers: readonly TimerToSchedule[]): Promise<void> {
  const byKey = new Map<string, TimerToSchedule>();
  for (const timer of timers) {
    checkTimer(timer);
    // An upsert cannot touch one row twice in a statement: the last mention wins, as it would one call at a time.
    const id = JSON.stringify([timer.kind, timer.key]);
    byKey.delete(id);
    byKey.set(id, timer);
  }
  const all = [...byKey.values()];
  // Five parameters a row: 2,000 rows a statement stay far under PostgreSQL's 65,535.
  for (let from = 0; from < all.length; from += 2000) {
    const rows = all.slice(from, from + 2000);
    await em.execute(
      `insert into ${timerTable(em)} (id, kind, key, due_at, payload, attempts, scheduled_at)
       values ${rows.map(() => '(?, ?, ?, ?::timestamptz, ?::jsonb, 0, now())').join(', ')}
       on conflict (kind, key) where fired_at is null and dead_at is null
       do update set due_at = excluded.due_at, payload = excluded.payload, attempts = 0, last_error = null, scheduled_at = excluded.scheduled_at`,
      rows.flatMap((timer) => [randomUUID(), timer.kind, timer.key, timer.dueAt.toISOString(), JSON.stringify(timer.payload ?? {})]),
    );
  }
}

function checkTimer(timer: TimerToSchedule): void {
  if (Number.isNaN(timer.dueAt.getTime())) throw new Error(`timer ${timer.kind}/${timer.key}: invalid due time`);
  if (timer.kind.length === 0 || timer.kind.length > 64) throw new Error(`timer kind must be 1-64 characters: ${timer.kind}`);
  if (timer.key.length === 0 || timer.key.length > 255) throw new Error(`timer key must be 1-255 characters (kind ${timer.kind})`);
}

/**
 * Cancels the pending timer (kind, key), in `em`'s transaction like
 * `scheduleTimer`. A no-op if there is none, or if it has already fired (a
 * firing in progress finishes first: this waits for its row lock, then finds
 * it fired). Dead timers stay for staff to see.
 */
export async function cancelTimer(em: EntityManager, kind: string, key: string): Promise<void> {
  await em.execute(`delete from ${timerTable(em)} where kind = ? and key = ? and fired_at is null and dead_at is null`, [kind, key]);
}
