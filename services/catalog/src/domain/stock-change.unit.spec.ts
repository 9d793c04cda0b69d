import { describe, expect, it } from 'vitest';
import { PolicyViolation } from '@vitrine/platform/domain';
import { checkNewWarehouse } from './new-warehouse.js';
import { assertAdjustment, assertCapacityCoversReserved, checkDelta, checkPoolCapacity, checkQuantity } from './stock-change.js';

describe('stock changes', () => {
  it('takes positive whole quantities only', () => {
    expect(checkQuantity(3)).toEqual([]);
    for (const bad of [0, -1, 1.5, 2_000_000]) expect(checkQuantity(bad).map((p) => p.reason)).toEqual(['OUT_OF_RANGE']);
  });

  it('takes non-zero whole adjustments of either sign', () => {
    expect(checkDelta(-4)).toEqual([]);
    expect(checkDelta(4)).toEqual([]);
    expect(checkDelta(0)).toHaveLength(1);
    expect(checkDelta(0.5)).toHaveLength(1);
  });

  it('refuses an adjustment that would go negative or below what is reserved', () => {
    expect(assertAdjustment({ onHand: 10, reserved: 4 }, -6)).toBe(4);
    expect(assertAdjustment({ onHand: 10, reserved: 4 }, 5)).toBe(15);
    expect(() => assertAdjustment({ onHand: 10, reserved: 4 }, -7)).toThrow(PolicyViolation);
    expect(() => assertAdjustment({ onHand: 2, reserved: 0 }, -3)).toThrow(/below zero/);
  });

  it("refuses a preorder pool's capacity below what is already preordered", () => {
    expect(checkPoolCapacity(null, 'limitedQuantity')).toEqual([]);
    expect(checkPoolCapacity(-1, 'limitedQuantity')).toMatchObject([{ field: 'limitedQuantity', reason: 'OUT_OF_RANGE' }]);
    expect(() => assertCapacityCoversReserved(10, 10)).not.toThrow();
    expect(() => assertCapacityCoversReserved(null, 500)).not.toThrow();
    expect(() => assertCapacityCoversReserved(9, 10)).toThrow(PolicyViolation);
  });
});

describe('checkNewWarehouse', () => {
  it('cleans a valid warehouse', () => {
    expect(checkNewWarehouse({ code: ' fr-lys ', name: ' Lyon ', country: 'fr', heldByFactory: false, allocationPriority: 10 })).toEqual({
      warehouse: { code: 'FR-LYS', name: 'Lyon', country: 'FR', heldByFactory: false, allocationPriority: 10, returnAddress: null },
      problems: [],
    });
  });

  it('reports every problem at once', () => {
    const { problems } = checkNewWarehouse({ code: 'x y', name: '', country: 'EU', heldByFactory: true, allocationPriority: -1 });
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['code', 'INVALID_CODE'],
      ['name', 'INVALID_LENGTH'],
      ['country', 'UNKNOWN_COUNTRY'],
      ['allocationPriority', 'OUT_OF_RANGE'],
    ]);
  });
});
