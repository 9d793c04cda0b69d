import { describe, expect, it } from 'vitest';
import { checkSaleRules } from './sale-rules.js';

describe('checkSaleRules', () => {
  it('normalises country codes (trim, upper case, dedupe, sort)', () => {
    expect(checkSaleRules({ regionBlocks: [' fr', 'DE', 'FR'], maxQuantityPerOrder: 2 })).toEqual({
      rules: { regionBlocks: ['DE', 'FR'], maxQuantityPerOrder: 2, maxQuantityPerCustomer: null },
      problems: [],
    });
  });

  it('defaults to no blocks and no limit', () => {
    expect(checkSaleRules({})).toEqual({ rules: { regionBlocks: [], maxQuantityPerOrder: null, maxQuantityPerCustomer: null }, problems: [] });
  });

  it('reports unknown countries and a limit that is not positive, all at once', () => {
    const { problems } = checkSaleRules({ regionBlocks: ['FR', 'UK', 'XX1'], maxQuantityPerOrder: 0 });
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['regionBlocks.1', 'UNKNOWN_COUNTRY'],
      ['regionBlocks.2', 'UNKNOWN_COUNTRY'],
      ['maxQuantityPerOrder', 'OUT_OF_RANGE'],
    ]);
  });

  it.each([-1, 1.5, 10_001])('refuses a per-order limit of %d', (max) => {
    expect(checkSaleRules({ maxQuantityPerOrder: max }).problems).toMatchObject([{ field: 'maxQuantityPerOrder', reason: 'OUT_OF_RANGE' }]);
  });

  it('a per-customer limit is 1-10,000 and never below the per-order limit', () => {
    expect(checkSaleRules({ maxQuantityPerOrder: 2, maxQuantityPerCustomer: 5 })).toMatchObject({ rules: { maxQuantityPerCustomer: 5 }, problems: [] });
    expect(checkSaleRules({ maxQuantityPerCustomer: 0 }).problems).toMatchObject([{ field: 'maxQuantityPerCustomer', reason: 'OUT_OF_RANGE' }]);
    expect(checkSaleRules({ maxQuantityPerOrder: 3, maxQuantityPerCustomer: 2 }).problems).toMatchObject([
      { field: 'maxQuantityPerCustomer', reason: 'BELOW_PER_ORDER_LIMIT' },
    ]);
  });
});
