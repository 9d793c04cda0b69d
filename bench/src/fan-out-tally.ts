import { percentile } from './util.js';

// What the fan-out workload's receivers saw, against what orders produced: pure, so it is unit-tested.

/** One verified webhook request, as a partner's receiver got it (in arrival order). */
export interface Receipt {
  /** Which receiver (partner) got it: 0 .. partners - 1. */
  partner: number;
  eventId: string;
  type: string;
  subject: string;
  /** The envelope's `time` (store time when the event was staged in its service's outbox), ms since the epoch. */
  eventTime: number;
  /** When the receiver had the whole request, ms since the epoch (same machine, same clock). */
  receivedAt: number;
}

/** An event of a subscribed type staged in orders' outbox during the run. */
export interface ProducedEvent {
  id: string;
  type: string;
  subject: string;
  /** The outbox's publication order: one subject's events must reach each partner in this order. */
  seq: number;
}

export interface FanOutTally {
  produced: number;
  producedByType: Record<string, number>;
  /** produced x partners: each partner gets every event once. */
  expected: number;
  /** Distinct (partner, produced event) pairs received. */
  received: number;
  missing: number;
  /** A few of the missing ones, `partner <n> <type> <subject>`, for the report. */
  missingExamples: string[];
  /** Receipts of a (partner, event) already received: at-least-once retries. */
  duplicates: number;
  /**
   * First receipts that came after a later event (outbox order) of the same
   * subject had already reached that partner: must be 0.
   */
  outOfOrder: number;
  /** Receipts of a type the partners did not subscribe to: must be 0. */
  unsubscribedType: number;
  /** Receipts of subscribed types for events not staged during the run (e.g. an earlier workload's, late). */
  other: number;
  /** Commit → receipt (ms) of each first receipt of a produced event, ascending. */
  delays: Float64Array;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Earliest and latest first receipt (ms since the epoch), NaN when nothing arrived. */
  firstReceivedAt: number;
  lastReceivedAt: number;
}

const maxExamples = 5;

/**
 * Matches the receipts (in arrival order) with the events produced: what
 * arrived once, twice or never, the delay from each event's time to its
 * first arrival, and, per partner and subject, whether the first arrivals
 * followed the outbox order.
 */
export function tallyFanOut(receipts: readonly Receipt[], produced: readonly ProducedEvent[], partners: number, types: readonly string[]): FanOutTally {
  const byId = new Map(produced.map((e) => [e.id, e]));
  const subscribed = new Set(types);
  const producedByType: Record<string, number> = {};
  for (const e of produced) producedByType[e.type] = (producedByType[e.type] ?? 0) + 1;

  const seen = new Set<string>();
  /** Highest outbox seq that reached a partner, per `partner subject`. */
  const latest = new Map<string, number>();
  const delays: number[] = [];
  let duplicates = 0;
  let outOfOrder = 0;
  let unsubscribedType = 0;
  let other = 0;
  let firstReceivedAt = Infinity;
  let lastReceivedAt = -Infinity;
  for (const r of receipts) {
    if (!subscribed.has(r.type)) {
      unsubscribedType++;
      continue;
    }
    const event = byId.get(r.eventId);
    if (!event) {
      other++;
      continue;
    }
    const pair = `${r.partner} ${r.eventId}`;
    if (seen.has(pair)) {
      duplicates++;
      continue;
    }
    seen.add(pair);
    delays.push(r.receivedAt - r.eventTime);
    firstReceivedAt = Math.min(firstReceivedAt, r.receivedAt);
    lastReceivedAt = Math.max(lastReceivedAt, r.receivedAt);
    const stream = `${r.partner} ${event.subject}`;
    const before = latest.get(stream);
    if (before !== undefined && event.seq < before) outOfOrder++;
    else latest.set(stream, event.seq);
  }

  const missingExamples: string[] = [];
  let received = 0;
  for (let partner = 0; partner < partners; partner++) {
    for (const e of produced) {
      if (seen.has(`${partner} ${e.id}`)) received++;
      else if (missingExamples.length < maxExamples) missingExamples.push(`partner ${partner} ${e.type} ${e.subject}`);
    }
  }
  const expected = produced.length * partners;
  const sorted = Float64Array.from(delays).sort();
  return {
    produced: produced.length,
    producedByType,
    expected,
    received,
    missing: expected - received,
    missingExamples,
    duplicates,
    outOfOrder,
    unsubscribedType,
    other,
    delays: sorted,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    firstReceivedAt: sorted.length ? firstReceivedAt : Number.NaN,
    lastReceivedAt: sorted.length ? lastReceivedAt : Number.NaN,
  };
}
