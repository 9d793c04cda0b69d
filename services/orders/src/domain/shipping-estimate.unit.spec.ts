import { describe, expect, it } from 'vitest';
import { estimateShipping, type RateCard } from './shipping-estimate.js';

const card: RateCard = {
  version: 3,
  currency: 'USD',
  methods: [
    {
      code: 'STANDARD',
      label: 'Standard',
      zones: [
        { countries: ['FR', 'DE'], firstItem: 1_200, additionalItem: 400 },
        { countries: [], firstItem: 2_500, additionalItem: 900 },
      ],
    },
    { code: 'EXPRESS', label: 'Express', zones: [{ countries: ['FR'], firstItem: 3_000, additionalItem: 1_000 }] },
  ],
};

describe('estimateShipping', () => {
  it("the first item's rate plus the additional rate per other item, from the country's zone", () => {
    expect(estimateShipping(card, 'STANDARD', 'DE', 3, 'USD')).toEqual({ ok: true, amount: 2_000, method: 'STANDARD', rateCardVersion: 3 });
  });

  it('a country no zone lists ships at the rest-of-the-world rate', () => {
    expect(estimateShipping(card, 'STANDARD', 'JP', 1, 'USD')).toMatchObject({ ok: true, amount: 2_500 });
  });

  it('refuses an unknown method, a country the method does not serve, another currency, and a missing card', () => {
    expect(estimateShipping(card, 'DRONE', 'FR', 1, 'USD')).toMatchObject({
      ok: false,
      problem: { reason: 'UNKNOWN_SHIPPING_METHOD', message: 'Choose one of: STANDARD, EXPRESS.' },
    });
    expect(estimateShipping(card, 'EXPRESS', 'JP', 1, 'USD')).toMatchObject({ ok: false, problem: { reason: 'NOT_SHIPPED_TO_COUNTRY' } });
    expect(estimateShipping(card, 'STANDARD', 'FR', 1, 'EUR')).toMatchObject({ ok: false, problem: { reason: 'SHIPPING_UNAVAILABLE' } });
    expect(estimateShipping(null, 'STANDARD', 'FR', 1, 'USD')).toMatchObject({ ok: false, problem: { reason: 'SHIPPING_UNAVAILABLE' } });
  });

  it("asks to retry (REGION_UNKNOWN) while the account's region has not reached orders, rather than pricing the rest of the world", () => {
    expect(estimateShipping(card, 'STANDARD', null, 1, 'USD')).toEqual({
      ok: false,
      problem: { field: 'shippingMethod', reason: 'REGION_UNKNOWN', message: 'We are still setting up your account. Please try again in a moment.' },
    });
  });
});
