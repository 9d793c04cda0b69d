import { describe, expect, it } from 'vitest';
import { checkReleaseDateInput, decideReleaseDateChange } from './release-date-change.js';

const now = new Date('2027-02-15T12:00:00Z');

describe('release date change', () => {
  it('reports a bad estimate and a missing reason at once', () => {
    expect(checkReleaseDateInput('soon', '  ').problems.map((p) => p.field)).toEqual(['estimate', 'reason']);
  });

  it('trims the estimate and the reason', () => {
    expect(checkReleaseDateInput(' 2027-05 ', ' Factory delay ')).toEqual({ estimate: '2027-05', reason: 'Factory delay', problems: [] });
  });

  it('changes the estimate before release, and does nothing when it is the same', () => {
    expect(decideReleaseDateChange('PREORDER', '2027-03', '2027-05', 'Slip', now)).toEqual({ kind: 'CHANGE', estimate: '2027-05', reason: 'Slip' });
    expect(decideReleaseDateChange('ANNOUNCED', null, '2027-05', 'First', now)).toMatchObject({ kind: 'CHANGE' });
    expect(decideReleaseDateChange('PREORDER_CLOSED', '2027-05', '2027-05', 'Again', now)).toEqual({ kind: 'UNCHANGED' });
  });

  it('refuses an estimate in the past for an unreleased product (this month and today are not past)', () => {
    for (const past of ['2027-01', '2027-02-14', '2026-12-31']) {
      expect(() => decideReleaseDateChange('PREORDER', '2027-03', past, 'Oops', now)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { problems: [expect.objectContaining({ field: 'estimate', reason: 'RELEASE_ESTIMATE_IN_PAST' })] },
        }),
      );
    }
    for (const ahead of ['2027-02', '2027-02-15', '2027-03-01']) expect(decideReleaseDateChange('ANNOUNCED', null, ahead, 'On time', now).kind).toBe('CHANGE');
  });

  it.each(['RELEASED', 'IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'] as const)('refuses once %s', (status) => {
    expect(() => decideReleaseDateChange(status, '2027-03', '2027-05', 'Slip', now)).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: { rule: 'RELEASE_DATE_FIXED', status } }),
    );
  });
});
