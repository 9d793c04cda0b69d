import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load.js';
import type { BenchOutcome } from './report.js';
import { targetRows, targetsSection } from './report-targets.js';

const load = (perSecond: number, p99: number, transactionsPerSecond?: number): LoadResult => ({
  connections: 50,
  seconds: 10,
  responses: perSecond * 10,
  perSecond,
  p50: p99 / 2,
  p90: p99,
  p99,
  max: p99,
  outcomes: { ok: perSecond * 10 },
  socketErrors: 0,
  timeouts: 0,
  ...(transactionsPerSecond === undefined ? {} : { resources: { cores: {}, transactionsPerSecond } }),
});

describe('the targets table', () => {
  it('puts each figure against its target, says which are met, and which workloads did not run', () => {
    const outcome = {
      orders: { result: load(300, 400, 2400) },
      orderStatements: { seconds: 15, transactions: 0, transactionSeconds: 15, writeTransactions: 500, calls: 0, evicted: 0, top: [] },
      idleMemory: { gateway: 300, 'hive-gateway': 400, orders: 150, catalog: 90 },
    } as unknown as BenchOutcome;
    const rows = targetRows(outcome);
    expect(rows.find((r) => r.workload === 'placeOrder' && r.measure === 'orders/s')).toMatchObject({ now: 300, target: 250 });
    // No wait for late counts (transactionSeconds == seconds): the rate while the load ran, 2400/s over 300 orders/s.
    expect(rows.find((r) => r.measure.startsWith('database transactions per order'))?.now).toBe(8);
    // Neither gateway is a subgraph: the largest subgraph is orders.
    expect(rows.find((r) => r.measure === 'resident memory')).toMatchObject({ workload: 'idle, largest subgraph (orders)', now: 150 });
    // The runner was not measured in this outcome.
    expect(rows.find((r) => r.workload.startsWith('idle, the npm start runner'))).toMatchObject({ now: undefined, target: 60 });

    const text = targetsSection(outcome).join('\n');
    expect(text).toContain('| placeOrder | orders/s | 300 /s | >= 250 /s | yes |');
    expect(text).toContain('| placeOrder | p99 | 400 ms | <= 250 ms | no |');
    // 3000 orders over the 15 s until every consumer was quiet.
    expect(text).toContain('| placeOrder | orders/s through every consumer (first order until all are quiet) | 200 /s | >= 250 /s | no |');
    expect(text).toContain('| placeOrder | database transactions per order (first order until all are quiet, less the idle rate) | 8 | <= 6 | no |');
    // 500 transaction ids over 3000 orders.
    expect(text).toContain('| placeOrder | of which wrote (transaction ids, first order until all are quiet; exact) | 0.17 | <= 6 | yes |');
    expect(text).toContain('| drop day | checkouts/s | - | >= 200 /s | not run |');
    // Each server's idle memory follows the targets.
    expect(text).toContain('| orders | 150 | - | - | <= 100 | no |');
  });

  it("holds npm start's runner, measured with its own stack, against its 60 MiB", () => {
    const measured = (rssMiB: number) => targetsSection({ runnerMemory: { rssMiB, privateMiB: 13.2, idleSeconds: 10 } } as unknown as BenchOutcome).join('\n');
    expect(measured(54.3)).toContain(
      '| idle, the npm start runner (the whole stack up, 10 s idle; private 13 MiB) | resident memory | 54.30 MiB | <= 60 MiB | yes |',
    );
    expect(measured(61)).toContain('| resident memory | 61 MiB | <= 60 MiB | no |');
  });

  it("counts an order's transactions over the whole flow once their late counts are in, less the idle rate", () => {
    const outcome = {
      orders: { result: load(300, 400, 2400) },
      // 3000 orders; 26 s counted (15 s of flow, 11 s waiting for late reports) at 50/s idle: 1300 of the 22300 are idle work.
      orderStatements: { seconds: 15, transactions: 22_300, transactionSeconds: 26, writeTransactions: 500, calls: 0, evicted: 0, top: [] },
      idle: { cores: {}, transactionsPerSecond: 50 },
    } as unknown as BenchOutcome;
    expect(targetRows(outcome).find((r) => r.measure.startsWith('database transactions per order'))?.now).toBe(7);
    // Without the idle rate there is nothing to subtract: the load's own rate again.
    const { idle: _, ...noIdle } = outcome;
    expect(targetRows(noIdle as BenchOutcome).find((r) => r.measure.startsWith('database transactions per order'))?.now).toBe(8);
  });

  it('holds the events of each write workload against the event target too, after the overall row', () => {
    const slow = { topic: 'orders.order.v1', consumer: 'notifications', events: 900, p50Ms: 700, p99Ms: 1300, maxMs: 1400 };
    const paced = { ...slow, p50Ms: 130, p99Ms: 208, maxMs: 225 };
    const outcome = {
      eventLatency: [slow],
      eventLatencyByWorkload: [
        { workload: '(b) placeOrder', load: '50 connections', events: 900, slowest: slow },
        { workload: '(i) event fan-out', load: 'placeOrder at 20/s', events: 300, slowest: paced },
        { workload: 'soak', load: '5 purchases/s', events: 0, slowest: undefined },
      ],
    } as unknown as BenchOutcome;
    const text = targetsSection(outcome).join('\n');
    expect(text).toContain('| events on embedded (slowest: orders.order.v1 -> notifications) | outbox-to-consumer p99 | 1300 ms | <= 250 ms | no |');
    expect(text).toContain(
      '| events written during (b) placeOrder (50 connections; slowest: orders.order.v1 -> notifications) | outbox-to-consumer p99 | 1300 ms | <= 250 ms | no |',
    );
    expect(text).toContain(
      '| events written during (i) event fan-out (placeOrder at 20/s; slowest: orders.order.v1 -> notifications) | outbox-to-consumer p99 | 208 ms | <= 250 ms | yes |',
    );
    expect(text).toContain('| events written during soak (5 purchases/s) | outbox-to-consumer p99 | - | <= 250 ms | not run |');
  });
});
