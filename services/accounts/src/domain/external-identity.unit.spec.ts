import { describe, expect, it } from 'vitest';
import { decideExternalSignIn, displayNameFrom, isAuthorizedParty, verifiedEmailOf } from './external-identity.js';

const facts = (overrides: Partial<Parameters<typeof decideExternalSignIn>[0]> = {}) => ({
  linkedCustomerId: null,
  verifiedEmail: 'ann@example.com',
  accountWithEmail: null,
  country: 'JP',
  ...overrides,
});

describe('verifiedEmailOf', () => {
  it('trusts the email only when the provider says it is verified', () => {
    expect(verifiedEmailOf({ email: ' Ann@Example.com', email_verified: true })).toBe('ann@example.com');
    expect(verifiedEmailOf({ email: 'ann@example.com', email_verified: 'true' })).toBe('ann@example.com');
    expect(verifiedEmailOf({ email: 'ann@example.com', email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ email: 'ann@example.com' })).toBeNull();
    expect(verifiedEmailOf({ email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: 'not an email', email_verified: true })).toBeNull();
  });
});

describe('isAuthorizedParty', () => {
  it('accepts a token for us alone, or one naming us as azp', () => {
    expect(isAuthorizedParty({ aud: 'web' }, 'web')).toBe(true);
    expect(isAuthorizedParty({ aud: ['web'] }, 'web')).toBe(true);
    expect(isAuthorizedParty({ aud: ['web', 'other'], azp: 'web' }, 'web')).toBe(true);
  });

  it('refuses several audiences without azp, or another azp', () => {
    expect(isAuthorizedParty({ aud: ['web', 'other'] }, 'web')).toBe(false);
    expect(isAuthorizedParty({ aud: 'web', azp: 'other' }, 'web')).toBe(false);
  });
});

describe('displayNameFrom', () => {
  it("uses the provider's name when it fits, else a neutral default", () => {
    expect(displayNameFrom({ name: ' Ann Lee ' })).toBe('Ann Lee');
    expect(displayNameFrom({})).toBe('Customer');
    expect(displayNameFrom({ name: 'x'.repeat(51) })).toBe('Customer');
  });
});

describe('decideExternalSignIn', () => {
  it('follows an existing link, whatever the email says now', () => {
    expect(decideExternalSignIn(facts({ linkedCustomerId: 'c1', verifiedEmail: null }))).toEqual({ kind: 'sign-in', customerId: 'c1' });
  });

  it('links to the account with the same verified email, without asking for a country', () => {
    expect(decideExternalSignIn(facts({ accountWithEmail: 'c2', country: undefined }))).toEqual({ kind: 'link', customerId: 'c2' });
  });

  it('creates an account with a normalised country', () => {
    expect(decideExternalSignIn(facts({ country: ' fr ' }))).toEqual({ kind: 'create', email: 'ann@example.com', country: 'FR' });
  });

  it('asks for a country on the first sign-in, and refuses unknown codes', () => {
    expect(decideExternalSignIn(facts({ country: undefined }))).toMatchObject({ kind: 'needs-country', problems: [{ field: 'country', reason: 'REQUIRED' }] });
    expect(decideExternalSignIn(facts({ country: 'XX' }))).toMatchObject({
      kind: 'needs-country',
      problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY' }],
    });
  });

  it('never creates or links an account from an unverified email', () => {
    expect(decideExternalSignIn(facts({ verifiedEmail: null, accountWithEmail: 'c2' }))).toEqual({ kind: 'email-not-verified' });
  });
});
