import { describe, expect, it } from 'vitest';
import { productStatuses } from './product-status.js';
import {
  assertCanChangeTerms,
  assertCanCloseEarly,
  checkCampaignTerms,
  checkPaymentPlan,
  decideOpening,
  decideTermsChange,
  type CampaignTerms,
} from './preorder-campaign.js';

const now = new Date('2026-11-25T12:00:00Z');
const at = (iso: string) => new Date(iso);
const terms = (over: Partial<CampaignTerms> = {}): CampaignTerms => ({ opensAt: null, closesAt: null, paymentPlan: null, limitedQuantity: null, ...over });
const fields = (t: CampaignTerms) => checkCampaignTerms(t, now).map((p) => `${p.field}:${p.reason}`);

describe('campaign terms', () => {
  it('accepts an open-ended window on the default plan, and a complete one', () => {
    expect(fields(terms())).toEqual([]);
    expect(
      fields(
        terms({
          opensAt: at('2026-12-01T09:00:00Z'),
          closesAt: at('2027-01-31T23:59:59Z'),
          limitedQuantity: 100,
          paymentPlan: { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a window that closes before it opens, or in the past', () => {
    expect(fields(terms({ opensAt: at('2026-12-10T00:00:00Z'), closesAt: at('2026-12-09T00:00:00Z') }))).toEqual(['closesAt:CLOSES_BEFORE_OPENING']);
    expect(fields(terms({ opensAt: at('2026-12-10T00:00:00Z'), closesAt: at('2026-12-10T00:00:00Z') }))).toEqual(['closesAt:CLOSES_BEFORE_OPENING']);
    expect(fields(terms({ closesAt: at('2026-11-25T11:59:59Z') }))).toEqual(['closesAt:IN_THE_PAST']);
    // Opening in the past means now: it must still close after now.
    expect(fields(terms({ opensAt: at('2026-01-01T00:00:00Z'), closesAt: at('2026-11-26T00:00:00Z') }))).toEqual([]);
  });

  it.each([0, -5, 1.5, 1_000_001])('refuses a limited run of %s units', (limitedQuantity) => {
    expect(fields(terms({ limitedQuantity }))).toEqual(['limitedQuantity:OUT_OF_RANGE']);
  });

  it('reports every problem at once', () => {
    expect(
      fields(
        terms({ closesAt: at('2020-01-01T00:00:00Z'), limitedQuantity: 0, paymentPlan: { kind: 'DEPOSIT', depositPercent: null, fullPaymentAllowed: false } }),
      ),
    ).toEqual(['closesAt:IN_THE_PAST', 'limitedQuantity:OUT_OF_RANGE', 'paymentPlan.depositPercent:REQUIRED']);
  });
});

describe('payment plan', () => {
  it('a deposit plan needs a whole percentage from 1 to 99', () => {
    expect(checkPaymentPlan({ kind: 'DEPOSIT', depositPercent: 1, fullPaymentAllowed: false })).toEqual([]);
    expect(checkPaymentPlan({ kind: 'DEPOSIT', depositPercent: 99, fullPaymentAllowed: true })).toEqual([]);
    for (const depositPercent of [0, 100, 12.5]) {
      expect(checkPaymentPlan({ kind: 'DEPOSIT', depositPercent, fullPaymentAllowed: false })).toEqual([expect.objectContaining({ reason: 'OUT_OF_RANGE' })]);
    }
  });

  it.each(['FULL_PAYMENT', 'PAY_ON_ARRIVAL', 'CHARGE_AT_SHIP'] as const)('%s takes no deposit and offers no full-payment option', (kind) => {
    expect(checkPaymentPlan({ kind, depositPercent: null, fullPaymentAllowed: false })).toEqual([]);
    expect(checkPaymentPlan({ kind, depositPercent: 20, fullPaymentAllowed: true }).map((p) => p.field)).toEqual([
      'paymentPlan.depositPercent',
      'paymentPlan.fullPaymentAllowed',
    ]);
  });
});

describe('opening a window', () => {
  it('opens now without a date or with a past one, and schedules a future one', () => {
    expect(decideOpening('ANNOUNCED', null, now)).toEqual({ kind: 'OPEN_NOW' });
    expect(decideOpening('ANNOUNCED', at('2026-11-01T00:00:00Z'), now)).toEqual({ kind: 'OPEN_NOW' });
    expect(decideOpening('PREORDER_CLOSED', at('2026-12-01T00:00:00Z'), now)).toEqual({ kind: 'SCHEDULE', opensAt: at('2026-12-01T00:00:00Z') });
  });

  it('refuses a product already on preorder, and every status after release', () => {
    expect(() => decideOpening('PREORDER', null, now)).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: expect.objectContaining({ rule: 'PREORDER_ALREADY_OPEN' }) }),
    );
    const refused = productStatuses.filter((s) => !['ANNOUNCED', 'PREORDER_CLOSED', 'PREORDER'].includes(s));
    expect(refused).toEqual(['RELEASED', 'IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED']);
    for (const status of refused)
      expect(() => decideOpening(status, null, now)).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_NOT_ALLOWED' }) }));
  });
});

describe('closing early and changing terms', () => {
  it('closes a scheduled or open window for a reason staff may give', () => {
    expect(() => assertCanCloseEarly({ state: 'OPEN' as const }, 'SOLD_OUT')).not.toThrow();
    expect(() => assertCanCloseEarly({ state: 'SCHEDULED' as const }, 'MAKER_REQUEST')).not.toThrow();
    expect(() => assertCanCloseEarly({ state: 'CLOSED' as const }, 'STORE_DECISION')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_NOT_OPEN' }) }),
    );
    expect(() => assertCanCloseEarly(null, 'STORE_DECISION')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_NOT_OPEN' }) }),
    );
    expect(() => assertCanCloseEarly({ state: 'OPEN' as const }, 'SCHEDULED')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_CLOSE_REASON' }) }),
    );
    expect(() => assertCanCloseEarly({ state: 'OPEN' as const }, 'STATUS_CHANGED')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_CLOSE_REASON' }) }),
    );
  });

  it('changes terms of a scheduled or open window only', () => {
    const current = terms({ closesAt: at('2026-12-20T00:00:00Z'), limitedQuantity: 50 });
    for (const state of ['OPEN', 'SCHEDULED'] as const) {
      expect(() => assertCanChangeTerms({ state })).not.toThrow();
      expect(() => decideTermsChange(state, current, {}, now)).not.toThrow();
    }
    for (const campaign of [{ state: 'CLOSED' as const }, null]) {
      expect(() => assertCanChangeTerms(campaign)).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'PREORDER_NOT_OPEN' }) }));
    }
  });

  it('keeps what is not sent, clears what is sent as null, and checks the result', () => {
    const plan = { kind: 'CHARGE_AT_SHIP' as const, depositPercent: null, fullPaymentAllowed: false };
    const current = terms({ opensAt: at('2026-12-01T00:00:00Z'), closesAt: at('2026-12-20T00:00:00Z'), paymentPlan: plan, limitedQuantity: 50 });
    expect(decideTermsChange('OPEN', current, { limitedQuantity: 80 }, now)).toEqual({
      terms: { ...current, opensAt: null, limitedQuantity: 80 },
      problems: [],
    });
    expect(decideTermsChange('SCHEDULED', current, { closesAt: null, paymentPlan: null }, now)).toEqual({
      terms: { ...current, closesAt: null, paymentPlan: null },
      problems: [],
    });
    expect(decideTermsChange('SCHEDULED', current, { opensAt: at('2026-12-25T00:00:00Z') }, now).problems.map((p) => p.reason)).toEqual([
      'CLOSES_BEFORE_OPENING',
    ]);
    expect(
      decideTermsChange('OPEN', current, { opensAt: at('2026-12-02T00:00:00Z'), closesAt: at('2026-01-01T00:00:00Z') }, now).problems.map(
        (p) => `${p.field}:${p.reason}`,
      ),
    ).toEqual(['opensAt:ALREADY_OPEN', 'closesAt:IN_THE_PAST']);
  });
});
