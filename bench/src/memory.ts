import { readFileSync } from 'node:fs';
import { treeTotal } from './cpu.js';

/**
 * One figure of /proc/<pid>/status, in MiB (0 when the process is gone or off Linux). VmRSS is
 * RssAnon (the process's own memory: heap, young generation, malloc) plus RssFile (pages of the
 * node binary and libraries, the same pages in every server, shared and reclaimable).
 */
function ownStatusMiB(pid: number, field: 'VmRSS' | 'RssAnon'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory per server (its process tree: the gateway with its workers), read from /proc at one instant. */
export function sampleMemory(names: ReadonlyMap<number, string>): Record<string, number> {
  const rss: Record<string, number> = {};
  for (const [pid, name] of names) rss[name] = treeTotal(pid, (p) => ownStatusMiB(p, 'VmRSS'));
  return rss;
}

/** The private part of each server's resident memory (RssAnon over its process tree), MiB. */
export function samplePrivateMemory(names: ReadonlyMap<number, string>): Record<string, number> {
  const own: Record<string, number> = {};
  for (const [pid, name] of names) own[name] = treeTotal(pid, (p) => ownStatusMiB(p, 'RssAnon'));
  return own;
}
