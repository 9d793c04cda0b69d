import { describe, expect, it } from 'vitest';
import { scopeAuthChecker } from './auth-checker.js';
import type { Caller } from './caller.js';
import { requireCallerId, requirePartner } from './require-caller.js';

const partner: Caller = { id: 'p-1', roles: ['partner'], scopes: [] };
const customer: Caller = { id: 'c-1', roles: ['customer'], scopes: [] };
const admin: Caller = { id: 'a-1', roles: ['admin'], scopes: ['catalog:write'] };
const anonymous: Caller = { id: null, roles: [], scopes: [] };
// The checker is a plain function (type-graphql's AuthChecker type also admits a class).
const checker = scopeAuthChecker as (data: { context: { caller: Caller } }, scopes: string[]) => boolean;
const check = (caller: Caller, scopes: string[]) => checker({ context: { caller } }, scopes);

describe("a partner application's caller", () => {
  it('passes no person\'s field (FORBIDDEN, not "sign in"), and a scoped one only with that scope', () => {
    expect(() => check(partner, [])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    // A scoped field takes a partner holding that scope (its credential's grant), and only that.
    expect(check({ ...partner, scopes: ['logistics:fulfil'] }, ['logistics:fulfil'])).toBe(true);
    expect(check({ ...partner, scopes: ['logistics:fulfil'] }, ['catalog:write'])).toBe(false);
    expect(check(partner, ['logistics:fulfil'])).toBe(false);
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
