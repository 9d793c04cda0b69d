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
  /** Start from the earliest offset when the group has none committed (default true). */
  fromBeginning?: boolean;
}

export interface Subscription {
  /** Stops fetching, waits for the in-flight handler, commits, leaves the group. */
  stop(): Promise<void>;
}

export interface EventBus {
  readonly transport: 'kafka' | 'embedded';
  /** Creates the topics if they do not exist (idempotent). */
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves once every message is durably acknowledged (Kafka: acks from all in-sync replicas). */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws when the transport is unreachable (used by /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
