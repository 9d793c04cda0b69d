import { describe, expect, it } from 'vitest';
import { preferenceReturnRule, returnableLines } from './returns.js';

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

describe('returnableLines', () => {
  it('leaves out the lines of this order already being returned, not those of another order', () => {
    const lines = [{ product: { id: 'a' } }, { product: { id: 'b' } }];
    const returns = [
      { orderId: 'o1', productId: 'a' },
      { orderId: 'o2', productId: 'b' },
    ];
    expect(returnableLines(lines, returns, 'o1')).toEqual([{ product: { id: 'b' } }]);
  });
});
