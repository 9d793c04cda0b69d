import { describe, expect, it } from 'vitest';
import type { ClaimOffer } from './claim-offers.js';
import { claimReturnRefund } from './claim-return.js';

const rule = { id: 'claims.resolutions-accessory-damaged', text: 'For a damaged accessory we offer...' };
const offers = (refund: number | null): ClaimOffer[] => [
  { resolution: 'PARTIAL_REFUND', refund: 4_000, returnPostage: null, rule },
  { resolution: 'RETURN', refund, returnPostage: 'SHARED', rule },
];

describe("a claim's return, received", () => {
  it('refunds what the customer chose under the offer’s rule', () => {
    expect(claimReturnRefund(offers(10_000), 10_000, 10_000)).toEqual({ refund: 10_000, rule });
  });

  it('never more than the line has left now, citing the cap', () => {
    expect(claimReturnRefund(offers(10_000), 10_000, 7_500)).toEqual({ refund: 7_500, rule: expect.objectContaining({ id: 'claims.compensation-cap' }) });
    expect(claimReturnRefund(offers(10_000), 10_000, -20)).toMatchObject({ refund: 0, rule: { id: 'claims.compensation-cap' } });
  });

  it('an amount already capped when chosen keeps citing the cap', () => {
    expect(claimReturnRefund(offers(10_000), 8_000, 8_000)).toMatchObject({ refund: 8_000, rule: { id: 'claims.compensation-cap' } });
  });

  it('an offer made before returns carried an amount refunds what the line has left', () => {
    expect(claimReturnRefund(offers(null), null, 9_000)).toEqual({ refund: 9_000, rule });
  });

  it('a claim without a RETURN offer is a bug, not bad input', () => {
    expect(() => claimReturnRefund([offers(1)[0]!], 1, 1)).toThrow(/RETURN offer/);
  });
});
