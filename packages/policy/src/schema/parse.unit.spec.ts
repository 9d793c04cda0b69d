import { describe, expect, it } from 'vitest';
import { presetDocuments, presetNames } from '../presets/index.js';
import { parseStorePolicy } from './parse.js';

const base = () => structuredClone(presetDocuments['deposit-store']) as Record<string, any>;

const problemsOf = (doc: unknown) => {
  const parsed = parseStorePolicy(doc);
  return parsed.ok ? [] : parsed.problems;
};

describe('parseStorePolicy', () => {
  it.each(presetNames)('accepts the %s preset', (name) => {
    const parsed = parseStorePolicy(presetDocuments[name]);
    expect(parsed.ok && parsed.policy.id).toBe(name);
  });

  it('given a negative fee, names the field and says why', () => {
    const doc = base();
    doc.inStockCancellation.onceProcessed.fee.percentBps = -100;
    expect(problemsOf(doc)).toEqual([{ path: 'inStockCancellation.onceProcessed.fee.percentBps', message: 'A percentage cannot be negative.' }]);
  });

  it('given a percentage above 100%', () => {
    const doc = base();
    doc.returns.preference.restockingFee.percentBps = 10001;
    expect(problemsOf(doc)).toEqual([
      { path: 'returns.preference.restockingFee.percentBps', message: 'A percentage cannot be more than 100% (10000 basis points).' },
    ]);
  });

  it('given cancellation tiers out of order (overlapping windows)', () => {
    const doc = base();
    doc.preorderCancellation.tiers.reverse();
    expect(problemsOf(doc)).toEqual([
      {
        path: 'preorderCancellation.tiers.1.within',
        message: 'Tier 2 does not end after tier 1: the windows overlap or are out of order (list them from the shortest to the longest).',
      },
      { path: 'preorderCancellation.tiers.1.fee.percentBps', message: 'Tier 2 charges less than tier 1: a later cancellation cannot cost less.' },
    ]);
  });

  it('given two tiers with the same window', () => {
    const doc = base();
    doc.preorderCancellation.tiers[1].within = { amount: 24, unit: 'HOURS' };
    expect(problemsOf(doc).map((p) => p.path)).toEqual(['preorderCancellation.tiers.1.within']);
  });

  it('given a plan allowed without its parameters, and parameters for a plan not allowed', () => {
    const doc = base();
    doc.paymentPlans.allowed = ['DEPOSIT', 'PAY_ON_ARRIVAL'];
    doc.paymentPlans.chargeAtShip = { paymentErrorGrace: { amount: 7, unit: 'DAYS' } };
    expect(problemsOf(doc)).toEqual([
      { path: 'paymentPlans.payOnArrival', message: 'PAY_ON_ARRIVAL is allowed but its parameters are missing.' },
      { path: 'paymentPlans.chargeAtShip', message: 'CHARGE_AT_SHIP is not allowed: remove its parameters or allow it.' },
    ]);
  });

  it('given a default plan that is not allowed', () => {
    const doc = base();
    doc.paymentPlans.default = 'FULL_PAYMENT';
    doc.paymentPlans.allowed = ['DEPOSIT'];
    expect(problemsOf(doc)).toEqual([{ path: 'paymentPlans.default', message: 'The default plan FULL_PAYMENT is not among the allowed plans.' }]);
  });

  it('given an unknown region, a bad time zone and a default region without a calendar', () => {
    const doc = base();
    doc.calendars.regions = { XX: { timeZone: 'Mars/Olympus', ignoredHolidays: [], overrides: [] } };
    expect(problemsOf(doc)).toEqual([
      { path: 'calendars.regions.XX.timeZone', message: 'Give an IANA time zone such as Europe/Paris.' },
      { path: 'calendars.regions.XX', message: 'XX is not a region with a known holiday calendar.' },
      { path: 'calendars.defaultRegion', message: 'The default region FR has no calendar.' },
    ]);
  });

  it('given a day overridden twice', () => {
    const doc = base();
    doc.calendars.regions.CN.overrides = [...doc.calendars.regions.CN.overrides, { date: '2026-02-14', kind: 'DAY_OFF', note: 'again' }];
    expect(problemsOf(doc)).toEqual([
      { path: `calendars.regions.CN.overrides.${doc.calendars.regions.CN.overrides.length - 1}.date`, message: '2026-02-14 is overridden twice.' },
    ]);
  });

  it('given money in fractions of a cent, a zero duration and a reused tier id', () => {
    const doc = base();
    doc.claims.compensation.partMaxReimbursement.HEAD_SCULPT = 25.5;
    doc.claims.windows.damage = { amount: 0, unit: 'DAYS' };
    doc.preorderCancellation.tiers[1].id = doc.preorderCancellation.tiers[0].id;
    expect(problemsOf(doc)).toEqual([
      { path: 'preorderCancellation.tiers.1.id', message: 'Tier id free-within-deposit-window is used twice.' },
      { path: 'claims.windows.damage.amount', message: 'A duration must be longer than zero.' },
      { path: 'claims.compensation.partMaxReimbursement.HEAD_SCULPT', message: 'Give money in whole minor units (cents).' },
    ]);
  });

  it('given grades that pay less for a worse issue, and a significant-damage window longer than the general one', () => {
    const doc = base();
    doc.claims.compensation.gradePercentBps = { LOW: 5000, MEDIUM: 2500, HIGH: 10000 };
    doc.claims.windows.significantDamage = { amount: 30, unit: 'DAYS' };
    expect(problemsOf(doc)).toEqual([
      { path: 'claims.windows.significantDamage', message: 'The window for significant damage must be shorter than the one for any damage.' },
      { path: 'claims.compensation.gradePercentBps', message: 'A higher grade cannot pay a smaller percentage (LOW <= MEDIUM <= HIGH).' },
    ]);
  });

  it('given something that is not a policy at all, lists problems instead of throwing', () => {
    const parsed = parseStorePolicy('not a policy');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ path: '', message: expect.any(String) }]);
  });
});
