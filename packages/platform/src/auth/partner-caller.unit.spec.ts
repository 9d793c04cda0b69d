import { describe, expect, it } from 'vitest';
import { scopeAuthChecker } from './auth-checker.js';
import type { Caller } from './caller.js';
import { requireCallerId, requirePartner } from './require-caller.js';

const partner: Caller = { id: 'p-1', roles: ['partner'], scopes: [] };
const customer: Caller = { id: 'c-1', roles: ['customer'], scopes: [] };
const admin: Caller = { id: 'a-1', roles: ['admin'], scopes: ['catalog:write'] };
const anonymous: Caller = { id: null, roles: [], scopes: [] };
const check = (caller: Caller, scopes: string[]) => scopeAuthChecker({ context: { caller } } as never, scopes);

describe("a partner application's caller", () => {
  it('passes no @Authorized field, with or without a scope: FORBIDDEN (not "sign in")', () => {
    expect(() => check(partner, [])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => check({ ...partner, scopes: ['catalog:write'] }, ['catalog:write'])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(check(customer, [])).toBe(true);
    expect(check(admin, ['catalog:write'])).toBe(true);
    expect(() => check(anonymous, [])).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('is never a person (requireCallerId), and only it is a partner (requirePartner)', () => {
    expect(() => requireCallerId(partner)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(requireCallerId(customer)).toBe('c-1');
    expect(requirePartner(partner)).toBe('p-1');
    for (const person of [customer, admin]) expect(() => requirePartner(person)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requirePartner(anonymous)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
