import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { defaultSupergraphPath, subgraphs, subgraphUrlVariable } from '@vitrine/gateway';
import {
  freePorts,
  startKafkaBroker,
  startMailpit,
  startPostgresServer,
  type RunningKafkaBroker,
  type RunningMailpit,
  type RunningPostgres,
} from '@vitrine/local-infra';
import { repoRoot, runs, type BenchConfig } from './config.js';
import { sampleCpu, type CpuSample } from './cpu.js';
import { sampleMemory, samplePrivateMemory } from './memory.js';
import { isRunning, startBenchProcess, stopProcess, waitUntilReady, type LogSummary, type ManagedProcess } from './processes.js';
import { smtpSinkProcess } from './smtp-sink/process-name.js';
import type { SinkTally } from './smtp-sink/sink.js';
import { errorMessage, withTimeout } from './util.js';

export interface BenchStack {
  databaseUrl: string;
  transport: 'embedded' | 'kafka';
  /** GraphQL endpoints: the gateway's and each subgraph's by name (the workloads address catalog and orders directly). */
  urls: Urls;
  /** The bootstrap admin accounts creates at start (role admin: every staff scope, catalog:write included). */
  admin: { email: string; password: string };
  /** Throws when a server died mid-run: numbers measured against a dead process mean nothing. */
  assertAlive(): void;
  logSummaries(): Record<string, LogSummary>;
  sampleCpu(): CpuSample;
  /** Resident memory per server, MiB. */
  sampleMemory(): Record<string, number>;
  /** Its private part (no shared pages of the node binary), MiB. */
  samplePrivateMemory(): Record<string, number>;
  /** Emails the SMTP server has accepted since it started; undefined with Mailpit (which keeps only its last 500). */
  emailsAccepted(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** `hive`: the Hive Gateway, started only for the hive workload. */
type Urls = { gateway: string; catalog: string; orders: string } & Record<string, string>;

const entry = (folder: string) => join(repoRoot, folder, 'dist/main.js');

/** Local-only credentials of the throwaway stack; the password satisfies accounts' policy. */
const benchAdmin = { email: 'bench-admin@vitrine-bench.example', password: 'Bench-Admin-2026!' };

/**
 * Access tokens are taken at set-up and used until the end of the run, so
 * they must outlive it (accounts' default is 15 minutes). Token lifetime
 * changes nothing about what verifying one costs. ACCESS_TOKEN_TTL_SECONDS in
 * the environment wins.
 */
const benchTokenTtlSeconds = String(6 * 3600);

/**
 * A throwaway stack shaped like production rather than like the tests: real
 * PostgreSQL durability (fsync and synchronous commit on) and each server in its
 * own process, so the load generator does not share an event loop with what it
 * measures. Whatever was started is stopped even when a later step fails.
 */
export async function startBenchStack(
  config: BenchConfig,
  logDir: string,
  /** Gets the stop function before anything starts, so Ctrl-C during start-up still cleans up. */
  registerStop: (stop: () => Promise<void>) => void,
): Promise<BenchStack> {
  const running: ManagedProcess[] = [];
  let postgres: RunningPostgres | undefined;
  let mail: RunningMailpit | undefined;
  let broker: RunningKafkaBroker | undefined;
  const pgLog = createWriteStream(join(logDir, 'postgres.log'));
  let stopped: Promise<void> | undefined;

  const stop = () =>
    (stopped ??= (async () => {
      // Gateway first so no new work reaches the subgraphs while they drain.
      for (const proc of [...running].reverse()) {
        await stopProcess(proc).catch((err) => console.error(`[bench] stopping ${proc.name}: ${errorMessage(err)}`));
      }
      if (mail) await withTimeout('stopping Mailpit', 10_000, mail.stop()).catch((err) => console.error(`[bench] ${errorMessage(err)}`));
      if (broker) await withTimeout('stopping Kafka', 30_000, broker.stop()).catch((err) => console.error(`[bench] ${errorMessage(err)}`));
      if (postgres) {
        await withTimeout('stopping PostgreSQL', 30_000, postgres.stop()).catch((err) => console.error(`[bench] ${errorMessage(err)}`));
      }
      pgLog.end();
    })());
  registerStop(stop);

  const localUrl = (port: number | undefined, path: string) => `http://127.0.0.1:${port}${path}`;

  try {
    console.log('[bench] starting PostgreSQL (throwaway data directory, default durability)');
    postgres = await withTimeout(
      'starting PostgreSQL',
      120_000,
      // pg_stat_statements: the report says which statements an order costs (a few per cent of PostgreSQL's CPU), and
      // with track_planning how much of each is planning (a simple-query statement is parsed and planned every call).
      startPostgresServer({
        fast: false,
        // Room for every statement a run makes (5,000 by default: entries were dropped, and their calls with them).
        settings: {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track_planning': 'on',
          'pg_stat_statements.max': '50000',
          ...config.postgresSettings,
        },
        log: (line) => pgLog.write(`${line}\n`),
      }),
    );
    const databaseUrl = await withTimeout('creating the database', 30_000, postgres.createDatabase('vitrine_bench'));

    // A real SMTP server takes notifications' emails, as in production: without one every email failed and was
    // retried, work no store would do. The provider is off the machine in production; the bench's sink receives and
    // counts (its CPU is the provider's side, a row of its own in the report), where Mailpit also parses, indexes and
    // stores each message: bench/README.md, "The SMTP server".
    let smtpUrl: string;
    let tallyUrl: string | undefined;
    if (config.smtp === 'mailpit') {
      console.log('[bench] starting Mailpit (BENCH_SMTP=mailpit) for the emails');
      mail = await withTimeout('starting Mailpit', 300_000, startMailpit());
      smtpUrl = `smtp://${mail.host}:${mail.smtpPort}`;
    } else {
      console.log('[bench] starting the SMTP sink for the emails');
      const [smtpPort, httpPort] = await freePorts(2);
      const sink = startBenchProcess(
        smtpSinkProcess,
        join(repoRoot, 'bench/dist/smtp-sink/main.js'),
        { SMTP_PORT: String(smtpPort), PORT: String(httpPort) },
        logDir,
      );
      running.push(sink);
      await waitUntilReady(sink, localUrl(httpPort, '/ready'));
      smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
      tallyUrl = localUrl(httpPort, '/tally');
    }

    let kafka = config.kafkaBrokers;
    if (config.transport === 'kafka' && !kafka) {
      // A real Apache Kafka broker of our own (the jars from Maven Central, cached), throwaway data, as the tests start it.
      console.log('[bench] starting an Apache Kafka broker (BENCH_TRANSPORT=kafka)');
      const kafkaLog = createWriteStream(join(logDir, 'kafka.log'));
      broker = await withTimeout('starting Kafka', 600_000, startKafkaBroker({ log: (line) => kafkaLog.write(`${line}\n`) }));
      kafka = broker.brokers.join(',');
    }
    // A fresh topic prefix per run: a shared broker may still hold an earlier run's events.
    const transport: Record<string, string> = kafka
      ? { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: kafka, TOPIC_PREFIX: `bench-${Date.now()}.` }
      : { EVENT_TRANSPORT: 'embedded' };
    const [gatewayPort, ...subgraphPorts] = await freePorts(subgraphs.length + 1);
    const ports = new Map(subgraphs.map(({ name }, i) => [name, subgraphPorts[i]!]));
    // Every server verifies access tokens itself, against accounts' public keys.
    const auth = { AUTH_JWKS_URL: localUrl(ports.get('accounts'), '/.well-known/jwks.json') };
    // Profiled, every server (each gateway worker too) writes a .cpuprofile on exit, one folder per server.
    const profiled = (name: string): Record<string, string> =>
      config.profile
        ? {
            NODE_OPTIONS: [process.env.NODE_OPTIONS, '--cpu-prof', '--cpu-prof-interval=10000', `--cpu-prof-dir=${join(logDir, 'profiles', name)}`]
              .filter(Boolean)
              .join(' '),
          }
        : {};
    const service = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...auth, ...transport };
    const own: Record<string, Record<string, string>> = {
      accounts: {
        BOOTSTRAP_ADMIN_EMAIL: benchAdmin.email,
        BOOTSTRAP_ADMIN_PASSWORD: benchAdmin.password,
        ACCESS_TOKEN_TTL_SECONDS: process.env.ACCESS_TOKEN_TTL_SECONDS || benchTokenTtlSeconds,
      },
      // Production mode wants aftersales' evidence store named: the folder store (the bench uploads no evidence).
      aftersales: { EVIDENCE_STORE: 'file' },
      // Likewise catalog's product image store (the bench uploads no image).
      catalog: { PRODUCT_IMAGE_STORE: 'file' },
      // The fan-out workload's partners are the bench's own receivers on loopback, over plain http.
      notifications: { SMTP_URL: smtpUrl, WEBHOOK_ALLOW_PLAIN_HTTP: 'true' },
      // Checkout estimates shipping from logistics' rate card: logistics' demo rate table (as in npm start), announced to orders.
      logistics: { SEED_DEMO_DATA: 'true' },
      // Production mode wants payments' secrets given: throwaway ones, for this run only (the sandbox provider).
      payments: {
        PAYMENTS_PAY_LINK_SECRET: randomBytes(32).toString('base64url'),
        SANDBOX_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
      },
    };

    // In the gateway's order: accounts comes first, as it issues the tokens and serves the keys the others verify them with.
    const urls: Record<string, string> = { gateway: localUrl(gatewayPort, '/graphql') };
    const subgraphUrls: Record<string, string> = {};
    /** Starts one process of a subgraph and waits for it to be ready: its GraphQL URL. */
    const startSubgraphProcess = async (name: string, processName: string, env: Record<string, string>, port?: number) => {
      const listenOn = port ?? (await freePorts(1))[0]!;
      const proc = startBenchProcess(
        processName,
        entry(`services/${name}`),
        { ...service, ...own[name], ...profiled(processName), ...env, PORT: String(listenOn) },
        logDir,
      );
      running.push(proc);
      await waitUntilReady(proc, localUrl(listenOn, '/ready'));
      return localUrl(listenOn, '/graphql');
    };
    for (const { name } of subgraphs) {
      const split = config.eventWorkers.includes(name);
      console.log(`[bench] starting ${name}${split ? ' (API only; its events in a worker process)' : ''}`);
      const apiOnly: Record<string, string> = split ? { EVENT_CONSUMERS: 'off', OUTBOX_RELAY: 'off' } : {};
      urls[name] = await startSubgraphProcess(name, name, apiOnly, ports.get(name));
      const replicaUrls = [urls[name]];
      // Further replicas, started once the first has migrated; the gateway routes to each of them.
      for (let replica = 2; replica <= (config.replicas[name] ?? 1); replica++) {
        console.log(`[bench] starting ${name}-${replica} (a replica of ${name})`);
        replicaUrls.push(await startSubgraphProcess(name, `${name}-${replica}`, apiOnly));
      }
      subgraphUrls[subgraphUrlVariable(name)] = replicaUrls.join(',');
      // Started once the API process has migrated: the worker finds the schema ready. The gateway never routes to it.
      if (split) await startSubgraphProcess(name, `${name}-worker`, {});
    }
    const missing = ['catalog', 'orders'].filter((name) => !urls[name]);
    if (missing.length > 0) throw new Error(`the workloads need the subgraphs ${missing.join(', ')}`);
    console.log(`[bench] starting gateway (${config.gatewayWorkers} workers)`);
    const gateway = startBenchProcess(
      'gateway',
      entry('gateway'),
      {
        PORT: String(gatewayPort),
        ...auth,
        ...subgraphUrls,
        GATEWAY_WORKERS: String(config.gatewayWorkers),
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ...profiled('gateway'),
      },
      logDir,
    );
    running.push(gateway);
    await waitUntilReady(gateway, localUrl(gatewayPort, '/ready'));

    if (runs(config, 'hive')) {
      // Measured against ours on (a)'s reads: the same supergraph, subgraphs, token keys and number of workers.
      const [hivePort] = await freePorts(1);
      console.log(`[bench] starting Hive Gateway (${config.gatewayWorkers} workers)`);
      const hive = startBenchProcess(
        'hive-gateway',
        join(repoRoot, 'bench/dist/hive-gateway/main.js'),
        {
          PORT: String(hivePort),
          ...auth,
          ...subgraphUrls,
          SUPERGRAPH_PATH: defaultSupergraphPath,
          GATEWAY_WORKERS: String(config.gatewayWorkers),
          NODE_ENV: 'production',
          ...profiled('hive-gateway'),
        },
        logDir,
      );
      running.push(hive);
      await waitUntilReady(hive, localUrl(hivePort, '/ready'));
      urls.hive = localUrl(hivePort, '/graphql');
    }

    const serverPids = () => new Map(running.map((proc) => [proc.child.pid ?? -1, proc.name]));
    return {
      databaseUrl,
      transport: kafka ? 'kafka' : 'embedded',
      urls: urls as Urls,
      admin: benchAdmin,
      assertAlive() {
        const dead = running.filter((proc) => !isRunning(proc));
        if (dead.length > 0) {
          throw new Error(`died during the run: ${dead.map((p) => `${p.name} (log: ${p.logFile})`).join(', ')}`);
        }
      },
      logSummaries: () => Object.fromEntries(running.map((proc) => [proc.name, proc.logSummary()])),
      sampleCpu: () => sampleCpu(serverPids()),
      sampleMemory: () => sampleMemory(serverPids()),
      samplePrivateMemory: () => samplePrivateMemory(serverPids()),
      async emailsAccepted() {
        if (!tallyUrl) return undefined;
        const response = await fetch(tallyUrl);
        if (!response.ok) throw new Error(`the SMTP sink's tally answered ${response.status}`);
        return ((await response.json()) as SinkTally).messages;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
