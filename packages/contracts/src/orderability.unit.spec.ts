import { describe, expect, it } from 'vitest';
import { notOrderableReasons } from './orderability.js';

describe('notOrderableReasons', () => {
  it('is empty in an orderable status outside the blocked countries', () => {
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'DE')).toEqual([]);
    expect(notOrderableReasons({ status: 'PREORDER', regionBlocks: [] }, null)).toEqual([]);
  });

  it('says why not: the status, the blocked country, or a country not known yet', () => {
    expect(notOrderableReasons({ status: 'DISCONTINUED', regionBlocks: [] }, 'DE')).toEqual([
      { reason: 'NOT_ORDERABLE', message: expect.stringContaining('DISCONTINUED') },
    ]);
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'FR')).toEqual([
      { reason: 'BLOCKED_IN_REGION', message: expect.stringContaining('FR') },
    ]);
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, null)).toEqual([
      { reason: 'REGION_UNKNOWN', message: expect.stringContaining('try again') },
    ]);
  });

  it('gives every reason, the status first', () => {
    expect(notOrderableReasons({ status: 'SOLD_OUT', regionBlocks: ['FR'] }, 'FR').map((r) => r.reason)).toEqual(['NOT_ORDERABLE', 'BLOCKED_IN_REGION']);
  });
});
