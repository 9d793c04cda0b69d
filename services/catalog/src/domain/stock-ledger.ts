/**
 * The stock ledger's vocabulary. A movement's signed quantity is its effect:
 * RECEIVED (+) and ADJUSTED (+/-) change units on hand; RESERVED (+) and
 * RELEASED (-) change units reserved; SHIPPED (-) takes units out of both
 * (they leave the building with the order); TRANSFERRED (-/+) moves free
 * units on hand from one warehouse to another: two rows naming one transfer,
 * minus at the source and plus at the destination, summing to zero. The
 * preorder pool (no warehouse) only has a reserved counter.
 */
export const movementKinds = ['RECEIVED', 'RESERVED', 'RELEASED', 'SHIPPED', 'ADJUSTED', 'TRANSFERRED'] as const;
export type MovementKind = (typeof movementKinds)[number];

export const reservationStates = ['RESERVED', 'RELEASED', 'COMMITTED'] as const;
export type ReservationState = (typeof reservationStates)[number];

const onHandKinds: readonly MovementKind[] = ['RECEIVED', 'ADJUSTED', 'SHIPPED', 'TRANSFERRED'];
const reservedKinds: readonly MovementKind[] = ['RESERVED', 'RELEASED', 'SHIPPED'];

export interface Counters {
  onHand: number;
  reserved: number;
}

/** Counters as the ledger says they should be, from the movements of one product in one place. */
export function countersFromMovements(movements: readonly { kind: MovementKind; quantity: number }[]): Counters {
  let onHand = 0;
  let reserved = 0;
  for (const m of movements) {
    if (onHandKinds.includes(m.kind)) onHand += m.quantity;
    if (reservedKinds.includes(m.kind)) reserved += m.quantity;
  }
  return { onHand, reserved };
}

/** One place whose stored counters differ from its ledger. */
export interface StockDiscrepancy {
  productId: string;
  /** Null: the preorder pool. */
  warehouseId: string | null;
  stored: Counters;
  ledger: Counters;
}

export interface PlaceCounters extends Counters {
  productId: string;
  warehouseId: string | null;
}

/**
 * Compares stored counters with the ledger sums, place by place (a place
 * known to only one side counts as zero on the other). The pool has no
 * units on hand, so only its reserved counter is compared.
 */
export function reconcile(stored: readonly PlaceCounters[], ledger: readonly PlaceCounters[]): StockDiscrepancy[] {
  const key = (c: PlaceCounters) => `${c.productId}/${c.warehouseId ?? 'pool'}`;
  const zero = { onHand: 0, reserved: 0 };
  const places = new Map<string, { productId: string; warehouseId: string | null; stored: Counters; ledger: Counters }>();
  for (const c of stored)
    places.set(key(c), { productId: c.productId, warehouseId: c.warehouseId, stored: { onHand: c.onHand, reserved: c.reserved }, ledger: zero });
  for (const c of ledger) {
    const place = places.get(key(c)) ?? { productId: c.productId, warehouseId: c.warehouseId, stored: zero, ledger: zero };
    places.set(key(c), { ...place, ledger: { onHand: c.onHand, reserved: c.reserved } });
  }
  return [...places.values()].filter((p) => p.stored.reserved !== p.ledger.reserved || (p.warehouseId !== null && p.stored.onHand !== p.ledger.onHand));
}

/** What one movement does to its place's counters. */
export function counterEffect(kind: MovementKind, quantity: number): Counters {
  return { onHand: onHandKinds.includes(kind) ? quantity : 0, reserved: reservedKinds.includes(kind) ? quantity : 0 };
}
