import { describe, expect, it } from 'vitest';
import { DomainError, PolicyViolation } from '@vitrine/platform/domain';
import {
  applyProviderUpdate,
  canTransition,
  paymentIntentStatuses,
  settledIntentIgnores,
  transition,
  type PaymentIntentStatus,
} from './payment-intent-status.js';

// Rows: from; columns: to, in this order.
const order: PaymentIntentStatus[] = ['REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

// Y: allowed, .: refused.
const allowed: Record<PaymentIntentStatus, string> = {
  REQUIRES_PAYMENT_METHOD: '. Y Y Y Y Y Y',
  REQUIRES_ACTION: '. . Y Y Y Y Y',
  PROCESSING: '. . . Y Y Y .',
  REQUIRES_CAPTURE: '. . . . Y Y Y',
  SUCCEEDED: '. . . . . . .',
  FAILED: '. Y Y Y Y . Y',
  CANCELLED: '. . . . . . .',
};

// A: apply, D: ignore as duplicate, S: ignore as stale, X: anomaly (contradicts a final status). No timestamps.
const onWebhook: Record<PaymentIntentStatus, string> = {
  REQUIRES_PAYMENT_METHOD: 'D A A A A A A',
  REQUIRES_ACTION: 'S D A A A A A',
  PROCESSING: 'S S D A A A S',
  REQUIRES_CAPTURE: 'S S S D A A A',
  SUCCEEDED: 'S S S S D S X',
  FAILED: 'S A A A A D A',
  CANCELLED: 'S S S S X S D',
};

const cells = (row: string) => row.split(' ');
const pairs = order.flatMap((from) => order.map((to, i) => [from, to, i] as const));

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('payment intent status', () => {
  it('lists the statuses in the table order', () => {
    expect(paymentIntentStatuses).toEqual(order);
  });

  it.each(pairs)('%s -> %s follows the table', (from, to, i) => {
    const expected = cells(allowed[from])[i] === 'Y';
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(transition(from, to)).toBe(to);
    else expect(() => transition(from, to)).toThrow(PolicyViolation);
  });

  it('a refused move is a coded error saying what is allowed', () => {
    const error = refusal(() => transition('PROCESSING', 'CANCELLED'));
    expect(error.message).toBe('A payment that is processing cannot become cancelled.');
    expect(error.details).toEqual({
      rule: 'PAYMENT_INTENT_STATUS_TRANSITION',
      from: 'PROCESSING',
      to: 'CANCELLED',
      allowed: ['REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED'],
    });
    expect(refusal(() => transition('SUCCEEDED', 'SUCCEEDED')).message).toBe('The payment is already succeeded.');
  });
});

describe('applyProviderUpdate', () => {
  const expected = (code: string, from: PaymentIntentStatus, to: PaymentIntentStatus) =>
    ({
      A: { kind: 'apply', status: to },
      D: { kind: 'ignore', status: from, reason: 'DUPLICATE' },
      S: { kind: 'ignore', status: from, reason: 'STALE' },
      X: { kind: 'anomaly', status: from, reason: 'CONTRADICTS_FINAL' },
    })[code];

  it.each(pairs)('current %s, provider says %s', (from, to, i) => {
    expect(applyProviderUpdate({ status: from, at: null }, { status: to, at: null })).toEqual(expected(cells(onWebhook[from])[i]!, from, to));
  });

  const t0 = new Date('2026-03-01T10:00:00Z');
  const t1 = new Date('2026-03-01T10:00:05Z');
  const t2 = new Date('2026-03-01T10:00:10Z');

  it('a late processing never overwrites succeeded', () => {
    expect(applyProviderUpdate({ status: 'SUCCEEDED', at: t1 }, { status: 'PROCESSING', at: t0 })).toEqual({
      kind: 'ignore',
      status: 'SUCCEEDED',
      reason: 'STALE',
    });
    expect(applyProviderUpdate({ status: 'SUCCEEDED', at: t1 }, { status: 'PROCESSING', at: t2 })).toEqual({
      kind: 'ignore',
      status: 'SUCCEEDED',
      reason: 'STALE',
    });
  });

  it("the first attempt's failure arriving after the second attempt started is stale", () => {
    expect(applyProviderUpdate({ status: 'PROCESSING', at: t2 }, { status: 'FAILED', at: t1 })).toEqual({
      kind: 'ignore',
      status: 'PROCESSING',
      reason: 'STALE',
    });
    expect(applyProviderUpdate({ status: 'PROCESSING', at: t1 }, { status: 'FAILED', at: t2 })).toEqual({ kind: 'apply', status: 'FAILED' });
  });

  it('a retry after a failure applies when newer, not when older', () => {
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'REQUIRES_ACTION', at: t2 })).toEqual({ kind: 'apply', status: 'REQUIRES_ACTION' });
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'PROCESSING', at: t0 })).toEqual({ kind: 'ignore', status: 'FAILED', reason: 'STALE' });
  });

  it('a final status the table allows applies even if its timestamp looks older', () => {
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'SUCCEEDED', at: t0 })).toEqual({ kind: 'apply', status: 'SUCCEEDED' });
    expect(applyProviderUpdate({ status: 'REQUIRES_ACTION', at: t2 }, { status: 'CANCELLED', at: t1 })).toEqual({ kind: 'apply', status: 'CANCELLED' });
  });

  it('a newer failure replaces the old one (its reason is the one to show); an older or undated one is a duplicate', () => {
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'FAILED', at: t2 })).toEqual({ kind: 'apply', status: 'FAILED' });
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'FAILED', at: t0 })).toEqual({ kind: 'ignore', status: 'FAILED', reason: 'DUPLICATE' });
    expect(applyProviderUpdate({ status: 'FAILED', at: t1 }, { status: 'FAILED', at: null })).toEqual({
      kind: 'ignore',
      status: 'FAILED',
      reason: 'DUPLICATE',
    });
  });
});

describe('settledIntentIgnores (decided without locks)', () => {
  const at = new Date('2026-05-01T10:00:00Z');
  const settled = { status: 'SUCCEEDED' as const, at, providerPaymentId: 'sbpi_1', inFlight: false };

  it('a SUCCEEDED intent whose attempt is over ignores whatever its row in the table ignores, as duplicate or stale', () => {
    order.forEach((incoming, i) => {
      const expected = { D: 'DUPLICATE', S: 'STALE', X: null, A: null }[cells(onWebhook.SUCCEEDED)[i] as 'D' | 'S' | 'X' | 'A'];
      expect(settledIntentIgnores(settled, { status: incoming, at: null }), incoming).toBe(expected);
    });
  });

  it('says nothing of an anomaly (the locked path records it), an intent not final, or one with something left to write', () => {
    expect(settledIntentIgnores(settled, { status: 'CANCELLED', at: null })).toBeNull();
    expect(settledIntentIgnores({ ...settled, inFlight: true }, { status: 'SUCCEEDED', at: null })).toBeNull();
    expect(settledIntentIgnores({ ...settled, providerPaymentId: null }, { status: 'SUCCEEDED', at: null })).toBeNull();
    for (const status of order.filter((s) => s !== 'SUCCEEDED')) {
      expect(settledIntentIgnores({ ...settled, status }, { status, at: null }), status).toBeNull();
    }
  });
});
