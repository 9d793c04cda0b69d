import { describe, expect, it } from 'vitest';
import { checkEmailChange, judgeAccountToken, mayEmailAnotherLink, maxAccountMailsPerHour, unusableLinkProblem } from './account-token.js';

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

  it('reads unknown, used and wrong-purpose tokens alike; an expired one says so', () => {
    expect(unusableLinkProblem('UNKNOWN')).toEqual(unusableLinkProblem('USED'));
    expect(unusableLinkProblem('WRONG_PURPOSE').reason).toBe('LINK_INVALID');
    expect(unusableLinkProblem('EXPIRED').reason).toBe('LINK_EXPIRED');
  });

  it(`is emailed at most ${maxAccountMailsPerHour} times an hour per account and purpose`, () => {
    expect(mayEmailAnotherLink(maxAccountMailsPerHour - 1)).toBe(true);
    expect(mayEmailAnotherLink(maxAccountMailsPerHour)).toBe(false);
  });
});

describe('checkEmailChange', () => {
  it('normalises the new address and refuses an implausible or unchanged one', () => {
    expect(checkEmailChange('ann@example.com', ' Ann.New@Example.COM ')).toEqual({ ok: true, email: 'ann.new@example.com' });
    expect(checkEmailChange('ann@example.com', 'not-an-email')).toMatchObject({ ok: false, problems: [{ field: 'newEmail', reason: 'INVALID_EMAIL' }] });
    expect(checkEmailChange('ann@example.com', 'ANN@example.com')).toMatchObject({ ok: false, problems: [{ field: 'newEmail', reason: 'SAME_EMAIL' }] });
  });
});
