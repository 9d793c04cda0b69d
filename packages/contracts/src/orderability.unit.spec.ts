import { describe, expect, it } from 'vitest';
import { isOrderableStatus, productStatuses } from './events/catalog/product-status.js';
import { notOrderableReasons } from './orderability.js';

describe('notOrderableReasons', () => {
  it('is empty in an orderable status outside the blocked countries', () => {
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'DE')).toEqual([]);
    expect(notOrderableReasons({ status: 'PREORDER', regionBlocks: [] }, null)).toEqual([]);
  });

  it('says why not: the status, the blocked country, or a country not known yet', () => {
    expect(notOrderableReasons({ status: 'DISCONTINUED', regionBlocks: [] }, 'DE')).toEqual([
      { reason: 'NOT_ORDERABLE', message: 'This product is no longer sold.' },
    ]);
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, 'FR')).toEqual([
      { reason: 'BLOCKED_IN_REGION', message: expect.stringContaining('FR') },
    ]);
    expect(notOrderableReasons({ status: 'IN_STOCK', regionBlocks: ['FR'] }, null)).toEqual([
      { reason: 'REGION_UNKNOWN', message: expect.stringContaining('try again') },
    ]);
  });

  it.each(productStatuses.filter((status) => !isOrderableStatus(status)))('words %s for the customer, without the status code', (status) => {
    const message = notOrderableReasons({ status, regionBlocks: [] }, 'DE')[0]?.message;
    expect(message).toBeDefined();
    expect(message).not.toContain(status);
    expect(message).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });

  it('gives every reason, the status first', () => {
    expect(notOrderableReasons({ status: 'SOLD_OUT', regionBlocks: ['FR'] }, 'FR').map((r) => r.reason)).toEqual(['NOT_ORDERABLE', 'BLOCKED_IN_REGION']);
  });
});
