import { PolicyViolation, type FieldProblem } from '@vitrine/platform/domain';

/** The most units one movement may carry: a typo guard, far above any real delivery. */
export const maxUnitsPerMovement = 1_000_000;

/** Units received or arrived: a positive whole number. */
export function checkQuantity(quantity: number, field = 'quantity'): FieldProblem[] {
  if (Number.isInteger(quantity) && quantity > 0 && quantity <= maxUnitsPerMovement) return [];
  return [{ field, reason: 'OUT_OF_RANGE', message: `Quantity must be a whole number from 1 to ${maxUnitsPerMovement}.` }];
}

/** A correction after a count, breakage or loss: a non-zero whole number of units, either sign. */
export function checkDelta(delta: number): FieldProblem[] {
  if (Number.isInteger(delta) && delta !== 0 && Math.abs(delta) <= maxUnitsPerMovement) return [];
  return [
    {
      field: 'delta',
      reason: 'OUT_OF_RANGE',
      message: `The adjustment must be a non-zero whole number between -${maxUnitsPerMovement} and ${maxUnitsPerMovement}.`,
    },
  ];
}

/**
 * An adjustment may not leave fewer units than are promised to orders (nor
 * fewer than none): those orders would be unservable. Release or cancel them first.
 */
export function assertAdjustment(current: { onHand: number; reserved: number }, delta: number): number {
  const onHand = current.onHand + delta;
  if (onHand >= current.reserved) return onHand;
  throw new PolicyViolation(
    onHand < 0
      ? `Only ${current.onHand} units are on hand: removing ${-delta} would go below zero.`
      : `${current.reserved} units are reserved for orders: at most ${current.onHand - current.reserved} can be removed.`,
    'STOCK_BELOW_RESERVED',
    { onHand: current.onHand, reserved: current.reserved, delta },
  );
}

/**
 * A preorder pool's capacity (what preorders may hold: the limited quantity
 * less what has arrived) has this shape: null (open-ended) or a whole number
 * of units from 0. That it is not below what preorders hold is
 * assertCapacityCoversReserved's rule. `field` names the input it came from.
 */
export function checkPoolCapacity(capacity: number | null, field: string): FieldProblem[] {
  if (capacity === null || (Number.isInteger(capacity) && capacity >= 0 && capacity <= maxUnitsPerMovement)) return [];
  return [{ field, reason: 'OUT_OF_RANGE', message: `The limited quantity must be a whole number from 0 to ${maxUnitsPerMovement}, or none.` }];
}

/** A pool's capacity never goes below what preorders already hold: those customers would lose units promised to them. */
export function assertCapacityCoversReserved(capacity: number | null, reserved: number): void {
  if (capacity === null || capacity >= reserved) return;
  throw new PolicyViolation(
    `${reserved} units are already preordered: the limit cannot go below that (cancel preorders first).`,
    'PREORDER_LIMIT_BELOW_RESERVED',
    // `limit` is the public extension key (clients may read it); it carries the pool's capacity.
    { limit: capacity, reserved },
  );
}
