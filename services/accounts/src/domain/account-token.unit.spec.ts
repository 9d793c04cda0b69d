import { describe, expect, it } from 'vitest';
import { judgeAccountToken } from './account-token.js';

const now = new Date('2027-01-01T12:00:00Z');
const token = (fields: Partial<{ purpose: string; usedAt: Date | null; expiresAt: Date }> = {}) => ({
  purpose: 'PASSWORD_RESET',
  usedAt: null,
  expiresAt: new Date('2027-01-01T12:30:00Z'),
  ...fields,
});

describe('an emailed token', () => {
  it('works once, for its purpose, until it expires', () => {
    expect(judgeAccountToken(token(), 'PASSWORD_RESET', now)).toBe('VALID');
    expect(judgeAccountToken(null, 'PASSWORD_RESET', now)).toBe('UNKNOWN');
    expect(judgeAccountToken(token(), 'EMAIL_CHANGE', now)).toBe('WRONG_PURPOSE');
    expect(judgeAccountToken(token({ usedAt: now }), 'PASSWORD_RESET', now)).toBe('USED');
    expect(judgeAccountToken(token({ expiresAt: now }), 'PASSWORD_RESET', now)).toBe('EXPIRED');
  });
});
