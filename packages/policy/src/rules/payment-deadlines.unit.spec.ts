import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { storePolicySchema } from '../schema/store-policy.js';
import { arrivalPaymentDueAt, balanceDueAt, chargeAtShipCapture, chargeAtShipRetryDeadline, payAtOrderDueAt } from './payment-deadlines.js';
import { at } from './orders.fixture.js';

describe('payment deadlines', () => {
  it('pay-on-arrival (004): 5 business days from the arrival notice, across the 3 July holiday and a weekend', () => {
    // Notice sent Thursday 2 July 2026, 11:00 in New York. Friday 3 July is the Independence Day substitute.
    expect(arrivalPaymentDueAt(presets['pay-on-arrival'], at('2026-07-02T15:00:00Z'))).toEqual({
      at: at('2026-07-11T04:00:00Z'),
      lastDay: '2026-07-10',
      region: 'US',
      timeZone: 'America/New_York',
      rule: { id: 'payment.arrival-payment-due', text: 'Pay within 5 business days of the arrival notice.' },
    });
  });

  it('pay-on-arrival: a notice sent late on Friday in New York still counts from that Friday', () => {
    // 23:30 Friday 10 July in New York is already Saturday in UTC.
    expect(arrivalPaymentDueAt(presets['pay-on-arrival'], at('2026-07-11T03:30:00Z')).lastDay).toBe('2026-07-17');
  });

  it('charge-at-ship (003): one week after the payment-error email', () => {
    expect(chargeAtShipRetryDeadline(presets['charge-at-ship'], at('2026-04-10T03:00:00Z'))).toEqual({
      at: at('2026-04-17T15:00:00Z'),
      lastDay: '2026-04-17',
      region: 'JP',
      timeZone: 'Asia/Tokyo',
      rule: {
        id: 'payment.charge-at-ship-retry',
        text: 'The amount is held on the card the day the shipping date is fixed and taken when the parcel leaves; if the payment fails, pay within 7 days of our email or the order is cancelled.',
      },
    });
  });

  it('charge-at-ship: the preset holds the amount until dispatch; a policy that says nothing (versions before the setting) charges at once', () => {
    expect(chargeAtShipCapture(presets['charge-at-ship'])).toBe('AT_DISPATCH');
    const { capture: _dropped, ...olderPlan } = presets['charge-at-ship'].paymentPlans.chargeAtShip!;
    const older = storePolicySchema.parse({
      ...presets['charge-at-ship'],
      paymentPlans: { ...presets['charge-at-ship'].paymentPlans, chargeAtShip: olderPlan },
    });
    expect(chargeAtShipCapture(older)).toBe('AUTOMATIC');
    expect(chargeAtShipRetryDeadline(older, at('2026-04-10T03:00:00Z')).rule.text).toBe(
      'The card is charged the day the shipping date is fixed; if the payment fails, pay within 7 days of our email or the order is cancelled.',
    );
  });

  it("deposit-store: the balance is due 14 days after the release notice (the store's choice)", () => {
    const due = balanceDueAt(presets['deposit-store'], at('2026-03-02T10:00:00Z'));
    expect(due).toMatchObject({ at: at('2026-03-16T23:00:00Z'), lastDay: '2026-03-16' });
    expect(due.rule).toEqual({ id: 'payment.balance-due', text: 'The balance and shipping are due within 14 days of the release notice.' });
  });

  it('what is due at order is due within the hour the store holds the units (hours are exact, not end of day)', () => {
    const due = payAtOrderDueAt(presets['deposit-store'], at('2026-12-23T10:15:30Z'));
    expect(due.at).toEqual(at('2026-12-23T11:15:30Z'));
    expect(due.rule).toEqual({
      id: 'payment.pay-at-order',
      text: 'What is due when ordering must be paid within 1 hour, or the order lapses and its items go back on sale.',
    });
  });

  it("a plan the policy does not offer has no deadline (a caller's bug)", () => {
    expect(() => balanceDueAt(presets['pay-on-arrival'], at('2026-03-02T10:00:00Z'))).toThrow('Store policy pay-on-arrival has no deposit plan.');
  });
});
