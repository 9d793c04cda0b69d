import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { returnToSenderRefund } from './return-to-sender.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('returnToSenderRefund, charge-at-ship (003)', () => {
  const policy = presets['charge-at-ship'];

  it('refunds what was paid minus the round-trip shipping', () => {
    expect(returnToSenderRefund(policy, usd(12000), usd(4500))).toEqual({
      refund: usd(7500),
      rule: {
        id: 'return-to-sender.paid-minus-round-trip',
        text: 'A parcel returned because it was not received cancels the order without reshipping; the refund is the amount paid minus the round-trip shipping, and can be nothing.',
      },
    });
  });

  it('refunds nothing when the shipping costs more than what was paid, never a negative refund', () => {
    expect(returnToSenderRefund(policy, usd(3000), usd(4500)).refund).toEqual(usd(0));
    expect(returnToSenderRefund(policy, usd(4500), usd(4500)).refund).toEqual(usd(0));
  });

  it("refuses amounts in another currency (a caller's bug)", () => {
    expect(() => returnToSenderRefund(policy, usd(3000), { amount: 100, currency: 'JPY' })).toThrow();
  });
});
