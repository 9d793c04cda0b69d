import { describe, expect, it } from 'vitest';
import { loadBenchConfig } from './config.js';
import { latencyResult } from './load.js';
import { soakChart, soakSection } from './report-soak.js';
import { verdict } from './report.js';
import type { SoakSample } from './soak-samples.js';
import { memoryVerdict } from './soak-verdict.js';
import type { SoakResult } from './workloads/soak.js';

const sample = (at: number, underLoad: boolean, orders: number, outbox: number, consumers: number): SoakSample => ({
  at,
  // The first reading comes a few ms after the load starts: no interval to speak of.
  seconds: at === 0 ? 0.003 : 10,
  underLoad,
  rssMiB: { orders, gateway: 300 },
  lag: { outbox: { orders: outbox, catalog: 0 }, consumers: { 'catalog-orders': consumers, 'orders-catalog': 0 } },
  completed: underLoad && at > 0 ? 100 : 0,
  succeeded: underLoad && at > 0 ? 99 : 0,
  perSecond: at === 0 ? 0 : underLoad ? 9.9 : 0,
  purchaseP99: underLoad && at > 0 ? 850 : Number.NaN,
  checkoutP99: underLoad && at > 0 ? 120 : Number.NaN,
  errors: underLoad && at > 0 ? 1 : 0,
  errorsByOutcome: underLoad && at > 0 ? { 'pay: NOT_FOUND': 1 } : {},
});

const soak = (ok: boolean): SoakResult => {
  const samples = [sample(0, true, 180, 0, 0), sample(10, true, 184, 7, 31), sample(20, true, 186, 4, 12), sample(30, false, 186, 0, 0)];
  return {
    targetRate: 10,
    connections: 30,
    plannedSeconds: 20,
    sampleSeconds: 10,
    maxGrowth: 2,
    loadSeconds: 21,
    planned: 200,
    started: 200,
    late: 0,
    purchase: latencyResult(30, 21, [700, 800, 850], { ok: 198, 'pay: NOT_FOUND': 2 }),
    checkout: latencyResult(30, 21, [100, 120], {}),
    requests: { sent: 812, timeouts: 0, socketErrors: 0 },
    samples,
    memory: ['orders', 'gateway'].map((p) =>
      memoryVerdict(
        p,
        samples.map((s) => ({ at: s.at, mib: s.rssMiB[p]! })),
        21,
        2,
      ),
    ),
    drain: ok ? { drained: true, seconds: 3.2, atLoadEnd: 11 } : { drained: false, seconds: 90, atLoadEnd: 11 },
    consumerLagMeasured: true,
    resources: { cores: {}, transactionsPerSecond: 0 },
    acknowledged: [],
    product: { id: 'p', sku: 'SOAK-x' },
    checks: [{ name: 'the event backlog (outboxes + consumer lag) came back to 0 after the load', ok, detail: '' }],
    ok,
  };
};

describe('the soak section', () => {
  it('links the chart, gives the figures, the memory verdicts, the backlog and one row per reading', () => {
    const text = soakSection(soak(true), '2026-12-05T00-00-00Z-soak.svg').join('\n');
    expect(text).toContain('## Soak: OK');
    expect(text).toContain('![Soak: RSS per server and event backlog over time](2026-12-05T00-00-00Z-soak.svg)');
    // A 21 s load is too short to judge memory.
    expect(text).toContain('| orders | 186 | 186 | n/a | 0 s, 1 reading | INCONCLUSIVE |');
    expect(text).toContain(
      "at most 7 unsent outbox rows and 31 messages past the consumers' positions during the load; 11 in all when it stopped; 0 (twice in a row) 3.2 s later",
    );
    expect(text).toContain('| catalog-orders | 31 | 0 |');
    expect(text).toContain('| 10 | on | 9.9 | 850.00 | 120.00 | 1 (pay: NOT_FOUND: 1) | 7 | 31 | 184 | 300 |');
    expect(text).toContain('| 30 | over | 0.0 | n/a | n/a | 0 | 0 | 0 | 186 | 300 |');
    expect(text).toContain('| 0 | on | - | n/a | n/a | 0 | 0 | 0 | 180 | 300 |');
  });

  it('says FAILED and that the backlog did not drain', () => {
    const text = soakSection(soak(false), 'x.svg').join('\n');
    expect(text).toContain('## Soak: FAILED');
    expect(text).toContain('**not back to 0** 90.0 s later');
    expect(text).toContain('| the event backlog (outboxes + consumer lag) came back to 0 after the load | FAIL |');
  });
});

describe('the soak chart', () => {
  it('has a memory series per server and the two backlog series, the end of the load marked', () => {
    const svg = soakChart(soak(true));
    expect([...svg.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual(['orders', 'gateway', 'unsent in outboxes', 'past consumer positions']);
    expect(svg).toContain('>RSS (MiB)</text>');
    expect(svg).toContain('>events</text>');
    expect(svg).toContain('>minutes since the load started</text>');
    expect(svg).toContain('>load stopped</text>');
  });
});

describe('the run verdict', () => {
  it('fails the run when the soak failed, even if the books balance', () => {
    const base = { startedAt: new Date(), finishedAt: new Date(), config: loadBenchConfig({ BENCH_ONLY: 'soak' }) };
    const reconciliation = {
      ok: true,
      ordersByStatus: [],
      deadLetters: { orders: 0, catalog: 0, accounts: 0 },
      products: [],
      checks: [],
      ordersPerCustomer: { customers: 0, min: 0, max: 0 },
    };
    expect(verdict({ ...base, reconciliation, soak: soak(true) })).toBe('OK');
    expect(verdict({ ...base, reconciliation, soak: soak(false) })).toBe('FAILED');
  });
});
