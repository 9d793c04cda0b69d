import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { subgraphs } from '@vitrine/gateway';
import { freePort } from '@vitrine/local-infra';
import { subgraphPortVariable } from './port-variable.js';

// `npm start` as a user runs it: npm (the stack script), in its own process group as a terminal
// would make it, on free ports, with its own data folder.
const root = join(import.meta.dirname, '../..');
const dataParent = mkdtempSync(join(tmpdir(), 'vitrine-stack-'));
chmodSync(dataParent, 0o755); // embedded PostgreSQL runs as an unprivileged user when we are root
const dataDir = join(dataParent, 'postgres');

afterAll(() => rmSync(dataParent, { recursive: true, force: true }));

// A test that fails before stopping its stack must not leave it holding the ports and the data folder
// the next test starts on (one failure would otherwise read as four).
let lastStarted: RunningStack | undefined;
afterEach(async () => {
  const stack = lastStarted;
  lastStarted = undefined;
  if (!stack || stack.tree.every((pid) => !alive(pid))) return;
  try {
    process.kill(-stack.npm.pid!, 'SIGINT');
  } catch {
    // the group is already gone
  }
  const left = await allGone(stack.tree);
  for (const pid of left) process.kill(pid, 'SIGKILL');
});

interface RunningStack {
  /** npm's process: what an IDE or a service manager holds. */
  npm: ChildProcess;
  /** Every process of the tree once it is up (npm, node, services, PostgreSQL). */
  tree: number[];
  exited: Promise<number | null>;
  output: () => string;
}

/** Parent of every live process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended while we looked
    }
  }
  return map;
}

function descendantsOf(pid: number): number[] {
  const byParent = parents();
  const found = [pid];
  for (let i = 0; i < found.length; i++) for (const [child, parent] of byParent) if (parent === found[i]) found.push(child);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits (an observable condition, not a sleep) until none of these processes is left. */
async function allGone(pids: readonly number[], timeoutMs = 60_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(alive);
}

/**
 * Starts `npm start` on `ports`. A port picked free can be taken by another test file's process before the
 * stack binds it: then the stack stops at once (EADDRINUSE), and it is started again on fresh ports (written
 * back into `ports`, so a restart later in the test uses the same ones).
 */
async function startStack(ports: Record<string, number>, attempts = 3): Promise<RunningStack> {
  try {
    return await startStackOnce(ports);
  } catch (err) {
    if (attempts <= 1 || !String(err).includes('EADDRINUSE')) throw err;
    for (const name of Object.keys(ports)) ports[name] = await freePort();
    return startStack(ports, attempts - 1);
  }
}

async function startStackOnce(ports: Record<string, number>): Promise<RunningStack> {
  const npm = spawn('npm', ['run', 'stack', '--silent'], {
    cwd: root,
    detached: true, // its own process group, like a terminal's foreground job
    env: {
      ...process.env,
      PORT: String(ports.gateway!),
      ...Object.fromEntries(subgraphs.map(({ name }) => [subgraphPortVariable(name), String(ports[name])])),
      VITRINE_PG_PORT: String(ports.pg),
      MAIL_CATCHER_SMTP_PORT: String(ports.mailSmtp),
      MAIL_CATCHER_PORT: String(ports.mailPage),
      WEB_PORT: String(ports.web),
      SMTP_URL: '', // the mail catcher, whatever this shell says
      VITRINE_DATA_DIR: dataDir,
      KAFKA_BROKERS: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  npm.stdout!.on('data', (c) => (log += c));
  npm.stderr!.on('data', (c) => (log += c));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  while (!log.includes('Vitrine is up')) {
    if (npm.exitCode !== null || Date.now() > deadline) {
      // Whatever did start must not hold the ports and the data folder the next test uses.
      const tree = descendantsOf(npm.pid!);
      try {
        process.kill(-npm.pid!, 'SIGINT');
      } catch {
        // the group is already gone
      }
      await allGone(tree);
      throw new Error(`stack did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  lastStarted = { npm, tree: descendantsOf(npm.pid!), exited, output: () => log };
  return lastStarted;
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

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

const marker = { email: `marker-${randomUUID()}@example.com`, password: 'Marker-Pa55!' };
// Every subgraph of the gateway's list gets a free port, so a service added later cannot collide.
const ports: Record<string, number> = { gateway: 0, pg: 0, mailSmtp: 0, mailPage: 0, web: 0, ...Object.fromEntries(subgraphs.map(({ name }) => [name, 0])) };

describe('npm start', () => {
  it('serves the seeded catalog and GraphiQL, and stops everything on Ctrl-C to its process group', async () => {
    for (const name of Object.keys(ports)) ports[name] = await freePort();
    const stack = await startStack(ports);
    const listing = await graphql(ports.gateway!, '{ products(first: 1) { totalCount } }');
    expect(listing.data.products.totalCount).toBeGreaterThanOrEqual(5);
    const graphiql = await fetch(`http://127.0.0.1:${ports.gateway!}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL/);
    // A marker that a re-seed into an empty folder would not bring back.
    const registered = await graphql(ports.gateway!, 'mutation($input: RegisterInput!) { register(input: $input) { id } }', {
      input: { ...marker, country: 'FR', displayName: 'Marker' },
    });
    expect(registered.errors).toBeUndefined();
    // Its welcome and its address check (French: the country's language) reach the mail catcher, whose
    // page the start-up message names.
    const mailPage = `http://127.0.0.1:${ports.mailPage}/`;
    expect(stack.output()).toContain(`Emails the store sent: ${mailPage}`);
    const received = async () =>
      ((await (await fetch(`${mailPage}api/messages?to=${encodeURIComponent(marker.email)}`)).json()) as { messages: { subject: string }[] }).messages;
    const deadline = Date.now() + 30_000;
    while ((await received()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const subjects = (await received()).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/Marker/), expect.stringMatching(/adresse e-mail/)]));
    expect(stack.tree.length).toBeGreaterThanOrEqual(7); // npm, npm, node, 3 services, gateway, PostgreSQL...

    process.kill(-stack.npm.pid!, 'SIGINT'); // what a terminal's Ctrl-C does
    expect(await allGone(stack.tree)).toEqual([]);
    expect(postgresRunningOn(dataDir)).toBe(false);
  }, 300_000);

  it('keeps its data across a restart, and SIGTERM to npm alone (as IDEs send) stops every process', async () => {
    const stack = await startStack(ports);
    const login = await graphql(
      ports.gateway!,
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { customer { id } } }',
      marker,
    );
    expect(login.errors).toBeUndefined();
    expect(login.data.login.customer.id).toMatch(/^[0-9a-f-]{36}$/);

    process.kill(stack.npm.pid!, 'SIGTERM');
    expect(await allGone(stack.tree)).toEqual([]);
    expect(postgresRunningOn(dataDir)).toBe(false);
  }, 300_000);

  it('stops on SIGINT to npm alone', async () => {
    const stack = await startStack(ports);
    process.kill(stack.npm.pid!, 'SIGINT');
    expect(await allGone(stack.tree)).toEqual([]);
    expect(postgresRunningOn(dataDir)).toBe(false);
  }, 300_000);

  it('does not keep running when npm is killed outright', async () => {
    const stack = await startStack(ports);
    process.kill(stack.npm.pid!, 'SIGKILL');
    expect(await allGone(stack.tree)).toEqual([]);
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
