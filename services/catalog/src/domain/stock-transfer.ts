import { Conflict, PolicyViolation, type FieldProblem } from '@vitrine/platform/domain';
import { checkQuantity } from './stock-change.js';
import { checkWarehouseInUse } from './warehouse-change.js';

/**
 * Staff move a product's units from one warehouse to another: one movement,
 * never a write-off and a receipt. Only free units move (on hand less what is
 * reserved for orders, waitlist holds and exchanges): a reserved unit stays
 * where its order was told it is (logistics packs it there).
 */
export interface TransferRequest {
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  reason: string;
}

/** A warehouse as a transfer needs it; null: no warehouse has this id. */
export type TransferPlace = { code: string; retiredAt: Date | null } | null;

/** The request's own shape: a positive whole quantity between two different warehouses. */
export function checkTransferRequest(request: Pick<TransferRequest, 'fromWarehouseId' | 'toWarehouseId' | 'quantity'>): FieldProblem[] {
  const problems = checkQuantity(request.quantity);
  if (request.fromWarehouseId.toLowerCase() === request.toWarehouseId.toLowerCase()) {
    problems.push({ field: 'toWarehouseId', reason: 'SAME_WAREHOUSE', message: 'The units are already there: choose another warehouse to move them to.' });
  }
  return problems;
}

/**
 * Both warehouses exist; the destination is in use (a retired one takes no
 * units). A retired source holds none (it retired empty), so it is named as
 * such rather than as short of units.
 */
export function checkTransferPlaces(from: TransferPlace, to: TransferPlace): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (from === null) problems.push({ field: 'fromWarehouseId', reason: 'UNKNOWN_WAREHOUSE', message: 'No warehouse has this id (see warehouses).' });
  else if (from.retiredAt !== null) {
    problems.push({ field: 'fromWarehouseId', reason: 'WAREHOUSE_RETIRED', message: `${from.code} is retired: it holds no units to move.` });
  }
  problems.push(...checkWarehouseInUse(to).map((p) => ({ ...p, field: 'toWarehouseId' })));
  return problems;
}

/**
 * At most the source's free units move. Returns the source's units on hand
 * after the move; refused (POLICY_VIOLATION TRANSFER_EXCEEDS_FREE_UNITS,
 * saying how many are free) otherwise.
 */
export function assertFreeUnits(source: { code: string; onHand: number; reserved: number }, quantity: number): number {
  const free = Math.max(source.onHand - source.reserved, 0);
  if (quantity <= free) return source.onHand - quantity;
  const held = source.reserved > 0 ? ` (${source.onHand} on hand, ${source.reserved} reserved for orders)` : '';
  throw new PolicyViolation(
    `${source.code} has ${free === 1 ? '1 free unit' : `${free} free units`} of this product${held}: at most ${free} can be moved.`,
    'TRANSFER_EXCEEDS_FREE_UNITS',
    { onHand: source.onHand, reserved: source.reserved, free, quantity },
  );
}

const keyPattern = /^[A-Za-z0-9._:-]{8,200}$/;

/** The same shape as orders' and payments' keys: 8 to 200 of letters, digits and `._:-` (a UUID fits). */
export function checkIdempotencyKey(key: string | null): FieldProblem[] {
  if (key === null || keyPattern.test(key)) return [];
  return [
    {
      field: 'idempotencyKey',
      reason: 'INVALID_IDEMPOTENCY_KEY',
      message: 'The idempotency key must be 8-200 letters, digits or . _ : - characters (a UUID is ideal); send the same one when retrying.',
    },
  ];
}

/**
 * A transfer sent again with the key of one already made: the same request
 * gets that transfer back (nothing moves twice); anything else under that key
 * is a CONFLICT (IDEMPOTENCY_KEY_REUSED).
 */
export function assertSameTransfer(done: TransferRequest & { productId: string }, again: TransferRequest & { productId: string }): void {
  const same =
    done.productId.toLowerCase() === again.productId.toLowerCase() &&
    done.fromWarehouseId.toLowerCase() === again.fromWarehouseId.toLowerCase() &&
    done.toWarehouseId.toLowerCase() === again.toWarehouseId.toLowerCase() &&
    done.quantity === again.quantity &&
    done.reason === again.reason;
  if (!same) {
    throw new Conflict('This idempotency key was already used for a different transfer. Use a new key for a new transfer.', { rule: 'IDEMPOTENCY_KEY_REUSED' });
  }
}
