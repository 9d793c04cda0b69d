import { describe, expect, it } from 'vitest';
import { BadUserInput, DomainError, PolicyViolation } from '@vitrine/platform/domain';
import { money } from './money.js';
import { allocateRefund, type RefundableCharge } from './refund-allocation.js';

// A deposit order: the 200.00 deposit, then the 835.00 balance with shipping.
const deposit: RefundableCharge = { chargeId: 'ch_deposit', capturedSequence: 1, captured: 20000, refunded: 0 };
const balance: RefundableCharge = { chargeId: 'ch_balance', capturedSequence: 7, captured: 83500, refunded: 0 };
const order = (...charges: RefundableCharge[]) => ({ currency: 'USD', charges });
const usd = (amount: number) => money(amount, 'USD');

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('allocateRefund', () => {
  it('takes a refund from the newest charge first', () => {
    expect(allocateRefund(usd(3500), order(deposit, balance))).toEqual([{ chargeId: 'ch_balance', amount: 3500 }]);
  });

  it('spills over to older charges when the newest has not enough left', () => {
    expect(allocateRefund(usd(90000), order(deposit, balance))).toEqual([
      { chargeId: 'ch_balance', amount: 83500 },
      { chargeId: 'ch_deposit', amount: 6500 },
    ]);
  });

  it('never takes more than a charge has left after earlier refunds', () => {
    const partlyRefunded = { ...balance, refunded: 80000 };
    expect(allocateRefund(usd(5000), order(deposit, partlyRefunded))).toEqual([
      { chargeId: 'ch_balance', amount: 3500 },
      { chargeId: 'ch_deposit', amount: 1500 },
    ]);
  });

  it('skips fully refunded charges and orders by sequence, not by list order', () => {
    expect(allocateRefund(usd(100), order({ ...balance, refunded: 83500 }, deposit))).toEqual([{ chargeId: 'ch_deposit', amount: 100 }]);
  });

  it('refunds everything that is left exactly', () => {
    expect(allocateRefund(usd(103500), order(deposit, balance))).toEqual([
      { chargeId: 'ch_balance', amount: 83500 },
      { chargeId: 'ch_deposit', amount: 20000 },
    ]);
  });

  it('refuses more than paid minus refunded, saying how much can still be refunded', () => {
    const error = refusal(() => allocateRefund(usd(103501), order(deposit, { ...balance, refunded: 3500 })));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.message).toBe('At most 1,000.00 USD can still be refunded on this order (1,035.00 USD paid, 35.00 USD already refunded).');
    expect(error.details).toEqual({ rule: 'REFUND_EXCEEDS_PAID', refundable: 100000, requested: 103501, currency: 'USD' });
  });

  it('says when nothing at all can be refunded', () => {
    expect(refusal(() => allocateRefund(usd(1), order({ ...deposit, refunded: 20000 }))).message).toBe(
      'Nothing more can be refunded on this order: 200.00 USD was paid and 200.00 USD already refunded.',
    );
    expect(refusal(() => allocateRefund(usd(1), order())).message).toBe(
      'Nothing more can be refunded on this order: 0.00 USD was paid and 0.00 USD already refunded.',
    );
  });

  it.each([0, -100])('refuses %i as bad input', (amount) => {
    const error = refusal(() => allocateRefund(usd(amount), order(deposit)));
    expect(error).toBeInstanceOf(BadUserInput);
    expect(error.details.problems).toEqual([{ field: 'amount.amount', reason: 'OUT_OF_RANGE', message: 'A refund must be a whole amount above zero.' }]);
  });

  it('refuses a fraction of a minor unit and another currency as bad input', () => {
    expect(refusal(() => allocateRefund({ amount: 10.5, currency: 'USD' }, order(deposit)))).toBeInstanceOf(BadUserInput);
    const error = refusal(() => allocateRefund(money(100, 'EUR'), order(deposit)));
    expect(error.message).toBe('Refunds on this order are in USD.');
  });
});
