/**
 * Node servers run as children by the local stack (`npm start`) and the
 * bench: started on the parent's Node binary, their output prefixed with
 * their name, polled until ready, stopped gracefully.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { httpStatus } from './http-status.js';
import { createLogTally, lineSplitter, type LogSummary } from './log-tally.js';
import { serverNodeFlags } from './server-runtime.js';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Every line of output, when started with a `logDir`. */
  logFile?: string;
  logSummary(): LogSummary;
}

export interface StartProcessOptions {
  /** Also write every line to `<logDir>/<name>.log`. */
  logDir?: string;
  /**
   * Lines echoed to the console; the rest only reach the log file. Under load
   * a failing service can log thousands of lines. Default: all.
   */
  echoLimit?: number;
}

export function startProcess(name: string, entry: string, env: Record<string, string>, options: StartProcessOptions = {}): ManagedProcess {
  const logFile = options.logDir ? join(options.logDir, `${name}.log`) : undefined;
  const log = logFile ? createWriteStream(logFile) : undefined;
  const echoLimit = options.echoLimit ?? Infinity;
  const child = spawn(process.execPath, [...serverNodeFlags, entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tally = createLogTally(logFile);
  let echoed = 0;

  const onLine = (out: NodeJS.WritableStream) => (line: string) => {
    if (!line.trim()) return;
    log?.write(`${line}\n`);
    tally.add(line);
    if (echoed < echoLimit) {
      echoed += 1;
      out.write(`[${name}] ${line.length > 300 && logFile ? `${line.slice(0, 300)}...` : line}\n`);
      if (echoed === echoLimit) out.write(`[${name}] (further output ${logFile ? `only in ${logFile}` : 'not shown'})\n`);
    }
  };
  child.stdout?.on('data', lineSplitter(onLine(process.stdout)));
  child.stderr?.on('data', lineSplitter(onLine(process.stderr)));

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      log?.end();
      resolve(code ?? (signal ? 128 : null));
    }),
  );
  return { name, child, exited, logFile, logSummary: tally.summary };
}

export function isRunning(proc: ManagedProcess): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null;
}

const whereLogged = (proc: ManagedProcess) => (proc.logFile ? `log: ${proc.logFile}` : 'see its output above');

/** Polls a readiness URL until it answers 200, failing fast if the process dies first. */
export async function waitUntilReady(proc: ManagedProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(proc)) throw new Error(`${proc.name} exited during start-up (${whereLogged(proc)})`);
    const status = await httpStatus(url, 2_000);
    if (status !== undefined && status >= 200 && status < 300) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} was not ready within ${timeoutMs / 1000}s (${url}; ${whereLogged(proc)})`);
}

/** SIGTERM (the services drain and flush their outbox), then SIGKILL after a grace period. */
export async function stopProcess(proc: ManagedProcess, graceMs = 20_000): Promise<void> {
  if (!isRunning(proc)) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`[${proc.name}] did not stop within ${graceMs / 1000}s; killing it`);
    proc.child.kill('SIGKILL');
  }, graceMs);
  await proc.exited;
  clearTimeout(timer);
}
