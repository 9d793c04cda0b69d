/** A preorder reservation still waiting in the pool for its units. */
export interface WaitingPreorder {
  id: string;
  orderId: string;
  quantity: number;
  reservedAt: Date;
}

/** Units of one waiting reservation moved onto the arrived units; `split` when only part of it fits. */
export interface ArrivalMove {
  reservationId: string;
  orderId: string;
  quantity: number;
  split: boolean;
}

export interface ArrivalDecision {
  moves: ArrivalMove[];
  /** Preordered units moved from the pool onto the arrived units. */
  moved: number;
  /** Arrived units left sellable. */
  surplus: number;
}

/**
 * Arrived units serve the customers who waited longest first (oldest
 * reservation, then id, so the choice is deterministic). A reservation
 * larger than what is left is split: its customer gets what arrived now and
 * keeps waiting for the rest. Whatever no preorder waits for is surplus.
 */
export function decideArrival(waiting: readonly WaitingPreorder[], quantity: number): ArrivalDecision {
  const oldestFirst = [...waiting].sort((x, y) => x.reservedAt.getTime() - y.reservedAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const moves: ArrivalMove[] = [];
  let left = quantity;
  for (const r of oldestFirst) {
    if (left === 0) break;
    const take = Math.min(left, r.quantity);
    moves.push({ reservationId: r.id, orderId: r.orderId, quantity: take, split: take < r.quantity });
    left -= take;
  }
  return { moves, moved: quantity - left, surplus: left };
}
