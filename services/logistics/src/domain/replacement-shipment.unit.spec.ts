import { describe, expect, it } from 'vitest';
import { checkReplacementPacking, replacementOpening } from './replacement-shipment.js';

describe('replacement shipments', () => {
  it('given a part the studio has, waits for it from the first day it should reach the warehouse', () => {
    expect(replacementOpening('REPLACEMENT_PART', { earliest: '2026-03-10', latest: '2026-03-17' })).toEqual({
      status: 'AWAITING_PART',
      readyFrom: '2026-03-10',
    });
  });

  it('given a part made on demand (or no lead time), waits with no date', () => {
    expect(replacementOpening('REPLACEMENT_PART', null)).toEqual({ status: 'AWAITING_PART', readyFrom: null });
  });

  it('given an exchange, can be packed at once from stock', () => {
    expect(replacementOpening('EXCHANGE', { earliest: '2026-03-10', latest: '2026-03-17' })).toEqual({ status: 'OPEN', readyFrom: null });
  });

  it('packing an exchange requires where the unit was taken from (catalog is not told), a part does not', () => {
    expect(checkReplacementPacking('EXCHANGE', '  ')).toMatchObject({ problems: [{ field: 'unitTaken', reason: 'REQUIRED' }] });
    expect(checkReplacementPacking('EXCHANGE', null).problems).toHaveLength(1);
    expect(checkReplacementPacking('EXCHANGE', 'x'.repeat(201))).toMatchObject({ problems: [{ reason: 'INVALID_LENGTH' }] });
    expect(checkReplacementPacking('EXCHANGE', ' Lyon, shelf B4 ')).toEqual({ unitTaken: 'Lyon, shelf B4', problems: [] });
    expect(checkReplacementPacking('REPLACEMENT_PART', 'anything')).toEqual({ unitTaken: null, problems: [] });
  });
});
