import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountsSettings } from '../config/accounts-env.js';
import { bootstrapAdmin } from '../use-cases/bootstrap-admin.js';
import { graphql } from '../__generated__/index.js';
import { adminCredentials, bootAccounts, goodPassword, refreshMutation, signIn, signUp, uniqueEmail, type AccountsHarness, type SignedIn } from './harness.js';

let accounts: AccountsHarness;
let admin: SignedIn;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const grant = graphql(`
  mutation AdminGrant($id: ID!, $scopes: [String!]!) {
    grantStaffRole(customerId: $id, scopes: $scopes) {
      id
      roles
    }
  }
`);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_admin');
  admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
});
afterAll(async () => {
  await accounts?.stop();
});

describe('bootstrap admin', () => {
  it('is created at start with every staff scope plus admin powers', async () => {
    expect(await accounts.verify(admin.accessToken)).toMatchObject({
      ok: true,
      caller: { roles: ['customer', 'admin'], scopes: expect.arrayContaining(['catalog:write', 'orders:manage', 'staff:grant', 'keys:rotate']) },
    });
    expect(await sql("select actor, details from accounts.audit_entry where action = 'admin.bootstrapped' and subject = ?", [admin.id])).toEqual([
      { actor: null, details: {} },
    ]);
  });

  it('is idempotent across restarts', async () => {
    const again = await bootAccounts('accounts_admin', { DATABASE_URL: accounts.databaseUrl });
    await again.stop();
    expect(await sql('select count(*)::int as n from accounts.customer where email = ?', [adminCredentials.email])).toEqual([{ n: 1 }]);
  });

  it('never promotes an existing non-admin account, and still applies the password policy', async () => {
    const taken = await signUp(accounts);
    const settings = (extra: Record<string, string>) => loadAccountsSettings({ BOOTSTRAP_ADMIN_PASSWORD: 'Adm1n-Passw0rd!', ...extra });
    const em = accounts.service.orm.em.fork();
    await expect(bootstrapAdmin(em, settings({ BOOTSTRAP_ADMIN_EMAIL: taken.email }))).rejects.toThrow(
      /BOOTSTRAP_ADMIN_EMAIL: an account with this email exists/,
    );
    await expect(bootstrapAdmin(em, settings({ BOOTSTRAP_ADMIN_EMAIL: uniqueEmail('admin'), BOOTSTRAP_ADMIN_PASSWORD: 'weakpassword' }))).rejects.toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD: MISSING_UPPERCASE/,
    );
  });
});

describe('grantStaffRole', () => {
  it('makes a customer staff, audits it, and the next tokens carry the new role and scopes', async () => {
    const bob = await signUp(accounts);
    const res = await accounts.call(grant, { id: bob.id, scopes: ['orders:manage'] }, { token: admin.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data!.grantStaffRole).toEqual({ id: bob.id, roles: ['customer', 'staff'] });

    const [audit] = await sql("select actor, details from accounts.audit_entry where action = 'staff.granted' and subject = ?", [bob.id]);
    expect(audit).toEqual({
      actor: admin.id,
      details: { before: { roles: ['customer'], scopes: [] }, after: { roles: ['customer', 'staff'], scopes: ['orders:manage'] } },
    });

    expect(await accounts.verify(bob.accessToken)).toMatchObject({ ok: true, caller: { roles: ['customer'], scopes: [] } });
    const refreshed = await accounts.call(refreshMutation, { token: bob.refreshToken });
    expect(await accounts.verify(refreshed.data!.refreshSession.accessToken)).toMatchObject({
      ok: true,
      caller: { roles: ['customer', 'staff'], scopes: ['orders:manage'] },
    });
    const fresh = await signIn(accounts, bob.email, goodPassword);
    expect(await accounts.verify(fresh.accessToken)).toMatchObject({ ok: true, caller: { scopes: ['orders:manage'] } });
  });

  it('is for admins only, and never hands out admin powers', async () => {
    const bob = await signUp(accounts);
    expect((await accounts.call(grant, { id: bob.id, scopes: [] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(grant, { id: bob.id, scopes: ['orders:manage'] }, { token: bob.accessToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const escalate = await accounts.call(grant, { id: bob.id, scopes: ['staff:grant'] }, { token: admin.accessToken });
    expect(escalate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'scopes', reason: 'NOT_GRANTABLE' }] });
    const missing = await accounts.call(grant, { id: '00000000-0000-4000-8000-000000000000', scopes: [] }, { token: admin.accessToken });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
