import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { addressChangeAllowed } from './address-change.js';
import { at, orderFacts } from './orders.fixture.js';

describe('addressChangeAllowed', () => {
  const policy = presets['charge-at-ship'];
  const confirmed = orderFacts({ plan: 'CHARGE_AT_SHIP', shippingDateConfirmedAt: at('2026-05-01T01:00:00Z') });

  it('charge-at-ship (003): until the shipping-date confirmation is sent', () => {
    expect(addressChangeAllowed(policy, confirmed, at('2026-05-01T00:59:59Z'))).toEqual({
      allowed: true,
      rule: { id: 'address-change.until-shipping-date-confirmed', text: 'The shipping address can be changed until the shipping-date confirmation is sent.' },
    });
    expect(addressChangeAllowed(policy, confirmed, at('2026-05-01T01:00:00Z')).allowed).toBe(false);
  });

  it('deposit-store: until the order is processed; never once shipped', () => {
    const shipped = orderFacts({ kind: 'IN_STOCK', plan: null, shippedAt: at('2026-05-01T01:00:00Z') });
    expect(addressChangeAllowed(presets['deposit-store'], orderFacts({ kind: 'IN_STOCK', plan: null }), at('2026-05-02T00:00:00Z')).allowed).toBe(true);
    expect(addressChangeAllowed(presets['deposit-store'], shipped, at('2026-05-02T00:00:00Z')).allowed).toBe(false);
  });
});
