import { describe, expect, it } from 'vitest';
import { claimKinds } from '@vitrine/contracts';
import { presetDocuments, presetNames, presets } from '../presets/index.js';
import { parseStorePolicy } from '../schema/parse.js';
import { claimResolutionOptions, keepDiscount, refusalGrounds } from './claim-resolutions.js';

const resolutionsOf = (preset: (typeof presetNames)[number], kind: (typeof claimKinds)[number]) =>
  claimResolutionOptions(presets[preset], kind).options.map((o) => (o.resolution === 'RETURN' ? `RETURN:${o.postage}` : o.resolution));

describe('claimResolutionOptions: what each kind of claim may be offered, per preset', () => {
  it('deposit-store (001): a replacement part first for accessory issues, then a refund or a return sharing the postage', () => {
    for (const kind of ['ACCESSORY_MISSING', 'ACCESSORY_DAMAGED', 'ACCESSORY_PRODUCED_IN_ERROR'] as const) {
      expect(resolutionsOf('deposit-store', kind)).toEqual(['REPLACEMENT_PART', 'PARTIAL_REFUND', 'RETURN:SHARED']);
    }
    expect(resolutionsOf('deposit-store', 'MIS_SHIPMENT')).toEqual(['KEEP_WITH_DISCOUNT', 'RETURN:STORE']);
    expect(resolutionsOf('deposit-store', 'SHIPPING_DAMAGE')).toEqual(['PARTIAL_REFUND', 'RETURN:STORE']);
    expect(resolutionsOf('deposit-store', 'QUALITY_DEFECT')).toEqual(['REPLACEMENT_PART', 'PARTIAL_REFUND']);
    expect(claimResolutionOptions(presets['deposit-store'], 'ACCESSORY_DAMAGED').rule).toEqual({
      id: 'claims.resolutions-accessory-damaged',
      text:
        'For a damaged accessory we offer, in this order of preference: a replacement part from the studio, a partial refund by our compensation table' +
        ' or a return with the postage shared between us.',
    });
  });

  it('statue-store (002): replacement parts from the studio', () => {
    expect(resolutionsOf('statue-store', 'QUALITY_DEFECT')).toEqual(['REPLACEMENT_PART']);
    expect(claimResolutionOptions(presets['statue-store'], 'QUALITY_DEFECT').rule.text).toBe(
      'For a quality defect we offer: a replacement part from the studio.',
    );
  });

  it('charge-at-ship (003): an exchange for every kind', () => {
    for (const kind of claimKinds) expect(resolutionsOf('charge-at-ship', kind)).toEqual(['EXCHANGE']);
  });

  it('pay-on-arrival: a return paid by the customer for a defect (store’s choice)', () => {
    expect(resolutionsOf('pay-on-arrival', 'QUALITY_DEFECT')).toEqual(['REPLACEMENT_PART', 'RETURN:CUSTOMER']);
  });
});

describe('keepDiscount', () => {
  it('leaves the discount to staff where the policy names none (001)', () => {
    expect(keepDiscount(presets['deposit-store'], 10_000)).toMatchObject({
      outcome: 'STAFF_DECIDES',
      amount: null,
      rule: { id: 'claims.keep-discount-staff-decide' },
    });
  });

  it('takes the policy percentage of what the line paid, rounded half up', () => {
    expect(keepDiscount(presets['pay-on-arrival'], 10_005)).toEqual({
      outcome: 'AMOUNT',
      amount: { amount: 1001, currency: 'USD' },
      rule: { id: 'claims.keep-discount', text: 'Keeping the item: a discount of 10% of the price paid.' },
    });
  });
});

describe('refusalGrounds', () => {
  it('statue-store (002): the brown box, the art box, minor scratches, glue-fixable parts, CHINA_STOCK, released more than 3 months before', () => {
    expect(refusalGrounds(presets['statue-store']).map((g) => [g.rule.id, g.kind])).toEqual([
      ['claims.not-covered-exterior-brown-box', 'EXCLUSION'],
      ['claims.not-covered-art-box', 'EXCLUSION'],
      ['claims.not-covered-minor-scratches', 'EXCLUSION'],
      ['claims.not-covered-glue-fixable-parts', 'EXCLUSION'],
      ['claims.not-covered-china-stock', 'COVERAGE'],
      ['claims.not-covered-released-long-ago', 'COVERAGE'],
    ]);
    expect(refusalGrounds(presets['statue-store'])[1]!.rule.text).toBe('After-sales service does not cover damage to the coloured art box.');
  });

  it('deposit-store (001): only slight packaging wrinkles; charge-at-ship: nothing', () => {
    expect(refusalGrounds(presets['deposit-store']).map((g) => g.rule.id)).toEqual(['claims.not-covered-minor-packaging-wrinkles']);
    expect(refusalGrounds(presets['charge-at-ship'])).toEqual([]);
  });
});

describe('the resolutions table in the document', () => {
  it('a version published before the table parses, with what staff could decide then (the store pays return postage)', () => {
    const old = structuredClone(presetDocuments['statue-store']) as Record<string, any>;
    delete old.claims.resolutions;
    const parsed = parseStorePolicy(old);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const kind of claimKinds) {
      expect(parsed.policy.claims.resolutions.byKind[kind]).toEqual([
        { resolution: 'PARTIAL_REFUND' },
        { resolution: 'REPLACEMENT_PART' },
        { resolution: 'RETURN', postage: 'STORE' },
      ]);
    }
    expect(parsed.policy.claims.resolutions.keepDiscountBps).toBeNull();
  });

  it('a version published before replacement lead times parses, promising none', () => {
    const old = structuredClone(presetDocuments['statue-store']) as Record<string, any>;
    delete old.claims.replacementParts;
    const parsed = parseStorePolicy(old);
    expect(parsed.ok && parsed.policy.claims.replacementParts).toBeNull();
  });

  it('refuses a resolution offered twice for one kind', () => {
    const doc = structuredClone(presetDocuments['deposit-store']) as Record<string, any>;
    doc.claims.resolutions.byKind.SHIPPING_DAMAGE = [{ resolution: 'PARTIAL_REFUND' }, { resolution: 'PARTIAL_REFUND' }];
    expect(parseStorePolicy(doc)).toEqual({
      ok: false,
      problems: [{ path: 'claims.resolutions.byKind.SHIPPING_DAMAGE.1', message: 'PARTIAL_REFUND is offered twice for SHIPPING_DAMAGE.' }],
    });
  });

  it('refuses a kind without resolutions, a kind left out, a return without its postage', () => {
    const doc = structuredClone(presetDocuments['deposit-store']) as Record<string, any>;
    doc.claims.resolutions.byKind.QUALITY_DEFECT = [];
    doc.claims.resolutions.byKind.MIS_SHIPMENT = [{ resolution: 'RETURN' }];
    delete doc.claims.resolutions.byKind.ACCESSORY_MISSING;
    const parsed = parseStorePolicy(doc);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.path).sort()).toEqual([
      'claims.resolutions.byKind.ACCESSORY_MISSING',
      'claims.resolutions.byKind.MIS_SHIPMENT.0.postage',
      'claims.resolutions.byKind.QUALITY_DEFECT',
    ]);
  });
});
