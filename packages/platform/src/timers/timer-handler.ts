import type { EntityManager } from '@mikro-orm/postgresql';

/** A timer the scheduler has claimed and is firing. */
export interface DueTimer {
  id: string;
  kind: string;
  key: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  /** Earlier runs that failed (0 on the first run). */
  attempts: number;
}

export interface TimerHandler {
  kind: string;
  /**
   * Runs inside the transaction that marks the timer fired: every write through
   * `em` (events recorded to the outbox included) commits with it, or, if this
   * throws, none of it does and the timer is retried later.
   */
  handle(timer: DueTimer, em: EntityManager): Promise<void>;
  /**
   * When given, up to `batchSize` due timers of this kind fire together: claimed in one statement and handled in
   * one transaction, one commit for them all (`onTimers`). If it throws, none of it stays, and each timer is fired
   * again alone through `handle`, which retries or kills only the one that fails. A kind the scheduler is given a
   * concurrency for fires one timer per transaction all the same (alongside the round).
   */
  handleBatch?(timers: readonly DueTimer[], em: EntityManager): Promise<void>;
  /** The most timers one `handleBatch` call gets. */
  batchSize?: number;
}

/** Pairs a timer kind with what to do when one of that kind is due. */
export function onTimer(kind: string, handle: (timer: DueTimer, em: EntityManager) => Promise<void>): TimerHandler {
  return { kind, handle };
}

/**
 * A kind whose due timers fire in batches of up to `batchSize` (see `TimerHandler.handleBatch`); a timer fired alone
 * (a batch that failed, or the only one due) is a batch of one. For work that costs round trips per timer more than
 * it costs itself; the bigger the batch, the more a failure late in it repeats (every effect it had outside the
 * database, e.g. an email sent, happens again when its timers are fired again).
 */
export function onTimers(kind: string, batchSize: number, handleBatch: (timers: readonly DueTimer[], em: EntityManager) => Promise<void>): TimerHandler {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`timer batch size for kind ${kind} must be a positive integer: ${batchSize}`);
  return { kind, batchSize, handleBatch, handle: (timer, em) => handleBatch([timer], em) };
}
