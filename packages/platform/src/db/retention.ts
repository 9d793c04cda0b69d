import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

export interface RetentionPolicy {
  /** Sent outbox rows are kept this long for inspection and replay, then deleted. */
  outboxHours: number;
  /**
   * Processed event ids are kept this long. It must exceed the longest
   * redelivery window (consumer lag, replays from Kafka retention), or a very
   * late duplicate would be applied twice. Fired timers are kept as long
   * (dead ones until staff deal with them).
   */
  inboxDays: number;
}

/** Deletes what the outbox, inbox and timers no longer need; returns how many rows went. */
export async function purgeExpired(orm: MikroORM, schema: string, policy: RetentionPolicy): Promise<{ outbox: number; inbox: number; timers: number }> {
  const em = orm.em.fork();
  const outbox = await em.execute<{ n: string }[]>(
    `with gone as (delete from "${schema}".outbox_message where sent_at < now() - make_interval(hours => ?) returning 1)
     select count(*) as n from gone`,
    [policy.outboxHours],
  );
  const inbox = await em.execute<{ n: string }[]>(
    `with gone as (delete from "${schema}".inbox_processed_event where processed_at < now() - make_interval(days => ?) returning 1)
     select count(*) as n from gone`,
    [policy.inboxDays],
  );
  const timers = await em.execute<{ n: string }[]>(
    `with gone as (delete from "${schema}".scheduled_timer where fired_at < now() - make_interval(days => ?) returning 1)
     select count(*) as n from gone`,
    [policy.inboxDays],
  );
  return { outbox: Number(outbox[0]?.n ?? 0), inbox: Number(inbox[0]?.n ?? 0), timers: Number(timers[0]?.n ?? 0) };
}

/** One round of housekeeping: the platform's purge, then the service's own (if it has any). */
export async function runHousekeeping(
  orm: MikroORM,
  schema: string,
  policy: RetentionPolicy,
  own?: (em: EntityManager) => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const purged = await purgeExpired(orm, schema, policy);
  return own ? { ...purged, ...(await own(orm.em.fork())) } : purged;
}
