/** An order in a parcel and the shipping estimate it paid (minor units). */
export interface QuotedOrder {
  orderId: string;
  estimatePaid: number;
}

export interface OrderShare {
  orderId: string;
  estimatePaid: number;
  finalShare: number;
  excessRefund: number;
  extraDue: number;
}

export interface FinalQuote {
  outcome: 'REFUND_EXCESS' | 'EXACT' | 'EXTRA_INVOICE';
  orders: OrderShare[];
}

/**
 * The final cost of a parcel against what its orders paid as estimates. One
 * parcel may hold several orders (consolidated): the cost is split in
 * proportion to their estimates (equally when none paid any), the remainder
 * going one minor unit at a time to the largest fractions, so the shares add
 * up to the cost exactly. Each order is refunded what it paid above its
 * share or invoiced what its share is above what it paid.
 */
export function finalQuote(finalCost: number, orders: readonly QuotedOrder[]): FinalQuote {
  if (!Number.isSafeInteger(finalCost) || finalCost < 0) throw new Error(`finalQuote: a cost is a whole amount of minor units, got ${finalCost}`);
  if (orders.length === 0) throw new Error('finalQuote: a parcel holds at least one order');
  const paid = orders.reduce((sum, o) => sum + o.estimatePaid, 0);
  const weights = paid === 0 ? orders.map(() => 1) : orders.map((o) => o.estimatePaid);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (finalCost * w) / total);
  const shares = exact.map(Math.floor);
  let left = finalCost - shares.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((x, i) => ({ i, fraction: x - Math.floor(x) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  const outcome = finalCost < paid ? 'REFUND_EXCESS' : finalCost === paid ? 'EXACT' : 'EXTRA_INVOICE';
  return {
    outcome,
    orders: orders.map((o, i) => ({
      orderId: o.orderId,
      estimatePaid: o.estimatePaid,
      finalShare: shares[i]!,
      excessRefund: Math.max(o.estimatePaid - shares[i]!, 0),
      extraDue: Math.max(shares[i]! - o.estimatePaid, 0),
    })),
  };
}
