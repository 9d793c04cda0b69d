import { setTimeout as sleep } from 'node:timers/promises';
import { Consumer, MessagesStreamFallbackModes, MessagesStreamModes, stringDeserializers, type Message, type MessagesStream } from '@platformatic/kafka';
import { maxBatchSize, type IncomingMessage, type MessageHandler, type SubscribeOptions, type Subscription } from '../event-bus.js';
import type { KafkaBusLogger } from './logger.js';

type StringConsumer = Consumer<string, string, string, string>;
type StringStream = MessagesStream<string, string, string, string>;
type StringMessage = Message<string, string, string, string>;

export interface KafkaSubscriptionConfig {
  brokers: string[];
  clientId: string;
  logger: KafkaBusLogger;
}

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;

/**
 * One consumer group member that hands messages to `handle` one at a time and commits each offset
 * only after the handler resolved. The library's stream can rewind to the last committed offset
 * after a rebalance, so messages this member already handled are recognised and skipped. With a
 * `handleBatch`, the messages already buffered behind the first go with it in one call, their
 * offsets committed once it resolved (what it could not handle goes one at a time, as above).
 */
export class KafkaSubscription implements Subscription {
  readonly #config: KafkaSubscriptionConfig;
  readonly #options: SubscribeOptions;
  readonly #handle: MessageHandler;
  readonly #stopSignal = new AbortController();
  /** Per `topic:partition`, the offset after the last message handled here. */
  readonly #handledUpTo = new Map<string, bigint>();
  #consumer: StringConsumer;
  #stream: StringStream | undefined;
  #inFlight: Promise<void> | undefined;
  #loop: Promise<void> | undefined;
  #stopped: Promise<void> | undefined;

  private constructor(config: KafkaSubscriptionConfig, options: SubscribeOptions) {
    this.#config = config;
    this.#options = options;
    this.#handle = options.handle;
    this.#consumer = this.#createConsumer();
  }

  /** Resolves once the member joined its group and got its partitions, so errors in the options surface here. */
  static async start(config: KafkaSubscriptionConfig, options: SubscribeOptions): Promise<KafkaSubscription> {
    const subscription = new KafkaSubscription(config, options);
    try {
      const stream = await subscription.#open();
      subscription.#loop = subscription.#run(stream);
    } catch (error) {
      await subscription.#consumer.close(true).catch(() => {});
      throw error;
    }
    return subscription;
  }

  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stopSignal.abort();
      // The handler in flight finishes and commits before the stream goes away; the messages
      // buffered behind it are dropped and will be fetched again by the group's next member.
      await this.#inFlight;
      await this.#stream?.close().catch(() => {});
      await this.#loop;
      await this.#consumer
        .close(true)
        .catch((err: unknown) => this.#config.logger.warn({ err, groupId: this.#options.groupId }, 'kafka consumer close failed'));
    })();
    return this.#stopped;
  }

  get #stopping(): boolean {
    return this.#stopSignal.signal.aborted;
  }

  #createConsumer(): StringConsumer {
    const consumer = new Consumer({
      clientId: this.#config.clientId,
      bootstrapBrokers: this.#config.brokers,
      groupId: this.#options.groupId,
      deserializers: stringDeserializers,
      autocommit: false,
      sessionTimeout: 10_000,
      // Frequent heartbeats make the group notice joins and leaves (deploys, restarts) within a second.
      heartbeatInterval: 1_000,
      // Short fetch waits keep stop() quick; a small buffer limits what a rebalance re-fetches.
      maxWaitTime: 1_000,
      highWaterMark: 100,
    });
    // The library emits 'error' when a rejoin after a rebalance fails; unhandled, that would
    // crash the process. The stream fails too in that case, and #run then starts over.
    consumer.on('error', (err: unknown) => this.#config.logger.warn({ err, groupId: this.#options.groupId }, 'kafka consumer error'));
    return consumer;
  }

  async #open(): Promise<StringStream> {
    this.#stream = await this.#consumer.consume({
      topics: this.#options.topics,
      autocommit: false,
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode: this.#options.fromBeginning === false ? MessagesStreamFallbackModes.LATEST : MessagesStreamFallbackModes.EARLIEST,
    });
    return this.#stream;
  }

  async #run(firstStream: StringStream): Promise<void> {
    let stream: StringStream | undefined = firstStream;
    let failures = 0;
    while (!this.#stopping) {
      try {
        stream ??= await this.#open();
        if (this.#stopping) break;
        for await (const message of stream) {
          if (this.#stopping) break;
          this.#inFlight = this.#processAll([message, ...this.#buffered(stream)]);
          await this.#inFlight;
          this.#inFlight = undefined;
          failures = 0;
        }
        if (!this.#stopping) throw new Error('kafka message stream ended unexpectedly');
      } catch (err) {
        if (this.#stopping) break;
        // The stream is destroyed by errors that need a fresh group membership (a commit rejected
        // after a rebalance, a lost coordinator): start again with a new consumer.
        const delay = backoff(failures++);
        this.#config.logger.warn({ err, groupId: this.#options.groupId, retryInMs: delay }, 'kafka consumer failed; reconnecting');
        await this.#consumer.close(true).catch(() => {});
        this.#consumer = this.#createConsumer();
        await this.#pause(delay);
      }
      stream = undefined;
    }
  }

  /** The messages the stream already holds (none without a batch handler): read now, they skip the iterator. */
  #buffered(stream: StringStream): StringMessage[] {
    const more: StringMessage[] = [];
    if (!this.#options.handleBatch) return more;
    while (more.length < maxBatchSize - 1) {
      const next = stream.read() as StringMessage | null;
      if (next === null) break;
      more.push(next);
    }
    return more;
  }

  /** A batch first, when there is one; then what it left, one at a time (stopping stops there: nothing after is committed). */
  async #processAll(messages: StringMessage[]): Promise<void> {
    const fresh = messages.filter((m) => m.offset >= (this.#handledUpTo.get(`${m.topic}:${m.partition}`) ?? -1n));
    let handled = 0;
    if (this.#options.handleBatch && fresh.length > 1) {
      try {
        handled = await this.#options.handleBatch(fresh.map(toIncoming));
      } catch (err) {
        this.#config.logger.warn({ err, groupId: this.#options.groupId, size: fresh.length }, 'batch handler failed; handling its messages one at a time');
      }
      const lastPerPartition = new Map<string, StringMessage>();
      for (const message of fresh.slice(0, handled)) {
        const partitionKey = `${message.topic}:${message.partition}`;
        this.#handledUpTo.set(partitionKey, message.offset + 1n);
        lastPerPartition.set(partitionKey, message);
      }
      for (const message of lastPerPartition.values()) await this.#commit(message);
    }
    for (const message of fresh.slice(handled)) {
      if (this.#stopping) return;
      await this.#process(message);
    }
  }

  async #process(message: StringMessage): Promise<void> {
    const partitionKey = `${message.topic}:${message.partition}`;
    if (message.offset < (this.#handledUpTo.get(partitionKey) ?? -1n)) return;

    const incoming = toIncoming(message);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#handle(incoming);
        break;
      } catch (err) {
        const delay = backoff(attempt);
        this.#config.logger.error(
          { err, groupId: this.#options.groupId, topic: message.topic, partition: message.partition, offset: incoming.offset, attempt, retryInMs: delay },
          'message handler failed; retrying the same message',
        );
        await this.#pause(delay);
        // Not committed: the group's next member starts again from this message.
        if (this.#stopping) return;
      }
    }
    this.#handledUpTo.set(partitionKey, message.offset + 1n);
    await this.#commit(message);
  }

  async #commit(message: StringMessage): Promise<void> {
    try {
      await message.commit();
    } catch (err) {
      // The next commit on this partition covers this offset too; until then a restart redelivers it,
      // which the handlers tolerate (they are idempotent).
      this.#config.logger.warn(
        { err, groupId: this.#options.groupId, partitionKey: `${message.topic}:${message.partition}`, offset: message.offset.toString() },
        'kafka offset commit failed',
      );
    }
  }

  /** Waits, unless stop() is called meanwhile. */
  async #pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.#stopSignal.signal }).catch(() => {});
  }
}

function backoff(attempt: number): number {
  return Math.min(RETRY_MIN_MS * 2 ** attempt, RETRY_MAX_MS);
}

function toIncoming(message: StringMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of message.headerEntries) headers[name] = value ?? '';
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset.toString(),
    key: message.key ?? null,
    value: message.value ?? '',
    headers,
  };
}
