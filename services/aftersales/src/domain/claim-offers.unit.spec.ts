import { describe, expect, it } from 'vitest';
import { presets } from '@vitrine/policy';
import { claimOffers, type OfferFacts } from './claim-offers.js';

const depositStore = presets['deposit-store'];
const facts = (over: Partial<OfferFacts> = {}): OfferFacts => ({
  kind: 'ACCESSORY_DAMAGED',
  parts: [{ category: 'HEAD_SCULPT_SPECIAL', issue: 'STRUCTURAL_BREAKAGE' }],
  resolutions: null,
  discountAmount: null,
  studioHasParts: true,
  now: new Date('2026-12-03T12:00:00Z'),
  linePaid: 10_000,
  remaining: 10_000,
  ...over,
});

describe('claim offers under deposit-store (001)', () => {
  it('offers every resolution the policy allows for the kind, in its order, each with its amount or postage', () => {
    const result = claimOffers(depositStore, facts());
    expect(result).toMatchObject({
      ok: true,
      offers: [
        {
          resolution: 'REPLACEMENT_PART',
          refund: null,
          returnPostage: null,
          leadTime: { outcome: 'WINDOW', earliest: '2026-12-25', latest: '2027-02-25', rule: { id: 'claims.replacement-lead-time' } },
          rule: { id: 'claims.resolutions-accessory-damaged' },
        },
        { resolution: 'PARTIAL_REFUND', refund: 4000, returnPostage: null, rule: { id: 'claims.resolutions-accessory-damaged' } },
        { resolution: 'RETURN', refund: 10_000, returnPostage: 'SHARED', rule: { id: 'claims.resolutions-accessory-damaged' } },
      ],
      parts: [{ category: 'HEAD_SCULPT_SPECIAL', grade: 'HIGH', amount: 4000, rule: { id: 'claims.compensation-high' } }],
    });
  });

  it('staff keep only some of them (the factory has no spare part), in the policy order', () => {
    const result = claimOffers(depositStore, facts({ resolutions: ['RETURN', 'PARTIAL_REFUND'], studioHasParts: null }));
    expect(result.ok && result.offers.map((o) => o.resolution)).toEqual(['PARTIAL_REFUND', 'RETURN']);
  });

  it('refuses a resolution the policy does not allow for the kind, naming the table rule', () => {
    const result = claimOffers(depositStore, facts({ resolutions: ['EXCHANGE'], studioHasParts: null }));
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'resolutions.0', reason: 'NOT_ALLOWED' }] });
    expect(!result.ok && result.problems[0]!.message).toContain('For a damaged accessory we offer');
    expect(claimOffers(depositStore, facts({ resolutions: [], studioHasParts: null }))).toMatchObject({
      ok: false,
      problems: [{ field: 'resolutions', reason: 'REQUIRED' }],
    });
  });

  it('a replacement part needs to know whether the studio has it: made on demand means no date', () => {
    expect(claimOffers(depositStore, facts({ studioHasParts: null }))).toMatchObject({
      ok: false,
      problems: [{ field: 'studioHasParts', reason: 'STUDIO_STOCK_REQUIRED' }],
    });
    expect(claimOffers(depositStore, facts({ studioHasParts: false, resolutions: ['REPLACEMENT_PART'] }))).toMatchObject({
      ok: true,
      offers: [{ leadTime: { outcome: 'MADE_ON_DEMAND', earliest: null, latest: null, rule: { id: 'claims.replacement-made-on-demand' } } }],
    });
    expect(claimOffers(depositStore, facts({ studioHasParts: true, resolutions: ['PARTIAL_REFUND'] }))).toMatchObject({
      ok: false,
      problems: [{ field: 'studioHasParts', reason: 'REPLACEMENT_NOT_OFFERED' }],
    });
  });

  it('grades without amounts when no partial refund is offered', () => {
    const result = claimOffers(
      depositStore,
      facts({ resolutions: ['REPLACEMENT_PART'], parts: [{ category: 'PACKAGING_BOX', issue: 'STRUCTURAL_BREAKAGE' }] }),
    );
    expect(result).toMatchObject({ ok: true, parts: [{ category: 'PACKAGING_BOX', grade: 'HIGH', amount: null, rule: { id: 'claims.grade-from-chart' } }] });
  });

  it('a return refunds what the line has left once earlier claims refunded part of it, citing the cap', () => {
    const result = claimOffers(depositStore, facts({ remaining: 6_000, resolutions: ['RETURN'], studioHasParts: null }));
    expect(result).toMatchObject({
      ok: true,
      offers: [{ resolution: 'RETURN', refund: 6_000, returnPostage: 'SHARED', rule: { id: 'claims.compensation-cap' } }],
    });
  });

  it('caps the partial refund by what the line has left, citing the cap', () => {
    const result = claimOffers(depositStore, facts({ remaining: 1500, resolutions: ['PARTIAL_REFUND'], studioHasParts: null }));
    expect(result).toMatchObject({ ok: true, offers: [{ refund: 1500, rule: { id: 'claims.compensation-cap' } }] });
  });

  it('wants staff amounts where the table says "staff decide"', () => {
    const result = claimOffers(depositStore, facts({ parts: [{ category: 'PACKAGING_BOX', issue: 'STRUCTURAL_BREAKAGE' }] }));
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'grades.0.staffAmount', reason: 'STAFF_AMOUNT_REQUIRED' }] });
  });

  it('a mis-shipment kept: the discount is staff’s here (001 names none), capped by what is left', () => {
    const misShipment = facts({ kind: 'MIS_SHIPMENT', studioHasParts: null, parts: [{ category: 'SCENE_PROP', issue: 'MISSING_OR_WRONG_ACCESSORY' }] });
    expect(claimOffers(depositStore, misShipment)).toMatchObject({ ok: false, problems: [{ field: 'discountAmount', reason: 'DISCOUNT_AMOUNT_REQUIRED' }] });
    expect(claimOffers(depositStore, { ...misShipment, discountAmount: 2500 })).toMatchObject({
      ok: true,
      offers: [
        { resolution: 'KEEP_WITH_DISCOUNT', refund: 2500, rule: { id: 'claims.keep-discount-staff-decide' } },
        { resolution: 'RETURN', returnPostage: 'STORE' },
      ],
    });
    expect(claimOffers(depositStore, { ...misShipment, discountAmount: 2500, remaining: 2000 })).toMatchObject({
      ok: true,
      offers: [{ refund: 2000, rule: { id: 'claims.compensation-cap' } }, {}],
    });
    expect(claimOffers(depositStore, { ...misShipment, discountAmount: 100, resolutions: ['RETURN'] })).toMatchObject({
      ok: false,
      problems: [{ field: 'discountAmount', reason: 'DISCOUNT_NOT_OFFERED' }],
    });
  });
});

describe('claim offers under other presets', () => {
  it('pay-on-arrival sets the discount itself: 10% of the line, and refuses a staff amount', () => {
    const misShipment = facts({ kind: 'MIS_SHIPMENT', resolutions: ['KEEP_WITH_DISCOUNT'], studioHasParts: null });
    expect(claimOffers(presets['pay-on-arrival'], misShipment)).toMatchObject({ ok: true, offers: [{ refund: 1000, rule: { id: 'claims.keep-discount' } }] });
    expect(claimOffers(presets['pay-on-arrival'], { ...misShipment, discountAmount: 5 })).toMatchObject({
      ok: false,
      problems: [{ reason: 'DISCOUNT_AMOUNT_NOT_ALLOWED' }],
    });
  });

  it('charge-at-ship (003): a defect gets an exchange, nothing else', () => {
    expect(claimOffers(presets['charge-at-ship'], facts({ kind: 'QUALITY_DEFECT', studioHasParts: null }))).toMatchObject({
      ok: true,
      offers: [{ resolution: 'EXCHANGE', refund: null, rule: { id: 'claims.resolutions-quality-defect' } }],
    });
    expect(claimOffers(presets['charge-at-ship'], facts({ kind: 'QUALITY_DEFECT', resolutions: ['PARTIAL_REFUND'] }))).toMatchObject({ ok: false });
  });
});
