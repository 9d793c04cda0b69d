import { describe, expect, it } from 'vitest';
import { orderabilityIn } from './orderability.js';

describe('orderabilityIn', () => {
  it('is orderable in an orderable status outside the blocked countries', () => {
    expect(orderabilityIn({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'DE')).toEqual({ orderable: true, reason: null });
    expect(orderabilityIn({ status: 'PREORDER', regionBlocks: [] }, null)).toEqual({ orderable: true, reason: null });
  });

  it('says why not: the status, the blocked country, or a country not known yet', () => {
    expect(orderabilityIn({ status: 'DISCONTINUED', regionBlocks: [] }, 'DE')).toEqual({ orderable: false, reason: expect.stringContaining('DISCONTINUED') });
    expect(orderabilityIn({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'FR')).toEqual({ orderable: false, reason: expect.stringContaining('FR') });
    expect(orderabilityIn({ status: 'IN_STOCK', regionBlocks: ['FR'] }, null)).toEqual({ orderable: false, reason: expect.stringContaining('try again') });
  });
});
