import { presets } from '@vitrine/policy';
import { describe, expect, it } from 'vitest';
import { nowAndLater, orderTerms, type TermsRequest } from './payment-terms.js';

const preorder: TermsRequest = {
  kind: 'PREORDER',
  campaignPlan: null,
  choice: null,
  goodsTotal: 10_000,
  shippingEstimate: 1_500,
  productDownPayment: 0,
  flags: [],
};
const depositCampaign = { kind: 'DEPOSIT' as const, depositPercent: 20, fullPaymentAllowed: true };

describe('orderTerms', () => {
  it('in stock: everything now, estimated shipping included', () => {
    expect(orderTerms(presets['deposit-store'], { ...preorder, kind: 'IN_STOCK' })).toMatchObject({
      ok: true,
      plan: 'IN_STOCK',
      deposit: 0,
      dueAtOrder: { purpose: 'FULL_PAYMENT', goods: 10_000, shipping: 1_500 },
    });
  });

  it("deposit-store (000): the campaign's deposit now, shipping later with the balance", () => {
    expect(orderTerms(presets['deposit-store'], { ...preorder, campaignPlan: depositCampaign, choice: 'DEPOSIT' })).toEqual({
      ok: true,
      plan: 'DEPOSIT',
      deposit: 2_000,
      nonRefundable: 0,
      dueAtOrder: { purpose: 'DEPOSIT', goods: 2_000, shipping: 0 },
      rule: { id: 'upfront.plan', text: 'Preorders are paid with a deposit.' },
    });
  });

  it("deposit-store: the store's default plan and share when the campaign names none (30%)", () => {
    expect(orderTerms(presets['deposit-store'], preorder)).toMatchObject({ plan: 'DEPOSIT', deposit: 3_000, dueAtOrder: { purpose: 'DEPOSIT', goods: 3_000 } });
  });

  it('deposit-store: full payment at order includes the shipping estimate (000) and keeps the deposit as the fee base', () => {
    expect(orderTerms(presets['deposit-store'], { ...preorder, campaignPlan: depositCampaign, choice: 'FULL_PAYMENT' })).toMatchObject({
      plan: 'FULL_PAYMENT',
      deposit: 2_000,
      dueAtOrder: { purpose: 'FULL_PAYMENT', goods: 10_000, shipping: 1_500 },
    });
  });

  it('full payment is refused where the campaign does not offer it', () => {
    const noFull = { ...depositCampaign, fullPaymentAllowed: false };
    expect(orderTerms(presets['deposit-store'], { ...preorder, campaignPlan: noFull, choice: 'FULL_PAYMENT' })).toMatchObject({
      ok: false,
      refusal: 'FULL_PAYMENT_NOT_OFFERED',
    });
  });

  it('a customer flagged for preorder abuse pays in full under deposit-store', () => {
    expect(orderTerms(presets['deposit-store'], { ...preorder, flags: ['PREORDER_ABUSE'] })).toMatchObject({
      plan: 'DEPOSIT',
      dueAtOrder: { purpose: 'FULL_PAYMENT', goods: 10_000, shipping: 1_500 },
      rule: { id: 'upfront.preorder-abuse' },
    });
  });

  it('pay-on-arrival (004): nothing now; a product down payment is paid now and never refunded', () => {
    const policy = presets['pay-on-arrival'];
    expect(orderTerms(policy, preorder)).toMatchObject({ ok: true, plan: 'PAY_ON_ARRIVAL', deposit: 0, nonRefundable: 0, dueAtOrder: null });
    expect(orderTerms(policy, { ...preorder, productDownPayment: 2_500 })).toMatchObject({
      nonRefundable: 2_500,
      dueAtOrder: { purpose: 'DOWN_PAYMENT', goods: 2_500, shipping: 0 },
    });
  });

  it('pay-on-arrival: a flagged customer pays the larger of the flag (30%) and the product down payment, all of it non-refundable', () => {
    expect(orderTerms(presets['pay-on-arrival'], { ...preorder, productDownPayment: 2_500, flags: ['PREORDER_ABUSE'] })).toMatchObject({
      nonRefundable: 3_000,
      dueAtOrder: { purpose: 'DOWN_PAYMENT', goods: 3_000, shipping: 0 },
    });
  });

  it('charge-at-ship (003): nothing now; a customer flagged for refused deliveries cannot preorder', () => {
    expect(orderTerms(presets['charge-at-ship'], preorder)).toMatchObject({ ok: true, plan: 'CHARGE_AT_SHIP', dueAtOrder: null });
    expect(orderTerms(presets['charge-at-ship'], { ...preorder, flags: ['REFUSED_DELIVERY'] })).toMatchObject({ ok: false, refusal: 'PREORDERS_REFUSED' });
  });

  it("a campaign plan the store's policy does not offer is refused", () => {
    expect(orderTerms(presets['pay-on-arrival'], { ...preorder, campaignPlan: depositCampaign })).toMatchObject({ ok: false, refusal: 'PLAN_NOT_OFFERED' });
  });
});

describe('nowAndLater', () => {
  it('a deposit now, the balance and the shipping later; in stock, everything now; nothing now, everything later', () => {
    const terms = (request: TermsRequest) => {
      const decided = orderTerms(presets['deposit-store'], request);
      if (!decided.ok) throw new Error(decided.rule.text);
      return decided;
    };
    expect(nowAndLater(terms({ ...preorder, campaignPlan: depositCampaign, choice: 'DEPOSIT' }), 10_000, 1_500)).toEqual({ now: 2_000, later: 9_500 });
    expect(nowAndLater(terms({ ...preorder, kind: 'IN_STOCK' }), 10_000, 1_500)).toEqual({ now: 11_500, later: 0 });
    expect(nowAndLater({ dueAtOrder: null }, 10_000, 1_500)).toEqual({ now: 0, later: 11_500 });
  });
});
