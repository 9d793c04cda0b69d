/**
 * Mailpit (MIT), a real SMTP server that keeps what it receives and serves
 * it over a REST API: the notifications service's tests send to it and read
 * the messages back. Built once from the Go module proxy (`go-tool.ts`),
 * started on loopback ports. Its web UI is not part of a `go install` build;
 * the API (`/api/v1/messages`, `/api/v1/message/{id}`) is.
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePorts } from './free-port.js';
import { ensureGoBinary } from './go-tool.js';
import { spawnWithParentDeathSignal } from './kafka-broker.js';

/** Pinned: the tests read its REST API's shapes. */
export const MAILPIT_VERSION = 'v1.33.1';

export interface MailpitOptions {
  /** Ports to bind (a restarted server takes its old ones); free ones otherwise. */
  smtpPort?: number;
  httpPort?: number;
  /** Where its database lives; a restart on the same folder keeps the messages. A fresh temp folder otherwise (deleted on stop). */
  dataDir?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface RunningMailpit {
  host: string;
  smtpPort: number;
  httpPort: number;
  /** The REST API's base, e.g. http://127.0.0.1:P/api/v1 */
  apiUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export function ensureMailpit(options: Pick<MailpitOptions, 'cacheDir' | 'log'> = {}): Promise<string> {
  return ensureGoBinary({ module: 'github.com/axllent/mailpit', version: MAILPIT_VERSION, binary: 'mailpit', ...options });
}

export async function startMailpit(options: MailpitOptions = {}): Promise<RunningMailpit> {
  const binary = await ensureMailpit(options);
  const log = options.log ?? (() => {});
  const host = '127.0.0.1';
  const [freeSmtp, freeHttp] = await freePorts(2);
  const smtpPort = options.smtpPort ?? freeSmtp!;
  const httpPort = options.httpPort ?? freeHttp!;
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'vitrine-mailpit-')));
  const args = [
    '--smtp',
    `${host}:${smtpPort}`,
    '--listen',
    `${host}:${httpPort}`,
    '--database',
    join(dataDir, 'mailpit.db'),
    '--disable-version-check',
    // Plain SMTP on loopback, any credentials: the service's own settings decide whether it authenticates.
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
  ];
  const child: ChildProcess = spawnWithParentDeathSignal(binary, args, dataDir);
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      log(line);
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    })());

  const apiUrl = `http://${host}:${httpPort}/api/v1`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`mailpit exited before it was ready:\n${lines.join('\n')}`);
    }
    const ok = await fetch(`${apiUrl}/info`, { signal: AbortSignal.timeout(1_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mailpit not ready after ${READY_TIMEOUT_MS} ms:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { host, smtpPort, httpPort, apiUrl, dataDir, stop };
}
