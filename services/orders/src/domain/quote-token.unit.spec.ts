import { describe, expect, it } from 'vitest';
import { quoteToken } from './quote-token.js';

describe('quoteToken', () => {
  const terms = { orderId: '00000000-0000-4000-8000-000000000001', outcome: 'ALLOWED', fee: 1_000, refund: 1_000, ruleId: 'preorder-cancellation.x' };

  it('is the same for the same terms and changes with any of them', () => {
    expect(quoteToken(terms)).toBe(quoteToken({ ...terms }));
    expect(quoteToken(terms)).toHaveLength(32);
    for (const changed of [{ fee: 1_001 }, { refund: 999 }, { ruleId: 'y' }, { outcome: 'REFUSED' }, { orderId: '00000000-0000-4000-8000-000000000002' }]) {
      expect(quoteToken({ ...terms, ...changed })).not.toBe(quoteToken(terms));
    }
  });
});
