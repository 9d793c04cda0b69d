import { z } from 'zod';

const brokerList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port[,host:port...]')).min(1));

/** What every subgraph reads from the environment. Services extend it. */
export const serviceEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL'),
  /** `kafka` needs KAFKA_BROKERS; `embedded` keeps the bus in PostgreSQL (zero-setup mode). */
  EVENT_TRANSPORT: z.enum(['kafka', 'embedded']).default('embedded'),
  KAFKA_BROKERS: brokerList.optional(),
  /** Partitions of the topics a service creates at start (an existing topic keeps its own). */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  /** Replicas of the topics a service creates: 1 suits a single broker (local, tests); a production cluster wants 3. */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
  /** Where the embedded transport keeps its log; defaults to DATABASE_URL (one database for the local stack). */
  EMBEDDED_BUS_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  /** Where the accounts service publishes the public keys its access tokens are signed with. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4003/.well-known/jwks.json'),
  AUTH_ISSUER: z.string().min(1).default('vitrine-accounts'),
  /** Peers allowed to tell us the client's address in x-forwarded-for (the gateway): addresses, comma-separated, or `*`. */
  TRUSTED_PROXIES: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  /** Prefix for topic names, so several stacks (or test files) can share one broker. */
  TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9_.-]*$/)
    .default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `off` runs an API-only replica; some other instance must then run the relay. */
  OUTBOX_RELAY: z.enum(['on', 'off']).default('on'),
  /**
   * `off` runs a replica that consumes no events (an API replica beside an event worker): under load its requests
   * then no longer delay the consumer's round trips on one event loop. Some other instance must consume.
   */
  EVENT_CONSUMERS: z.enum(['on', 'off']).default('on'),
  /** Seeds the service's demo data after migrating (local stack only; the seed is idempotent). */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Connections for serving requests. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** A separate pool for the relay and consumers, so a request burst cannot starve event processing. */
  DB_WORKER_POOL_MAX: z.coerce.number().int().min(1).max(50).default(4),
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().positive().default(72),
  INBOX_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /**
   * How long the outbox relay and the embedded bus's subscriptions gather what else commits after being notified,
   * before publishing or reading: fewer, larger batches under load (one transaction each) for that much latency.
   */
  EVENT_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(15),
  /**
   * Under load, the relay and the embedded bus's subscriptions start a woken round no sooner than this after their
   * previous round began: each round takes what came meanwhile, so transactions and wake-ups downstream grow with
   * rounds, not with events. Idle, a wake is served after the linger alone. 0: no pace.
   */
  EVENT_PACE_MS: z.coerce.number().int().min(0).max(1_000).default(100),
  /** How often the timer scheduler looks for due timers (it also looks once at start). */
  TIMER_POLL_MS: z.coerce.number().int().positive().default(1_000),
  /** Runs of a failing timer before it is marked dead (kept, logged at error level). */
  TIMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
};

export type ServiceEnv = z.infer<z.ZodObject<typeof serviceEnv>>;

/** Settings that only make sense together, checked with the rest before anything starts. */
export function checkServiceEnv(env: ServiceEnv): string[] {
  return env.EVENT_TRANSPORT === 'kafka' && !env.KAFKA_BROKERS ? ['KAFKA_BROKERS: missing (required when EVENT_TRANSPORT=kafka)'] : [];
}
