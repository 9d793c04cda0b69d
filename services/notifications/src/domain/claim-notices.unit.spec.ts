import { describe, expect, it } from 'vitest';
import {
  claimDecidedNotice,
  claimEvidenceRequestedNotice,
  claimOfferedNotice,
  claimRefusedNotice,
  claimResolvedNotice,
  claimSubmittedNotice,
  returnReceivedNotice,
  returnRequestedNotice,
} from './claim-notices.js';

const event = <T>(data: T) => ({ id: 'e1', time: '2027-06-01T00:00:00.000Z', data });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });
const claim = { claimId: 'k1', orderId: 'o1', customerId: 'c1', productId: 'p1' };
const rule = { id: 'claims.grade.high', text: 'A high grade refunds 100% of the part’s maximum reimbursement.' };

describe('notices from after-sales', () => {
  it('a submitted claim is one message to its customer about its order, saying what it is about', () => {
    const n = claimSubmittedNotice(event({ ...claim, kind: 'ACCESSORY_DAMAGED', evidenceCount: 2 }));
    expect(n).toEqual({
      kind: 'CLAIM_SUBMITTED',
      customerId: 'c1',
      orderId: 'o1',
      sendKey: 'e1:c1',
      facts: { claimId: 'k1', productId: 'p1', claimKind: 'ACCESSORY_DAMAGED', evidenceCount: 2 },
    });
  });

  it('a decision carries the resolution, the refund and each graded part with the words of its rule', () => {
    const n = claimDecidedNotice(
      event({
        ...claim,
        resolution: 'PARTIAL_REFUND' as const,
        refund: jpy(2_500),
        replacementParts: [],
        parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule }],
      }),
    );
    expect(n).toMatchObject({ kind: 'CLAIM_DECIDED', customerId: 'c1', orderId: 'o1', sendKey: 'e1:c1' });
    expect(n.facts).toEqual({
      claimId: 'k1',
      productId: 'p1',
      resolution: 'PARTIAL_REFUND',
      refund: jpy(2_500),
      replacementParts: [],
      parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule: { en: rule.text } }],
    });
  });

  it('a replacement names the parts to ship and refunds nothing', () => {
    const n = claimDecidedNotice(event({ ...claim, resolution: 'REPLACEMENT_PART' as const, refund: null, replacementParts: ['WEAPON_SMALL'], parts: [] }));
    expect(n.facts).toMatchObject({ resolution: 'REPLACEMENT_PART', refund: null, replacementParts: ['WEAPON_SMALL'] });
  });

  it('an offer lists each resolution with its amount, postage or lead time, and the words of every rule', () => {
    const leadRule = { id: 'claims.lead-time.stock', text: 'A part from stock arrives in one to three weeks.' };
    const n = claimOfferedNotice(
      event({
        ...claim,
        offers: [
          {
            resolution: 'REPLACEMENT_PART',
            refund: null,
            returnPostage: null,
            leadTime: { outcome: 'WINDOW' as const, earliest: '2027-06-07', latest: '2027-06-21', rule: leadRule },
            rule: { id: 'claims.resolutions.part', text: 'First a part.' },
          },
          { resolution: 'PARTIAL_REFUND', refund: jpy(2_500), returnPostage: null, rule },
          { resolution: 'RETURN', refund: null, returnPostage: 'STORE', leadTime: null, rule: { id: 'claims.resolutions.return', text: 'Or a return.' } },
        ],
        parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule }],
      }),
    );
    expect(n).toMatchObject({ kind: 'CLAIM_OFFERED', customerId: 'c1', orderId: 'o1', sendKey: 'e1:c1' });
    expect(n.facts).toEqual({
      claimId: 'k1',
      productId: 'p1',
      offers: [
        {
          resolution: 'REPLACEMENT_PART',
          refund: null,
          returnPostage: null,
          leadTime: { outcome: 'WINDOW', earliest: '2027-06-07', latest: '2027-06-21', rule: { en: leadRule.text } },
          rule: { en: 'First a part.' },
        },
        { resolution: 'PARTIAL_REFUND', refund: jpy(2_500), returnPostage: null, leadTime: null, rule: { en: rule.text } },
        { resolution: 'RETURN', refund: null, returnPostage: 'STORE', leadTime: null, rule: { en: 'Or a return.' } },
      ],
      parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule: { en: rule.text } }],
    });
  });

  it('a request for evidence carries staff’s note', () => {
    const n = claimEvidenceRequestedNotice(event({ claimId: 'k1', orderId: 'o1', customerId: 'c1', note: 'A photo of the base, please.' }));
    expect(n).toEqual({
      kind: 'CLAIM_EVIDENCE_REQUESTED',
      customerId: 'c1',
      orderId: 'o1',
      sendKey: 'e1:c1',
      facts: { claimId: 'k1', note: 'A photo of the base, please.' },
    });
  });

  it('a refusal carries the words of its rule', () => {
    const n = claimRefusedNotice(event({ ...claim, rule: { id: 'claims.exclusion.art-box', text: 'The art box is not covered.' } }));
    expect(n).toMatchObject({
      kind: 'CLAIM_REFUSED',
      sendKey: 'e1:c1',
      facts: { claimId: 'k1', productId: 'p1', rule: { en: 'The art box is not covered.' } },
    });
  });

  it('a resolution carries what was chosen and the refund, if any', () => {
    expect(claimResolvedNotice(event({ ...claim, resolution: 'KEEP_WITH_DISCOUNT', refund: jpy(3_800) })).facts).toEqual({
      claimId: 'k1',
      productId: 'p1',
      resolution: 'KEEP_WITH_DISCOUNT',
      refund: jpy(3_800),
    });
    expect(claimResolvedNotice(event({ ...claim, resolution: 'EXCHANGE', refund: null }))).toMatchObject({ kind: 'CLAIM_RESOLVED', facts: { refund: null } });
  });

  it('a received return carries its refund, or none, the restocking fee and the words of its rule', () => {
    const n = returnReceivedNotice(
      event({
        returnId: 'r1',
        orderId: 'o1',
        customerId: 'c1',
        productId: 'p1',
        accepted: false,
        refund: jpy(0),
        restockingFee: jpy(3_800),
        rule: { id: 'returns.condition', text: 'Only an unused item is refunded.' },
      }),
    );
    expect(n).toEqual({
      kind: 'RETURN_RECEIVED',
      customerId: 'c1',
      orderId: 'o1',
      sendKey: 'e1:c1',
      facts: { returnId: 'r1', productId: 'p1', accepted: false, refund: jpy(0), restockingFee: jpy(3_800), rule: { en: 'Only an unused item is refunded.' } },
    });
  });

  it("an accepted return is one message to its customer with the quote, the fee, the shipping refunded, the postage and the rule's words", () => {
    const n = returnRequestedNotice(
      event({
        returnId: 'r1',
        orderId: 'o1',
        customerId: 'c1',
        productId: 'p1',
        quotedRefund: jpy(7_000),
        restockingFee: jpy(3_000),
        shippingRefund: jpy(0),
        returnPostage: 'CUSTOMER',
        rule: { id: 'returns.preference', text: 'Returned within 7 days, less 30%.' },
        requestedAt: '2027-06-01T00:00:00.000Z',
      }),
    );
    expect(n).toEqual({
      kind: 'RETURN_REQUESTED',
      customerId: 'c1',
      orderId: 'o1',
      sendKey: 'e1:c1',
      facts: {
        returnId: 'r1',
        productId: 'p1',
        quotedRefund: jpy(7_000),
        restockingFee: jpy(3_000),
        shippingRefund: jpy(0),
        returnPostage: 'CUSTOMER',
        rule: { en: 'Returned within 7 days, less 30%.' },
      },
    });
  });
});
