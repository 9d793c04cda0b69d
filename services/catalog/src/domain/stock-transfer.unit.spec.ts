import { describe, expect, it } from 'vitest';
import { Conflict, PolicyViolation } from '@vitrine/platform/domain';
import { assertFreeUnits, assertSameTransfer, checkIdempotencyKey, checkTransferPlaces, checkTransferRequest } from './stock-transfer.js';

const fr = '00000000-0000-4000-8000-0000000000f1';
const lyon = '00000000-0000-4000-8000-0000000000f2';
const product = '00000000-0000-4000-8000-00000000000a';

describe('a stock transfer', () => {
  it('takes a positive whole quantity between two different warehouses, every problem at once', () => {
    expect(checkTransferRequest({ fromWarehouseId: fr, toWarehouseId: lyon, quantity: 3 })).toEqual([]);
    expect(checkTransferRequest({ fromWarehouseId: fr, toWarehouseId: fr.toUpperCase(), quantity: 0 }).map((p) => [p.field, p.reason])).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
      ['toWarehouseId', 'SAME_WAREHOUSE'],
    ]);
    for (const bad of [-1, 1.5, 2_000_000]) expect(checkTransferRequest({ fromWarehouseId: fr, toWarehouseId: lyon, quantity: bad })).toHaveLength(1);
  });

  it('names an unknown warehouse, a retired source and a retired destination by field', () => {
    const open = { code: 'FR-PAR', retiredAt: null };
    const retired = { code: 'FR-OLD', retiredAt: new Date('2026-12-01T00:00:00Z') };
    expect(checkTransferPlaces(open, open)).toEqual([]);
    expect(checkTransferPlaces(null, null).map((p) => [p.field, p.reason])).toEqual([
      ['fromWarehouseId', 'UNKNOWN_WAREHOUSE'],
      ['toWarehouseId', 'UNKNOWN_WAREHOUSE'],
    ]);
    const both = checkTransferPlaces(retired, retired);
    expect(both.map((p) => [p.field, p.reason])).toEqual([
      ['fromWarehouseId', 'WAREHOUSE_RETIRED'],
      ['toWarehouseId', 'WAREHOUSE_RETIRED'],
    ]);
    expect(both[1]!.message).toContain('FR-OLD is retired');
  });

  it('moves free units only, and a refusal says how many are free', () => {
    expect(assertFreeUnits({ code: 'FR-PAR', onHand: 5, reserved: 2 }, 3)).toBe(2);
    expect(() => assertFreeUnits({ code: 'FR-PAR', onHand: 5, reserved: 2 }, 4)).toThrow(
      'FR-PAR has 3 free units of this product (5 on hand, 2 reserved for orders): at most 3 can be moved.',
    );
    expect(() => assertFreeUnits({ code: 'FR-PAR', onHand: 1, reserved: 0 }, 2)).toThrow('FR-PAR has 1 free unit of this product: at most 1 can be moved.');
    try {
      assertFreeUnits({ code: 'FR-PAR', onHand: 0, reserved: 0 }, 1);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      expect((err as PolicyViolation).details).toMatchObject({ rule: 'TRANSFER_EXCEEDS_FREE_UNITS', free: 0, quantity: 1 });
    }
  });

  it('takes no idempotency key, or one of 8-200 safe characters', () => {
    expect(checkIdempotencyKey(null)).toEqual([]);
    expect(checkIdempotencyKey('9b2f0f6e-3d1c-4b8e-9a51-2f3b1c0d4e5f')).toEqual([]);
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(201)])
      expect(checkIdempotencyKey(bad).map((p) => p.reason)).toEqual(['INVALID_IDEMPOTENCY_KEY']);
  });

  it('replays the same transfer under its key, and refuses another one under it', () => {
    const done = { productId: product, fromWarehouseId: fr, toWarehouseId: lyon, quantity: 2, reason: 'Closing Paris.' };
    expect(() => assertSameTransfer(done, { ...done, productId: product.toUpperCase() })).not.toThrow();
    for (const other of [{ quantity: 3 }, { toWarehouseId: fr }, { reason: 'Another.' }]) {
      expect(() => assertSameTransfer(done, { ...done, ...other })).toThrow(Conflict);
    }
  });
});
