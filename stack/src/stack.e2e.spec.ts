import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@vitrine/local-infra';

// `npm start` as a user runs it: the built stack in its own process, on free ports, with its own data folder.
const root = join(import.meta.dirname, '../..');
const dataParent = mkdtempSync(join(tmpdir(), 'vitrine-stack-'));
chmodSync(dataParent, 0o755); // embedded PostgreSQL runs as an unprivileged user when we are root
const dataDir = join(dataParent, 'postgres');

afterAll(() => rmSync(dataParent, { recursive: true, force: true }));

async function startStack(ports: Record<string, number>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [join(root, 'stack/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(ports.gateway),
      CATALOG_PORT: String(ports.catalog),
      ORDERS_PORT: String(ports.orders),
      ACCOUNTS_PORT: String(ports.accounts),
      VITRINE_PG_PORT: String(ports.pg),
      VITRINE_DATA_DIR: dataDir,
      KAFKA_BROKERS: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c) => (log += c));
  child.stderr!.on('data', (c) => (log += c));
  const deadline = Date.now() + 120_000;
  while (!log.includes('Vitrine is up')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`stack did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => log };
}

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

/** Any live process whose command line is a postgres server on that data folder. */
const postgresRunningOn = (dir: string) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .some((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args[0]?.endsWith('/postgres') && args.includes(dir);
      } catch {
        return false; // the process ended while we looked
      }
    });

const productCount = async (gatewayPort: number) => {
  const res = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
  });
  return ((await res.json()) as { data: { products: { totalCount: number } } }).data.products.totalCount;
};

describe('npm start', () => {
  it('serves the seeded catalog and GraphiQL, stops cleanly on Ctrl-C, and keeps its data across restarts', async () => {
    const ports = { gateway: await freePort(), catalog: await freePort(), orders: await freePort(), accounts: await freePort(), pg: await freePort() };
    const first = await startStack(ports);
    const seeded = await productCount(ports.gateway);
    expect(seeded).toBeGreaterThanOrEqual(5);
    const graphiql = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL/);

    expect(await interrupt(first.child)).toBe(0);
    expect(postgresRunningOn(dataDir)).toBe(false);

    const second = await startStack(ports);
    expect(await productCount(ports.gateway)).toBe(seeded); // same data, not seeded twice
    expect(await interrupt(second.child)).toBe(0);
    expect(postgresRunningOn(dataDir)).toBe(false);
  }, 300_000);
});

describe('a service with bad configuration', () => {
  it('refuses to start and names every bad variable', async () => {
    const child = spawn(process.execPath, [join(root, 'services/catalog/dist/main.js')], {
      env: { PATH: process.env.PATH, PORT: 'eighty', EVENT_TRANSPORT: 'carrier-pigeon' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/DATABASE_URL: missing/);
    expect(stderr).toMatch(/EVENT_TRANSPORT/);
    expect(stderr).not.toMatch(/\s+at .+\.js:\d+/); // a message, not a stack trace
  });
});
