/**
 * What a throttle counts failed sign-ins by:
 * - `pair`: one account tried from one client address (a guesser at work);
 * - `address`: one client address across every account (credential stuffing);
 * - `account`: one account from many addresses at once (a distributed attack).
 */
export type ThrottleScope = 'pair' | 'address' | 'account';

/**
 * Growing delays, not a lock: the first `freeFailures` failures in the window
 * cost nothing; after that each failure makes the next attempt wait
 * `baseDelaySeconds`, doubled every `failuresPerDoubling` further failures, at
 * most `maxDelaySeconds`, counted from the latest failure.
 */
export interface ThrottleRule {
  scope: ThrottleScope;
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  failuresPerDoubling: number;
  windowSeconds: number;
  /** `account` only: the brake applies only when the failures come from at least this many distinct addresses. */
  minDistinctAddresses?: number;
}

/**
 * Default rules, as data. Five wrong passwords from someone else slow down
 * that someone (their address, for that account), never the owner signing in
 * from their own address: a rival cannot lock a customer out during a drop.
 * The per-address rule has more room (offices and carrier NATs share
 * addresses). The account-wide brake applies only when many addresses fail
 * on one account (a botnet); its owner then gets in with a reset link.
 */
export const defaultThrottleRules: readonly ThrottleRule[] = [
  { scope: 'pair', freeFailures: 5, baseDelaySeconds: 30, maxDelaySeconds: 60 * 60, failuresPerDoubling: 1, windowSeconds: 60 * 60 },
  { scope: 'address', freeFailures: 20, baseDelaySeconds: 60, maxDelaySeconds: 60 * 60, failuresPerDoubling: 5, windowSeconds: 60 * 60 },
  {
    scope: 'account',
    freeFailures: 50,
    baseDelaySeconds: 60,
    maxDelaySeconds: 60 * 60,
    failuresPerDoubling: 25,
    windowSeconds: 60 * 60,
    minDistinctAddresses: 10,
  },
];

/** One rule's failures within its window: how many, the latest, and (account) from how many addresses. */
export interface RecentFailures {
  rule: ThrottleRule;
  count: number;
  latest: Date | null;
  distinctAddresses?: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/** How long the next attempt must wait after `count` failures under `rule` (0: no wait). */
export function requiredDelaySeconds(rule: ThrottleRule, count: number): number {
  if (count < rule.freeFailures) return 0;
  const doublings = Math.floor((count - rule.freeFailures) / rule.failuresPerDoubling);
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** Math.min(doublings, 30));
}

/**
 * Whether a sign-in may be tried now. Each rule asks for a wait after the
 * latest failure it counts; the caller waits for the longest. The account
 * rule counts only when its failures come from enough distinct addresses.
 */
export function decideLoginThrottle(recent: readonly RecentFailures[], now: Date): ThrottleDecision {
  let decision: ThrottleDecision = { allowed: true };
  for (const { rule, count, latest, distinctAddresses } of recent) {
    if (!latest || now.getTime() - latest.getTime() >= rule.windowSeconds * 1000) continue;
    if (rule.minDistinctAddresses !== undefined && (distinctAddresses ?? 0) < rule.minDistinctAddresses) continue;
    const waitUntil = latest.getTime() + requiredDelaySeconds(rule, count) * 1000;
    if (waitUntil <= now.getTime()) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil((waitUntil - now.getTime()) / 1000));
    if (decision.allowed || retryAfterSeconds > decision.retryAfterSeconds) decision = { allowed: false, scope: rule.scope, retryAfterSeconds };
  }
  return decision;
}

/** "Try again in N seconds/minutes", rounded up so the customer never retries too early, with the way in that always works. */
export function throttleMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
      : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) === 1 ? '' : 's'}`;
  return `Too many failed sign-in attempts. Try again in ${wait}, or reset your password.`;
}

/** Failures older than this are read by no rule any more: housekeeping may delete them. */
export function oldestFailureStillRead(rules: readonly ThrottleRule[], now: Date): Date {
  return new Date(now.getTime() - Math.max(...rules.map((r) => r.windowSeconds)) * 1000);
}
