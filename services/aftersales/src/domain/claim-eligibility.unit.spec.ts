import { describe, expect, it } from 'vitest';
import { presets } from '@vitrine/policy';
import { claimEligibility, type ClaimFacts } from './claim-eligibility.js';

const depositStore = presets['deposit-store'];
const statueStore = presets['statue-store'];

// Thursday 3 December 2026, 13:00 in Paris (both presets' default calendar is France, UTC+1 in winter).
const deliveredAt = new Date('2026-12-03T12:00:00Z');
const facts = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({
  product: { orderKind: 'IN_STOCK', statusWhenOrdered: 'IN_STOCK', releasedAt: null, orderedAt: new Date('2026-11-20T00:00:00Z') },
  deliveredAt,
  severity: 'STANDARD',
  photos: 1,
  videos: 1,
  now: deliveredAt,
  ...over,
});
const days = (n: number) => new Date(deliveredAt.getTime() + n * 86_400_000);

describe('claim eligibility under deposit-store (000: 10 days for damage)', () => {
  it('accepts a claim on day 10 and refuses it on day 11, naming the rule', () => {
    expect(claimEligibility(depositStore, facts({ now: days(10) })).ok).toBe(true);
    const late = claimEligibility(depositStore, facts({ now: days(11) }));
    expect(late).toMatchObject({ ok: false, reason: 'WINDOW_CLOSED', rule: { id: 'claims.report-window' } });
    // The last day travels as a fact, for a client's own words.
    expect(late.ok === false && late.facts).toEqual({ lastDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('judges a claim submitted again (after staff asked for more evidence) by when it was first reported', () => {
    expect(claimEligibility(depositStore, facts({ now: days(15), reportedAt: days(9) })).ok).toBe(true);
    expect(claimEligibility(depositStore, facts({ now: days(15), reportedAt: days(11) }))).toMatchObject({ ok: false, reason: 'WINDOW_CLOSED' });
  });

  it('needs photos but no video', () => {
    expect(claimEligibility(depositStore, facts({ videos: 0 })).ok).toBe(true);
    expect(claimEligibility(depositStore, facts({ photos: 0 }))).toMatchObject({
      ok: false,
      reason: 'EVIDENCE_MISSING',
      rule: { id: 'claims.evidence' },
      facts: { missing: 'PHOTOS' },
    });
  });
});

describe('claim eligibility under statue-store (002)', () => {
  it('refuses a claim without the unboxing video from the sealed parcel', () => {
    const refused = claimEligibility(statueStore, facts({ videos: 0 }));
    expect(refused).toMatchObject({ ok: false, reason: 'EVIDENCE_MISSING', rule: { id: 'claims.evidence' }, facts: { missing: 'UNBOXING_VIDEO' } });
    expect(refused.ok === false && refused.rule.text).toContain('unboxing video');
  });

  it('counts 5 working days across a weekend (delivered Thursday: open until the end of the next Thursday, Paris time)', () => {
    // Thu 3 Dec + 5 business days = Thu 10 Dec (Fri, Mon, Tue, Wed, Thu).
    const inTime = claimEligibility(statueStore, facts({ now: new Date('2026-12-10T22:59:00Z') }));
    expect(inTime.ok).toBe(true);
    const late = claimEligibility(statueStore, facts({ now: new Date('2026-12-10T23:00:00Z') }));
    expect(late).toMatchObject({ ok: false, reason: 'WINDOW_CLOSED' });
  });

  it('gives significant damage 24 hours', () => {
    expect(claimEligibility(statueStore, facts({ severity: 'SIGNIFICANT', now: new Date(deliveredAt.getTime() + 23 * 3_600_000) })).ok).toBe(true);
    const late = claimEligibility(statueStore, facts({ severity: 'SIGNIFICANT', now: new Date(deliveredAt.getTime() + 24 * 3_600_000) }));
    expect(late).toMatchObject({ ok: false, reason: 'WINDOW_CLOSED', rule: { id: 'claims.report-window' } });
  });

  it('does not cover CHINA_STOCK products', () => {
    const refused = claimEligibility(
      statueStore,
      facts({ product: { orderKind: 'IN_STOCK', statusWhenOrdered: 'CHINA_STOCK', releasedAt: null, orderedAt: days(-10) } }),
    );
    expect(refused).toMatchObject({ ok: false, reason: 'NOT_COVERED', rule: { id: 'claims.not-covered-china-stock' } });
  });

  it('does not cover in-stock statues ordered more than 3 months after their release, but always covers preorders', () => {
    const product = {
      orderKind: 'IN_STOCK' as const,
      statusWhenOrdered: 'IN_STOCK',
      releasedAt: new Date('2026-06-01T00:00:00Z'),
      orderedAt: new Date('2026-11-20T00:00:00Z'),
    };
    expect(claimEligibility(statueStore, facts({ product }))).toMatchObject({
      ok: false,
      reason: 'NOT_COVERED',
      rule: { id: 'claims.not-covered-released-long-ago' },
    });
    expect(claimEligibility(statueStore, facts({ product: { ...product, orderedAt: new Date('2026-08-15T00:00:00Z') } })).ok).toBe(true);
    expect(claimEligibility(statueStore, facts({ product: { ...product, orderKind: 'PREORDER', statusWhenOrdered: 'CHINA_STOCK' } })).ok).toBe(true);
  });
});
