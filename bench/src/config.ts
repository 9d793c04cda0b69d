import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphs } from '@vitrine/gateway';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchConfig {
  /** Seconds of measured load per read target and for placeOrder. */
  readSeconds: number;
  orderSeconds: number;
  /** Seconds of measured load for each authentication run: login, me, and the with/without-token pair. */
  authSeconds: number;
  /** Unmeasured load before each read target, so JIT and the gateway's query-plan cache are warm. */
  warmupSeconds: number;
  /** Unmeasured load through the gateway on (a)'s queries before (a) starts: its first minute under load is still speeding up. */
  gatewayWarmupSeconds: number;
  /** Seconds of measuring the stack with no load: what it costs just to be up. */
  idleSeconds: number;
  readConnections: number;
  orderConnections: number;
  /** Concurrent connections for the login run (argon2id: each login is CPU-bound by design). */
  loginConnections: number;
  /** Customers registered at set-up; their tokens are used round-robin by every authenticated workload. */
  customers: number;
  gatewayWorkers: number;
  /**
   * BENCH_EVENT_WORKERS: services run as two processes, an API one (routed by the gateway, no event consumer, no
   * relay) and `<name>-worker` (the consumer and the relay, no routed traffic).
   */
  eventWorkers: readonly string[];
  /**
   * BENCH_REPLICAS (`catalog=2,orders=2`): subgraphs run as that many processes, each a full replica (API, relay and
   * consumer, as a second machine would run it; only one relays and one consumes a partition at a time), the gateway
   * routing to them all. A workload that addresses a subgraph directly uses its first replica.
   */
  replicas: Readonly<Record<string, number>>;
  products: number;
  /** Stock of the product that is meant to run out during the placeOrder run. */
  scarceStock: number;
  /** Share of placeOrder requests that ask for the scarce product. */
  scarceShare: number;
  settleTimeoutSeconds: number;
  /** Per-request timeout for the load generator. */
  requestTimeoutSeconds: number;
  /** A broker to use (KAFKA_BROKERS); unset with `transport` kafka, the bench starts its own. */
  kafkaBrokers: string | undefined;
  /** The event transport the services run on (BENCH_TRANSPORT; kafka when KAFKA_BROKERS is given). */
  transport: 'embedded' | 'kafka';
  /** What takes notifications' emails (BENCH_SMTP): the bench's own SMTP sink, or Mailpit, which stores and indexes each one. */
  smtp: 'sink' | 'mailpit';
  reportDir: string;
  /** Drop day: customers registered for it (one purchase each: checkout + deposit), units of the limited product, customers buying at once. */
  dropCustomers: number;
  dropUnits: number;
  dropConnections: number;
  /** Connections for the catalog listing query (products(first: 50) with totalCount and stock). */
  listingConnections: number;
  /** (h) pay: connections, seconds, and the preorders checked out at its set-up (each deposit paid once). */
  paymentConnections: number;
  paymentSeconds: number;
  paymentDues: number;
  /** (i) event fan-out: orders placed per second and for how long, partners (webhook receivers), and how long to wait for the last delivery. */
  fanoutRate: number;
  fanoutSeconds: number;
  fanoutPartners: number;
  fanoutTimeoutSeconds: number;
  /**
   * The soak (issue #15): purchases (checkout + deposit) started per second for `soakSeconds`, at most
   * `soakConnections` in flight, every server's RSS and the event lag sampled every `soakSampleSeconds`; a process whose
   * RSS rises faster than `soakMaxGrowth` MiB/min over the second half of the load fails it (soak-verdict.ts).
   */
  soakSeconds: number;
  soakRate: number;
  soakConnections: number;
  soakSampleSeconds: number;
  soakMaxGrowth: number;
  /** BENCH_PROFILE: every server runs under `node --cpu-prof`; the report gives each one's hottest functions and packages. */
  profile: boolean;
  /** BENCH_PG_SETTINGS: more PostgreSQL settings (`name=value,...`) for a diagnostic run, e.g. statement logging. */
  postgresSettings: Readonly<Record<string, string>>;
  /** BENCH_ONLY: the workloads to run (all when unset). */
  only: ReadonlySet<Workload> | undefined;
}

export const workloads = ['reads', 'hive', 'listing', 'login', 'me', 'token', 'payments', 'drop', 'orders', 'fanout', 'soak', 'runner'] as const;
type Workload = (typeof workloads)[number];

/** Workloads a plain `npm run bench` leaves out: the soak takes ten minutes, so it runs only when BENCH_ONLY names it. */
const onlyWhenNamed: ReadonlySet<Workload> = new Set(['soak']);

export const runs = (config: BenchConfig, workload: Workload) => (config.only ? config.only.has(workload) : !onlyWhenNamed.has(workload));

function transport(raw: string | undefined, brokers: string | undefined): 'embedded' | 'kafka' {
  const wanted = (raw ?? '').trim().toLowerCase();
  if (wanted === '') return brokers ? 'kafka' : 'embedded';
  if (wanted !== 'embedded' && wanted !== 'kafka') throw new Error(`BENCH_TRANSPORT is embedded or kafka, not ${raw}`);
  if (wanted === 'embedded' && brokers) throw new Error('BENCH_TRANSPORT=embedded contradicts KAFKA_BROKERS: unset one');
  return wanted;
}

function smtpServer(raw: string | undefined): 'sink' | 'mailpit' {
  const wanted = (raw ?? '').trim().toLowerCase();
  if (wanted === '') return 'sink';
  if (wanted !== 'sink' && wanted !== 'mailpit') throw new Error(`BENCH_SMTP is sink or mailpit, not ${raw}`);
  return wanted;
}

function only(raw: string | undefined): ReadonlySet<Workload> | undefined {
  if (!raw?.trim()) return undefined;
  const names = raw
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(workloads as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`BENCH_ONLY=${raw}: unknown ${unknown.join(', ')} (expected a comma list of ${workloads.join(', ')})`);
  return new Set(names as Workload[]);
}

function postgresSettings(raw: string | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`BENCH_PG_SETTINGS: ${pair} is not name=value`);
    settings[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return settings;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name}=${raw}: expected a number between ${min} and ${max}`);
  }
  return value;
}

function subgraphNames(variable: string, names: readonly string[]): string[] {
  const known = new Set<string>(subgraphs.map((s) => s.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`${variable}: ${unknown.join(', ')} is not a subgraph (${[...known].join(', ')})`);
  return [...new Set(names)];
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function eventWorkers(value: string | undefined): string[] {
  return subgraphNames('BENCH_EVENT_WORKERS', listOf(value));
}

function replicas(value: string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of listOf(value)) {
    const [name = '', count = ''] = item.split('=').map((part) => part.trim());
    const replicaCount = Number(count);
    if (!Number.isInteger(replicaCount) || replicaCount < 1 || replicaCount > 8) {
      throw new Error(`BENCH_REPLICAS: ${item}: expected <subgraph>=<replicas>, 1 to 8 replicas`);
    }
    counts[subgraphNames('BENCH_REPLICAS', [name])[0]!] = replicaCount;
  }
  return counts;
}

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const duration = number(env, 'BENCH_DURATION', 10, 1, 3600);
  return {
    readSeconds: number(env, 'BENCH_READ_DURATION', duration, 1, 3600),
    orderSeconds: number(env, 'BENCH_ORDER_DURATION', duration, 1, 3600),
    authSeconds: number(env, 'BENCH_AUTH_DURATION', duration, 1, 3600),
    warmupSeconds: number(env, 'BENCH_WARMUP', 2, 0, 600),
    gatewayWarmupSeconds: number(env, 'BENCH_GATEWAY_WARMUP', 10, 0, 600),
    idleSeconds: number(env, 'BENCH_IDLE', 3, 0, 600),
    readConnections: number(env, 'BENCH_READ_CONNECTIONS', 10, 1, 1000),
    orderConnections: number(env, 'BENCH_ORDER_CONNECTIONS', 50, 1, 1000),
    loginConnections: number(env, 'BENCH_LOGIN_CONNECTIONS', 8, 1, 1000),
    customers: number(env, 'BENCH_CUSTOMERS', 50, 1, 10_000),
    gatewayWorkers: number(env, 'BENCH_GATEWAY_WORKERS', 2, 1, 64),
    eventWorkers: eventWorkers(env.BENCH_EVENT_WORKERS),
    replicas: replicas(env.BENCH_REPLICAS),
    // The product reads ask for products(first: 20) and count a shorter page as wrong.
    products: number(env, 'BENCH_PRODUCTS', 50, 20, 1000),
    scarceStock: number(env, 'BENCH_SCARCE_STOCK', 100, 0, 1_000_000),
    scarceShare: number(env, 'BENCH_SCARCE_SHARE', 0.2, 0, 1),
    settleTimeoutSeconds: number(env, 'BENCH_SETTLE_TIMEOUT', 90, 1, 3600),
    requestTimeoutSeconds: number(env, 'BENCH_REQUEST_TIMEOUT', 10, 1, 600),
    kafkaBrokers: env.KAFKA_BROKERS || undefined,
    transport: transport(env.BENCH_TRANSPORT, env.KAFKA_BROKERS),
    smtp: smtpServer(env.BENCH_SMTP),
    dropCustomers: number(env, 'BENCH_DROP_CUSTOMERS', 500, 1, 10_000),
    dropUnits: number(env, 'BENCH_DROP_UNITS', 100, 1, 1_000_000),
    // 100 sockets are plenty on 2 cores: more only queue at the gateway; never more than there are customers.
    dropConnections: number(env, 'BENCH_DROP_CONNECTIONS', 100, 1, 1000),
    listingConnections: number(env, 'BENCH_LISTING_CONNECTIONS', 50, 1, 1000),
    paymentConnections: number(env, 'BENCH_PAYMENT_CONNECTIONS', 50, 1, 1000),
    paymentSeconds: number(env, 'BENCH_PAYMENT_DURATION', duration, 1, 3600),
    paymentDues: number(env, 'BENCH_PAYMENT_DUES', 2000, 1, 1_000_000),
    fanoutRate: number(env, 'BENCH_FANOUT_RATE', 20, 0.1, 1000),
    fanoutSeconds: number(env, 'BENCH_FANOUT_SECONDS', 20, 1, 3600),
    fanoutPartners: number(env, 'BENCH_FANOUT_PARTNERS', 10, 1, 100),
    fanoutTimeoutSeconds: number(env, 'BENCH_FANOUT_TIMEOUT', 120, 1, 3600),
    soakSeconds: number(env, 'BENCH_SOAK_SECONDS', 600, 10, 24 * 3600),
    soakRate: number(env, 'BENCH_SOAK_RATE', 10, 0.1, 1000),
    soakConnections: number(env, 'BENCH_SOAK_CONNECTIONS', 30, 1, 1000),
    soakSampleSeconds: number(env, 'BENCH_SOAK_SAMPLE', 10, 1, 600),
    soakMaxGrowth: number(env, 'BENCH_SOAK_MAX_GROWTH', 2, 0, 1000),
    profile: ['1', 'true', 'yes'].includes((env.BENCH_PROFILE ?? '').toLowerCase()),
    postgresSettings: postgresSettings(env.BENCH_PG_SETTINGS),
    only: only(env.BENCH_ONLY),
    reportDir: env.BENCH_REPORT_DIR ? resolve(env.BENCH_REPORT_DIR) : resolve(repoRoot, 'bench/reports'),
  };
}
