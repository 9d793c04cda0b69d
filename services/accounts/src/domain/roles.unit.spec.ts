import { describe, expect, it } from 'vitest';
import { staffScopes } from '@vitrine/platform';
import { mayRotateSigningKey, maySeePrivateFields, scopesFor } from './roles.js';
import { decideStaffGrant } from './staff-grant.js';

const caller = (id: string | null, roles: string[] = [], scopes: string[] = []) => ({ id, roles, scopes });

describe('scopesFor', () => {
  it('customers carry no scope; admins carry every staff scope plus admin powers', () => {
    expect(scopesFor(['customer'], [])).toEqual([]);
    expect(scopesFor(['customer', 'admin'], [])).toEqual([...staffScopes, 'keys:rotate', 'staff:grant'].sort());
  });

  it('staff carry only what was granted to them', () => {
    expect(scopesFor(['customer', 'staff'], ['orders:manage'])).toEqual(['orders:manage']);
  });
});

describe('decideStaffGrant', () => {
  it('adds the staff role and replaces the granted scopes', () => {
    expect(decideStaffGrant(['customer'], ['orders:manage', 'catalog:write', 'orders:manage'])).toEqual({
      ok: true,
      roles: ['customer', 'staff'],
      scopes: ['catalog:write', 'orders:manage'],
    });
  });

  it('never grants admin powers or unknown scopes', () => {
    const result = decideStaffGrant(['customer'], ['staff:grant', 'keys:rotate', 'catalog:write', 'root']);
    expect(result.ok ? [] : result.problems.map((p) => p.message.split('"')[1])).toEqual(['staff:grant', 'keys:rotate', 'root']);
  });
});

describe('permissions', () => {
  it('key rotation needs the keys:rotate scope or the admin role', () => {
    expect(mayRotateSigningKey(caller('a', ['admin']))).toBe(true);
    expect(mayRotateSigningKey(caller('a', ['staff'], ['keys:rotate']))).toBe(true);
    expect(mayRotateSigningKey(caller('a', ['staff'], [...staffScopes]))).toBe(false);
    expect(mayRotateSigningKey(caller(null, ['admin'], ['keys:rotate']))).toBe(false);
  });

  it('private fields are for the customer and staff handling customers', () => {
    expect(maySeePrivateFields(caller('me'), 'me')).toBe(true);
    expect(maySeePrivateFields(caller('other'), 'me')).toBe(false);
    expect(maySeePrivateFields(caller('s', ['staff'], ['orders:manage']), 'me')).toBe(true);
    expect(maySeePrivateFields(caller('s', ['staff'], ['catalog:write']), 'me')).toBe(false);
    expect(maySeePrivateFields(caller(null), 'me')).toBe(false);
  });
});
