import { describe, expect, it } from 'vitest';
import { accountKind, ledgerAccountCodes, normalBalance, normalSide, productAccountFor } from './ledger-accounts.js';
import { paymentPurposes } from './payment-purpose.js';

describe('chart of accounts', () => {
  it('has one asset, the liabilities held until shipment and refunds payable, and the income accounts', () => {
    expect(ledgerAccountCodes.map((a) => [a, accountKind(a)])).toEqual([
      ['PROVIDER_CLEARING', 'ASSET'],
      ['CUSTOMER_DEPOSITS_HELD', 'LIABILITY'],
      ['DEFERRED_REVENUE', 'LIABILITY'],
      ['SHIPPING_COLLECTED', 'LIABILITY'],
      ['REFUNDS_PAYABLE', 'LIABILITY'],
      ['REVENUE', 'INCOME'],
      ['SHIPPING_REVENUE', 'INCOME'],
      ['FEES_EARNED', 'INCOME'],
    ]);
  });

  it('reads an asset on the debit side and the others on the credit side', () => {
    expect(normalSide('PROVIDER_CLEARING')).toBe('DEBIT');
    expect(normalSide('REFUNDS_PAYABLE')).toBe('CREDIT');
    expect(normalBalance('PROVIDER_CLEARING', 500)).toBe(500);
    expect(normalBalance('DEFERRED_REVENUE', -500)).toBe(500);
    expect(normalBalance('FEES_EARNED', 0)).toBe(0);
  });

  it('holds deposits and down payments apart from other product payments', () => {
    expect(paymentPurposes.map((p) => [p, productAccountFor(p)])).toEqual([
      ['DEPOSIT', 'CUSTOMER_DEPOSITS_HELD'],
      ['FULL_PAYMENT', 'DEFERRED_REVENUE'],
      ['DOWN_PAYMENT', 'CUSTOMER_DEPOSITS_HELD'],
      ['BALANCE', 'DEFERRED_REVENUE'],
      ['ARRIVAL_PAYMENT', 'DEFERRED_REVENUE'],
      ['CHARGE_AT_SHIP', 'DEFERRED_REVENUE'],
      ['EXTRA_SHIPPING', 'DEFERRED_REVENUE'],
    ]);
  });
});
