import { describe, expect, it } from 'vitest';
import { dueIdsToLink, signPayLink, verifyPayLink, type LinkableDue } from './pay-link.js';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const claims = { customerId: 'c-1', orderIds: ['o-1', 'o-2'], dueIds: ['d-1', 'd-2'], expiresAt: new Date('2027-01-01T00:00:00Z') };
const before = new Date('2026-12-31T23:59:59Z');

describe('pay-now links', () => {
  it('verify what they sign, until they expire', () => {
    const token = signPayLink(claims, secret);
    expect(verifyPayLink(token, secret, before)).toEqual({ ok: true, claims });
    expect(verifyPayLink(token, secret, claims.expiresAt)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuse another secret, a changed body and garbage', () => {
    const token = signPayLink(claims, secret);
    expect(verifyPayLink(token, `${secret}!`, before)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const [body, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ v: 1, c: 'c-2', o: ['o-1'], d: ['d-1'], e: 1_900_000_000 })).toString('base64url');
    expect(verifyPayLink(`${other}.${signature}`, secret, before)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyPayLink(`${body}`, secret, before)).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(verifyPayLink(`${body}.${signature}.x`, secret, before)).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(verifyPayLink('not a token', secret, before)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('the dues a link for several orders pays', () => {
  const due = (id: string, orderId: string, over: Partial<LinkableDue> = {}): LinkableDue => ({
    id,
    orderId,
    purpose: 'BALANCE',
    state: 'OPEN',
    collect: 'CUSTOMER',
    ...over,
  });

  it('takes each order’s open balances the customer pays, in the orders’ order', () => {
    const dues = [
      due('d-2', 'o-2'),
      due('d-1', 'o-1'),
      due('d-0', 'o-1', { purpose: 'DEPOSIT', state: 'SETTLED' }),
      due('d-3', 'o-1', { state: 'SETTLED' }),
      due('d-4', 'o-2', { purpose: 'EXTRA_SHIPPING' }),
      due('d-5', 'o-3'),
    ];
    expect(dueIdsToLink('BALANCE', ['o-1', 'o-2'], dues)).toEqual(['d-1', 'd-2']);
  });

  it('never links a due charged to a stored card or a void one; an order left with none is a bug', () => {
    const dues = [due('d-1', 'o-1'), due('d-2', 'o-2', { collect: 'STORED_METHOD' }), due('d-3', 'o-2', { state: 'VOID' })];
    expect(() => dueIdsToLink('BALANCE', ['o-1', 'o-2'], dues)).toThrow(/o-2 has no open BALANCE due/);
  });
});
