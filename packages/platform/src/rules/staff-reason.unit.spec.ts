import { describe, expect, it } from 'vitest';
import { staffReasonMaxLength } from '@vitrine/contracts';
import { checkStaffReason } from './staff-reason.js';

describe('checkStaffReason', () => {
  it('trims and accepts 1 to 500 characters', () => {
    expect(checkStaffReason('  Factory delay  ')).toEqual({ reason: 'Factory delay', problems: [] });
    expect(checkStaffReason('x'.repeat(staffReasonMaxLength)).problems).toEqual([]);
  });

  it('refuses an empty or blank reason and one too long, on the field named', () => {
    for (const blank of ['', '   ', '\n\t'])
      expect(checkStaffReason(blank).problems).toEqual([expect.objectContaining({ field: 'reason', reason: 'REQUIRED' })]);
    expect(checkStaffReason('x'.repeat(staffReasonMaxLength + 1), 'note').problems).toEqual([expect.objectContaining({ field: 'note', reason: 'TOO_LONG' })]);
  });
});
