import { describe, expect, it } from 'vitest';
import { decideFlagChange } from './customer-flags.js';

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
