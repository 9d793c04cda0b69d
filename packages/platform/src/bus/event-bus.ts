/**
 * The one seam between services and the message transport. Two transports
 * implement it: Kafka (production, tests) and an embedded one backed by
 * PostgreSQL (zero-setup `npm start`). Services never see which one runs.
 */
export interface OutgoingMessage {
  topic: string;
  /** Partitioning key: the aggregate id, so one aggregate's events stay ordered. */
  key: string;
  /** The serialised event envelope (JSON). */
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

export type MessageHandler = (message: IncomingMessage) => Promise<void>;

/**
 * Applies a run of messages at once (in delivery order, so in offset order per
 * partition) and resolves with how many of them, from the first, it handled:
 * all, or fewer when the one after could not be (the bus commits those and
 * hands that one to `handle`, with its retries, before going on).
 */
export type BatchHandler = (messages: readonly IncomingMessage[]) => Promise<number>;

/** The most messages a bus hands to one `handleBatch` call. */
export const maxBatchSize = 32;

export interface SubscribeOptions {
  /** Consumer group: one per service, so each service sees every event once. */
  groupId: string;
  topics: string[];
  /**
   * Awaited for each message, in order per partition. The message's offset is
   * committed only after the handler resolves; when it throws, the same
   * message is retried after a backoff (the handler is idempotent through the
   * inbox, so redelivery has no second effect).
   */
  handle: MessageHandler;
  /**
   * Optional: several messages already fetched handed over in one call (a
   * consumer applies them in one database transaction: one commit instead of
   * one per event). Offsets are committed after it, for what it handled.
   */
  handleBatch?: BatchHandler;
  /** Start from the earliest offset when the group has none committed (default true). */
  fromBeginning?: boolean;
}

export interface Subscription {
  /** Stops fetching, waits for the in-flight handler, commits, leaves the group. */
  stop(): Promise<void>;
}

/** A service's outbox, as the relay hands it to a transport that can read it itself (`relayOutbox`). */
export interface OutboxSource {
  /** The service's schema, holding the platform's `outbox_message` table. */
  schema: string;
  /** Put before each row's topic (TOPIC_PREFIX). */
  topicPrefix: string;
  /** The most rows one round moves. */
  limit: number;
  /** The advisory lock a relay of this service holds while it publishes (replicas take turns, so batches stay in order). */
  lockName: string;
}

export interface EventBus {
  readonly transport: 'kafka' | 'embedded';
  /** Creates the topics if they do not exist (idempotent). */
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves once every message is durably acknowledged (Kafka: acks from all in-sync replicas). */
  publish(messages: OutgoingMessage[]): Promise<void>;
  /**
   * Only where the transport's log lives in the service's own database (the embedded bus on its DATABASE_URL): moves
   * up to `limit` of the oldest unsent outbox rows into the log in one statement (claimed under the relay lock,
   * appended in outbox order, stamped sent, their topics' subscribers notified at its commit) and resolves with how
   * many it moved (0 when another relay of the service holds the lock). Publishing and marking sent are one commit:
   * nothing is sent twice, and a round is one round trip instead of a transaction of six statements.
   */
  relayOutbox?(source: OutboxSource): Promise<number>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws when the transport is unreachable (used by /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
