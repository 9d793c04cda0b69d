/** What a throttle counts failed sign-ins by. */
export type ThrottleScope = 'account' | 'address';

export interface ThrottleRule {
  scope: ThrottleScope;
  maxFailures: number;
  windowSeconds: number;
}

/**
 * Default rules, as data. Per account: slows password guessing against one
 * customer. Per address: slows one client trying many accounts (credential
 * stuffing), with more room because offices and carrier NATs share addresses.
 */
export const defaultThrottleRules: readonly ThrottleRule[] = [
  { scope: 'account', maxFailures: 5, windowSeconds: 15 * 60 },
  { scope: 'address', maxFailures: 20, windowSeconds: 15 * 60 },
];

/** The most recent failures counted against one rule's key, newest first, at most `maxFailures` of them, within its window. */
export interface RecentFailures {
  rule: ThrottleRule;
  failedAt: readonly Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/**
 * Sliding window: once `maxFailures` failures fall within the window, the
 * key is locked until the oldest of them leaves it. When several rules lock,
 * the caller waits for the longest.
 */
export function decideLoginThrottle(recent: readonly RecentFailures[], now: Date): ThrottleDecision {
  let decision: ThrottleDecision = { allowed: true };
  for (const { rule, failedAt } of recent) {
    const windowStart = now.getTime() - rule.windowSeconds * 1000;
    const inWindow = failedAt.filter((d) => d.getTime() > windowStart).sort((a, b) => b.getTime() - a.getTime());
    if (inWindow.length < rule.maxFailures) continue;
    const oldestCounted = inWindow[rule.maxFailures - 1]!;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounted.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
    if (decision.allowed || retryAfterSeconds > decision.retryAfterSeconds) decision = { allowed: false, scope: rule.scope, retryAfterSeconds };
  }
  return decision;
}

/** "Try again in N minutes", rounded up so the customer never retries too early. */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** Failures older than this are read by no rule any more: housekeeping may delete them. */
export function oldestFailureStillRead(rules: readonly ThrottleRule[], now: Date): Date {
  return new Date(now.getTime() - Math.max(...rules.map((r) => r.windowSeconds)) * 1000);
}
