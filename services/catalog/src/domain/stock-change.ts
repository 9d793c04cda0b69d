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

/** A preorder limit's shape: null (open-ended) or a whole number of units (that it is not below what preorders hold is assertPreorderLimit's rule). */
export function checkPreorderLimit(limit: number | null): FieldProblem[] {
  if (limit === null || (Number.isInteger(limit) && limit >= 0 && limit <= maxUnitsPerMovement)) return [];
  return [{ field: 'preorderLimit', reason: 'OUT_OF_RANGE', message: `The preorder limit must be a whole number from 0 to ${maxUnitsPerMovement}, or none.` }];
}

/** A preorder limit never goes below what preorders already hold: those customers would lose units promised to them. */
export function assertPreorderLimit(limit: number | null, reserved: number): void {
  if (limit === null || limit >= reserved) return;
  throw new PolicyViolation(
    `${reserved} units are already preordered: the limit cannot go below that (cancel preorders first).`,
    'PREORDER_LIMIT_BELOW_RESERVED',
    { limit, reserved },
  );
}
