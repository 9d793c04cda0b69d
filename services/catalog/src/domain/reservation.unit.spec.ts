import { describe, expect, it } from 'vitest';
import { decideReservation } from './reservation.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('decideReservation', () => {
  it('reserves when every line fits', () => {
    expect(decideReservation([{ productId: a, quantity: 2 }, { productId: b, quantity: 1 }], new Map([[a, 2], [b, 5]]))).toEqual({
      kind: 'reserve',
      lines: [{ productId: a, quantity: 2 }, { productId: b, quantity: 1 }],
    });
  });

  it('adds up lines for the same product before checking', () => {
    const decision = decideReservation([{ productId: a, quantity: 2 }, { productId: a, quantity: 2 }], new Map([[a, 3]]));
    expect(decision).toEqual({ kind: 'reject', reason: 'INSUFFICIENT_STOCK', shortLines: [{ productId: a, requested: 4, available: 3 }] });
  });

  it('rejects the whole order when one line is short', () => {
    const decision = decideReservation([{ productId: a, quantity: 1 }, { productId: b, quantity: 6 }], new Map([[a, 10], [b, 5]]));
    expect(decision.kind).toBe('reject');
  });

  it('rejects unknown products', () => {
    expect(decideReservation([{ productId: b, quantity: 1 }], new Map([[a, 1]]))).toMatchObject({ kind: 'reject', reason: 'UNKNOWN_PRODUCT' });
  });

  it('serves an order that takes the last unit exactly', () => {
    expect(decideReservation([{ productId: a, quantity: 5 }], new Map([[a, 5]])).kind).toBe('reserve');
  });
});
