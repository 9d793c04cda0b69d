import { describe, expect, it } from 'vitest';
import { decideIdentityLink, decideIdentityUnlink, decidePasswordSetup, identityLabelFrom } from './sign-in-methods.js';

const me = 'customer-1';

describe('decideIdentityLink', () => {
  const facts = { customerId: me, provider: 'google', boundTo: null, accountHasProvider: false };

  it('given a free identity and no sign-in at that provider, links it', () => {
    expect(decideIdentityLink(facts)).toEqual({ kind: 'link' });
  });

  it('given an identity already on this account, changes nothing', () => {
    expect(decideIdentityLink({ ...facts, boundTo: me, accountHasProvider: true })).toEqual({ kind: 'already-linked' });
  });

  it('given an identity bound to another account, refuses rather than moving it', () => {
    expect(decideIdentityLink({ ...facts, boundTo: 'customer-2' })).toMatchObject({ kind: 'refused', rule: 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT' });
    expect(decideIdentityLink({ ...facts, boundTo: 'customer-2', accountHasProvider: true })).toMatchObject({
      rule: 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT',
    });
  });

  it('given a second identity at a provider the account already has, refuses', () => {
    const decision = decideIdentityLink({ ...facts, accountHasProvider: true });
    expect(decision).toMatchObject({ kind: 'refused', rule: 'PROVIDER_ALREADY_LINKED' });
    expect(decision.kind === 'refused' && decision.message).toContain('google');
  });
});

describe('decideIdentityUnlink', () => {
  it('given a password, any identity may go', () => {
    expect(decideIdentityUnlink({ hasPassword: true, identityIds: ['a'], target: 'a' })).toEqual({ ok: true });
  });

  it('given no password but another identity, the identity may go', () => {
    expect(decideIdentityUnlink({ hasPassword: false, identityIds: ['a', 'b'], target: 'b' })).toEqual({ ok: true });
  });

  it('given no password and only this identity, refuses: the account would have no way in', () => {
    expect(decideIdentityUnlink({ hasPassword: false, identityIds: ['a'], target: 'a' })).toMatchObject({
      ok: false,
      kind: 'last-method',
      rule: 'LAST_SIGN_IN_METHOD',
    });
  });

  it("given an identity that is not the account's, says it is unknown (whatever else holds)", () => {
    expect(decideIdentityUnlink({ hasPassword: false, identityIds: ['a'], target: 'z' })).toMatchObject({
      ok: false,
      kind: 'unknown',
      problems: [{ field: 'id', reason: 'UNKNOWN_IDENTITY' }],
    });
    expect(decideIdentityUnlink({ hasPassword: true, identityIds: [], target: 'z' })).toMatchObject({ kind: 'unknown' });
  });
});

describe('decidePasswordSetup', () => {
  it('lets an account without a password set one, and refuses one that has a password', () => {
    expect(decidePasswordSetup(false)).toEqual({ ok: true });
    expect(decidePasswordSetup(true)).toMatchObject({ ok: false, rule: 'PASSWORD_ALREADY_SET' });
  });
});

describe('identityLabelFrom', () => {
  it('prefers the email, then the name, trimmed; nothing usable is null', () => {
    expect(identityLabelFrom({ email: ' ann@example.com ', name: 'Ann' })).toBe('ann@example.com');
    expect(identityLabelFrom({ email: '  ', name: ' Ann Ida ' })).toBe('Ann Ida');
    expect(identityLabelFrom({ email: 42, name: null })).toBeNull();
    expect(identityLabelFrom({})).toBeNull();
  });

  it('keeps at most 254 characters', () => {
    expect(identityLabelFrom({ name: 'x'.repeat(400) })).toHaveLength(254);
  });
});
