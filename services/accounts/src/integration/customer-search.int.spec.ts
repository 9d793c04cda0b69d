import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { adminCredentials, bootAccounts, goodPassword, signIn, signUp, type AccountsHarness, type SignedIn } from './harness.js';

let accounts: AccountsHarness;
let admin: SignedIn;
let searcher: SignedIn;
let orderStaff: SignedIn;
// A tag no other customer of this database has, so counts are exact.
const tag = randomUUID().slice(0, 6);

const search = graphql(`
  query StaffCustomerSearch($search: CustomerSearchInput!, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      edges {
        node {
          id
          email
          displayName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);
const grant = graphql(`
  mutation SearchGrant($id: ID!, $scopes: [String!]!) {
    grantStaffRole(customerId: $id, scopes: $scopes) {
      id
    }
  }
`);
const deleteAccount = graphql(`
  mutation SearchDeleteAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);

async function staffWith(scopes: string[]): Promise<SignedIn> {
  const person = await signUp(accounts, { email: `staff.${randomUUID().slice(0, 8)}@shop.test` });
  const granted = await accounts.call(grant, { id: person.id, scopes }, { token: admin.accessToken });
  expect(granted.errors).toBeUndefined();
  return signIn(accounts, person.email, goodPassword);
}

beforeAll(async () => {
  accounts = await bootAccounts('accounts_customer_search');
  admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
  searcher = await staffWith(['customers:read']);
  orderStaff = await staffWith(['orders:manage']);
  // Oldest first: the search lists the newest first.
  for (const [local, name] of [
    ['ann.lee', 'Ann Lee'],
    ['ann.moreau', 'Annabelle Moreau'],
    ['bob.leeds', 'Bob Leeds'],
    ['chloe', 'Chloé Lefèvre'],
  ])
    await signUp(accounts, { email: `${local}.${tag}@example.com`, displayName: `${name} ${tag}` });
});
afterAll(async () => {
  await accounts?.stop();
});

const run = (variables: { search: { email?: string; name?: string }; first?: number; after?: string | null }, token = searcher.accessToken) =>
  accounts.call(search, variables, { token });

describe('customers(search) for the back office', () => {
  it('finds customers by the start of their email, any letter case, newest first, with their email shown to staff', async () => {
    const res = await run({ search: { email: 'ANN.' }, first: 50 });
    expect(res.errors).toBeUndefined();
    const mine = res.data!.customers.edges.map((e) => e.node).filter((n) => n.email.endsWith(`${tag}@example.com`));
    expect(mine.map((n) => n.email)).toEqual([`ann.moreau.${tag}@example.com`, `ann.lee.${tag}@example.com`]);
    const exact = await run({ search: { email: `bob.leeds.${tag}@example.com` } });
    expect(exact.data!.customers).toMatchObject({ totalCount: 1, edges: [{ node: { displayName: `Bob Leeds ${tag}` } }] });
  });

  it('finds them by part of their name, and every given term must match', async () => {
    const byName = await run({ search: { name: `lee ${tag}` } });
    expect(byName.data!.customers.edges.map((e) => e.node.displayName)).toEqual([`Ann Lee ${tag}`]);
    const both = await run({ search: { name: tag, email: 'bob.' } });
    expect(both.data!.customers.edges.map((e) => e.node.displayName)).toEqual([`Bob Leeds ${tag}`]);
    const wildcard = await run({ search: { name: `%${tag}` } });
    expect(wildcard.data!.customers.totalCount).toBe(0);
  });

  it('pages with opaque cursors and counts the whole match', async () => {
    const first = await run({ search: { name: tag }, first: 3 });
    expect(first.data!.customers.totalCount).toBe(4);
    expect(first.data!.customers.pageInfo.hasNextPage).toBe(true);
    const rest = await run({ search: { name: tag }, first: 3, after: first.data!.customers.pageInfo.endCursor });
    expect(rest.data!.customers.edges.map((e) => e.node.displayName)).toEqual([`Ann Lee ${tag}`]);
    expect(rest.data!.customers.pageInfo.hasNextPage).toBe(false);
    const bad = await run({ search: { name: tag }, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'after', reason: 'INVALID_CURSOR' }] });
  });

  it('leaves deleted accounts out', async () => {
    const gone = await signUp(accounts, { email: `gone.${tag}@example.com`, displayName: `Gone ${tag}` });
    expect((await run({ search: { email: `gone.${tag}` } })).data!.customers.totalCount).toBe(1);
    expect((await accounts.call(deleteAccount, { password: goodPassword }, { token: gone.accessToken })).errors).toBeUndefined();
    expect((await run({ search: { email: `gone.${tag}` } })).data!.customers.totalCount).toBe(0);
  });

  it('refuses an empty search, a one-letter name and an over-long term, before searching', async () => {
    expect((await run({ search: {} })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'search', reason: 'REQUIRED' }] });
    expect((await run({ search: { name: 'a' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'search.name', reason: 'TOO_SHORT' }],
    });
    expect((await run({ search: { email: `${'a'.repeat(255)}` } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for staff holding customers:read only: not customers, not staff with other scopes, not anonymous callers', async () => {
    const customer = await signUp(accounts);
    expect((await run({ search: { name: tag } }, customer.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run({ search: { name: tag } }, orderStaff.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await accounts.call(search, { search: { name: tag } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
