import { describe, expect, it } from 'vitest';
import { isPartCategory, maxReimbursement, partCategories, partCategoryLabel } from './part-categories.js';

describe('after-sales part categories (001 compensation table)', () => {
  it('carries the table in minor units, null where staff decide', () => {
    expect(maxReimbursement('DETACHMENT_ONLY')).toBe(500);
    expect(maxReimbursement('HEAD_SCULPT')).toBe(2500);
    expect(maxReimbursement('HEAD_SCULPT_SPECIAL')).toBe(4000);
    expect(maxReimbursement('CLOTHES_SPECIAL_LARGE')).toBe(3000);
    expect(maxReimbursement('FIGURE_STAND')).toBe(1000);
    expect(maxReimbursement('FIGURE_STAND_SPECIAL')).toBeNull();
    expect(maxReimbursement('PACKAGING_BOX')).toBeNull();
  });

  it('knows its categories and nothing else', () => {
    expect(partCategories).toHaveLength(18);
    expect(isPartCategory('WEAPON_SMALL')).toBe(true);
    expect(isPartCategory('toString')).toBe(false);
    expect(isPartCategory('CAPE')).toBe(false);
    expect(partCategoryLabel('HEAD_SCULPT_SPECIAL')).toBe('head sculpt special');
  });
});
