import { describe, expect, it } from 'vitest';
import { countryCodes, normaliseEmail } from '@vitrine/contracts';
import { checkRegistration } from './registration.js';

const valid = { email: '  Ann.Lee@Example.COM ', password: 'Shelf-Figure-7!', country: 'jp', displayName: ' Ann ' };

describe('checkRegistration', () => {
  it('normalises email, country and display name', () => {
    expect(checkRegistration(valid)).toEqual({
      ok: true,
      value: { email: 'ann.lee@example.com', password: 'Shelf-Figure-7!', country: 'JP', displayName: 'Ann' },
    });
  });

  it('reports every field problem at once', () => {
    const result = checkRegistration({ email: 'not-an-email', password: 'short', country: 'XX', displayName: '   ' });
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'email:INVALID_EMAIL',
      'password:TOO_SHORT',
      'password:MISSING_UPPERCASE',
      'password:MISSING_DIGIT',
      'password:MISSING_SYMBOL',
      'country:UNKNOWN_COUNTRY',
      'displayName:INVALID_LENGTH',
    ]);
  });

  it('refuses a common password that follows the policy (deny-list)', () => {
    expect(checkRegistration({ ...valid, password: 'Password1!' })).toMatchObject({ ok: false, problems: [{ field: 'password', reason: 'COMMON_PASSWORD' }] });
  });

  it.each(['UK', 'EU', 'XK', 'USA', '', 'J'])('refuses country %j', (country) => {
    const result = checkRegistration({ ...valid, country });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY' }] });
  });

  it('refuses control characters in display names', () => {
    expect(checkRegistration({ ...valid, displayName: 'Ann\u202E' })).toMatchObject({
      ok: false,
      problems: [{ field: 'displayName', reason: 'INVALID_CHARACTER' }],
    });
  });
});

describe('countries', () => {
  it('has the 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
    expect(countryCodes.size).toBe(249);
    for (const code of ['JP', 'US', 'GB', 'FR', 'DE', 'CN', 'KR', 'TW', 'HK', 'AX', 'SS']) expect(countryCodes.has(code)).toBe(true);
  });
});

describe('normaliseEmail', () => {
  it('trims and lowercases', () => {
    expect(normaliseEmail(' Ann@EXAMPLE.com\n')).toBe('ann@example.com');
  });
});
