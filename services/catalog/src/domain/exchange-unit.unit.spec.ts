import { describe, expect, it } from 'vitest';
import { exchangeUnitSource } from './exchange-unit.js';
import type { ProductStock, WarehouseLevel } from './reservation.js';

const warehouse = (code: string, onHand: number, reserved: number, extra: Partial<WarehouseLevel> = {}): WarehouseLevel => ({
  warehouseId: `id-${code}`,
  code,
  heldByFactory: false,
  allocationPriority: 0,
  onHand,
  reserved,
  ...extra,
});
const stock = (status: ProductStock['status'], warehouses: WarehouseLevel[]): ProductStock => ({ status, pool: null, warehouses });

describe('exchangeUnitSource', () => {
  it('takes a unit no order holds, from our own warehouses before the factory, by priority then code', () => {
    expect(
      exchangeUnitSource(
        stock('IN_STOCK', [
          warehouse('CN', 10, 0, { heldByFactory: true }),
          warehouse('FR-B', 3, 1, { allocationPriority: 1 }),
          warehouse('FR-A', 2, 2, { allocationPriority: 1 }),
        ]),
      ),
    ).toBe('id-FR-B');
    // Our own warehouses have nothing free: the factory's unit.
    expect(exchangeUnitSource(stock('RELEASED', [warehouse('FR', 2, 2), warehouse('CN', 1, 0, { heldByFactory: true })]))).toBe('id-CN');
  });

  it('serves a CHINA_STOCK product from factory stock only', () => {
    expect(exchangeUnitSource(stock('CHINA_STOCK', [warehouse('FR', 5, 0), warehouse('CN', 1, 0, { heldByFactory: true })]))).toBe('id-CN');
    expect(exchangeUnitSource(stock('CHINA_STOCK', [warehouse('FR', 5, 0)]))).toBeNull();
  });

  it('has no unit when every one on hand is held by orders, or there is none (a sold-out run included)', () => {
    expect(exchangeUnitSource(stock('SOLD_OUT', [warehouse('FR', 4, 4)]))).toBeNull();
    expect(exchangeUnitSource(stock('IN_STOCK', []))).toBeNull();
  });
});
