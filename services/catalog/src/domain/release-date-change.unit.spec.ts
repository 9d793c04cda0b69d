import { describe, expect, it } from 'vitest';
import { checkReleaseDateInput, decideReleaseDateChange } from './release-date-change.js';

describe('release date change', () => {
  it('reports a bad estimate and a missing reason at once', () => {
    expect(checkReleaseDateInput('soon', '  ').problems.map((p) => p.field)).toEqual(['estimate', 'reason']);
  });

  it('trims the estimate and the reason', () => {
    expect(checkReleaseDateInput(' 2027-05 ', ' Factory delay ')).toEqual({ estimate: '2027-05', reason: 'Factory delay', problems: [] });
  });

  it('changes the estimate before release, and does nothing when it is the same', () => {
    expect(decideReleaseDateChange('PREORDER', '2027-03', '2027-05', 'Slip')).toEqual({ kind: 'CHANGE', estimate: '2027-05', reason: 'Slip' });
    expect(decideReleaseDateChange('ANNOUNCED', null, '2027-05', 'First')).toMatchObject({ kind: 'CHANGE' });
    expect(decideReleaseDateChange('PREORDER_CLOSED', '2027-05', '2027-05', 'Again')).toEqual({ kind: 'UNCHANGED' });
  });

  it.each(['RELEASED', 'IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'] as const)('refuses once %s', (status) => {
    expect(() => decideReleaseDateChange(status, '2027-03', '2027-05', 'Slip')).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: { rule: 'RELEASE_DATE_FIXED', status } }),
    );
  });
});
