import { describe, expect, it } from 'vitest';
import { latencyResult, type LoadResult } from './load.js';
import { hiveSection, hiveVerdict } from './report-hive.js';
import type { HiveComparison, HiveRun } from './workloads/hive-reads.js';

/** `responses` responses over 10 s, every one `latency` ms, and the gateway's process tree busy `cores` cores meanwhile. */
const load = (responses: number, latency: number, outcomes: Record<string, number> = { ok: responses }, cores?: Record<string, number>): LoadResult => ({
  ...latencyResult(10, 10, new Array<number>(responses).fill(latency), outcomes),
  ...(cores ? { resources: { cores, transactionsPerSecond: 0 } } : {}),
});

const products = (hive: LoadResult, apollo = load(3000, 20, undefined, { gateway: 0.6 })): HiveComparison => ({
  name: 'products(first: 20)',
  subgraph: 'catalog',
  apollo,
  hive,
  direct: load(4000, 10),
  baseline: 'reads',
});

describe('the verdict between the two gateways', () => {
  it('names the one with more requests per second, with the ratios', () => {
    expect(hiveVerdict(products(load(4500, 12)))).toBe('products(first: 20): Hive Gateway is faster (Hive/Apollo req/s x1.50, p50 x0.60, p99 x0.60)');
    expect(hiveVerdict(products(load(1500, 40)))).toBe('products(first: 20): Apollo gateway is faster (Hive/Apollo req/s x0.50, p50 x2.00, p99 x2.00)');
  });

  it('calls less than 5% apart a tie', () => {
    expect(hiveVerdict(products(load(3100, 19)))).toMatch(/^products\(first: 20\): a tie within 5% \(Hive\/Apollo req\/s x1\.03/);
  });

  it('compares nothing when either answered wrongly, however fast', () => {
    expect(hiveVerdict(products(load(9000, 5, { ok: 8990, 'unexpected data': 10 })))).toBe(
      'products(first: 20): not comparable, Hive Gateway had 10 failed responses',
    );
    const timedOut = { ...load(3000, 20), timeouts: 2 };
    expect(hiveVerdict(products(load(9000, 5, { ok: 8999, 'HTTP 401: UNAUTHENTICATED': 1 }), timedOut))).toBe(
      'products(first: 20): not comparable, Apollo gateway had 2 failed responses and Hive Gateway had 1 failed responses',
    );
  });
});

describe('the hive section', () => {
  const run = (comparisons: HiveComparison[]): HiveRun => ({ version: '2.12.1', workers: 2, comparisons });

  it('gives the three paths, each gateway its own CPU per response, the ratios and the verdict', () => {
    const text = hiveSection(run([products(load(4500, 12, undefined, { 'hive-gateway': 0.45, gateway: 0.01 }))])).join('\n');
    expect(text).toContain('## (a) against Hive Gateway');
    expect(text).toContain('`@graphql-hive/gateway-runtime` 2.12.1');
    expect(text).toContain('2 worker processes each');
    expect(text).toContain("The direct rows are (a)'s");
    expect(text).toContain('Apollo / Hive / Hive / Apollo');
    // 0.6 cores over 10 s for 3000 responses: 2 ms each; Hive 0.45 cores for 4500: 1 ms.
    expect(text).toContain('| products(first: 20) | Apollo gateway | 300 | 20.00 | 20.00 | 3000 | ok: 3000 | 0 / 0 | 2.00 |');
    expect(text).toContain('| products(first: 20) | Hive Gateway | 450 | 12.00 | 12.00 | 4500 | ok: 4500 | 0 / 0 | 1.00 |');
    expect(text).toContain('| products(first: 20) | catalog direct | 400 | 10.00 | 10.00 | 4000 | ok: 4000 | 0 / 0 | - |');
    expect(text).toContain('| products(first: 20) | x1.50 | x0.60 | x0.60 | x0.75 | x1.13 |');
    expect(text).toContain('**Verdict:** products(first: 20): Hive Gateway is faster');
  });

  it('says when it measured the direct side itself', () => {
    const text = hiveSection(run([{ ...products(load(3000, 20)), baseline: 'own' }])).join('\n');
    expect(text).toContain('(a) did not run (BENCH_ONLY), so the direct rows were measured here.');
    expect(text).not.toContain("rows are (a)'s");
  });
});
