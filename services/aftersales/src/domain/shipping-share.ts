/** One line of an order: what its goods paid (unit price x quantity, minor units). */
export interface OrderLineValue {
  productId: string;
  paid: number;
}

/**
 * Splits what an order paid for shipping over its lines in proportion to
 * what each line paid for its goods, in minor units: each line gets the
 * whole units of its share, and the units left by rounding go one each to
 * the lines with the largest remainders (the earlier line on a tie), so the
 * shares always add up to exactly what was paid. Lines that paid nothing
 * (an order of free goods) share it equally. Keyed by product id.
 */
export function shippingShares(lines: readonly OrderLineValue[], shippingPaid: number): Map<string, number> {
  if (!Number.isSafeInteger(shippingPaid) || shippingPaid < 0) throw new Error(`shipping paid must be whole minor units, got ${shippingPaid}`);
  if (lines.length === 0) return new Map();
  const total = lines.reduce((sum, l) => sum + BigInt(l.paid), 0n);
  const weights = total > 0n ? lines.map((l) => BigInt(l.paid)) : lines.map(() => 1n);
  const weightTotal = total > 0n ? total : BigInt(lines.length);
  const shipping = BigInt(shippingPaid);
  // BigInt: price x shipping can pass 2^53 on large orders.
  const exact = weights.map((w, index) => ({ index, whole: (shipping * w) / weightTotal, remainder: (shipping * w) % weightTotal }));
  let left = shipping - exact.reduce((sum, e) => sum + e.whole, 0n);
  const byRemainder = [...exact].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const e of byRemainder) {
    if (left === 0n) break;
    e.whole += 1n;
    left -= 1n;
  }
  return new Map(lines.map((l, i) => [l.productId, Number(exact[i]!.whole)]));
}
