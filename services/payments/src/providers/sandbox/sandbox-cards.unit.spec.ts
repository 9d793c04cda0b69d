import { describe, expect, it } from 'vitest';
import { brandOf, isLuhnValid, readCard, sandboxCardNumbers } from './sandbox-cards.js';

const now = new Date('2026-12-04T00:00:00Z');
const card = (number: string, expMonth = '12', expYear = '2029', cvc = '123') => readCard({ number, expMonth, expYear, cvc }, now);

describe('sandbox cards', () => {
  it('knows the usual test numbers', () => {
    expect(Object.keys(sandboxCardNumbers).every(isLuhnValid)).toBe(true);
    expect(card('4242 4242 4242 4242')).toEqual({ ok: true, card: { behavior: 'SUCCEEDS', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2029 } });
    expect(card('4000-0000-0000-0002')).toMatchObject({ ok: true, card: { behavior: 'DECLINED', last4: '0002' } });
    expect(card('4000000000009995')).toMatchObject({ ok: true, card: { behavior: 'INSUFFICIENT_FUNDS' } });
    expect(card('4000002500003155')).toMatchObject({ ok: true, card: { behavior: 'REQUIRES_ACTION' } });
    expect(card('5555555555554444')).toMatchObject({ ok: true, card: { behavior: 'SUCCEEDS', brand: 'mastercard' } });
  });

  it('declines any other valid number, as a test mode does', () => {
    expect(card('4111111111111111')).toMatchObject({ ok: true, card: { behavior: 'DECLINED', brand: 'visa' } });
    expect(brandOf('378282246310005')).toBe('amex');
  });

  it('refuses mistakes with the provider’s codes', () => {
    expect(card('4242424242424241')).toEqual({ ok: false, code: 'incorrect_number' });
    expect(card('4242')).toEqual({ ok: false, code: 'incorrect_number' });
    expect(card('4242424242424242', '13')).toEqual({ ok: false, code: 'invalid_expiry_month' });
    expect(card('4242424242424242', '11', '2026')).toEqual({ ok: false, code: 'invalid_expiry_year' });
    expect(card('4242424242424242', '12', '26')).toMatchObject({ ok: true, card: { expYear: 2026 } });
    expect(card('4242424242424242', '12', '2029', '12')).toEqual({ ok: false, code: 'invalid_cvc' });
  });
});
