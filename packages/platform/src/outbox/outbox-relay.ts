import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventBus } from '../bus/event-bus.js';
import { PollingLoop } from '../util/polling-loop.js';

export interface OutboxRelayOptions {
  orm: MikroORM;
  bus: EventBus;
  schema: string;
  logger: Logger;
  topicPrefix?: string;
  pollMs?: number;
  batchSize?: number;
}

interface PendingRow {
  seq: string;
  topic: string;
  key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows in order and stamps them sent. Rows are claimed with
 * FOR UPDATE SKIP LOCKED inside a transaction that stays open until the bus
 * has acknowledged them, so two relays never publish the same row, and a
 * crash before the stamp commits only means a redelivery (which the
 * consumers' inbox absorbs): at-least-once, never lost.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;
  /** Batches attempted since start: lets tests and metrics see an idle relay stay idle. */
  batchesAttempted = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.loop = new PollingLoop({
      round: async () => (await this.publishBatch()) > 0,
      pollMs: options.pollMs ?? 200,
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
    const { orm, bus, schema, topicPrefix = '', batchSize = 200 } = this.options;
    this.batchesAttempted += 1;
    return orm.em.fork().transactional(async (em) => {
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
      await em.execute(`update "${schema}".outbox_message set sent_at = now() where seq in (?)`, [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }
}
