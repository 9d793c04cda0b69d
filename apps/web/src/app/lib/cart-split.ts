import type { PricedLine } from './cart-products.server.js';

/** How checkout splits a cart: in-stock items become one order, each preordered product an order of its own. */
export function splitCart(lines: PricedLine[]) {
  return {
    preorders: lines.filter((l) => l.product.status === 'PREORDER'),
    inStock: lines.filter((l) => l.product.status !== 'PREORDER'),
  };
}
