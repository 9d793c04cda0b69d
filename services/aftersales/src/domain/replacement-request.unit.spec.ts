import { describe, expect, it } from 'vitest';
import { presets } from '@vitrine/policy';
import { closesOnDispatch, replacementRequest } from './replacement-request.js';

const depositStore = presets['deposit-store'];
const now = new Date('2026-12-03T12:00:00Z');
const claim = {
  id: '00000000-0000-4000-8000-000000000001',
  orderId: '00000000-0000-4000-8000-000000000002',
  customerId: '00000000-0000-4000-8000-000000000003',
  productId: '00000000-0000-4000-8000-000000000004',
  parts: [
    { name: 'Katana', category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE', note: 'snapped' },
    { category: 'FIGURE_STAND', issue: 'MISSING_OR_WRONG' },
  ],
};
const rule = { id: 'claims.replacement-lead-time', text: 'Lead time.' };

describe('a replacement the customer chose', () => {
  it("given a part the studio has (002: 1-2 weeks to the warehouse), asks logistics for it with the offer's lead time and the warehouse window", () => {
    const leadTime = { outcome: 'WINDOW' as const, earliest: '2026-12-25', latest: '2027-02-25', rule };
    const request = replacementRequest(depositStore, claim, { resolution: 'REPLACEMENT_PART', leadTime }, now);
    expect(request).toEqual({
      claimId: claim.id,
      orderId: claim.orderId,
      customerId: claim.customerId,
      productId: claim.productId,
      resolution: 'REPLACEMENT_PART',
      parts: [
        { name: 'Katana', category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' },
        { name: null, category: 'FIGURE_STAND', issue: 'MISSING_OR_WRONG' },
      ],
      leadTime: { outcome: 'WINDOW', earliest: '2026-12-25', latest: '2027-02-25' },
      // 7 and 14 days after 3 December, in the store's local days.
      atWarehouse: { earliest: '2026-12-10', latest: '2026-12-17' },
      requestedAt: now.toISOString(),
    });
  });

  it('given a part made on demand, asks for it with no warehouse date', () => {
    const leadTime = { outcome: 'MADE_ON_DEMAND' as const, earliest: null, latest: null, rule };
    expect(replacementRequest(depositStore, claim, { resolution: 'REPLACEMENT_PART', leadTime }, now)).toMatchObject({
      leadTime: { outcome: 'MADE_ON_DEMAND' },
      atWarehouse: null,
    });
  });

  it('given an exchange (003), ships a new unit: no lead time, no warehouse window', () => {
    expect(replacementRequest(presets['charge-at-ship'], claim, { resolution: 'EXCHANGE', leadTime: null }, now)).toMatchObject({
      resolution: 'EXCHANGE',
      leadTime: null,
      atWarehouse: null,
    });
  });

  it('asks logistics for nothing for money or a return', () => {
    for (const resolution of ['PARTIAL_REFUND', 'KEEP_WITH_DISCOUNT', 'RETURN'] as const) {
      expect(replacementRequest(depositStore, claim, { resolution, leadTime: null }, now)).toBeNull();
    }
  });
});

describe("a replacement parcel's dispatch", () => {
  it('closes a claim still resolving by a part or an exchange', () => {
    expect(closesOnDispatch({ status: 'RESOLVING', resolution: 'REPLACEMENT_PART' })).toEqual({ close: true });
    expect(closesOnDispatch({ status: 'RESOLVING', resolution: 'EXCHANGE' })).toEqual({ close: true });
  });

  it('leaves a claim staff closed already, or one resolved otherwise, saying why', () => {
    expect(closesOnDispatch({ status: 'CLOSED', resolution: 'REPLACEMENT_PART' })).toEqual({ close: false, why: 'the claim is closed' });
    expect(closesOnDispatch({ status: 'RESOLVING', resolution: 'RETURN' })).toMatchObject({ close: false, why: expect.stringContaining('RETURN') });
  });
});
