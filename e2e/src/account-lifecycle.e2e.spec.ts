import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import { customerPassword, type Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, placeOrder as place, startTestStack, type TestStack } from './support/stack.js';

// Accounts learns about orders through real Kafka. Catalog runs without its
// relay: the test releases catalog's stock answers itself, so an order stays
// PENDING exactly as long as the test needs.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'account_lifecycle', env: { catalog: { OUTBOX_RELAY: 'off' } } });
});
afterAll(async () => {
  await stack?.stop();
});

const deleteMutation = graphql(`
  mutation LifecycleDeleteAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);
const regionMutation = graphql(`
  mutation LifecycleChangeRegion($country: String!) {
    changeRegion(country: $country) {
      id
      country
    }
  }
`);
const loginMutation = graphql(`
  mutation LifecycleLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      refreshToken
    }
  }
`);

/** Accounts' mutations, requested through the gateway as `who` (anonymous without one). */
const accounts = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, who?: Identity) =>
  graph(stack, document, variables, who);
const sql = <T = any>(query: string, params: unknown[] = []) => stack.accounts.orm.em.fork().getConnection().execute<T[]>(query, params);
const releaseCatalogEvents = async () => {
  while ((await stack.catalog.relay.publishBatch()) > 0);
};

/** createProduct waits until orders knows the product, which takes catalog's events: release them meanwhile. */
async function productWithStock(stock: number): Promise<string> {
  let created = false;
  const releasing = (async () => {
    while (!created) {
      await releaseCatalogEvents();
      await sleep(50);
    }
  })();
  try {
    return (await createProduct(stack, stock)).id;
  } finally {
    created = true;
    await releasing;
  }
}

async function placeOrder(who: Identity, productId: string, quantity: number): Promise<string> {
  const res = await place(stack, who, [{ productId, quantity }]);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.placeOrder.id;
}

/** Waits until accounts has heard (from orders' events) that this customer's order has this status, releasing catalog's answers if asked. */
const accountsSees = (who: Identity, orderId: string, status: string, release = false) =>
  eventually(async () => {
    if (release) await releaseCatalogEvents();
    const [row] = await sql('select status from accounts.known_order where order_id = ? and customer_id = ?', [orderId, who.id]);
    return row?.status === status;
  });

const expectRefused = (res: { errors?: any[]; data?: any }, rule: string, count: number) => {
  // Exactly the subgraph's coded refusal: the gateway adds nothing (no serviceName, no response, no stack).
  expect(res.errors?.[0]?.extensions, JSON.stringify(res.errors)).toEqual({ code: 'POLICY_VIOLATION', rule, count });
};

describe('open orders hold the account and its region', () => {
  it('a PENDING order blocks deletion and region change; once it is REJECTED both work', async () => {
    const ann = await stack.newCustomer('FR');
    const orderId = await placeOrder(ann, await productWithStock(1), 5);
    await accountsSees(ann, orderId, 'PENDING');

    const refusedDelete = await accounts(deleteMutation, { password: customerPassword }, ann);
    expectRefused(refusedDelete, 'UNSHIPPED_ORDERS', 1);
    expect(refusedDelete.errors?.[0]?.message).toBe(
      'You have 1 order that has not shipped yet. You can delete your account once it has shipped or been cancelled.',
    );
    expectRefused(await accounts(regionMutation, { country: 'DE' }, ann), 'REGION_LOCKED_BY_OPEN_ORDERS', 1);
    expect(await sql('select country, deleted_at from accounts.customer where id = ?', [ann.id])).toEqual([{ country: 'FR', deleted_at: null }]);

    await accountsSees(ann, orderId, 'REJECTED', true);
    const moved = await accounts(regionMutation, { country: ' de' }, ann);
    expect(moved.data!.changeRegion).toEqual({ id: ann.id, country: 'DE' });
    const [regionEvent] = await sql("select envelope from accounts.outbox_message where key = ? and type = 'accounts.customer.region-changed'", [ann.id]);
    expect(regionEvent.envelope.data).toEqual({ customerId: ann.id, from: 'FR', to: 'DE' });
    expect((await accounts(regionMutation, { country: 'ZZ' }, ann)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY' }],
    });

    expect((await accounts(deleteMutation, { password: customerPassword }, ann)).data).toEqual({ deleteMyAccount: true });
  });

  it('an order awaiting its payment is open too (nothing has shipped)', async () => {
    const bob = await stack.newCustomer('JP');
    const orderId = await placeOrder(bob, await productWithStock(10), 1);
    await accountsSees(bob, orderId, 'AWAITING_PAYMENT', true);
    expectRefused(await accounts(deleteMutation, { password: customerPassword }, bob), 'UNSHIPPED_ORDERS', 1);
    expectRefused(await accounts(regionMutation, { country: 'US' }, bob), 'REGION_LOCKED_BY_OPEN_ORDERS', 1);
  });
});

describe('deleteMyAccount', () => {
  it('erases personal data, ends every session, and nobody can sign in again', async () => {
    const cat = await stack.newCustomer('FR');
    const session = (await accounts(loginMutation, { email: cat.email, password: customerPassword })).data!.login;

    const wrong = await accounts(deleteMutation, { password: 'Not-The-Passw0rd' }, cat);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'password', reason: 'INCORRECT_PASSWORD' }] });
    expect((await accounts(deleteMutation, { password: customerPassword }, cat)).data).toEqual({ deleteMyAccount: true });

    const [row] = await sql('select email, display_name, password_hash, roles, deleted_at from accounts.customer where id = ?', [cat.id]);
    expect(row).toMatchObject({
      email: `deleted-${cat.id}@invalid`,
      display_name: 'Deleted customer',
      password_hash: null,
      roles: [],
      deleted_at: expect.anything(),
    });
    expect(await sql('select count(*)::int as n from accounts.refresh_token where customer_id = ? and revoked_at is null', [cat.id])).toEqual([{ n: 0 }]);
    expect(await sql('select count(*)::int as n from accounts.login_attempt where email = ?', [cat.email])).toEqual([{ n: 0 }]);

    const login = await accounts(loginMutation, { email: cat.email, password: customerPassword });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await accounts(
      graphql(`
        mutation LifecycleRefresh($t: String!) {
          refreshSession(refreshToken: $t) {
            accessToken
          }
        }
      `),
      { t: session.refreshToken },
    );
    expect(refresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The access token is still within its 15 minutes, but the account is gone.
    const me = await accounts(
      graphql(`
        query LifecycleMe {
          me {
            id
            email
          }
        }
      `),
      {},
      cat,
    );
    expect(me.errors?.[0]).toMatchObject({ message: 'This account has been deleted.', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await accounts(deleteMutation, { password: customerPassword }, cat)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Orders hears of it through Kafka and refuses that token too.
    const productId = await productWithStock(5);
    await eventually(
      async () =>
        (await stack.orders.orm.em.fork().getConnection().execute('select 1 from orders.deleted_customer where customer_id = ?', [cat.id])).length === 1,
    );
    const order = await place(stack, cat, [{ productId, quantity: 1 }]);
    expect(order.errors?.[0]).toMatchObject({ message: 'This account has been deleted.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [cat.id])).toBe(0);

    const [audit] = await sql("select actor from accounts.audit_entry where subject = ? and action = 'customer.deleted'", [cat.id]);
    expect(audit).toEqual({ actor: cat.id });
    // The address is free again: the person may come back with a new account.
    const again = await accounts(
      graphql(`
        mutation LifecycleRegisterAgain($input: RegisterInput!) {
          register(input: $input) {
            id
          }
        }
      `),
      { input: { email: cat.email, password: customerPassword, country: 'FR', displayName: 'Back again' } },
    );
    expect(again.data!.register.id).not.toBe(cat.id);
  });

  it('events about the account carry ids and facts, never the email or name, except the two notifications consumes to write to it', async () => {
    const dan = await stack.newCustomer('FR');
    await accounts(regionMutation, { country: 'BE' }, dan);
    await accounts(deleteMutation, { password: customerPassword }, dan);
    const all = await sql<{ type: string; envelope: any }>('select type, envelope from accounts.outbox_message where key = ? order by seq', [dan.id]);
    const contact = all.filter((e) => e.type === 'accounts.customer.contact-changed');
    expect(contact.map((e) => e.envelope.data)).toEqual([{ customerId: dan.id, email: dan.email, displayName: 'Test Customer' }]);
    // The verification link must reach the address being verified, which no projection knows yet.
    const verification = all.filter((e) => e.type === 'accounts.email-verification.requested');
    expect(verification.map((e) => e.envelope.data)).toEqual([expect.objectContaining({ customerId: dan.id, email: dan.email })]);
    const events = all.filter((e) => !['accounts.customer.contact-changed', 'accounts.email-verification.requested'].includes(e.type));
    expect(events.map((e) => [e.type, e.envelope.data])).toEqual([
      ['accounts.customer.registered', { customerId: dan.id, country: 'FR' }],
      ['accounts.customer.region-changed', { customerId: dan.id, from: 'FR', to: 'BE' }],
      ['accounts.customer.deleted', { customerId: dan.id }],
    ]);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(dan.email);
    expect(serialized).not.toContain('Test Customer');
  });

  it('needs a signed-in caller', async () => {
    expect((await accounts(deleteMutation, { password: customerPassword })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts(regionMutation, { country: 'DE' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
