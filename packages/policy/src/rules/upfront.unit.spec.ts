import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { upfrontRequirement } from './upfront.js';

describe('upfrontRequirement', () => {
  it('pay-on-arrival: nothing at order for a customer in good standing', () => {
    expect(upfrontRequirement(presets['pay-on-arrival'], [], 'PAY_ON_ARRIVAL')).toMatchObject({ refused: false, payAtOrderBps: 0, nonRefundableBps: 0 });
  });

  it('pay-on-arrival: a PREORDER_ABUSE flag requires a non-refundable down payment of 30%', () => {
    expect(upfrontRequirement(presets['pay-on-arrival'], ['PREORDER_ABUSE'], 'PAY_ON_ARRIVAL')).toEqual({
      refused: false,
      payAtOrderBps: 3000,
      nonRefundableBps: 3000,
      rule: {
        id: 'upfront.preorder-abuse',
        text: 'Customers flagged for preorder abuse pay a non-refundable down payment of 30% of the price when placing a preorder.',
      },
    });
  });

  it('deposit-store: the deposit share, or full payment once flagged', () => {
    expect(upfrontRequirement(presets['deposit-store'], [], 'DEPOSIT')).toMatchObject({
      payAtOrderBps: 3000,
      nonRefundableBps: 0,
      rule: { id: 'upfront.plan' },
    });
    expect(upfrontRequirement(presets['deposit-store'], ['PREORDER_ABUSE'], 'DEPOSIT')).toMatchObject({ payAtOrderBps: 10000, nonRefundableBps: 0 });
  });

  it("a campaign's own deposit share replaces the store's, and a flag still never asks less", () => {
    expect(upfrontRequirement(presets['deposit-store'], [], 'DEPOSIT', 2000)).toMatchObject({ payAtOrderBps: 2000, nonRefundableBps: 0 });
    expect(upfrontRequirement(presets['pay-on-arrival'], ['PREORDER_ABUSE'], 'PAY_ON_ARRIVAL', 0)).toMatchObject({
      payAtOrderBps: 3000,
      nonRefundableBps: 3000,
    });
  });

  it('charge-at-ship: a customer flagged for refusing delivery cannot preorder; unknown flags change nothing', () => {
    expect(upfrontRequirement(presets['charge-at-ship'], ['REFUSED_DELIVERY', 'SOMETHING_NEW'], 'CHARGE_AT_SHIP')).toMatchObject({
      refused: true,
      rule: { id: 'upfront.refused-delivery', text: 'Customers flagged for refused delivery cannot place preorders.' },
    });
    expect(upfrontRequirement(presets['charge-at-ship'], ['SOMETHING_NEW'], 'CHARGE_AT_SHIP').refused).toBe(false);
  });

  it('a plan the store does not offer is refused', () => {
    expect(upfrontRequirement(presets['charge-at-ship'], [], 'DEPOSIT')).toMatchObject({ refused: true, rule: { id: 'upfront.plan-not-offered' } });
  });
});

describe('upfrontRequirement with several flags', () => {
  it('the strictest requirement wins: full payment over a down payment, a larger down payment over a smaller one', () => {
    const policy = structuredClone(presets['pay-on-arrival']);
    policy.abuse.flagRules = [
      { flag: 'PREORDER_ABUSE', requires: { kind: 'NON_REFUNDABLE_DOWN_PAYMENT', percentBps: 3000 } },
      { flag: 'LATE_PAYER', requires: { kind: 'NON_REFUNDABLE_DOWN_PAYMENT', percentBps: 5000 } },
      { flag: 'REFUSED_DELIVERY', requires: { kind: 'FULL_PAYMENT' } },
    ];
    expect(upfrontRequirement(policy, ['PREORDER_ABUSE', 'LATE_PAYER'], 'PAY_ON_ARRIVAL')).toMatchObject({ payAtOrderBps: 5000, nonRefundableBps: 5000 });
    expect(upfrontRequirement(policy, ['PREORDER_ABUSE', 'REFUSED_DELIVERY'], 'PAY_ON_ARRIVAL')).toMatchObject({ payAtOrderBps: 10000, nonRefundableBps: 0 });
  });
});
