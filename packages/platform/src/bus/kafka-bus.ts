import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Producer, stringSerializers } from '@platformatic/kafka';
import type { EventBus, OutgoingMessage, SubscribeOptions, Subscription } from './event-bus.js';
import type { KafkaBusLogger } from './kafka/logger.js';
import { KafkaSubscription } from './kafka/subscription.js';

export type { KafkaBusLogger } from './kafka/logger.js';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Required: a handler retrying forever must never be silent. */
  logger: KafkaBusLogger;
  /** For topics that ensureTopics creates (default 3). */
  partitions?: number;
  /** For topics that ensureTopics creates (default 1: the local and test brokers are single nodes). */
  replicationFactor?: number;
}

export async function createKafkaBus(options: KafkaBusOptions): Promise<EventBus> {
  return new KafkaBus(options);
}

const TOPIC_READY_TIMEOUT_MS = 10_000;
const PING_TIMEOUT_MS = 3_000;

export class KafkaBus implements EventBus {
  readonly transport = 'kafka' as const;
  readonly #options: KafkaBusOptions;
  readonly #logger: KafkaBusLogger;
  readonly #producer: Producer<string, string, string, string>;
  readonly #admin: Admin;
  readonly #subscriptions = new Set<KafkaSubscription>();
  #closed: Promise<void> | undefined;

  constructor(options: KafkaBusOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#producer = new Producer({
      clientId: options.clientId,
      bootstrapBrokers: options.brokers,
      serializers: stringSerializers,
      // Idempotence makes the library send with acks=-1 and one request in flight per broker,
      // so retries neither duplicate nor reorder a key's events.
      idempotent: true,
      // The library retries idempotent sends forever unless told otherwise; a bounded number lets
      // publish() fail, and the caller (the outbox relay) retry later, when the cluster is gone.
      retries: 10,
      retryDelay: 500,
    });
    this.#admin = new Admin({ clientId: options.clientId, bootstrapBrokers: options.brokers });
  }

  async ensureTopics(topics: string[]): Promise<void> {
    const wanted = [...new Set(topics)];
    if (wanted.length === 0) return;
    const existing = new Set(await this.#admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      try {
        await this.#admin.createTopics({
          topics: missing,
          partitions: this.#options.partitions ?? 3,
          replicas: this.#options.replicationFactor ?? 1,
        });
        this.#logger.info({ topics: missing }, 'kafka topics created');
      } catch (error) {
        // Another service may have created them since listTopics.
        if (!isOnly(error, 'TOPIC_ALREADY_EXISTS')) throw error;
      }
    }
    await this.#waitForLeaders(wanted);
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.#producer.send({
      messages: messages.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.#closed) throw new Error('The Kafka bus is closed');
    const subscription = await KafkaSubscription.start({ brokers: this.#options.brokers, clientId: this.#options.clientId, logger: this.#logger }, options);
    this.#subscriptions.add(subscription);
    return {
      stop: async () => {
        this.#subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async ping(): Promise<void> {
    // No topics and no retries: one round trip to any broker. The library's own request timeout is
    // 30 s, too long for a readiness probe when a broker accepts connections but does not answer.
    const timeout = AbortSignal.timeout(PING_TIMEOUT_MS);
    await Promise.race([
      this.#admin.metadata({ topics: [], forceUpdate: true, retries: 0 }),
      new Promise<never>((_, reject) =>
        timeout.addEventListener('abort', () => reject(new Error(`Kafka did not answer within ${PING_TIMEOUT_MS} ms`)), { once: true }),
      ),
    ]);
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      await Promise.allSettled([...this.#subscriptions].map((subscription) => subscription.stop()));
      this.#subscriptions.clear();
      const results = await Promise.allSettled([this.#producer.close(), this.#admin.close()]);
      for (const result of results) {
        if (result.status === 'rejected') this.#logger.warn({ err: result.reason }, 'kafka client close failed');
      }
    })();
    return this.#closed;
  }

  /**
   * A topic is usable once each partition has a leader; right after creation the brokers may not
   * know it yet, and a consumer subscribing then fails with "unknown topic".
   */
  async #waitForLeaders(topics: string[]): Promise<void> {
    const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
    for (;;) {
      const metadata = await this.#admin.metadata({ topics, forceUpdate: true }).catch(() => undefined);
      const ready =
        metadata &&
        topics.every((topic) => {
          const partitions = metadata.topics.get(topic)?.partitions;
          return partitions && partitions.length > 0 && partitions.every((partition) => partition && partition.leader >= 0);
        });
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`Kafka topics have no leader after ${TOPIC_READY_TIMEOUT_MS} ms: ${topics.join(', ')}`);
      await sleep(100);
    }
  }
}

/** True when every protocol error nested in the library's aggregate errors has this id. */
export function isOnly(error: unknown, apiId: string): boolean {
  const leaves: unknown[] = [];
  const collect = (e: unknown) => {
    const nested = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(nested) && nested.length > 0) nested.forEach(collect);
    else leaves.push(e);
  };
  collect(error);
  return leaves.length > 0 && leaves.every((leaf) => (leaf as { apiId?: string }).apiId === apiId);
}
