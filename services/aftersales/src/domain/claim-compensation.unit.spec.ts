import { describe, expect, it } from 'vitest';
import { partCategories, presets, type ClaimGrade, type PartCategory } from '@vitrine/policy';
import { partialRefund } from './claim-compensation.js';

const depositStore = presets['deposit-store'];

// 001's table in the store currency (USD minor units); null: "Depends".
const table001: Record<PartCategory, number | null> = {
  DETACHMENT_ONLY: 500,
  HEAD_SCULPT: 2500,
  HEAD_SCULPT_SPECIAL: 4000,
  JOINED_FIGURE_HARD_PLASTIC: 2000,
  SEAMLESS_FIGURE_SILICONE: 4000,
  BODY_SPECIAL_DESIGN: 4000,
  CLOTHES_SMALL: 500,
  CLOTHES_MIDDLE: 1000,
  CLOTHES_LARGE: 1500,
  CLOTHES_SPECIAL_SMALL: 1500,
  CLOTHES_SPECIAL_MIDDLE: 2000,
  CLOTHES_SPECIAL_LARGE: 3000,
  WEAPON_LARGE: 1500,
  WEAPON_SMALL: 500,
  SCENE_PROP: 500,
  FIGURE_STAND: 1000,
  FIGURE_STAND_SPECIAL: null,
  PACKAGING_BOX: null,
};
const percent: Record<Exclude<ClaimGrade, 'STAFF'>, number> = { LOW: 25, MEDIUM: 50, HIGH: 100 };

describe('partial refunds from the 001 table (deposit-store)', () => {
  for (const category of partCategories) {
    for (const grade of ['LOW', 'MEDIUM', 'HIGH'] as const) {
      const max = table001[category];
      it(`${category} x ${grade}`, () => {
        const result = partialRefund(depositStore, [{ category, issue: 'STRUCTURAL_BREAKAGE', grade }], 1_000_000);
        if (max === null) {
          expect(result).toMatchObject({ ok: false, problems: [{ index: 0, reason: 'STAFF_AMOUNT_REQUIRED' }] });
        } else {
          expect(result).toMatchObject({ ok: true, total: { amount: Math.round((max * percent[grade]) / 100), currency: 'USD' }, capped: false });
        }
      });
    }
  }

  it('grades by the chart when staff give no grade: a missing accessory is High', () => {
    expect(partialRefund(depositStore, [{ category: 'WEAPON_LARGE', issue: 'MISSING_OR_WRONG_ACCESSORY' }], 100_000)).toMatchObject({
      ok: true,
      parts: [{ grade: 'HIGH', amount: 1500, rule: { id: 'claims.compensation-high' } }],
    });
  });

  it('requires an amount from staff for "staff decide" cases, and takes it', () => {
    const cracking = { category: 'HEAD_SCULPT' as const, issue: 'PARTIAL_SURFACE_CRACKING' as const };
    expect(partialRefund(depositStore, [cracking], 100_000)).toMatchObject({ ok: false, problems: [{ reason: 'STAFF_AMOUNT_REQUIRED' }] });
    expect(partialRefund(depositStore, [{ ...cracking, staffAmount: 1200 }], 100_000)).toMatchObject({ ok: true, total: { amount: 1200 } });
  });

  it('refuses a staff amount where the table sets one', () => {
    expect(partialRefund(depositStore, [{ category: 'WEAPON_SMALL', issue: 'STRUCTURAL_BREAKAGE', staffAmount: 9999 }], 100_000)).toMatchObject({
      ok: false,
      problems: [{ reason: 'STAFF_AMOUNT_NOT_ALLOWED' }],
    });
  });

  it('never pays more than what is left on the line', () => {
    const parts = [
      { category: 'HEAD_SCULPT_SPECIAL' as const, issue: 'STRUCTURAL_BREAKAGE' as const },
      { category: 'BODY_SPECIAL_DESIGN' as const, issue: 'STRUCTURAL_BREAKAGE' as const },
    ];
    expect(partialRefund(depositStore, parts, 5000)).toMatchObject({
      ok: true,
      total: { amount: 5000 },
      capped: true,
      capRule: { id: 'claims.compensation-cap' },
    });
    expect(partialRefund(depositStore, parts, 0)).toMatchObject({ ok: true, total: { amount: 0 }, capped: true });
  });

  it('leaves every amount to staff when the policy has no table (statue-store)', () => {
    expect(partialRefund(presets['statue-store'], [{ category: 'WEAPON_SMALL', issue: 'STRUCTURAL_BREAKAGE' }], 100_000)).toMatchObject({
      ok: false,
      problems: [{ reason: 'STAFF_AMOUNT_REQUIRED' }],
    });
  });
});
