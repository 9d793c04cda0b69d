import type { OutboxSource } from './event-bus.js';
import { embeddedBusSchema } from './embedded-bus-tables.js';
import { topicChannelSql } from './topic-channel.js';

/**
 * One relay round as one statement, for a log in the outbox's own database:
 * what the relay did in a transaction of six statements (lock, claim, append,
 * stamp, with the envelopes read out and written back through the process).
 *
 * - The relay lock is taken first (`turn`, materialised, so evaluated once
 *   before any row is claimed); without it nothing is claimed, and it is held
 *   until the statement's transaction ends, as the relay's was.
 * - `claimed` is read once (a CTE used twice is materialised), so the rows
 *   appended are exactly the rows stamped.
 * - Rows are appended in outbox order: the log's sequence numbers are taken as
 *   the sorted rows are inserted, and become visible at the commit, after any
 *   earlier batch of the same topic (one producing service, under its lock).
 * - The notifications go out at the commit, one per topic that got messages,
 *   on the channel its subscriptions listen to.
 */
export function relayOutboxStatement(source: OutboxSource): { text: string; values: unknown[] } {
  const outbox = `"${source.schema}".outbox_message`;
  const text = `with turn as materialized (
      select pg_try_advisory_xact_lock(hashtext($1)) as mine
    ), claimed as (
      select o.seq, o.topic, o.key, o.envelope, o.headers from ${outbox} o
       where o.sent_at is null and (select mine from turn)
       order by o.seq limit $2
       for update skip locked
    ), published as (
      insert into "${embeddedBusSchema}".message (topic, key, value, headers)
      select $3 || c.topic, c.key, c.envelope::text, c.headers from claimed c order by c.seq
      returning topic
    ), stamped as (
      update ${outbox} o set sent_at = now() from claimed c where o.seq = c.seq
      returning o.seq
    )
    select (select count(*) from stamped)::int as moved,
           (select count(pg_notify(channel, '')) from (select distinct ${topicChannelSql('p.topic')} as channel from published p) as t)::int as notified`;
  return { text, values: [source.lockName, source.limit, source.topicPrefix] };
}
