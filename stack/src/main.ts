// `npm start`: the whole platform on this machine with nothing installed but Node.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The list alone (no gateway server code): this process only supervises, and stays small (bench/README.md, Memory).
import { subgraphs, subgraphUrlVariable } from '@vitrine/gateway/subgraphs';
import { startPostgresChild, startProcess, stopProcess, waitUntilReady, type ManagedProcess } from '@vitrine/local-infra/runner';
import { launcherAncestors, stopWithParentVariable, stopWithProcesses } from '@vitrine/platform/process';
import { localPostgres } from './local-postgres.js';
import { postgresChore } from './postgres-chore.js';
import { mailCatcherOptions } from './mail-catcher/options.js';
import { mailCatcherPorts } from './mail-catcher/ports.js';
import { subgraphPortVariable } from './port-variable.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entryOf = (folder: string) => join(root, folder, 'dist/main.js');

const gatewayPort = Number(process.env.PORT ?? 4000);
const webPort = Number(process.env.WEB_PORT ?? 3000);
// Each subgraph listens on the port of its default URL in the gateway's list, or `<NAME>_PORT`.
const ports = new Map(subgraphs.map(({ name, url }) => [name, Number(process.env[subgraphPortVariable(name)] ?? new URL(url).port)]));
const localUrl = (port: number | undefined, path: string) => `http://127.0.0.1:${port}${path}`;
// A local-only first admin, so the back office can be tried at once; override both for anything shared.
const admin = {
  email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@vitrine.local',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Vitrine-Admin-1!',
};
const { dataDir, port: pgPort, database } = localPostgres(root, process.env);
// Email goes to the user's SMTP server when SMTP_URL is set, or else to a mail catcher in a process of its own.
const ownSmtpUrl = process.env.SMTP_URL || undefined;

console.log(`[stack] starting PostgreSQL (data in ${dataDir})`);
// Initialised once, by a short-lived process; then a plain child of this one, its output in postgres.log beside its data.
const postgres = await postgresChore(['initialise', dataDir])
  .then(() => startPostgresChild({ dataDir, port: pgPort, logFile: join(dataDir, '..', 'postgres.log') }))
  .catch((err: unknown) => {
    // Most often another `npm start` on this data folder or port: say so, not a stack trace.
    console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
const running: ManagedProcess[] = [];
let mailCatcher: { smtpUrl: string; pageUrl: string } | undefined;
let stopping = false;

async function shutdown(code: number, reason?: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[stack] stopping${reason ? ` (${reason})` : ''}...`);
  for (const proc of [...running].reverse()) await stopProcess(proc, 15_000);
  await postgres.stop().catch((err: unknown) => console.error(`[stack] PostgreSQL did not stop cleanly: ${String(err)}`));
  console.log('[stack] stopped');
  process.exit(code);
}
// Stop in order: services drain first, PostgreSQL last (in a process group of its own, so Ctrl-C does not reach it).
// Ctrl-C signals the whole group; IDEs and service managers send SIGTERM to the process they started
// (npm, which forwards it here); a closed terminal sends SIGHUP.
process.on('SIGINT', () => void shutdown(0, 'SIGINT'));
process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));
process.on('SIGHUP', () => void shutdown(0, 'SIGHUP'));
// npm killed outright (or its terminal gone) must not leave the stack running on its own.
stopWithProcesses(launcherAncestors(), (reason) => void shutdown(1, reason));
// PostgreSQL stopped by someone else: nothing can work any more.
void postgres.exited.then(() => void shutdown(1, 'PostgreSQL stopped'));
// Even a SIGKILL of this process must not leave PostgreSQL behind: a detached watchdog stops it then
// (the services stop by themselves when their parent, this process, is gone).
spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'watchdog.js'), String(process.pid), String(postgres.pid)], {
  detached: true,
  stdio: 'ignore',
}).unref();

try {
  const databaseUrl = await postgresChore(['create-database', postgres.adminUrl, database]);
  const brokers = process.env.KAFKA_BROKERS;
  const transport: Record<string, string> = brokers ? { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers } : { EVENT_TRANSPORT: 'embedded' };
  const jwksUrl = localUrl(ports.get('accounts'), '/.well-known/jwks.json');
  const common = {
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: 'true',
    NODE_ENV: 'development',
    AUTH_JWKS_URL: jwksUrl,
    [stopWithParentVariable]: '1',
    ...transport,
  };
  if (!ownSmtpUrl) {
    // Its own process, started first and so stopped last (after notifications): this one only supervises, and stays small.
    const { smtpPort, httpPort, limit } = await mailCatcherPorts(mailCatcherOptions(process.env));
    const mail = startProcess('mail', join(root, 'stack/dist/mail-catcher/main.js'), {
      MAIL_CATCHER_SMTP_PORT: String(smtpPort),
      MAIL_CATCHER_PORT: String(httpPort),
      MAIL_CATCHER_LIMIT: String(limit),
      [stopWithParentVariable]: '1',
    });
    running.push(mail);
    mailCatcher = { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, pageUrl: localUrl(httpPort, '/') };
    await waitUntilReady(mail, mailCatcher.pageUrl);
  }
  const own: Record<string, Record<string, string>> = {
    accounts: { BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password },
    notifications: { SMTP_URL: ownSmtpUrl ?? mailCatcher!.smtpUrl, STOREFRONT_URL: process.env.STOREFRONT_URL ?? localUrl(webPort, '') },
    // payments' hosted pay page may lead back to the storefront ("Back to the store"), on either local name.
    payments: { PAYMENTS_RETURN_ORIGINS: `${localUrl(webPort, '')},http://localhost:${webPort}` },
    aftersales: { EVIDENCE_CORS_ORIGINS: `${localUrl(webPort, '')},http://localhost:${webPort}` },
    // The back office (same web server) uploads product images to catalog's file store from its origin.
    catalog: { PRODUCT_IMAGE_CORS_ORIGINS: `${localUrl(webPort, '')},http://localhost:${webPort}` },
  };

  // In the gateway's order: accounts comes first, as it serves the keys the others verify tokens with.
  const gatewayEnv: Record<string, string> = { PORT: String(gatewayPort), AUTH_JWKS_URL: jwksUrl, [stopWithParentVariable]: '1' };
  for (const { name } of subgraphs) {
    const port = ports.get(name);
    const proc = startProcess(name, entryOf(`services/${name}`), { ...common, ...own[name], PORT: String(port) });
    running.push(proc);
    await waitUntilReady(proc, localUrl(port, '/ready'));
    gatewayEnv[subgraphUrlVariable(name)] = localUrl(port, '/graphql');
  }
  // The storefront (client `web`) may only run the operations of its own manifest, written by its build.
  gatewayEnv.TRUSTED_DOCUMENTS_PATH = join(root, 'apps/web/dist/trusted-documents.json');
  gatewayEnv.TRUSTED_DOCUMENTS_REQUIRED_FOR = 'web';
  const gateway = startProcess('gateway', entryOf('gateway'), gatewayEnv);
  running.push(gateway);
  await waitUntilReady(gateway, localUrl(gatewayPort, '/ready'));
  const web = startProcess('web', join(root, 'apps/web/dist/node/main.js'), {
    PORT: String(webPort),
    GATEWAY_URL: localUrl(gatewayPort, '/graphql'),
    [stopWithParentVariable]: '1',
  });
  running.push(web);
  await waitUntilReady(web, localUrl(webPort, '/health'));
  console.log(`\n[stack] Vitrine is up. GraphiQL: ${localUrl(gatewayPort, '/graphql')}  (Ctrl-C stops everything)`);
  console.log(`[stack] Storefront: ${localUrl(webPort, '/')}`);
  console.log(
    mailCatcher
      ? `[stack] Emails the store sent: ${mailCatcher.pageUrl}  (SMTP ${mailCatcher.smtpUrl}; set SMTP_URL to use your own server)`
      : '[stack] Emails go to the SMTP server in SMTP_URL',
  );
  console.log(`[stack] Back-office admin (local only): ${admin.email} / ${admin.password}\n`);
  for (const proc of running) {
    void proc.exited.then((code) => {
      if (!stopping) {
        console.error(`[stack] ${proc.name} exited unexpectedly (code ${code}); stopping the stack`);
        void shutdown(1, `${proc.name} exited`);
      }
    });
  }
} catch (err) {
  console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
