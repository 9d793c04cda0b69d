import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A V8 `.cpuprofile` as `node --cpu-prof` writes it (only what the summary reads). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FrameTime {
  /** `function (where)`: a package name for dependencies, a repository path for ours, `node:` for Node's own. */
  frame: string;
  ms: number;
  share: number;
}

export interface ProcessProfile {
  process: string;
  /** Profiled wall time and the part of it the process was on the CPU (not idle, not in garbage collection). */
  wallMs: number;
  busyMs: number;
  gcMs: number;
  /** Self time: where the CPU was when sampled. */
  topFunctions: FrameTime[];
  /** Self time summed by package (or our workspace folder): what a change would have to make cheaper. */
  topAreas: FrameTime[];
}

const idleFrames = new Set(['(idle)', '(program)']);

/** Where a script lives, short: the npm package for a dependency, the workspace folder for ours. */
export function areaOf(url: string): string {
  if (!url) return 'V8 / native';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
  }
  const ours = /\/(services|packages|gateway|bench|e2e)\/([^/]+)\//.exec(path);
  if (ours) return ours[1] === 'gateway' ? 'gateway' : `${ours[1]}/${ours[2]}`;
  return path;
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.split('/').pop();
  return `${name} (${areaOf(frame.url)} ${file}:${frame.lineNumber + 1})`;
}

function top(times: Map<string, number>, total: number, n: number): FrameTime[] {
  return [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, ms]) => ({ frame, ms, share: total > 0 ? ms / total : 0 }));
}

/** Sums one or more profiles of the same server (the gateway's workers write one each). */
export function summarizeProfiles(process: string, profiles: readonly CpuProfile[], n = 12): ProcessProfile {
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let wallMs = 0;
  let busyMs = 0;
  let gcMs = 0;
  for (const profile of profiles) {
    wallMs += (profile.endTime - profile.startTime) / 1000;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const frame = nodes.get(id)?.callFrame;
      if (!frame || idleFrames.has(frame.functionName)) return;
      if (frame.functionName === '(garbage collector)') {
        gcMs += ms;
        return;
      }
      busyMs += ms;
      const name = frameName(frame);
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      const area = areaOf(frame.url);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
    });
  }
  return { process, wallMs, busyMs, gcMs, topFunctions: top(byFunction, busyMs, n), topAreas: top(byArea, busyMs, n) };
}

/** Reads `<dir>/<process>/*.cpuprofile` for every process folder under `dir`. */
export async function readProfiles(dir: string): Promise<ProcessProfile[]> {
  const processes = await readdir(dir).catch(() => [] as string[]);
  const summaries: ProcessProfile[] = [];
  for (const name of processes.sort()) {
    const files = (await readdir(join(dir, name)).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) continue;
    const profiles = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, name, f), 'utf8')) as CpuProfile));
    summaries.push(summarizeProfiles(name, profiles));
  }
  return summaries;
}
