import type { OrderKind } from '@vitrine/contracts';
import { preorderProductStatus } from '@vitrine/contracts';
import type { DraftLine } from './draft-order.js';

export interface OrderGroup {
  kind: OrderKind;
  lines: DraftLine[];
}

/**
 * The orders a checked-out cart becomes: items in stock together in one
 * order, each preordered product in an order of its own (seed 004: preorders
 * never share an order with items in stock; each preorder is released,
 * noticed, paid and shipped on its own dates, as seed 000's per-preorder
 * balance notices show). Lines keep their cart order within a group.
 */
export function splitCart(lines: readonly DraftLine[], statusOf: (productId: string) => string): OrderGroup[] {
  const inStock = lines.filter((l) => statusOf(l.productId) !== preorderProductStatus);
  const preorders = new Map<string, DraftLine[]>();
  for (const line of lines) {
    if (statusOf(line.productId) !== preorderProductStatus) continue;
    preorders.set(line.productId, [...(preorders.get(line.productId) ?? []), line]);
  }
  return [
    ...(inStock.length ? [{ kind: 'IN_STOCK' as const, lines: inStock }] : []),
    ...[...preorders.values()].map((l) => ({ kind: 'PREORDER' as const, lines: l })),
  ];
}
