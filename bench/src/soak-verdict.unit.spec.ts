import { describe, expect, it } from 'vitest';
import { drainedAt, leastSquaresSlope, median, memoryVerdict, type RssPoint } from './soak-verdict.js';

/** Readings every 10 s over `seconds`, RSS given by `mib(at)`. */
const readings = (seconds: number, mib: (at: number) => number): RssPoint[] =>
  Array.from({ length: seconds / 10 + 1 }, (_, i) => ({ at: i * 10, mib: mib(i * 10) }));

describe('leastSquaresSlope', () => {
  it('is the slope of the best line', () => {
    expect(leastSquaresSlope([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 7 })))).toBeCloseTo(3, 10);
    // Symmetric noise around a flat line has no slope.
    expect(
      leastSquaresSlope([
        { x: 0, y: 1 },
        { x: 1, y: -1 },
        { x: 2, y: -1 },
        { x: 3, y: 1 },
      ]),
    ).toBeCloseTo(0, 10);
  });

  it('is NaN without two distinct x', () => {
    expect(leastSquaresSlope([{ x: 1, y: 2 }])).toBeNaN();
    expect(
      leastSquaresSlope([
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]),
    ).toBeNaN();
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('memoryVerdict', () => {
  it('passes a flat RSS with a garbage collector sawtooth (±15 MiB every 40 s)', () => {
    const v = memoryVerdict(
      'orders',
      readings(600, (at) => 200 + ((at / 10) % 4) * 10 - 15),
      600,
      2,
    );
    expect(v).toMatchObject({ process: 'orders', verdict: 'OK', windowSeconds: 300, points: 31 });
    expect(Math.abs(v.slope)).toBeLessThan(1);
  });

  it('fails a steady leak above the limit (3 MiB/min) over the second half', () => {
    const v = memoryVerdict(
      'gateway',
      readings(600, (at) => 300 + (3 * at) / 60),
      600,
      2,
    );
    expect(v.verdict).toBe('GROWING');
    expect(v.slope).toBeCloseTo(3, 6);
    // First minute of the half (300-350 s) → last minute (550-600 s), medians.
    expect(v.firstMinute).toBeCloseTo(300 + (3 * 325) / 60, 6);
    expect(v.lastMinute).toBeCloseTo(300 + (3 * 575) / 60, 6);
  });

  it('passes a leak below the limit (1 MiB/min)', () => {
    expect(
      memoryVerdict(
        'catalog',
        readings(600, (at) => 150 + at / 60),
        600,
        2,
      ).verdict,
    ).toBe('OK');
  });

  it('ignores warm-up growth in the first half of the load', () => {
    const v = memoryVerdict(
      'payments',
      readings(600, (at) => (at < 300 ? 100 + at / 3 : 200)),
      600,
      2,
    );
    expect(v.verdict).toBe('OK');
    expect(v.slope).toBeCloseTo(0, 6);
  });

  it('does not fail on a jump in the last two readings alone: the whole-minute medians do not move', () => {
    const v = memoryVerdict(
      'accounts',
      readings(600, (at) => (at >= 590 ? 260 : 200)),
      600,
      2,
    );
    // The fit tilts above the limit...
    expect(v.slope).toBeGreaterThan(2);
    // ...but the last minute's median is still 200.
    expect(v.lastMinute).toBe(200);
    expect(v.verdict).toBe('OK');
  });

  it('leaves out the readings taken after the load (the drain)', () => {
    const during = readings(600, () => 200);
    const after = [610, 620, 630].map((at) => ({ at, mib: 400 }));
    expect(memoryVerdict('orders', [...during, ...after], 600, 2)).toMatchObject({ verdict: 'OK', lastMinute: 200 });
  });

  it('is inconclusive when the second half is under two minutes, however it grows', () => {
    const v = memoryVerdict(
      'orders',
      readings(90, (at) => 100 + at),
      90,
      2,
    );
    expect(v.verdict).toBe('INCONCLUSIVE');
    expect(v.windowSeconds).toBe(40);
    expect(memoryVerdict('orders', [], 600, 2)).toMatchObject({ verdict: 'INCONCLUSIVE', points: 0 });
  });
});

describe('drainedAt', () => {
  it('is the first of two zero readings in a row', () => {
    expect(
      drainedAt([
        { at: 0, total: 40 },
        { at: 1, total: 0 },
        { at: 2, total: 3 },
        { at: 3, total: 0 },
        { at: 4, total: 0 },
      ]),
    ).toBe(3);
  });

  it('is undefined while the backlog never reads 0 twice in a row', () => {
    expect(
      drainedAt([
        { at: 0, total: 5 },
        { at: 1, total: 0 },
        { at: 2, total: 1 },
      ]),
    ).toBeUndefined();
    expect(drainedAt([])).toBeUndefined();
  });
});
