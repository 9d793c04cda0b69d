import { createHash } from 'node:crypto';
import { Conflict } from '@vitrine/platform/domain';

/** Keys are kept at least this long; after it the same key is a new request (Stripe keeps them 24 h). */
export const idempotencyRetentionMs = 24 * 60 * 60 * 1000;

/** How long a running first request holds its key before a retry may take over (it crashed without an answer). */
export const idempotencyLeaseMs = 2 * 60 * 1000;

const keyPattern = /^[A-Za-z0-9._:-]{8,200}$/;

/** The same rule as orders' keys: 8 to 200 of letters, digits and `._:-` (a UUID fits). */
export function isValidIdempotencyKey(key: string): boolean {
  return keyPattern.test(key);
}

/**
 * JSON with object keys sorted and no whitespace, so equal requests give
 * equal text. Arrays under a key listed in `unorderedKeys` (ids where order
 * means nothing, e.g. `orderIds` of a bulk payment) and Sets are sorted;
 * duplicates are kept (listing an order twice is another request). Dates
 * become ISO strings, -0 becomes 0, undefined object fields are left out.
 * Anything else JSON cannot say exactly (NaN, bigint, functions, Maps,
 * class instances) throws: it is a bug to fingerprint it.
 */
export function canonicalJson(value: unknown, unorderedKeys: readonly string[] = []): string {
  const write = (v: unknown, unordered: boolean): string => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`Cannot fingerprint the number ${v}.`);
      return JSON.stringify(v === 0 ? 0 : v);
    }
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (v instanceof Set) return write([...v], true);
    if (Array.isArray(v)) {
      const items = v.map((item) => {
        if (item === undefined) throw new TypeError('Cannot fingerprint undefined in a list.');
        return write(item, false);
      });
      return `[${(unordered ? items.sort() : items).join(',')}]`;
    }
    if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      const fields = Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], unorderedKeys.includes(k))}`);
      return `{${fields.join(',')}}`;
    }
    throw new TypeError(`Cannot fingerprint a ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}.`);
  };
  return write(value, false);
}

/**
 * What a retry must repeat exactly under the same key: the operation and its
 * parameters, canonically. Scope keys per caller in the store (customer or
 * staff member plus key), not here.
 */
export function requestFingerprint(operation: string, params: unknown, unorderedKeys: readonly string[] = []): string {
  return createHash('sha256')
    .update(canonicalJson([operation, params], unorderedKeys))
    .digest('hex');
}

/** A stored key: created when the first request starts, completed with its response (success or error alike). */
export interface IdempotencyRecord<R> {
  fingerprint: string;
  createdAt: Date;
  /** Until when the running first request holds the key; irrelevant once completed. */
  lockedUntil: Date;
  completedAt: Date | null;
  response: R | null;
}

export type IdempotencyDecision<R> =
  | { kind: 'proceed' }
  | { kind: 'replay'; response: R }
  | { kind: 'conflict'; error: Conflict }
  | { kind: 'in-progress'; retryAfterMs: number }
  | { kind: 'take-over' };

export function idempotencyConflict(): Conflict {
  return new Conflict('This idempotency key was already used for a different request. Use a new key for a new request.', {
    rule: 'IDEMPOTENCY_KEY_REUSED',
  });
}

/**
 * What to do with a request under a key, given what is stored for it
 * (Stripe's semantics):
 * - nothing stored, or stored longer ago than the retention: proceed (store
 *   an in-progress record first, in the same transaction as the lock);
 * - other parameters under the key: conflict, even while the first runs;
 * - the first request finished: replay its response, error or not;
 * - the first request is still running: in-progress (a concurrent duplicate
 *   waits and asks again, then gets the replay: the money moves once);
 * - it ran past its lease without an answer (the process died): take over
 *   and run again. Safe because every provider call passes the same key on.
 */
export function decideIdempotency<R>(record: IdempotencyRecord<R> | null, fingerprint: string, now: Date): IdempotencyDecision<R> {
  if (record === null || now.getTime() - record.createdAt.getTime() >= idempotencyRetentionMs) return { kind: 'proceed' };
  if (record.fingerprint !== fingerprint) return { kind: 'conflict', error: idempotencyConflict() };
  if (record.completedAt !== null) return { kind: 'replay', response: record.response as R };
  const wait = record.lockedUntil.getTime() - now.getTime();
  return wait > 0 ? { kind: 'in-progress', retryAfterMs: wait } : { kind: 'take-over' };
}

/** A new in-progress record for a request that proceeds or takes over. */
export function startRecord<R>(fingerprint: string, now: Date): IdempotencyRecord<R> {
  return { fingerprint, createdAt: now, lockedUntil: new Date(now.getTime() + idempotencyLeaseMs), completedAt: null, response: null };
}

/** The record once the first request has its response (success or error): replayed from now on. */
export function completeRecord<R>(record: IdempotencyRecord<R>, response: R, now: Date): IdempotencyRecord<R> {
  return { ...record, completedAt: now, response };
}
