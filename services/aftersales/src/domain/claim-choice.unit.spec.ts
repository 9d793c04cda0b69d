import { describe, expect, it } from 'vitest';
import type { ClaimOffer } from './claim-offers.js';
import { chooseOffer } from './claim-choice.js';

const rule = { id: 'claims.resolutions-accessory-damaged', text: 'For a damaged accessory we offer...' };
const offers: ClaimOffer[] = [
  { resolution: 'REPLACEMENT_PART', refund: null, returnPostage: null, rule },
  { resolution: 'PARTIAL_REFUND', refund: 4000, returnPostage: null, rule },
  { resolution: 'RETURN', refund: 10_000, returnPostage: 'SHARED', rule },
];

describe('the customer chooses an offer', () => {
  it('a partial refund closes the claim at once with its amount', () => {
    expect(chooseOffer(offers, 'PARTIAL_REFUND', 10_000)).toMatchObject({ ok: true, refund: 4000, next: 'CLOSED' });
  });

  it('a refund is capped again by what the line has left now', () => {
    expect(chooseOffer(offers, 'PARTIAL_REFUND', 1000)).toMatchObject({ ok: true, refund: 1000 });
    expect(chooseOffer(offers, 'PARTIAL_REFUND', -5)).toMatchObject({ ok: true, refund: 0 });
  });

  it('a replacement part or a return is carried out before the claim closes', () => {
    expect(chooseOffer(offers, 'REPLACEMENT_PART', 10_000)).toMatchObject({ ok: true, refund: null, next: 'RESOLVING' });
    expect(chooseOffer(offers, 'RETURN', 10_000)).toMatchObject({ ok: true, offer: { returnPostage: 'SHARED' }, refund: 10_000, next: 'RESOLVING' });
    // What a return will refund is held for it (capped now), but paid only when the item is back.
    expect(chooseOffer(offers, 'RETURN', 6_000)).toMatchObject({ ok: true, refund: 6_000, next: 'RESOLVING' });
  });

  it('refuses a resolution that was not offered, listing those that were', () => {
    expect(chooseOffer(offers, 'EXCHANGE', 10_000)).toEqual({
      ok: false,
      message: 'Choose one of the resolutions offered: REPLACEMENT_PART, PARTIAL_REFUND, RETURN.',
    });
  });
});
