import { describe, expect, it } from 'vitest';
import type { OrderSnapshot } from './order-snapshot.js';
import { remainingToPay } from './order-snapshot.js';
import { policyFacts } from './policy-facts.js';

const order: OrderSnapshot = {
  kind: 'PREORDER',
  paymentPlan: 'DEPOSIT',
  currency: 'USD',
  totalAmount: 10_000,
  depositAmount: 3_000,
  downPaymentAmount: 1_000,
  shippingEstimateAmount: 1_500,
  placedAt: new Date('2026-01-01T10:00:00Z'),
  firstPaidAt: new Date('2026-01-01T10:05:00Z'),
};

describe('policyFacts', () => {
  it('splits what was paid at order into the non-refundable down payment and the deposit; later payments are the balance', () => {
    const dues = [
      { purpose: 'DEPOSIT' as const, goodsAmount: 3_000, shippingAmount: 0, status: 'PAID' as const },
      { purpose: 'BALANCE' as const, goodsAmount: 7_000, shippingAmount: 1_500, status: 'PAID' as const },
      { purpose: 'EXTRA_SHIPPING' as const, goodsAmount: 0, shippingAmount: 300, status: 'OPEN' as const },
    ];
    expect(policyFacts(order, dues)).toMatchObject({
      kind: 'PREORDER',
      plan: 'DEPOSIT',
      total: 10_000,
      deposit: 3_000,
      paid: { deposit: 2_000, downPayment: 1_000, balance: 7_000, full: 0, shipping: 1_500 },
      depositPaidAt: order.firstPaidAt,
    });
  });

  it('an in-stock order has no plan for the rules; its full payment is `full`', () => {
    const facts = policyFacts({ ...order, kind: 'IN_STOCK', paymentPlan: 'IN_STOCK', depositAmount: 0, downPaymentAmount: 0 }, [
      { purpose: 'FULL_PAYMENT', goodsAmount: 10_000, shippingAmount: 1_500, status: 'PAID' },
    ]);
    expect(facts.plan).toBeNull();
    expect(facts.paid).toEqual({ deposit: 0, balance: 0, full: 10_000, downPayment: 0, shipping: 1_500 });
  });

  it('what is left to pay counts only PAID dues', () => {
    expect(remainingToPay(order, [{ purpose: 'DEPOSIT', goodsAmount: 3_000, shippingAmount: 0, status: 'PAID' }])).toEqual({ goods: 7_000, shipping: 1_500 });
    expect(remainingToPay(order, [{ purpose: 'DEPOSIT', goodsAmount: 3_000, shippingAmount: 0, status: 'VOID' }])).toEqual({ goods: 10_000, shipping: 1_500 });
  });
});
