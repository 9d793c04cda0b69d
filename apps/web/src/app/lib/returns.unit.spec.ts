import { describe, expect, it } from 'vitest';
import { countryNameIn, lineReturnState, preferenceReturnRule, returnAddressText } from './returns.js';

const section = (rules: { id: string; text: string }[]) => ({
  sections: [
    { title: 'Payment', rules: [{ id: 'payment.deposit', text: 'A deposit.' }] },
    { title: 'Returns', rules },
  ],
});

describe('preferenceReturnRule', () => {
  it('finds the window rule wherever the policy puts it, with the section’s other rules beside it', () => {
    const rule = preferenceReturnRule(
      section([
        { id: 'returns.within-window', text: 'Returns are accepted within 7 days of delivery.' },
        { id: 'returns.defect-after-sales', text: 'Defects are claims.' },
      ]),
    );
    expect(rule).toEqual({ accepted: true, text: 'Returns are accepted within 7 days of delivery.', related: ['Defects are claims.'] });
  });

  it('says a policy without returns for preference takes none', () => {
    expect(preferenceReturnRule(section([{ id: 'returns.no-preference-returns', text: 'No returns.' }]))?.accepted).toBe(false);
  });

  it('is null when the policy says nothing about them', () => {
    expect(preferenceReturnRule(section([{ id: 'returns.defect-exchange', text: 'Exchanged.' }]))).toBeNull();
  });
});

describe('lineReturnState', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const within = { id: 'returns.within-window', text: 'Returns are accepted within 7 days of delivery.' };
  const open = {
    productId: 'a',
    open: true,
    returnableLastDay: '2026-05-11',
    refund: usd(7_000),
    restockingFee: usd(3_000),
    shippingRefund: usd(0),
    returnPostage: 'CUSTOMER',
    rule: within,
    returnId: null,
  };

  it('open: until its last day, with the refund, the fee and who pays the postage (no shipping line when none comes back)', () => {
    expect(lineReturnState(open)).toEqual({
      kind: 'OPEN',
      productId: 'a',
      lastDay: '2026-05-11',
      refund: usd(7_000),
      restockingFee: usd(3_000),
      shippingRefund: null,
      postage: 'CUSTOMER',
    });
    expect(lineReturnState({ ...open, shippingRefund: usd(1_500) })).toMatchObject({ kind: 'OPEN', shippingRefund: usd(1_500) });
  });

  it('closed: the window’s last day and the rule; no terms', () => {
    const closed = { ...open, open: false, refund: null, restockingFee: null, returnPostage: null };
    expect(lineReturnState({ ...closed, rule: { id: 'returns.window-closed', text: 'The return window has closed.' } })).toEqual({
      kind: 'CLOSED',
      productId: 'a',
      lastDay: '2026-05-11',
      rule: 'The return window has closed.',
    });
  });

  it('refused without a window (no returns for a change of mind), or already asked', () => {
    const none = { productId: 'a', open: false, returnableLastDay: null, rule: { id: 'returns.no-preference-returns', text: 'No returns.' } };
    expect(lineReturnState(none)).toEqual({ kind: 'REFUSED', productId: 'a', rule: 'No returns.' });
    expect(lineReturnState({ ...open, open: false, refund: null, returnId: 'r1' })).toEqual({ kind: 'REQUESTED', productId: 'a' });
  });
});

describe('returnAddressText', () => {
  const address = {
    name: 'Vitrine Returns',
    line1: '14 rue de la Soie',
    line2: 'Quai 3',
    postalCode: '69100',
    city: 'Villeurbanne',
    region: null,
    country: 'FR',
  };

  it('writes the address on one line as a label has it, the country in the page’s language, blank lines left out', () => {
    expect(returnAddressText(address, countryNameIn('en'))).toBe('Vitrine Returns, 14 rue de la Soie, Quai 3, 69100 Villeurbanne, France');
    expect(returnAddressText({ ...address, line2: ' ', region: 'Guangdong', country: 'CN', city: 'Dongguan', postalCode: '523808' }, countryNameIn('fr'))).toBe(
      'Vitrine Returns, 14 rue de la Soie, 523808 Dongguan, Guangdong, Chine',
    );
  });
});
