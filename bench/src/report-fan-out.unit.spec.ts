import { describe, expect, it } from 'vitest';
import { tallyFanOut } from './fan-out-tally.js';
import { latencyResult } from './load.js';
import { fanOutSection } from './report-fan-out.js';
import type { FanOutResult } from './workloads/fan-out.js';

const types = ['orders.order.status-changed', 'orders.order.confirmed'];
const produced = Array.from({ length: 100 }, (_, i) => ({ id: `e${i}`, type: types[i % 2]!, subject: `o${Math.floor(i / 2)}`, seq: i }));

const result = (deliveredPerSecond: number, received: number): FanOutResult => {
  const receipts = produced.slice(0, received).map((e, i) => ({ partner: 0, eventId: e.id, type: e.type, subject: e.subject, eventTime: 0, receivedAt: i }));
  const tally = tallyFanOut(receipts, produced, 1, types);
  return {
    partners: 1,
    eventTypes: types,
    targetRate: 5,
    orders: latencyResult(1, 10, [5, 6], { ok: 2 }),
    acknowledgedOrders: [],
    tally,
    rejected: 0,
    loadSeconds: 10,
    drainSeconds: 3,
    drained: tally.missing === 0,
    deliveredPerSecond,
    staged: { p50: 1, p99: 2, max: 3, events: 100 },
    retriedDeliveries: 0,
    resources: { cores: {}, transactionsPerSecond: 0 },
    checks: [{ name: 'every partner received every event (deliveries received == expected)', ok: tally.missing === 0, detail: '' }],
    ok: tally.missing === 0,
  };
};

describe('the fan-out section', () => {
  it('gives the figures and says when the load asked for more than was delivered', () => {
    const text = fanOutSection(result(4, 100)).join('\n');
    expect(text).toContain('## (i) Event fan-out to partner webhooks: OK');
    // 100 expected deliveries over a 10 s load: 10 asked per second, 4 delivered.
    expect(text).toContain('| 100 | 100 | 0 | 10 | 4 | 3.0 s | 0 | 0 | 0 |');
    expect(text).toContain('**Above capacity:** the load asked for 10 deliveries/s and notifications delivered 4/s');
    expect(fanOutSection(result(10, 100)).join('\n')).not.toContain('Above capacity');
  });

  it('fails on missing deliveries', () => {
    const text = fanOutSection(result(10, 90)).join('\n');
    expect(text).toContain('## (i) Event fan-out to partner webhooks: FAILED');
    expect(text).toContain('| 100 | 90 | 10 |');
    expect(text).toContain('(gave up)');
    expect(text).toContain('| every partner received every event (deliveries received == expected) | MISMATCH |');
  });
});
