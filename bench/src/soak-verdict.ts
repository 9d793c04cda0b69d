// The soak's verdicts (issue #15), as pure functions over the samples: memory that grows without bound, and event lag
// that does not come back to zero once the load stops.

/** One RSS reading of a process: seconds from the start of the load, MiB. */
export interface RssPoint {
  at: number;
  mib: number;
}

export interface MemoryVerdict {
  process: string;
  /** GROWING fails the soak; INCONCLUSIVE (a load too short to tell) does not. */
  verdict: 'OK' | 'GROWING' | 'INCONCLUSIVE';
  /** Least-squares slope of RSS over the judged window, MiB per minute. */
  slope: number;
  /** Median RSS of the window's first and last minute, MiB. */
  firstMinute: number;
  lastMinute: number;
  /** The judged window: the second half of the load. */
  windowSeconds: number;
  points: number;
}

/** Below this the second half of the load is too short to tell a leak from a garbage collector's rhythm. */
export const minimumWindowSeconds = 120;
const minimumPoints = 6;

/** Least-squares slope of y over x (NaN with fewer than two distinct x). */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance > 0 ? covariance / variance : Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The rule. Only the second half of the load is judged: the first fills the
 * JIT, pools, caches and the garbage collector's heap to their working size.
 * Over that window a process grows without bound when both
 * - the least-squares slope of its RSS is above `maxGrowth` MiB/min, and
 * - the median of its last minute is above the median of the window's first
 *   minute by more than half of what that slope limit would add over the
 *   window,
 * so that a spike, or a jump in the last few readings, does not fail a run on
 * its own (the fit tilts, the whole-minute medians do not move), while any
 * steady leak at the limit or above shows in both. A window shorter
 * than `minimumWindowSeconds` (or with fewer than 6 readings) is INCONCLUSIVE,
 * which is not a failure: the run was too short to judge.
 */
export function memoryVerdict(process: string, readings: readonly RssPoint[], loadSeconds: number, maxGrowth: number): MemoryVerdict {
  const window = readings.filter((r) => r.at >= loadSeconds / 2 && r.at <= loadSeconds).sort((a, b) => a.at - b.at);
  const from = window[0]?.at ?? Number.NaN;
  const to = window[window.length - 1]?.at ?? Number.NaN;
  const windowSeconds = window.length ? to - from : 0;
  const slope = leastSquaresSlope(window.map((r) => ({ x: r.at / 60, y: r.mib })));
  const firstMinute = median(window.filter((r) => r.at < from + 60).map((r) => r.mib));
  const lastMinute = median(window.filter((r) => r.at > to - 60).map((r) => r.mib));
  const figures = { process, slope, firstMinute, lastMinute, windowSeconds, points: window.length };
  if (windowSeconds < minimumWindowSeconds || window.length < minimumPoints) return { ...figures, verdict: 'INCONCLUSIVE' };
  const growing = slope > maxGrowth && lastMinute - firstMinute > (maxGrowth * windowSeconds) / 60 / 2;
  return { ...figures, verdict: growing ? 'GROWING' : 'OK' };
}

/** One reading of the whole event backlog (outboxes + consumer lag) after the load. */
export interface LagPoll {
  at: number;
  total: number;
}

/** Consecutive empty readings that make a drain: an empty outbox may mean a message between a relay and a consumer. */
export const drainedPolls = 2;

/**
 * When the backlog came back to zero after the load: the first of
 * `drainedPolls` consecutive zero readings, or undefined if it never did
 * (which fails the soak: lag that does not return to zero is events stuck
 * or lost on the way).
 */
export function drainedAt(polls: readonly LagPoll[]): number | undefined {
  let run = 0;
  for (const [i, poll] of polls.entries()) {
    run = poll.total === 0 ? run + 1 : 0;
    if (run === drainedPolls) return polls[i - drainedPolls + 1]!.at;
  }
  return undefined;
}
