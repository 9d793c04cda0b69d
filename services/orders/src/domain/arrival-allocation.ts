export interface WaitingPreorder {
  orderId: string;
  placedAt: Date;
  /** Units of the arrived product on the order. */
  quantity: number;
}

/**
 * Which preorders an arrival of `quantity` units serves: oldest first, whole
 * orders only (an order is noticed when all its units of the product are in);
 * an order that does not fit waits for the next arrival, and younger ones
 * that fit are not served ahead of it.
 */
export function servedByArrival(waiting: readonly WaitingPreorder[], quantity: number): string[] {
  const served: string[] = [];
  let left = quantity;
  for (const order of [...waiting].sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime() || a.orderId.localeCompare(b.orderId))) {
    if (order.quantity > left) break;
    served.push(order.orderId);
    left -= order.quantity;
  }
  return served;
}
