import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventBus } from '../bus/event-bus.js';
import { crashPoint } from '../process/crash-point.js';
import { PollingLoop } from '../util/polling-loop.js';

export interface OutboxRelayOptions {
  orm: MikroORM;
  bus: EventBus;
  schema: string;
  logger: Logger;
  topicPrefix?: string;
  pollMs?: number;
  batchSize?: number;
  /** After a commit's notification, how long to gather more before publishing (PollingLoop's lingerMs). */
  lingerMs?: number;
  /** Under load, at most one round per this many ms (PollingLoop's paceMs). */
  paceMs?: number;
}

const defaultBatchSize = 200;

interface PendingRow {
  seq: string;
  topic: string;
  key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows in order and stamps them sent. Rows are claimed inside
 * a transaction that stays open until the bus has acknowledged them and that
 * holds the service's relay lock, so two relays never publish at once (nor the
 * same row), and a crash before the stamp commits only means a redelivery
 * (which the consumers' inbox absorbs): at-least-once, never lost, in order.
 * Where the bus's log is in the service's own database, the transport does
 * the round in one statement (`relayOutbox`), with the same lock and order.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;
  /**
   * Fault injection (off unless the fault tier asks): dies between publishing a batch and stamping it sent. Not on
   * the one-statement round, which has no such moment.
   */
  private readonly crashAfterPublish = crashPoint('outbox-relay:after-publish');
  /** Batches attempted since start: lets tests and metrics see an idle relay stay idle. */
  batchesAttempted = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.loop = new PollingLoop({
      // Only a full batch can have more behind it: anything committed later notifies (wake), so an empty round
      // after a short batch would only cost a transaction.
      round: async () => (await this.publishBatch()) === (options.batchSize ?? defaultBatchSize),
      pollMs: options.pollMs ?? 200,
      lingerMs: options.lingerMs ?? 0,
      paceMs: options.paceMs ?? 0,
      maxBackoffMs: 10_000,
      onFailure: (err, failures) => options.logger.warn({ err, failures }, 'outbox relay could not publish; will retry'),
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Called when a commit staged events (outbox-notify.ts), so delivery does not wait for the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** Stops polling, then publishes whatever is still pending (best effort, bounded by the bus). */
  async stop(): Promise<void> {
    await this.loop.stop();
    try {
      while ((await this.publishBatch()) > 0);
    } catch (err) {
      this.options.logger.warn({ err }, 'outbox flush on shutdown failed; rows stay pending for the next start');
    }
  }

  /** Publishes one batch; returns how many rows were sent. */
  async publishBatch(): Promise<number> {
    const { orm, bus, schema, topicPrefix = '', batchSize = defaultBatchSize } = this.options;
    this.batchesAttempted += 1;
    // One relay of a service publishes at a time, however many replicas run: a round that finds the lock taken
    // sends nothing and waits for its next. Batches then leave in outbox order across replicas, so no
    // aggregate's events overtake each other. The lock ends with the transaction: a relay that dies mid-batch
    // hands over at once, and its batch is sent again (the inbox absorbs the copy).
    const lockName = `${schema}.outbox_relay`;
    // A log in this very database takes the batch in one statement: claimed, published and stamped sent in one commit.
    if (bus.relayOutbox) return bus.relayOutbox({ schema, topicPrefix, limit: batchSize, lockName });
    return orm.em.fork().transactional(async (em) => {
      const [turn] = await em.execute<{ mine: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext(?)) as mine`, [lockName]);
      if (!turn?.mine) return 0;
      const rows = await em.execute<PendingRow[]>(
        `select seq, topic, key, envelope, headers from "${schema}".outbox_message
          where sent_at is null order by seq limit ? for update skip locked`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await bus.publish(
        rows.map((row) => ({
          topic: topicPrefix + row.topic,
          key: row.key,
          value: JSON.stringify(row.envelope),
          headers: row.headers,
        })),
      );
      this.crashAfterPublish(() => ({ schema, seqs: rows.map((r) => r.seq) }));
      await em.execute(`update "${schema}".outbox_message set sent_at = now() where seq in (?)`, [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }
}
