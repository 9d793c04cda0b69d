import { describe, expect, it } from 'vitest';
import { consumerTotal, intervalFigures, lagTotal, outboxTotal, purchaseDueAt, sampleDueAt, type SoakPurchase } from './soak-samples.js';

const bought = (endedAt: number, purchaseMs: number, checkoutMs = 50): SoakPurchase => ({
  startedAt: endedAt - purchaseMs,
  endedAt,
  outcome: 'ok',
  checkoutMs,
  purchaseMs,
});

describe('intervalFigures', () => {
  it('counts each purchase in the interval it ended in, [from, to)', () => {
    const purchases = [bought(9_999, 800), bought(10_000, 900), bought(19_999, 700), bought(20_000, 600)];
    const f = intervalFigures(purchases, 10_000, 20_000);
    expect(f).toMatchObject({ completed: 2, succeeded: 2, errors: 0, errorsByOutcome: {} });
    expect(f.perSecond).toBeCloseTo(0.2, 10);
    // The purchase that started in the previous interval is counted where it ended.
    expect(intervalFigures(purchases, 0, 10_000).completed).toBe(1);
  });

  it('gives the p99 of the SUCCEEDED purchases and of every answered checkout, by nearest rank', () => {
    const purchases = Array.from({ length: 200 }, (_, i) => bought(1_000 + i, i + 1, 1000 - i));
    const failed: SoakPurchase = { startedAt: 0, endedAt: 5_000, outcome: 'pay: CONFLICT', checkoutMs: 5_000 };
    const f = intervalFigures([...purchases, failed], 0, 10_000);
    // 200 latencies 1..200: rank ceil(0.99 * 200) = 198.
    expect(f.purchaseP99).toBe(198);
    // 201 checkouts, 801..1000 and 5000: rank ceil(0.99 * 201) = 199 → the 199th smallest, 999.
    expect(f.checkoutP99).toBe(999);
    expect(f).toMatchObject({ completed: 201, succeeded: 200, errors: 1, errorsByOutcome: { 'pay: CONFLICT': 1 } });
    expect(f.perSecond).toBe(20);
  });

  it('tallies failures by outcome; a purchase without an answer has no checkout latency', () => {
    const failures: SoakPurchase[] = [
      { startedAt: 0, endedAt: 100, outcome: 'checkout: no answer' },
      { startedAt: 0, endedAt: 200, outcome: 'checkout: no answer' },
      { startedAt: 0, endedAt: 300, outcome: 'checkout: SERVICE_UNAVAILABLE', checkoutMs: 40 },
    ];
    const f = intervalFigures(failures, 0, 1_000);
    expect(f).toMatchObject({ completed: 3, succeeded: 0, perSecond: 0, errors: 3, checkoutP99: 40 });
    expect(f.errorsByOutcome).toEqual({ 'checkout: no answer': 2, 'checkout: SERVICE_UNAVAILABLE': 1 });
    expect(f.purchaseP99).toBeNaN();
  });

  it('has no rate over an empty interval (the reading taken as the load starts)', () => {
    const f = intervalFigures([bought(0, 10)], 0, 0);
    expect(f.completed).toBe(0);
    expect(f.perSecond).toBeNaN();
  });
});

describe('the backlog totals', () => {
  it('add the outboxes and the consumer groups', () => {
    const lag = { outbox: { orders: 3, catalog: 2 }, consumers: { 'orders-service': 10, 'catalog-service': 0, notifications: 5 } };
    expect(outboxTotal(lag)).toBe(5);
    expect(consumerTotal(lag)).toBe(15);
    expect(lagTotal(lag)).toBe(20);
  });

  it('count only the outboxes where consumer lag is not seen (Kafka)', () => {
    const lag = { outbox: { orders: 4 }, consumers: undefined };
    expect(consumerTotal(lag)).toBeNaN();
    expect(lagTotal(lag)).toBe(4);
  });
});

describe('the schedules', () => {
  it('puts readings on a fixed grid and purchases at 1/rate apart', () => {
    expect([0, 1, 2, 60].map((i) => sampleDueAt(i, 10))).toEqual([0, 10_000, 20_000, 600_000]);
    expect([0, 1, 15].map((i) => purchaseDueAt(i, 15))).toEqual([0, 1000 / 15, 1000]);
    // 10 minutes at 12/s: the 7200th purchase (index 7199) is due just before the end.
    expect(purchaseDueAt(7199, 12)).toBeLessThan(600_000);
  });
});
