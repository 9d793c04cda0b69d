import { describe, expect, it } from 'vitest';
import { checkProductFilter } from './list-products.js';

describe('checkProductFilter', () => {
  it('normalises series and text (trimmed, lower case); blank means no filter', () => {
    expect(checkProductFilter({ series: '  Demon Slayer ', text: ' Tanjiro ' })).toEqual({
      problems: [],
      normalized: { series: 'demon slayer', text: 'tanjiro' },
    });
    expect(checkProductFilter({ series: '   ', text: '' })).toEqual({ problems: [], normalized: {} });
  });

  it('refuses an over-long series', () => {
    expect(checkProductFilter({ series: 'x'.repeat(201) }).problems.map((p) => [p.field, p.reason])).toEqual([['filter.series', 'INVALID_LENGTH']]);
  });

  it('leaves the region to the listing (it needs the caller)', () => {
    expect(checkProductFilter({ availableInMyRegion: true })).toEqual({ problems: [], normalized: {} });
  });
});
