import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { increment, sleep } from './util.js';

export interface LogSummary {
  /** Lines by pino level name (or `raw` for non-JSON output such as stack traces). */
  byLevel: Record<string, number>;
  /** warn-and-above messages, most frequent first. */
  topProblems: { level: string; message: string; count: number }[];
  file: string;
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  logFile: string;
  logSummary(): LogSummary;
}

const pinoLevels: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
// Under load a failing service can log thousands of lines; the console gets a taste, the file gets all.
const echoLimit = 15;

/**
 * Runs a Node entry point as a child on the same Node binary as the bench.
 * Its output goes to a log file and is tallied, so the report can say what
 * the services complained about under load.
 */
export function startProcess(name: string, entry: string, env: Record<string, string>, logDir: string): ManagedProcess {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const byLevel: Record<string, number> = {};
  const problems = new Map<string, { level: string; message: string; count: number }>();
  let echoed = 0;

  const onLine = (line: string) => {
    if (!line.trim()) return;
    log.write(`${line}\n`);
    const { level, message } = parseLine(line);
    increment(byLevel, level);
    if (level === 'warn' || level === 'error' || level === 'fatal' || level === 'raw') {
      const key = `${level}\u0000${message}`;
      const entry = problems.get(key) ?? { level, message, count: 0 };
      entry.count += 1;
      problems.set(key, entry);
    }
    if (echoed < echoLimit) {
      echoed += 1;
      console.log(`[${name}] ${line.length > 300 ? `${line.slice(0, 300)}...` : line}`);
      if (echoed === echoLimit) console.log(`[${name}] (further output only in ${logFile})`);
    }
  };
  child.stdout?.on('data', lineSplitter(onLine));
  child.stderr?.on('data', lineSplitter(onLine));

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      log.end();
      resolve(code ?? (signal ? 128 : null));
    }),
  );
  return {
    name,
    child,
    exited,
    logFile,
    logSummary: () => ({
      byLevel: { ...byLevel },
      topProblems: [...problems.values()].sort((a, b) => b.count - a.count).slice(0, 8),
      file: logFile,
    }),
  };
}

/** Chunks split lines anywhere; workers of the gateway cluster share one pipe. */
function lineSplitter(onLine: (line: string) => void) {
  let rest = '';
  return (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}

function parseLine(line: string): { level: string; message: string } {
  if (line.startsWith('{')) {
    try {
      const parsed = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      const level = pinoLevels[parsed.level ?? 0] ?? 'raw';
      const detail = parsed.err?.message && parsed.err.message !== parsed.msg ? ` (${parsed.err.message})` : '';
      return { level, message: truncate(`${parsed.msg ?? ''}${detail}`) };
    } catch {
      // not JSON after all
    }
  }
  return { level: 'raw', message: truncate(line.trim()) };
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

export function isRunning(proc: ManagedProcess): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null;
}

/** Polls a readiness URL until it answers 200, failing fast if the process dies first. */
export async function waitUntilReady(proc: ManagedProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(proc)) throw new Error(`${proc.name} exited during start-up (log: ${proc.logFile})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${proc.name} was not ready within ${timeoutMs / 1000}s (${url}; log: ${proc.logFile})`);
}

/** SIGTERM (the services drain and flush their outbox), then SIGKILL after a grace period. */
export async function stopProcess(proc: ManagedProcess, graceMs = 20_000): Promise<void> {
  if (!isRunning(proc)) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`[bench] ${proc.name} did not stop within ${graceMs / 1000}s; killing it`);
    proc.child.kill('SIGKILL');
  }, graceMs);
  await proc.exited;
  clearTimeout(timer);
}
