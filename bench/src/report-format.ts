import type { LoadResult } from './load.js';

// Markdown and number formatting shared by the report's sections.

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
export const ratio = (v: number) => (Number.isFinite(v) ? `x${v.toFixed(2)}` : 'n/a');
export const rate = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function outcomes(result: LoadResult): string {
  const entries = Object.entries(result.outcomes).sort((a, b) => b[1] - a[1]);
  return entries.map(([label, n]) => `${label}: ${n}`).join(', ') || 'none';
}

/** CPU milliseconds a process group spent per response during a run (its cores x wall time / responses). */
export function cpuMsPerResponse(result: LoadResult, group: string): string {
  const cores = result.resources?.cores[group];
  if (cores === undefined || result.responses === 0) return 'n/a';
  return ((cores * result.seconds * 1000) / result.responses).toFixed(2);
}

export function latencyRow(result: LoadResult): (string | number)[] {
  return [
    rate(result.perSecond),
    ms(result.p50),
    ms(result.p90),
    ms(result.p99),
    ms(result.max),
    result.responses,
    outcomes(result),
    `${result.socketErrors} / ${result.timeouts}`,
  ];
}

export const latencyHeader = ['req/s', 'p50', 'p90', 'p99', 'max', 'Responses', 'Outcomes', 'Socket errors / timeouts'];
