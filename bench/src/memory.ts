import { readFileSync } from 'node:fs';
import { treeTotal } from './cpu.js';

/** Resident memory of one process, in MiB (0 when it is gone or off Linux). */
function ownRssMiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory per server (its process tree: the gateway with its workers), read from /proc at one instant. */
export function sampleMemory(names: ReadonlyMap<number, string>): Record<string, number> {
  const rss: Record<string, number> = {};
  for (const [pid, name] of names) rss[name] = treeTotal(pid, ownRssMiB);
  return rss;
}
