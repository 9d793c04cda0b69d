import { describe, expect, it } from 'vitest';
import { assertStudioRemovable } from './studio-removal.js';

describe('assertStudioRemovable', () => {
  it('lets a studio no product names go', () => {
    expect(() => assertStudioRemovable({ name: 'Prime Forge' }, 0)).not.toThrow();
  });

  it.each([
    [1, /makes 1 product: give it another studio/],
    [3, /makes 3 products: give them another studio/],
  ])('refuses while %i products name it', (count, message) => {
    expect(() => assertStudioRemovable({ name: 'Prime Forge' }, count)).toThrow(message);
    expect(() => assertStudioRemovable({ name: 'Prime Forge' }, count)).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: { rule: 'STUDIO_HAS_PRODUCTS', products: count } }),
    );
  });
});
