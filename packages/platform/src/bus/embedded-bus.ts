import pg from 'pg';
import type { Logger } from 'pino';
import { paceFrom, Wakeable } from '../util/wakeable.js';
import {
  maxBatchSize,
  type EventBus,
  type IncomingMessage,
  type OutboxSource,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from './event-bus.js';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { embeddedBusChannel, embeddedBusMigrations, embeddedBusSchema } from './embedded-bus-tables.js';
import { relayOutboxStatement } from './embedded-outbox-relay.js';
import { topicChannel } from './topic-channel.js';
import { prepareRecurringStatements } from '../db/prepared-statements.js';
import { createNotificationListener, type NotificationListener } from '../db/notification-listener.js';

export { topicChannel } from './topic-channel.js';

export interface EmbeddedBusOptions {
  url: string;
  logger: Logger;
  /**
   * How long an idle subscription waits before looking without being notified (default 2 s): every publish
   * notifies its topics' subscriptions, so this only bounds the delay of a notification lost with its connection.
   */
  pollMs?: number;
  /** Once notified, how long a subscription gathers more messages before reading (default 0: at once). */
  lingerMs?: number;
  /** Once notified, a subscription polls no sooner than this after its previous poll began (`paceFrom`; default 0). */
  paceMs?: number;
  /** The log is in the service's own database (no EMBEDDED_BUS_URL of its own): offers `relayOutbox`. */
  inServiceDatabase?: boolean;
  /**
   * The process's listening connection on `url`, which the subscriptions share (their polls run on connections of
   * their own). Without it the bus opens one for its subscriptions, closed with the bus.
   */
  listener?: NotificationListener;
}

/**
 * The zero-setup transport: a durable log in PostgreSQL (schema `bus`),
 * shared by every service process of the local stack. One instance per
 * consumer group consumes at a time (advisory lock), in log order, and
 * commits its position after each batch (with its next poll, and before
 * retrying a failed message), as a Kafka consumer with manual commits would.
 */
export async function createEmbeddedBus(options: EmbeddedBusOptions): Promise<EventBus> {
  await applyPlatformMigrations(options.url, embeddedBusSchema, embeddedBusMigrations);
  const pool = new pg.Pool({ connectionString: options.url, max: 4, options: customPlans });
  prepareRecurringStatements(pool);
  const subscriptions = new Set<Subscription>();
  const ownListener = options.listener
    ? undefined
    : createNotificationListener({ url: options.url, applicationName: 'vitrine-bus:listen', logger: options.logger });
  const listener = options.listener ?? ownListener!;

  return {
    transport: 'embedded',
    async ensureTopics() {
      // Topics are just a column here.
    },
    async publish(messages: OutgoingMessage[]) {
      if (messages.length === 0) return;
      // One statement, so one transaction: the notifications go out when the messages commit.
      await pool.query(
        `with published as (
           insert into bus.message (topic, key, value, headers)
           select * from unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
         )
         select pg_notify(channel, '') from unnest($5::text[]) as channel`,
        [
          messages.map((m) => m.topic),
          messages.map((m) => m.key),
          messages.map((m) => m.value),
          messages.map((m) => JSON.stringify(m.headers)),
          notifiedChannels(messages),
        ],
      );
    },
    ...(options.inServiceDatabase
      ? {
          async relayOutbox(source: OutboxSource) {
            const { text, values } = relayOutboxStatement(source);
            const { rows } = await pool.query<{ moved: number }>(text, values);
            return rows[0]?.moved ?? 0;
          },
        }
      : {}),
    async subscribe(subscribe: SubscribeOptions) {
      const subscription = await startEmbeddedSubscription(options, listener, subscribe);
      subscriptions.add(subscription);
      return {
        stop: async () => {
          subscriptions.delete(subscription);
          await subscription.stop();
        },
      };
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      subscriptions.clear();
      await ownListener?.close();
      await pool.end();
    },
  };
}

/** The channels to notify for a publish: one per topic that got messages, once each. */
export function notifiedChannels(messages: readonly OutgoingMessage[]): string[] {
  return [...new Set(messages.map((m) => m.topic))].map(topicChannel);
}

/** Whether a notification on the shared channel (a publisher from before topic channels) concerns a subscription to `topics`. */
export function concerns(payload: string | undefined, topics: ReadonlySet<string>): boolean {
  return !payload || payload.split(',').some((topic) => topics.has(topic));
}

/**
 * The log's statements are prepared (parsed once per connection) but planned for each call's values, as they were
 * before they were prepared: how far a poll or a relay round reads depends on them. In the first full bench run
 * with prepared statements and generic plans allowed (2026-12-06T20-54-17Z) the poll cost 1.3 ms per order, 0.7 in
 * the run before; with custom plans, 0.93 (2026-12-06T21-04-43Z). Full runs vary, so that is a reading, not a proof.
 */
const customPlans = '-c plan_cache_mode=force_custom_plan';

/** Messages read per poll. */
const pollLimit = 100;

interface LogRow {
  seq: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

async function startEmbeddedSubscription(options: EmbeddedBusOptions, listener: NotificationListener, sub: SubscribeOptions): Promise<Subscription> {
  // Named, so pg_stat_activity shows which group a connection consumes for (and what it last ran).
  const client = new pg.Client({ connectionString: options.url, application_name: `vitrine-bus:${sub.groupId}`.slice(0, 63), options: customPlans });
  await client.connect();
  client.on('error', (err) => options.logger.error({ err }, 'embedded bus connection lost'));
  const wake = new Wakeable();
  const topics = new Set(sub.topics);
  // Heard on the process's listening connection, before the first poll, so nothing published after it goes unheard.
  // Listening again after a loss, it looks at once: what was published meanwhile was not announced to it.
  const woken = {
    notice: () => wake.wake(),
    gap: (live: boolean) => {
      if (live) wake.wake();
    },
  };
  const stopListening = [
    ...(await Promise.all([...new Set(sub.topics.map(topicChannel))].map((channel) => listener.listen(channel, woken)))),
    // What a publisher from before topic channels announces (a rolling upgrade); nothing notifies it otherwise.
    await listener.listen(embeddedBusChannel, {
      ...woken,
      notice: (payload) => {
        if (concerns(payload, topics)) wake.wake();
      },
    }),
  ];
  let running = true;

  const loop = (async () => {
    // Only one instance of a group consumes at a time; the others wait as standbys.
    while (running) {
      const { rows } = await client.query(`select pg_try_advisory_lock(hashtext($1)) as locked`, [sub.groupId]);
      if (rows[0].locked) break;
      await wake.sleep(1000);
    }
    if (sub.fromBeginning === false) {
      // Like a new Kafka group reading from "latest": start after what is already there.
      await client.query(
        `insert into bus.consumer_offset (group_id, topic, position)
         select $1, t, (select coalesce(max(seq), 0) from bus.message) from unnest($2::text[]) t
         on conflict do nothing`,
        [sub.groupId, sub.topics],
      );
    }
    let backoff = 200;
    // Positions handled and not yet committed: committed by the next poll's statement (one round trip and one
    // transaction fewer per batch), by the retry path, and when the subscription stops. A crash loses at most
    // them, so it replays at most the last batch, which the consumers' inbox absorbs, as before.
    let uncommitted = new Map<string, string>();
    while (running) {
      const lastPollAt = Date.now();
      // Per topic, from its committed position along the (topic, seq) index: the cost of a batch, whatever the
      // size of the log. (A filter on each row's own position made every poll read the whole log: 0.5 s at 200,000
      // rows.) The row comparison is what makes the planner walk that index: with `seq > position` alone it chose the
      // primary key and read every later message of every topic (35-95 ms per poll at 10,000 rows, now 1-2 ms).
      // The uncommitted positions are written by the same statement; its query part still sees the positions from
      // before that write (one snapshot per statement), hence the greatest of the two.
      let complete = true;
      const { rows } = await client.query<LogRow>({
        // Prepared: the same text every poll, parsed and planned once per subscription.
        name: 'vitrine_bus_poll',
        text: `with handled as (
           select * from unnest($3::text[], $4::bigint[]) as h(topic, position)
         ), committed as (
           insert into bus.consumer_offset (group_id, topic, position)
           select $2, topic, position from handled
           on conflict (group_id, topic) do update set position = excluded.position
         )
         select m.seq, m.topic, m.key, m.value, m.headers
           from unnest($1::text[]) as t(topic)
           left join bus.consumer_offset o on o.group_id = $2 and o.topic = t.topic
           left join handled h on h.topic = t.topic
           cross join lateral (
             select * from bus.message m
              where m.topic = t.topic and (m.topic, m.seq) > (t.topic, greatest(coalesce(o.position, 0), coalesce(h.position, 0)))
              order by m.topic, m.seq limit ${pollLimit}
           ) m
          order by m.seq limit ${pollLimit}`,
        values: [sub.topics, sub.groupId, [...uncommitted.keys()], [...uncommitted.values()]],
      });
      const handled = new Map<string, string>();
      uncommitted = handled;
      const messages = rows.map((row): IncomingMessage => ({
        topic: row.topic,
        partition: 0,
        offset: row.seq,
        key: row.key,
        value: row.value,
        headers: row.headers,
      }));
      for (let i = 0; i < messages.length && running; i++) {
        // A run of messages in one call where the subscriber can (one transaction for them); what it could not
        // handle goes on alone below, with the retry and backoff a single message gets.
        if (sub.handleBatch && messages.length - i > 1) {
          const run = messages.slice(i, i + maxBatchSize);
          const done = await sub.handleBatch(run).catch((err: unknown) => {
            options.logger.warn({ err, groupId: sub.groupId, size: run.length }, 'batch handler failed; handling its messages one at a time');
            return 0;
          });
          for (const message of run.slice(0, done)) handled.set(message.topic, message.offset);
          if (done > 0) backoff = 200;
          if (done === run.length) {
            i += done - 1; // the loop's step moves on to the next run
            continue;
          }
          i += done;
        }
        const message = messages[i]!;
        try {
          await sub.handle(message);
          handled.set(message.topic, message.offset);
          backoff = 200;
        } catch (err) {
          options.logger.warn({ err, topic: message.topic, seq: message.offset }, 'handler failed; retrying the same message');
          await commit(client, sub.groupId, handled);
          handled.clear();
          // Interrupted by stop(), like the poll wait: a stop never waits out a backoff.
          await wake.sleep(backoff);
          backoff = Math.min(backoff * 2, 5000);
          complete = false;
          break;
        }
      }
      // A short page was everything there was: what is published later notifies (a notification that came
      // meanwhile makes this sleep return at once), so looking again now would only find nothing.
      // Under load many publishes notify within milliseconds: the linger makes one read, and one transaction, of them.
      if (running && complete && rows.length < pollLimit) {
        await wake.sleepThenLinger(options.pollMs ?? 2000, options.lingerMs ?? 0, paceFrom(lastPollAt, options.paceMs ?? 0));
      }
    }
    await commit(client, sub.groupId, uncommitted);
  })().catch((err) => options.logger.error({ err, groupId: sub.groupId }, 'embedded subscription stopped'));

  return {
    async stop() {
      running = false;
      wake.wake();
      for (const stop of stopListening) await stop();
      await loop;
      await client.end().catch(() => undefined);
    },
  };
}

async function commit(client: pg.Client, groupId: string, positions: ReadonlyMap<string, string>): Promise<void> {
  if (positions.size === 0) return;
  await client.query(
    `insert into bus.consumer_offset (group_id, topic, position)
     select $1, t, p from unnest($2::text[], $3::bigint[]) as x(t, p)
     on conflict (group_id, topic) do update set position = excluded.position`,
    [groupId, [...positions.keys()], [...positions.values()]],
  );
}
