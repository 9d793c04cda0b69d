import { describe, expect, it } from 'vitest';
import { claimDecidedNotice, claimSubmittedNotice } from './claim-notices.js';

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
      parts: [{ category: 'HEAD_SCULPT', grade: 'HIGH', amount: jpy(2_500), rule: rule.text }],
    });
  });

  it('a replacement names the parts to ship and refunds nothing', () => {
    const n = claimDecidedNotice(event({ ...claim, resolution: 'REPLACEMENT_PART' as const, refund: null, replacementParts: ['WEAPON_SMALL'], parts: [] }));
    expect(n.facts).toMatchObject({ resolution: 'REPLACEMENT_PART', refund: null, replacementParts: ['WEAPON_SMALL'] });
  });
});
