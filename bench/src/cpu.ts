import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per process tree (a service with its workers, PostgreSQL with its
 * backends, the load generator itself), read from /proc. On a small machine
 * everything competes for the same cores; this shows who used them. Linux
 * only: elsewhere the sample is empty and the report says so.
 */
export interface CpuSample {
  at: number;
  /** CPU seconds by group name. */
  seconds: Record<string, number>;
}

// Linux reports utime/stime in clock ticks; 100 per second on every mainstream build.
const ticksPerSecond = 100;

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function ownCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
    // utime + stime, plus cutime + cstime: children that exited (PostgreSQL's autovacuum workers...)
    // leave the tree, and their time would otherwise vanish between two samples.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

function treeCpuSeconds(pid: number): number {
  return ownCpuSeconds(pid) + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return `pid ${pid}`;
  }
}

/** `names` labels the bench's own children by pid; any other child (PostgreSQL) goes by its command name. */
export function sampleCpu(names: ReadonlyMap<number, string>): CpuSample {
  const seconds: Record<string, number> = {};
  const usage = process.cpuUsage();
  seconds['load generator (bench)'] = (usage.user + usage.system) / 1e6;
  for (const child of childrenOf(process.pid)) {
    const name = names.get(child) ?? commandOf(child);
    seconds[name] = (seconds[name] ?? 0) + treeCpuSeconds(child);
  }
  return { at: performance.now(), seconds };
}

/** Average cores busy per group between two samples (1.0 = one core fully used). */
export function coresUsed(from: CpuSample, to: CpuSample): Record<string, number> {
  const wall = (to.at - from.at) / 1000;
  const result: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(to.seconds)) {
    // Processes that exited in between would show a negative delta; there are none mid-run.
    result[name] = Math.max(0, seconds - (from.seconds[name] ?? 0)) / wall;
  }
  return result;
}
