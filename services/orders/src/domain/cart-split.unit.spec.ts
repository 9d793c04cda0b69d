import { describe, expect, it } from 'vitest';
import { splitCart } from './cart-split.js';

const line = (productId: string, quantity = 1) => ({ productId, quantity, unitPriceAmount: 100 });
const statuses: Record<string, string> = { a: 'IN_STOCK', b: 'PREORDER', c: 'RELEASED', d: 'PREORDER' };

describe('splitCart', () => {
  it('items in stock share one order; each preordered product gets its own, with all its lines', () => {
    expect(splitCart([line('b'), line('a'), line('d'), line('c'), line('b', 2)], (id) => statuses[id]!)).toEqual([
      { kind: 'IN_STOCK', lines: [line('a'), line('c')] },
      { kind: 'PREORDER', lines: [line('b'), line('b', 2)] },
      { kind: 'PREORDER', lines: [line('d')] },
    ]);
  });

  it('a cart of items in stock is one order', () => {
    expect(splitCart([line('a'), line('c')], (id) => statuses[id]!)).toEqual([{ kind: 'IN_STOCK', lines: [line('a'), line('c')] }]);
  });
});
