import { describe, expect, it } from 'vitest';
import { latencyResult } from './load.js';

describe('latencyResult', () => {
  it('sorts the latencies and gives the rate and nearest-rank percentiles', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    const r = latencyResult(10, 4, latencies, { ok: 100 });
    expect(r).toMatchObject({ connections: 10, seconds: 4, responses: 100, perSecond: 25, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(r).toMatchObject({ socketErrors: 0, timeouts: 0, outcomes: { ok: 100 } });
    expect([...r.latencies.slice(0, 3)]).toEqual([1, 2, 3]);
  });

  it('has no percentiles without latencies', () => {
    const r = latencyResult(1, 2, [], {});
    expect(r.responses).toBe(0);
    expect(r.perSecond).toBe(0);
    expect(r.p99).toBeNaN();
    expect(r.max).toBeNaN();
  });
});
