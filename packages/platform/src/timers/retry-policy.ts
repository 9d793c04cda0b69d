/** How long a failing timer waits before its next run: doubling from `baseMs`, never more than `maxMs`. */
export interface TimerRetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Runs in all; the last failure marks the timer dead. */
  maxAttempts: number;
}

export const defaultTimerRetryPolicy: TimerRetryPolicy = { baseMs: 5_000, maxMs: 60 * 60_000, maxAttempts: 10 };

export type AfterFailure = { attempts: number; dead: false; retryInMs: number } | { attempts: number; dead: true };

/** Delay before the run after the `failures`-th failure (1-based). */
export function retryDelayMs(failures: number, policy: Pick<TimerRetryPolicy, 'baseMs' | 'maxMs'>): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** 60 already dwarfs any sane cap; bounding the exponent keeps the number finite.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 60));
}

/** What a run that failed turns the timer into: retried later, or dead once it has used its attempts. */
export function afterFailure(previousAttempts: number, policy: TimerRetryPolicy): AfterFailure {
  const attempts = previousAttempts + 1;
  if (attempts >= policy.maxAttempts) return { attempts, dead: true };
  return { attempts, dead: false, retryInMs: retryDelayMs(attempts, policy) };
}
