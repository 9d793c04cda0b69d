import { describe, expect, it } from 'vitest';
import { BadUserInput, Conflict, DomainError, NotFound, PolicyViolation } from '@vitrine/platform/domain';
import { amountToCollect, type OrderFacts, type PaidTowards } from './payment-purpose.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const june = new Date('2026-06-10T00:00:00Z');
const july = new Date('2026-07-01T00:00:00Z');

// A 1,000.00 USD statue on the deposit plan: 200.00 at order, 800.00 + 35.00 shipping on release.
const depositOrder = (orderId: string, extra: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId,
  status: 'CONFIRMED',
  currency: 'USD',
  dues: [
    { purpose: 'DEPOSIT', product: 20000, shipping: 0, dueAt: null },
    { purpose: 'BALANCE', product: 80000, shipping: 3500, dueAt: july },
  ],
  ...extra,
});

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('amountToCollect', () => {
  it('given a new deposit order, when the deposit is asked, then it charges the deposit', () => {
    expect(amountToCollect({ purpose: 'DEPOSIT', orderIds: [a] }, [depositOrder(a)], [])).toEqual({
      purpose: 'DEPOSIT',
      currency: 'USD',
      amount: 20000,
      parts: [{ orderId: a, product: 20000, shipping: 0, amount: 20000, dueAt: null }],
      dueAt: null,
    });
  });

  it('given a released order, when its balance is asked, then it charges the balance plus shipping, due when orders says', () => {
    expect(amountToCollect({ purpose: 'BALANCE', orderIds: [a] }, [depositOrder(a)], [])).toEqual({
      purpose: 'BALANCE',
      currency: 'USD',
      amount: 83500,
      parts: [{ orderId: a, product: 80000, shipping: 3500, amount: 83500, dueAt: july }],
      dueAt: july,
    });
  });

  it('given two released orders, when both balances are paid at once, then one charge covers both, part by part', () => {
    const second = depositOrder(b, { dues: [{ purpose: 'BALANCE', product: 45000, shipping: 1200, dueAt: june }] });
    expect(amountToCollect({ purpose: 'BALANCE', orderIds: [a, b] }, [depositOrder(a), second], [])).toEqual({
      purpose: 'BALANCE',
      currency: 'USD',
      amount: 129700,
      parts: [
        { orderId: a, product: 80000, shipping: 3500, amount: 83500, dueAt: july },
        { orderId: b, product: 45000, shipping: 1200, amount: 46200, dueAt: june },
      ],
      dueAt: june,
    });
  });

  it('given part of a due already paid, then only the rest is charged', () => {
    const paid: PaidTowards[] = [{ orderId: a, purpose: 'BALANCE', product: 30000, shipping: 3500 }];
    expect(amountToCollect({ purpose: 'BALANCE', orderIds: [a] }, [depositOrder(a)], paid)).toMatchObject({
      amount: 50000,
      parts: [{ orderId: a, product: 50000, shipping: 0, amount: 50000 }],
    });
  });

  it('an extra shipping invoice is shipping only', () => {
    const order = depositOrder(a, { dues: [{ purpose: 'EXTRA_SHIPPING', product: 0, shipping: 850, dueAt: null }] });
    expect(amountToCollect({ purpose: 'EXTRA_SHIPPING', orderIds: [a] }, [order], [])).toMatchObject({
      amount: 850,
      parts: [{ orderId: a, product: 0, shipping: 850, amount: 850 }],
    });
  });

  it('refuses an empty list or an order listed twice as bad input', () => {
    expect(refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [] }, [], []))).toBeInstanceOf(BadUserInput);
    const twice = refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a, b, a] }, [depositOrder(a), depositOrder(b)], []));
    expect(twice).toBeInstanceOf(BadUserInput);
    expect(twice.message).toBe(`Each order can be listed only once (listed more than once: ${a}).`);
  });

  it('refuses several orders for anything but balances', () => {
    const error = refusal(() => amountToCollect({ purpose: 'DEPOSIT', orderIds: [a, b] }, [depositOrder(a), depositOrder(b)], []));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.details).toEqual({ rule: 'BULK_PAYMENT_PURPOSE', purpose: 'DEPOSIT' });
    expect(error.message).toBe('Only balances can be paid for several orders at once; pay each deposit separately.');
  });

  it('refuses an order orders does not know', () => {
    expect(refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a, c] }, [depositOrder(a)], []))).toBeInstanceOf(NotFound);
  });

  it.each(['CANCELLED', 'EXPIRED', 'REJECTED'] as const)('refuses a %s order, naming it', (status) => {
    const error = refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a, b] }, [depositOrder(a), depositOrder(b, { status })], []));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.details).toEqual({ rule: 'ORDER_NOT_PAYABLE', orderIds: [b] });
    expect(error.message).toBe(`These orders are closed and can no longer be paid: ${b} (${status.toLowerCase()}).`);
  });

  it('refuses orders in different currencies', () => {
    const error = refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a, b] }, [depositOrder(a), depositOrder(b, { currency: 'EUR' })], []));
    expect(error.details).toEqual({ rule: 'MIXED_CURRENCIES', currencies: ['EUR', 'USD'] });
    expect(error.message).toBe('Orders in different currencies (EUR, USD) cannot be paid together; pay them separately.');
  });

  it('refuses when the order owes nothing for that purpose', () => {
    const error = refusal(() => amountToCollect({ purpose: 'ARRIVAL_PAYMENT', orderIds: [a] }, [depositOrder(a)], []));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.details).toEqual({ rule: 'NOTHING_OWED', orderIds: [a], purpose: 'ARRIVAL_PAYMENT' });
    expect(error.message).toBe(`There is no payment on arrival to pay on order ${a}.`);
  });

  it('refuses an extra shipping invoice the store waived (DUE_WAIVED), though a paid one for the same order would be ALREADY_PAID', () => {
    const shipped = (waived: boolean) =>
      depositOrder(a, {
        status: 'IN_FULFILMENT',
        dues: [...depositOrder(a).dues, { purpose: 'EXTRA_SHIPPING', product: 0, shipping: 600, dueAt: null, waived }],
      });
    const error = refusal(() => amountToCollect({ purpose: 'EXTRA_SHIPPING', orderIds: [a] }, [shipped(true)], []));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.details).toEqual({ rule: 'DUE_WAIVED', orderIds: [a], purpose: 'EXTRA_SHIPPING' });
    expect(error.message).toBe(`The store waived the extra shipping invoice on order ${a}: there is nothing to pay.`);
    // Not waived: it is collected as any due.
    expect(amountToCollect({ purpose: 'EXTRA_SHIPPING', orderIds: [a] }, [shipped(false)], []).amount).toBe(600);
    // A waived due never counts towards another purpose's amount.
    expect(amountToCollect({ purpose: 'BALANCE', orderIds: [a] }, [shipped(true)], []).amount).toBe(83500);
  });

  it('refuses as a conflict when the due is already paid, naming only the paid orders', () => {
    const paid: PaidTowards[] = [{ orderId: b, purpose: 'BALANCE', product: 80000, shipping: 3500 }];
    const error = refusal(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a, b] }, [depositOrder(a), depositOrder(b)], paid));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.details).toEqual({ rule: 'ALREADY_PAID', orderIds: [b], purpose: 'BALANCE' });
    expect(error.message).toBe(`The balance is already paid on order ${b}.`);
  });

  it('treats a corrupt amount from orders as a bug', () => {
    const order = depositOrder(a, { dues: [{ purpose: 'BALANCE', product: -1, shipping: 0, dueAt: null }] });
    expect(() => amountToCollect({ purpose: 'BALANCE', orderIds: [a] }, [order], [])).toThrow(RangeError);
  });
});
