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
  /** CPU seconds the whole machine was busy (every process, the bench's and anyone else's); absent off Linux. */
  machineBusySeconds?: number;
}

/** The group `coresUsed` reports for CPU used on this machine by processes outside the bench. */
export const otherProcesses = 'other processes';
/** The bench process itself (it generates the load): not part of what the platform spends. */
export const loadGenerator = 'load generator (bench)';

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

/** Busy time of all CPUs (user, nice, system, irq, softirq: not idle, iowait or steal). */
function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
    return (user + nice + system + irq + softirq) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** `own` summed over a process and all its descendants (a service with its workers, PostgreSQL with its backends). */
export function treeTotal(pid: number, own: (pid: number) => number): number {
  return own(pid) + childrenOf(pid).reduce((sum, child) => sum + treeTotal(child, own), 0);
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
  seconds[loadGenerator] = (usage.user + usage.system) / 1e6;
  for (const child of childrenOf(process.pid)) {
    const name = names.get(child) ?? commandOf(child);
    seconds[name] = (seconds[name] ?? 0) + treeTotal(child, ownCpuSeconds);
  }
  const machine = machineBusySeconds();
  return { at: performance.now(), seconds, ...(machine === undefined ? {} : { machineBusySeconds: machine }) };
}

/**
 * Average cores busy per group between two samples (1.0 = one core fully
 * used), plus `other processes`: whatever else kept this machine's CPUs busy
 * (another test run, a build...), which the figures then competed with.
 */
export function coresUsed(from: CpuSample, to: CpuSample): Record<string, number> {
  const wall = (to.at - from.at) / 1000;
  const result: Record<string, number> = {};
  let ours = 0;
  for (const [name, seconds] of Object.entries(to.seconds)) {
    // Processes that exited in between would show a negative delta; there are none mid-run.
    result[name] = Math.max(0, seconds - (from.seconds[name] ?? 0)) / wall;
    ours += result[name];
  }
  if (from.machineBusySeconds !== undefined && to.machineBusySeconds !== undefined) {
    // Clock-tick rounding makes small negative differences; they mean nothing else ran.
    result[otherProcesses] = Math.max(0, (to.machineBusySeconds - from.machineBusySeconds) / wall - ours);
  }
  return result;
}
