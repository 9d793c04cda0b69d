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
}

/** Pairs a timer kind with what to do when one of that kind is due. */
export function onTimer(kind: string, handle: (timer: DueTimer, em: EntityManager) => Promise<void>): TimerHandler {
  return { kind, handle };
}
