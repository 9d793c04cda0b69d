import type { ProcessProfile } from './profile.js';
import { table } from './report-format.js';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** BENCH_PROFILE: where each server spent its CPU over the whole run (self time, sampled by V8). */
export function profileSection(profiles: readonly ProcessProfile[]): string[] {
  const out = ['## CPU profiles (BENCH_PROFILE=1)', ''];
  if (profiles.length === 0) return [...out, 'No server wrote a profile (a server killed rather than stopped writes none).', ''];
  out.push(
    'Each server ran under `node --cpu-prof` for the whole run (set-up and warm-ups included, so compare shares, not totals). Self time: where the CPU was when sampled; a package row sums its functions. The gateway sums its workers.',
    '',
    table(
      ['Server', 'Profiled', 'On CPU', 'Garbage collection', 'Top packages (self time)'],
      profiles.map((p) => [
        p.process,
        seconds(p.wallMs),
        seconds(p.busyMs),
        seconds(p.gcMs),
        p.topAreas
          .slice(0, 5)
          .map((a) => `${a.frame} ${pct(a.share)}`)
          .join(', '),
      ]),
    ),
    '',
  );
  for (const p of profiles) {
    out.push(
      `### ${p.process}`,
      '',
      table(
        ['Function (self time)', 'ms', 'Share'],
        p.topFunctions.map((f) => [`\`${f.frame}\``, f.ms.toFixed(0), pct(f.share)]),
      ),
      '',
    );
  }
  return out;
}
