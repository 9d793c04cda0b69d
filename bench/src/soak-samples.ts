import { percentile } from './util.js';

/** One purchase of the soak once it is over, times in ms from the start of the load. */
export interface SoakPurchase {
  startedAt: number;
  endedAt: number;
  /** `ok` when the deposit SUCCEEDED; otherwise what went wrong (a GraphQL code, `checkout: no answer`...). */
  outcome: string;
  /** Checkout sent → answered (absent when no answer came). */
  checkoutMs?: number;
  /** Checkout sent → deposit SUCCEEDED (only for `ok`). */
  purchaseMs?: number;
}

/** Where the events stand at one instant: unsent outbox rows per service, messages past each consumer group's position. */
export interface EventLag {
  outbox: Record<string, number>;
  /** Per consumer group; undefined where the transport does not let the bench see it (Kafka). */
  consumers: Record<string, number> | undefined;
}

/** What one sampling interval of the soak saw. */
export interface SoakSample {
  /** Seconds from the start of the load to the end of the interval (the instant RSS and lag were read). */
  at: number;
  /** Seconds the interval lasted (0 for the reading taken as the load starts). */
  seconds: number;
  /** Whether the load was still running at `at`; the readings after it show the drain. */
  underLoad: boolean;
  /** Resident memory per server (its process tree), MiB. */
  rssMiB: Record<string, number>;
  lag: EventLag;
  /** Purchases that ended in the interval: all, SUCCEEDED, and the others by outcome. */
  completed: number;
  succeeded: number;
  perSecond: number;
  /** Of the purchases SUCCEEDED in the interval (nearest rank), ms; NaN when none. */
  purchaseP99: number;
  /** Of the checkouts answered by purchases ended in the interval, ms; NaN when none. */
  checkoutP99: number;
  errors: number;
  errorsByOutcome: Record<string, number>;
}

export const outboxTotal = (lag: EventLag) => Object.values(lag.outbox).reduce((a, b) => a + b, 0);
export const consumerTotal = (lag: EventLag) => (lag.consumers ? Object.values(lag.consumers).reduce((a, b) => a + b, 0) : Number.NaN);
/** Everything not yet applied by its consumers: staged in an outbox, or on the bus past a group's position (0 where unseen). */
export const lagTotal = (lag: EventLag) => outboxTotal(lag) + (lag.consumers ? consumerTotal(lag) : 0);

/**
 * The figures of one interval [fromMs, toMs) from the purchases that ended in
 * it: a purchase counts where it ended, so every one is counted once however
 * long it took; its latency lands in the interval it finished in.
 */
export function intervalFigures(
  purchases: readonly SoakPurchase[],
  fromMs: number,
  toMs: number,
): Pick<SoakSample, 'completed' | 'succeeded' | 'perSecond' | 'purchaseP99' | 'checkoutP99' | 'errors' | 'errorsByOutcome'> {
  const ended = purchases.filter((p) => p.endedAt >= fromMs && p.endedAt < toMs);
  const ok = ended.filter((p) => p.outcome === 'ok');
  const errorsByOutcome: Record<string, number> = {};
  for (const p of ended) if (p.outcome !== 'ok') errorsByOutcome[p.outcome] = (errorsByOutcome[p.outcome] ?? 0) + 1;
  const sorted = (values: (number | undefined)[]) => Float64Array.from(values.filter((v): v is number => v !== undefined)).sort();
  const seconds = (toMs - fromMs) / 1000;
  return {
    completed: ended.length,
    succeeded: ok.length,
    perSecond: seconds > 0 ? ok.length / seconds : Number.NaN,
    purchaseP99: percentile(sorted(ok.map((p) => p.purchaseMs)), 99),
    checkoutP99: percentile(sorted(ended.map((p) => p.checkoutMs)), 99),
    errors: ended.length - ok.length,
    errorsByOutcome,
  };
}

/**
 * The instant (ms from the start of the load) of reading `index`: on a fixed
 * grid, so a slow reading delays the next one without shifting all the
 * others.
 */
export const sampleDueAt = (index: number, intervalSeconds: number) => index * intervalSeconds * 1000;

/**
 * When purchase `index` is due to start at `rate` per second (open loop: on
 * schedule, whatever became of the earlier ones), ms from the start.
 */
export const purchaseDueAt = (index: number, rate: number) => (index * 1000) / rate;
