import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { parseStorePolicy } from '../schema/parse.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { claimCompensation, gradeForIssue } from './compensation.js';

const depositStore = presets['deposit-store'];

describe('claim compensation, deposit-store (001 tables)', () => {
  it('grades issues by the chart', () => {
    expect(gradeForIssue(depositStore, 'ELECTRONIC_FAILURE')).toBe('MEDIUM');
    expect(gradeForIssue(depositStore, 'MISSING_OR_WRONG_ACCESSORY')).toBe('HIGH');
    expect(gradeForIssue(depositStore, 'DETACHMENT_FIXABLE')).toBe('LOW');
    expect(gradeForIssue(depositStore, 'PARTIAL_SURFACE_CRACKING')).toBe('STAFF');
  });

  it('pays the grade percentage of the part maximum', () => {
    expect(claimCompensation(depositStore, 'HIGH', 'HEAD_SCULPT_SPECIAL')).toEqual({
      outcome: 'AMOUNT',
      amount: { amount: 4000, currency: 'USD' },
      rule: { id: 'claims.compensation-high', text: "A high-grade issue is refunded 100% of the part's maximum reimbursement (head sculpt special: $40.00)." },
    });
    expect(claimCompensation(depositStore, 'LOW', 'DETACHMENT_ONLY').amount).toEqual({ amount: 125, currency: 'USD' });
    expect(claimCompensation(depositStore, 'MEDIUM', 'CLOTHES_SPECIAL_LARGE').amount).toEqual({ amount: 1500, currency: 'USD' });
  });

  it('rounds half up: 25% of $9.99 is $2.50', () => {
    const doc = structuredClone(depositStore) as StorePolicy;
    doc.claims.compensation!.partMaxReimbursement.WEAPON_SMALL = 999;
    const parsed = parseStorePolicy(doc);
    expect(parsed.ok && claimCompensation(parsed.policy, 'LOW', 'WEAPON_SMALL').amount).toEqual({ amount: 250, currency: 'USD' });
  });

  it('leaves "Depends" to staff: a graded-by-staff issue, or a part without a fixed value', () => {
    expect(claimCompensation(depositStore, 'STAFF', 'HEAD_SCULPT')).toMatchObject({ outcome: 'STAFF_DECIDES', amount: null });
    expect(claimCompensation(depositStore, 'HIGH', 'PACKAGING_BOX')).toMatchObject({
      outcome: 'STAFF_DECIDES',
      amount: null,
      rule: { id: 'claims.compensation-staff-decide', text: 'The packaging box has no fixed reimbursement: our staff decide the compensation case by case.' },
    });
    expect(claimCompensation(depositStore, 'HIGH', 'FIGURE_STAND_SPECIAL').outcome).toBe('STAFF_DECIDES');
  });

  it('statue-store (002) has no table: staff decide every amount', () => {
    expect(claimCompensation(presets['statue-store'], 'HIGH', 'HEAD_SCULPT')).toMatchObject({ outcome: 'STAFF_DECIDES', amount: null });
  });
});
