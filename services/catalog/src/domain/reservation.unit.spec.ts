import { describe, expect, it } from 'vitest';
import {
  afterReservation,
  availableQuantity,
  decideReservation,
  isRunSoldOut,
  runsSoldOutBy,
  withOwnHolds,
  type ProductStock,
  type WarehouseLevel,
} from './reservation.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const fr = '00000000-0000-4000-8000-0000000000f1';
const de = '00000000-0000-4000-8000-0000000000f2';
const cn = '00000000-0000-4000-8000-0000000000c1';

const level = (warehouseId: string, onHand: number, reserved = 0, extra: Partial<WarehouseLevel> = {}): WarehouseLevel => ({
  warehouseId,
  code: warehouseId === cn ? 'CN-DG' : warehouseId === fr ? 'FR-LYS' : 'DE-BER',
  heldByFactory: warehouseId === cn,
  allocationPriority: 10,
  onHand,
  reserved,
  ...extra,
});
const inStock = (...warehouses: WarehouseLevel[]): ProductStock => ({ status: 'IN_STOCK', pool: null, warehouses });
const preorder = (capacity: number | null, reserved = 0): ProductStock => ({ status: 'PREORDER', pool: { capacity, reserved }, warehouses: [] });

describe('decideReservation', () => {
  it('reserves when every line fits', () => {
    expect(
      decideReservation(
        [
          { productId: a, quantity: 2 },
          { productId: b, quantity: 1 },
        ],
        new Map([
          [a, inStock(level(fr, 2))],
          [b, inStock(level(fr, 5))],
        ]),
      ),
    ).toEqual({
      kind: 'reserve',
      lines: [
        { productId: a, quantity: 2 },
        { productId: b, quantity: 1 },
      ],
      allocations: [
        { productId: a, warehouseId: fr, quantity: 2 },
        { productId: b, warehouseId: fr, quantity: 1 },
      ],
    });
  });

  it('adds up lines for the same product before checking', () => {
    const decision = decideReservation(
      [
        { productId: a, quantity: 2 },
        { productId: a, quantity: 2 },
      ],
      new Map([[a, inStock(level(fr, 3))]]),
    );
    expect(decision).toEqual({ kind: 'reject', reason: 'INSUFFICIENT_STOCK', shortLines: [{ productId: a, requested: 4, available: 3 }] });
  });

  it('rejects the whole order when one line is short', () => {
    const decision = decideReservation(
      [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 6 },
      ],
      new Map([
        [a, inStock(level(fr, 10))],
        [b, inStock(level(fr, 5))],
      ]),
    );
    expect(decision.kind).toBe('reject');
  });

  it('rejects unknown products', () => {
    expect(decideReservation([{ productId: b, quantity: 1 }], new Map([[a, inStock(level(fr, 1))]]))).toMatchObject({
      kind: 'reject',
      reason: 'UNKNOWN_PRODUCT',
    });
  });

  it('rejects a product whose status no longer takes orders, with that reason', () => {
    const closed: ProductStock = { status: 'PREORDER_CLOSED', pool: null, warehouses: [] };
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, closed]]))).toEqual({
      kind: 'reject',
      reason: 'PRODUCT_NOT_ORDERABLE',
      shortLines: [{ productId: a, requested: 1, available: 0 }],
    });
  });

  it('a run that sold out is short of stock, not merely closed', () => {
    const soldOutRun: ProductStock = { status: 'PREORDER_CLOSED', pool: { capacity: 100, reserved: 100 }, warehouses: [] };
    const soldOut: ProductStock = { status: 'SOLD_OUT', pool: null, warehouses: [] };
    const closedEarly: ProductStock = { status: 'PREORDER_CLOSED', pool: { capacity: 100, reserved: 40 }, warehouses: [] };
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, soldOutRun]]))).toMatchObject({ kind: 'reject', reason: 'INSUFFICIENT_STOCK' });
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, soldOut]]))).toMatchObject({ kind: 'reject', reason: 'INSUFFICIENT_STOCK' });
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, closedEarly]]))).toMatchObject({ kind: 'reject', reason: 'PRODUCT_NOT_ORDERABLE' });
    // One line merely closed makes the whole order "not orderable".
    expect(
      decideReservation(
        [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 1 },
        ],
        new Map([
          [a, soldOut],
          [b, closedEarly],
        ]),
      ),
    ).toMatchObject({ reason: 'PRODUCT_NOT_ORDERABLE' });
  });

  it('serves an order that takes the last unit exactly', () => {
    expect(decideReservation([{ productId: a, quantity: 5 }], new Map([[a, inStock(level(fr, 7, 2))]])).kind).toBe('reserve');
  });

  it('splits a line across warehouses: own warehouses by priority, the factory last', () => {
    const stock = inStock(level(cn, 10), level(de, 2, 0, { allocationPriority: 20 }), level(fr, 3, 1, { allocationPriority: 5 }));
    expect(decideReservation([{ productId: a, quantity: 6 }], new Map([[a, stock]]))).toMatchObject({
      kind: 'reserve',
      allocations: [
        { productId: a, warehouseId: fr, quantity: 2 },
        { productId: a, warehouseId: de, quantity: 2 },
        { productId: a, warehouseId: cn, quantity: 2 },
      ],
    });
  });

  it('serves CHINA_STOCK from factory-held warehouses only', () => {
    const stock: ProductStock = { status: 'CHINA_STOCK', pool: null, warehouses: [level(fr, 50), level(cn, 2)] };
    expect(availableQuantity(stock)).toBe(2);
    expect(decideReservation([{ productId: a, quantity: 3 }], new Map([[a, stock]]))).toEqual({
      kind: 'reject',
      reason: 'INSUFFICIENT_STOCK',
      shortLines: [{ productId: a, requested: 3, available: 2 }],
    });
    expect(decideReservation([{ productId: a, quantity: 2 }], new Map([[a, stock]]))).toMatchObject({ allocations: [{ warehouseId: cn, quantity: 2 }] });
  });

  it('serves a preorder from the pool: open-ended always, a limited run never beyond its capacity', () => {
    expect(availableQuantity(preorder(null))).toBeNull();
    expect(availableQuantity({ status: 'PREORDER', pool: null, warehouses: [] })).toBeNull();
    expect(decideReservation([{ productId: a, quantity: 1000 }], new Map([[a, preorder(null, 5000)]]))).toMatchObject({
      kind: 'reserve',
      allocations: [{ productId: a, warehouseId: null, quantity: 1000 }],
    });
    expect(decideReservation([{ productId: a, quantity: 2 }], new Map([[a, preorder(100, 99)]]))).toEqual({
      kind: 'reject',
      reason: 'INSUFFICIENT_STOCK',
      shortLines: [{ productId: a, requested: 2, available: 1 }],
    });
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, preorder(100, 99)]])).kind).toBe('reserve');
  });

  it('ignores warehouse units for a preorder (they belong to in-stock sales)', () => {
    const stock: ProductStock = { status: 'PREORDER', pool: { capacity: 0, reserved: 0 }, warehouses: [level(fr, 10)] };
    expect(decideReservation([{ productId: a, quantity: 1 }], new Map([[a, stock]])).kind).toBe('reject');
  });

  it('has nothing available for a product that takes no orders', () => {
    expect(availableQuantity({ status: 'SOLD_OUT', pool: null, warehouses: [level(fr, 4)] })).toBe(0);
  });
});

describe('isRunSoldOut', () => {
  it('a limited run sells out when customers hold every unit; an open-ended pool never does', () => {
    expect(isRunSoldOut({ capacity: 5, reserved: 5 })).toBe(true);
    expect(isRunSoldOut({ capacity: 5, reserved: 4 })).toBe(false);
    expect(isRunSoldOut({ capacity: null, reserved: 500 })).toBe(false);
    expect(isRunSoldOut(null)).toBe(false);
  });
});

describe('withOwnHolds: units a waitlist offer holds for the ordering customer', () => {
  // A run of 5, all held: 4 by orders, 1 by a waitlist offer (counted as reserved).
  const soldOut = new Map([[a, preorder(5, 5)]]);

  it('lets the offered customer reserve the units held for them', () => {
    expect(decideReservation([{ productId: a, quantity: 1 }], withOwnHolds(soldOut, new Map([[a, 1]])))).toEqual({
      kind: 'reserve',
      lines: [{ productId: a, quantity: 1 }],
      allocations: [{ productId: a, warehouseId: null, quantity: 1 }],
    });
  });

  it('gives everyone else nothing, and the offered customer no more than is held for them', () => {
    expect(decideReservation([{ productId: a, quantity: 1 }], withOwnHolds(soldOut, new Map()))).toMatchObject({
      kind: 'reject',
      reason: 'INSUFFICIENT_STOCK',
      shortLines: [{ productId: a, requested: 1, available: 0 }],
    });
    expect(decideReservation([{ productId: a, quantity: 2 }], withOwnHolds(soldOut, new Map([[a, 1]])))).toMatchObject({
      kind: 'reject',
      shortLines: [{ productId: a, requested: 2, available: 1 }],
    });
  });

  it('changes nothing for products without a pool or without a hold', () => {
    const stock = new Map([
      [a, preorder(5, 2)],
      [b, inStock(level(fr, 3))],
    ]);
    expect(withOwnHolds(stock, new Map([[b, 2]]))).toEqual(stock);
  });
});

describe('afterReservation: the stock the next order of a batch decides on', () => {
  it('holds the allocated units where they came from, leaving the stock read untouched', () => {
    const read = new Map([
      [a, inStock(level(fr, 2, 1), level(de, 3))],
      [b, preorder(10, 4)],
    ]);
    const after = afterReservation(read, [
      { productId: a, warehouseId: fr, quantity: 1 },
      { productId: a, warehouseId: de, quantity: 2 },
      { productId: b, warehouseId: null, quantity: 3 },
    ]);
    expect(after.get(a)!.warehouses.map((w) => [w.warehouseId, w.reserved])).toEqual([
      [fr, 2],
      [de, 2],
    ]);
    expect(after.get(b)!.pool).toEqual({ capacity: 10, reserved: 7 });
    expect(read.get(a)!.warehouses.map((w) => w.reserved)).toEqual([1, 0]);
    expect(read.get(b)!.pool).toEqual({ capacity: 10, reserved: 4 });
  });

  it('decides the next order as if the first had committed: the last unit goes once', () => {
    const read = new Map([[a, inStock(level(fr, 1))]]);
    const first = decideReservation([{ productId: a, quantity: 1 }], read);
    expect(first.kind).toBe('reserve');
    const second = decideReservation([{ productId: a, quantity: 1 }], afterReservation(read, first.kind === 'reserve' ? first.allocations : []));
    expect(second).toEqual({ kind: 'reject', reason: 'INSUFFICIENT_STOCK', shortLines: [{ productId: a, requested: 1, available: 0 }] });
  });

  it('an open-ended preorder with no pool row gets one holding the units', () => {
    const read = new Map([[a, { status: 'PREORDER', pool: null, warehouses: [] } satisfies ProductStock]]);
    expect(afterReservation(read, [{ productId: a, warehouseId: null, quantity: 2 }]).get(a)!.pool).toEqual({ capacity: null, reserved: 2 });
  });

  it('refuses an allocation it cannot place (a product or warehouse that was not read)', () => {
    expect(() => afterReservation(new Map(), [{ productId: a, warehouseId: null, quantity: 1 }])).toThrow(/no stock read/);
    expect(() => afterReservation(new Map([[a, inStock(level(fr, 1))]]), [{ productId: a, warehouseId: de, quantity: 1 }])).toThrow(/not among/);
  });
});

describe('runsSoldOutBy', () => {
  it('names the limited runs an order takes the last units of, and no other', () => {
    const read = new Map([
      [a, preorder(5, 3)],
      [b, preorder(null, 100)],
    ]);
    expect(runsSoldOutBy(read, [{ productId: a, warehouseId: null, quantity: 1 }])).toEqual([]);
    expect(
      runsSoldOutBy(read, [
        { productId: a, warehouseId: null, quantity: 2 },
        { productId: b, warehouseId: null, quantity: 7 },
      ]),
    ).toEqual([a]);
    expect(runsSoldOutBy(new Map([[a, inStock(level(fr, 1))]]), [{ productId: a, warehouseId: fr, quantity: 1 }])).toEqual([]);
  });
});
