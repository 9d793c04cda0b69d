import { describe, expect, it } from 'vitest';
import { grantableStaffScopes, maySeePrivateFields, scopesFor, staffScopes } from './roles.js';
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
  it('key rotation (@Authorized keys:rotate) is for admins: their tokens carry the scope, staff can never be granted it', () => {
    expect(scopesFor(['customer', 'admin'], [])).toContain('keys:rotate');
    expect(scopesFor(['customer'], [])).not.toContain('keys:rotate');
    expect(scopesFor(['customer', 'staff'], [...grantableStaffScopes])).not.toContain('keys:rotate');
    expect(decideStaffGrant(['customer', 'staff'], ['keys:rotate']).ok).toBe(false);
  });

  it('private fields are for the customer, admins and staff handling customers', () => {
    expect(maySeePrivateFields(caller('me'), 'me')).toBe(true);
    expect(maySeePrivateFields(caller('a', ['customer', 'admin'], scopesFor(['customer', 'admin'], [])), 'me')).toBe(true);
    expect(maySeePrivateFields(caller('other'), 'me')).toBe(false);
    expect(maySeePrivateFields(caller('s', ['staff'], ['orders:manage']), 'me')).toBe(true);
    expect(maySeePrivateFields(caller('s', ['staff'], ['catalog:write']), 'me')).toBe(false);
    expect(maySeePrivateFields(caller(null), 'me')).toBe(false);
  });
});
