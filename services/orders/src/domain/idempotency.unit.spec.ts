import { describe, expect, it } from 'vitest';
import { fingerprintOrderRequest, isValidIdempotencyKey } from './idempotency.js';

const a = '00000000-0000-4000-8000-00000000000a';

describe('idempotency', () => {
  it('the same request gives the same fingerprint, whatever the id case', () => {
    expect(fingerprintOrderRequest(null, [{ productId: a, quantity: 1 }])).toBe(fingerprintOrderRequest(null, [{ productId: a.toUpperCase(), quantity: 1 }]));
  });

  it('the same cart in another line order, or split over two lines, is the same request', () => {
    const b = '00000000-0000-4000-8000-00000000000b';
    const cart = fingerprintOrderRequest(null, [
      { productId: a, quantity: 2 },
      { productId: b, quantity: 1 },
    ]);
    expect(
      fingerprintOrderRequest(null, [
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
      ]),
    ).toBe(cart);
    expect(
      fingerprintOrderRequest(null, [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
        { productId: a, quantity: 1 },
      ]),
    ).toBe(cart);
  });

  it('another checkout choice (address, method, plan) is another request, whatever the order of the choices', () => {
    const lines = [{ productId: a, quantity: 1 }];
    const base = fingerprintOrderRequest(null, lines, { method: 'STANDARD', choice: 'DEPOSIT' });
    expect(fingerprintOrderRequest(null, lines, { choice: 'DEPOSIT', method: 'STANDARD' })).toBe(base);
    expect(fingerprintOrderRequest(null, lines, { method: 'EXPRESS', choice: 'DEPOSIT' })).not.toBe(base);
  });

  it('a different quantity or customer is a different request', () => {
    const base = fingerprintOrderRequest(null, [{ productId: a, quantity: 1 }]);
    expect(fingerprintOrderRequest(null, [{ productId: a, quantity: 2 }])).not.toBe(base);
    expect(fingerprintOrderRequest(a, [{ productId: a, quantity: 1 }])).not.toBe(base);
  });

  it.each([['short'], ['has space in it'], ['x'.repeat(201)]])('refuses key %s', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });

  it('accepts a UUID key', () => {
    expect(isValidIdempotencyKey('3f0c7a52-7a53-4c39-9d2b-1f1f0e8c2a11')).toBe(true);
  });
});
