export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class StepTimeout extends Error {
  override name = 'StepTimeout';
}

/** A hung step must fail the run with its name, not stall it until someone notices. */
export async function withTimeout<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`${label}: no result within ${Math.round(ms / 1000)}s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until `probe` returns a value; probe errors count as "not yet" so a flaky poll does not end the wait. */
export async function pollUntil<T>(label: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(intervalMs);
  }
  const why = lastError ? ` (last error: ${errorMessage(lastError)})` : '';
  throw new StepTimeout(`${label}: not reached within ${Math.round(timeoutMs / 1000)}s${why}`);
}

/**
 * Like pollUntil, for a set-up that advances step by step (dues reaching a
 * service): waits as long as `progress` keeps growing, and gives up only
 * after `stallMs` without any.
 */
export async function pollWhileProgressing<T>(
  label: string,
  stallMs: number,
  probe: () => Promise<{ progress: number; done?: T }>,
  intervalMs = 500,
): Promise<T> {
  let best = -1;
  let deadline = Date.now() + stallMs;
  for (;;) {
    const { progress, done } = await probe();
    if (done !== undefined) return done;
    if (progress > best) {
      best = progress;
      deadline = Date.now() + stallMs;
    }
    if (Date.now() >= deadline) throw new StepTimeout(`${label}: stuck at ${best} for ${Math.round(stallMs / 1000)}s`);
    await sleep(intervalMs);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
