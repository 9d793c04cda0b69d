import { describe, expect, it } from 'vitest';
import { checkFlagReason, decideFlagChange } from './customer-flags.js';

describe('checkFlagReason', () => {
  it('accepts a trimmed reason of 1 to 500 characters', () => {
    expect(checkFlagReason('  Refused two deliveries in March ')).toEqual({ ok: true, reason: 'Refused two deliveries in March' });
    expect(checkFlagReason('x'.repeat(500))).toMatchObject({ ok: true });
  });

  it('refuses an empty or blank reason', () => {
    for (const reason of ['', '   ', '\n\t']) {
      expect(checkFlagReason(reason)).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'reason', reason: 'REQUIRED' })] });
    }
  });

  it('refuses a reason over 500 characters', () => {
    expect(checkFlagReason('x'.repeat(501))).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'reason', reason: 'TOO_LONG' })] });
  });
});

describe('decideFlagChange', () => {
  it('sets a flag that is not set, and clears one that is', () => {
    expect(decideFlagChange([], 'BLOCKED', 'flag')).toBe('CHANGE');
    expect(decideFlagChange(['PREORDER_ABUSE', 'BLOCKED'], 'BLOCKED', 'unflag')).toBe('CHANGE');
  });

  it('changes nothing when the flag is already in the asked state', () => {
    expect(decideFlagChange(['BLOCKED'], 'BLOCKED', 'flag')).toBe('UNCHANGED');
    expect(decideFlagChange(['PREORDER_ABUSE'], 'BLOCKED', 'unflag')).toBe('UNCHANGED');
  });
});
