import type { WarehouseReturnAddress } from '@vitrine/contracts';
import { PolicyViolation, type FieldProblem } from '@vitrine/platform/domain';
import { checkNewWarehouse, type NewWarehouseInput } from './new-warehouse.js';
import { sameReturnAddress, type ReturnAddressInput } from './warehouse-address.js';

/**
 * What staff may change on a warehouse. Its code and country stay: the code is
 * how staff and logistics' rate tables name it, and logistics counts delivery
 * deadlines in the country WarehouseCreated gave. A warehouse in another
 * country is a new warehouse (add it, move the units, retire this one). The
 * return address may be set or corrected, not removed (customers with a
 * return on the way were told it).
 */
export interface WarehouseEdit {
  name: string;
  heldByFactory: boolean;
  allocationPriority: number;
  returnAddress: WarehouseReturnAddress | null;
}
export interface WarehousePatch {
  name?: string | null;
  heldByFactory?: boolean | null;
  allocationPriority?: number | null;
  returnAddress?: ReturnAddressInput | null;
}

/** A warehouse as the rules need it: its facts and the units it holds (all products). */
export interface WarehouseState extends Omit<NewWarehouseInput, 'returnAddress'> {
  returnAddress: WarehouseReturnAddress | null;
  retiredAt: Date | null;
  onHand: number;
  reserved: number;
}

export type WarehouseChangeDecision = { changes: Partial<Record<keyof WarehouseEdit, { from: unknown; to: unknown }>>; next: WarehouseEdit };

const editable = ['name', 'heldByFactory', 'allocationPriority', 'returnAddress'] as const;

/**
 * A warehouse correction: the given fields are checked as createWarehouse
 * checks them (every problem at once, BAD_USER_INPUT; the return address by
 * orders' shipping-address rules, in the warehouse's country). Whether the
 * factory holds it may change only while it holds no unit: units there were
 * sold under the other rule (CHINA_STOCK sells from the factory's only;
 * factory-held units have no after-sales). No change at all is an empty
 * `changes`.
 */
export function decideWarehouseChange(current: WarehouseState, patch: WarehousePatch): WarehouseChangeDecision | { problems: FieldProblem[] } {
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof WarehousePatch]?: NonNullable<WarehousePatch[K]>;
  };
  if (Object.keys(given).length === 0) return { problems: [{ field: 'input', reason: 'EMPTY_CHANGE', message: 'Give at least one field to change.' }] };
  const { warehouse: clean, problems } = checkNewWarehouse({ ...current, ...given, returnAddress: given.returnAddress ?? current.returnAddress });
  const own = problems.filter((p) => p.field.split('.')[0]! in given);
  if (own.length > 0) return { problems: own };
  const next: WarehouseEdit = {
    name: clean.name,
    heldByFactory: clean.heldByFactory,
    allocationPriority: clean.allocationPriority,
    returnAddress: clean.returnAddress,
  };
  const changes: WarehouseChangeDecision['changes'] = {};
  for (const key of editable) {
    const same = key === 'returnAddress' ? sameReturnAddress(next.returnAddress, current.returnAddress) : next[key] === current[key];
    if (!same) changes[key] = { from: current[key], to: next[key] };
  }
  if (changes.heldByFactory && holdsUnits(current)) {
    throw new PolicyViolation(
      `${current.code} holds ${current.onHand} units (${current.reserved} reserved): whether the factory holds it can change only once it is empty. Move or write off its units first.`,
      'WAREHOUSE_HOLDS_STOCK',
      { onHand: current.onHand, reserved: current.reserved },
    );
  }
  return { changes, next };
}

/**
 * Retiring takes a warehouse out of receipts and allocation for good, keeping
 * it (its ledger rows name it). Refused while it holds a unit, reserved or
 * not: staff move or write them off first, so nothing sellable is stranded
 * where no order can draw from it. Retiring a retired warehouse changes nothing.
 */
export function decideRetirement(current: WarehouseState): 'RETIRE' | 'ALREADY_RETIRED' {
  if (current.retiredAt !== null) return 'ALREADY_RETIRED';
  if (holdsUnits(current)) {
    throw new PolicyViolation(
      `${current.code} still holds ${current.onHand} units, ${current.reserved} of them reserved for orders: move them to another warehouse or write them off (a count correction) before retiring it.`,
      'WAREHOUSE_HOLDS_STOCK',
      { onHand: current.onHand, reserved: current.reserved },
    );
  }
  return 'RETIRE';
}

/** A receipt, arrival or upward adjustment goes only to a warehouse still in use. */
export function checkWarehouseInUse(warehouse: { code: string; retiredAt: Date | null } | null): FieldProblem[] {
  if (warehouse === null) return [{ field: 'warehouseId', reason: 'UNKNOWN_WAREHOUSE', message: 'No warehouse has this id (see warehouses).' }];
  if (warehouse.retiredAt !== null) {
    return [{ field: 'warehouseId', reason: 'WAREHOUSE_RETIRED', message: `${warehouse.code} is retired: it takes no more units. Choose another warehouse.` }];
  }
  return [];
}

function holdsUnits(w: { onHand: number; reserved: number }): boolean {
  return w.onHand > 0 || w.reserved > 0;
}
