import { describe, expect, it } from 'vitest';
import { Conflict } from '@vitrine/platform/domain';
import {
  canonicalJson,
  completeRecord,
  decideIdempotency,
  idempotencyLeaseMs,
  idempotencyRetentionMs,
  isValidIdempotencyKey,
  requestFingerprint,
  startRecord,
} from './idempotency.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
  });

  it('sorts arrays only under the unordered keys, keeping duplicates', () => {
    expect(canonicalJson({ orderIds: [b, a], lines: [2, 1] }, ['orderIds'])).toBe(`{"lines":[2,1],"orderIds":["${a}","${b}"]}`);
    expect(canonicalJson({ orderIds: [b, a, b] }, ['orderIds'])).toBe(`{"orderIds":["${a}","${b}","${b}"]}`);
  });

  it('writes dates as ISO strings, sets sorted and -0 as 0', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z'), ids: new Set([b, a]), n: -0 })).toBe(
      `{"at":"2026-01-01T00:00:00.000Z","ids":["${a}","${b}"],"n":0}`,
    );
  });

  it.each([[NaN], [Infinity], [10n], [() => 1], [new Map()], [[undefined]]])('refuses %o', (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});

describe('requestFingerprint', () => {
  it('paying balances for [a, b] is the same request as for [b, a]', () => {
    expect(requestFingerprint('payBalances', { orderIds: [a, b] }, ['orderIds'])).toBe(requestFingerprint('payBalances', { orderIds: [b, a] }, ['orderIds']));
  });

  it('is the same whatever the key order, and a sha-256 in hex', () => {
    const fingerprint = requestFingerprint('refund', { orderId: a, amount: { amount: 500, currency: 'USD' } });
    expect(fingerprint).toBe(requestFingerprint('refund', { amount: { currency: 'USD', amount: 500 }, orderId: a }));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('another operation, amount or order is another request', () => {
    const base = requestFingerprint('refund', { orderId: a, amount: 500 });
    expect(requestFingerprint('refund', { orderId: a, amount: 501 })).not.toBe(base);
    expect(requestFingerprint('refund', { orderId: b, amount: 500 })).not.toBe(base);
    expect(requestFingerprint('cancel', { orderId: a, amount: 500 })).not.toBe(base);
  });
});

describe('isValidIdempotencyKey', () => {
  it.each([['short'], ['has space in it'], ['x'.repeat(201)], ['é-accented-key']])('refuses %s', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });

  it.each([['3f0c7a52-7a53-4c39-9d2b-1f1f0e8c2a11'], ['checkout:order.42_retry'], ['x'.repeat(200)]])('accepts %s', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(true);
  });
});

describe('decideIdempotency', () => {
  const t0 = new Date('2026-05-01T12:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const mine = requestFingerprint('payBalances', { orderIds: [a, b] }, ['orderIds']);
  const other = requestFingerprint('payBalances', { orderIds: [a] }, ['orderIds']);
  const running = startRecord<{ ok: boolean }>(mine, t0);
  const succeeded = completeRecord(running, { ok: true }, at(3_000));
  const failed = completeRecord(running, { ok: false }, at(3_000));

  it('a new key proceeds, and starts a record locked for the lease', () => {
    expect(decideIdempotency(null, mine, t0)).toEqual({ kind: 'proceed' });
    expect(running).toEqual({ fingerprint: mine, createdAt: t0, lockedUntil: at(idempotencyLeaseMs), completedAt: null, response: null });
  });

  it('a retry gets the first response back, a success or an error alike', () => {
    expect(decideIdempotency(succeeded, mine, at(60_000))).toEqual({ kind: 'replay', response: { ok: true } });
    expect(decideIdempotency(failed, mine, at(60_000))).toEqual({ kind: 'replay', response: { ok: false } });
  });

  it('the same key with other parameters is a conflict, finished or not', () => {
    for (const record of [running, succeeded]) {
      const decision = decideIdempotency(record, other, at(1_000));
      expect(decision.kind).toBe('conflict');
      if (decision.kind !== 'conflict') continue;
      expect(decision.error).toBeInstanceOf(Conflict);
      expect(decision.error.details).toEqual({ rule: 'IDEMPOTENCY_KEY_REUSED' });
    }
  });

  it('a concurrent duplicate waits for the first; after the lease without an answer it takes over', () => {
    expect(decideIdempotency(running, mine, at(1_000))).toEqual({ kind: 'in-progress', retryAfterMs: idempotencyLeaseMs - 1_000 });
    expect(decideIdempotency(running, mine, at(idempotencyLeaseMs))).toEqual({ kind: 'take-over' });
  });

  it('keys are kept 24 hours; after that the key is free again', () => {
    expect(decideIdempotency(succeeded, other, at(idempotencyRetentionMs - 1))).toMatchObject({ kind: 'conflict' });
    expect(decideIdempotency(succeeded, mine, at(idempotencyRetentionMs - 1))).toEqual({ kind: 'replay', response: { ok: true } });
    expect(decideIdempotency(succeeded, other, at(idempotencyRetentionMs))).toEqual({ kind: 'proceed' });
  });
});
