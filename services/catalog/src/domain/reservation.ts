export interface RequestedLine {
  productId: string;
  quantity: number;
}

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

export type ReservationDecision =
  | { kind: 'reserve'; lines: RequestedLine[] }
  | { kind: 'reject'; reason: 'INSUFFICIENT_STOCK' | 'UNKNOWN_PRODUCT'; shortLines: ShortLine[] };

/**
 * All or nothing: an order is served only if every line can be, so a
 * customer never receives half an order they did not ask for. Lines for the
 * same product are added up first.
 */
export function decideReservation(requested: RequestedLine[], available: ReadonlyMap<string, number>): ReservationDecision {
  const totals = new Map<string, number>();
  for (const line of requested) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  const lines = [...totals].map(([productId, quantity]) => ({ productId, quantity }));

  const unknown = lines.filter((l) => !available.has(l.productId));
  if (unknown.length > 0) {
    return { kind: 'reject', reason: 'UNKNOWN_PRODUCT', shortLines: unknown.map((l) => ({ productId: l.productId, requested: l.quantity, available: 0 })) };
  }
  const short = lines
    .map((l) => ({ productId: l.productId, requested: l.quantity, available: available.get(l.productId)! }))
    .filter((l) => l.requested > l.available);
  if (short.length > 0) return { kind: 'reject', reason: 'INSUFFICIENT_STOCK', shortLines: short };
  return { kind: 'reserve', lines };
}
