/** How a message that could not be sent is tried again: doubling delays from `baseMs`, capped at `maxMs`, `maxAttempts` sends in all. */
export interface RetrySchedule {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** About two days of tries (30 s, 1 min, 2 min ... then hourly): an SMTP relay down for a day loses nothing. */
export const defaultEmailRetry: RetrySchedule = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 55 };

export type AfterFailedAttempt = { giveUp: true } | { giveUp: false; retryInMs: number };

/** After the `attempts`-th failed send (1-based): when to try again, or give up (the message is then FAILED, for staff). */
export function afterFailedAttempt(attempts: number, schedule: RetrySchedule): AfterFailedAttempt {
  if (attempts >= schedule.maxAttempts) return { giveUp: true };
  const exponent = Math.min(Math.max(0, attempts - 1), 40);
  return { giveUp: false, retryInMs: Math.min(schedule.maxMs, schedule.baseMs * 2 ** exponent) };
}

/** Message statuses: PENDING until sent, FAILED when the tries ran out, CANCELLED when there is no one to send to any more (account deleted). */
export const messageStatuses = ['PENDING', 'SENT', 'FAILED', 'CANCELLED'] as const;
export type MessageStatus = (typeof messageStatuses)[number];
