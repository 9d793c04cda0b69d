import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subgraphs } from '@vitrine/gateway/subgraphs';
import { freePorts } from '@vitrine/local-infra';
import { subgraphPortVariable } from '@vitrine/stack/port-variable';
import { repoRoot } from './config.js';
import { sleep } from './util.js';

export interface RunnerMemory {
  /** Resident memory of `npm start`'s runner (its own process, not its children), MiB. */
  rssMiB: number;
  /** Its private part (RssAnon), MiB: the rest is the node binary's pages. */
  privateMiB: number;
  /** How long it sat idle, the whole stack up, before the reading. */
  idleSeconds: number;
}

const mib = (kb: number) => kb / 1024;

/**
 * Issue #14's bound on `npm start`'s runner (60 MiB), read as a user gets it: the runner (`stack/dist/main.js`) run
 * with its own throwaway data folder on free ports, the whole stack up (PostgreSQL, every subgraph, the gateway, the
 * storefront, the mail catcher), idle for `idleSeconds`, then its /proc status; then stopped with SIGINT, as Ctrl-C
 * does. Run after the bench's own stack has stopped, so the two never share the machine.
 */
export async function measureRunnerMemory(idleSeconds: number, startTimeoutMs = 180_000): Promise<RunnerMemory> {
  const parent = await mkdtemp(join(tmpdir(), 'vitrine-bench-runner-'));
  await chmod(parent, 0o755); // PostgreSQL's unprivileged user must reach its data folder when we are root
  const names = [
    'PORT',
    'WEB_PORT',
    'VITRINE_PG_PORT',
    'MAIL_CATCHER_SMTP_PORT',
    'MAIL_CATCHER_PORT',
    ...subgraphs.map(({ name }) => subgraphPortVariable(name)),
  ];
  const ports = await freePorts(names.length);
  const runner = spawn(process.execPath, [join(repoRoot, 'stack/dist/main.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...Object.fromEntries(names.map((name, i) => [name, String(ports[i])])),
      VITRINE_DATA_DIR: join(parent, 'postgres'),
      SMTP_URL: '',
      KAFKA_BROKERS: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  runner.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  runner.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => runner.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + startTimeoutMs;
    while (!output.includes('Vitrine is up')) {
      if (runner.exitCode !== null || Date.now() > deadline) throw new Error(`npm start's runner did not come up:\n${output.slice(-3000)}`);
      await sleep(200);
    }
    await sleep(idleSeconds * 1000);
    const status = readFileSync(`/proc/${runner.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: mib(kb('VmRSS')), privateMiB: mib(kb('RssAnon')), idleSeconds };
  } finally {
    if (runner.exitCode === null) runner.kill('SIGINT');
    const killer = setTimeout(() => runner.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(killer);
    await rm(parent, { recursive: true, force: true });
  }
}
