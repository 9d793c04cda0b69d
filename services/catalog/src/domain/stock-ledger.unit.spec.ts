import { describe, expect, it } from 'vitest';
import { counterEffect, countersFromMovements, reconcile } from './stock-ledger.js';

const a = '00000000-0000-4000-8000-00000000000a';
const fr = '00000000-0000-4000-8000-0000000000f1';

describe('stock ledger', () => {
  it('recomputes on hand and reserved from signed movements', () => {
    expect(
      countersFromMovements([
        { kind: 'RECEIVED', quantity: 10 },
        { kind: 'RESERVED', quantity: 3 },
        { kind: 'RELEASED', quantity: -1 },
        { kind: 'SHIPPED', quantity: -2 },
        { kind: 'ADJUSTED', quantity: -4 },
      ]),
    ).toEqual({ onHand: 4, reserved: 0 });
  });

  it('counts a transfer on hand only: out of the source, into the destination, nothing reserved', () => {
    expect(counterEffect('TRANSFERRED', -3)).toEqual({ onHand: -3, reserved: 0 });
    expect(
      countersFromMovements([
        { kind: 'RECEIVED', quantity: 5 },
        { kind: 'RESERVED', quantity: 1 },
        { kind: 'TRANSFERRED', quantity: -4 },
      ]),
    ).toEqual({ onHand: 1, reserved: 1 });
    expect(countersFromMovements([{ kind: 'TRANSFERRED', quantity: 4 }])).toEqual({ onHand: 4, reserved: 0 });
  });

  it('reports every place whose counters differ from the ledger, and only those', () => {
    const stored = [
      { productId: a, warehouseId: fr, onHand: 5, reserved: 1 },
      { productId: a, warehouseId: null, onHand: 0, reserved: 7 },
    ];
    expect(
      reconcile(stored, [
        { productId: a, warehouseId: fr, onHand: 5, reserved: 1 },
        { productId: a, warehouseId: null, onHand: 0, reserved: 7 },
      ]),
    ).toEqual([]);
    expect(
      reconcile(stored, [
        { productId: a, warehouseId: fr, onHand: 6, reserved: 1 },
        { productId: a, warehouseId: null, onHand: 0, reserved: 7 },
      ]),
    ).toEqual([{ productId: a, warehouseId: fr, stored: { onHand: 5, reserved: 1 }, ledger: { onHand: 6, reserved: 1 } }]);
  });

  it('counts a place missing on one side as zero', () => {
    expect(reconcile([], [{ productId: a, warehouseId: null, onHand: 0, reserved: 2 }])).toEqual([
      { productId: a, warehouseId: null, stored: { onHand: 0, reserved: 0 }, ledger: { onHand: 0, reserved: 2 } },
    ]);
    expect(reconcile([{ productId: a, warehouseId: fr, onHand: 0, reserved: 0 }], [])).toEqual([]);
  });
});
