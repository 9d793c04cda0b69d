import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { CustomerFlagKind } from './__generated__/graphql.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, placeOrder, startTestStack, type CreatedProduct, type TestStack } from './support/stack.js';

// Staff flag a customer in accounts; orders learns it through real Kafka and
// refuses a BLOCKED customer's orders until the flag is lifted. Every request goes through the gateway.
let stack: TestStack;
let product: CreatedProduct;

beforeAll(async () => {
  stack = await startTestStack({ label: 'customer_flags' });
  product = await createProduct(stack, 100);
});
afterAll(async () => {
  await stack?.stop();
});

graphql(`
  fragment FlagsFields on Customer {
    id
    flags {
      flag
      reason
      flaggedBy
      flaggedAt
    }
  }
`);
const flagMutation = graphql(`
  mutation FlagsFlag($id: ID!, $flag: CustomerFlagKind!, $reason: String!) {
    flagCustomer(customerId: $id, flag: $flag, reason: $reason) {
      ...FlagsFields
    }
  }
`);
const unflagMutation = graphql(`
  mutation FlagsUnflag($id: ID!, $flag: CustomerFlagKind!, $reason: String!) {
    unflagCustomer(customerId: $id, flag: $flag, reason: $reason) {
      ...FlagsFields
    }
  }
`);

const flag = (who: Identity, id: string, flagName: CustomerFlagKind, reason: string) => graph(stack, flagMutation, { id, flag: flagName, reason }, who);
const unflag = (who: Identity, id: string, flagName: CustomerFlagKind, reason: string) => graph(stack, unflagMutation, { id, flag: flagName, reason }, who);
const place = (who: Identity) => placeOrder(stack, who, [{ productId: product.id, quantity: 1 }]);
const ordersOf = (who: Identity) => count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [who.id]);
const sql = <T = any>(query: string, params: unknown[] = []) => stack.accounts.orm.em.fork().getConnection().execute<T[]>(query, params);

/** Waits until orders' projection has seen the flag in the given state (the events went through Kafka). */
const ordersSees = (who: Identity, flagName: string, active: boolean) =>
  eventually(async () => {
    const rows = await stack.orders.orm.em
      .fork()
      .getConnection()
      .execute<{ active: boolean }[]>('select active from orders.customer_flag where customer_id = ? and flag = ?', [who.id, flagName]);
    return rows[0]?.active === active;
  });

describe('a BLOCKED customer cannot order until the flag is lifted', () => {
  it('staff flag, orders refuses with CUSTOMER_BLOCKED and writes nothing, staff unflag, orders accepts', async () => {
    const ann = await stack.newCustomer();
    const flagged = await flag(stack.admin, ann.id, 'BLOCKED', '  Refused three deliveries in a row. ');
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data!.flagCustomer.flags).toEqual([
      { flag: 'BLOCKED', reason: 'Refused three deliveries in a row.', flaggedBy: stack.admin.id, flaggedAt: expect.any(String) },
    ]);

    await ordersSees(ann, 'BLOCKED', true);
    const refused = await place(ann);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Your account cannot place orders. Please contact support.',
      extensions: { code: 'POLICY_VIOLATION', rule: 'CUSTOMER_BLOCKED' },
    });
    expect(JSON.stringify(refused.errors)).not.toContain('Refused three deliveries');
    expect(await ordersOf(ann)).toBe(0);

    const lifted = await unflag(stack.admin, ann.id, 'BLOCKED', 'Paid the return shipping; service restored.');
    expect(lifted.data!.unflagCustomer.flags).toEqual([]);
    await ordersSees(ann, 'BLOCKED', false);
    const accepted = await place(ann);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.placeOrder.status).toBe('PENDING');
    expect(await ordersOf(ann)).toBe(1);
  });

  it('audits both changes and announces them without personal data', async () => {
    const bob = await stack.newCustomer();
    await flag(stack.admin, bob.id, 'BLOCKED', 'Chargeback on two orders.');
    await unflag(stack.admin, bob.id, 'BLOCKED', 'Chargebacks withdrawn.');

    const audit = await sql("select actor, action, details from accounts.audit_entry where subject = ? and action like 'customer.%flagged' order by at", [
      bob.id,
    ]);
    expect(audit).toEqual([
      { actor: stack.admin.id, action: 'customer.flagged', details: { flag: 'BLOCKED', reason: 'Chargeback on two orders.' } },
      { actor: stack.admin.id, action: 'customer.unflagged', details: { flag: 'BLOCKED', reason: 'Chargebacks withdrawn.' } },
    ]);
    const events = await sql("select type, envelope from accounts.outbox_message where key = ? and type like 'accounts.customer.%flagged' order by seq", [
      bob.id,
    ]);
    expect(events.map((e) => [e.type, e.envelope.data])).toEqual([
      ['accounts.customer.flagged', { customerId: bob.id, flag: 'BLOCKED', reason: 'Chargeback on two orders.', actorId: stack.admin.id }],
      ['accounts.customer.unflagged', { customerId: bob.id, flag: 'BLOCKED', reason: 'Chargebacks withdrawn.', actorId: stack.admin.id }],
    ]);
    expect(JSON.stringify(events)).not.toContain(bob.email);
  });

  it('PREORDER_ABUSE is kept by orders but does not stop ordering', async () => {
    const cat = await stack.newCustomer();
    await flag(stack.admin, cat.id, 'PREORDER_ABUSE', 'Cancelled five preorders after release.');
    await ordersSees(cat, 'PREORDER_ABUSE', true);
    expect((await place(cat)).errors).toBeUndefined();
  });

  it('setting a flag twice changes nothing the second time', async () => {
    const dan = await stack.newCustomer();
    await flag(stack.admin, dan.id, 'REFUSED_DELIVERY', 'Refused parcel 1.');
    const again = await flag(stack.admin, dan.id, 'REFUSED_DELIVERY', 'Refused parcel 1 (retry).');
    expect(again.data!.flagCustomer.flags).toEqual([expect.objectContaining({ flag: 'REFUSED_DELIVERY', reason: 'Refused parcel 1.' })]);
    expect(await sql("select count(*)::int as n from accounts.audit_entry where subject = ? and action = 'customer.flagged'", [dan.id])).toEqual([{ n: 1 }]);
  });
});

describe('only staff with customers:flag', () => {
  it('a customer cannot flag anyone (FORBIDDEN), anonymous callers must sign in, and nothing is written', async () => {
    const eve = await stack.newCustomer();
    const before = await sql('select count(*)::int as n from accounts.customer_flag');
    expect((await flag(eve, eve.id, 'BLOCKED', 'I block myself')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await flag(eve, stack.customer.id, 'BLOCKED', 'Spite')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graph(stack, flagMutation, { id: eve.id, flag: 'BLOCKED', reason: 'x' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await sql('select count(*)::int as n from accounts.customer_flag')).toEqual(before);
  });

  it('flags are hidden from the customer themselves', async () => {
    const fay = await stack.newCustomer();
    await flag(stack.admin, fay.id, 'REFUSED_DELIVERY', 'Refused a parcel.');
    const own = await graph(
      stack,
      graphql(`
        query FlagsOwn {
          me {
            id
            flags {
              flag
            }
          }
        }
      `),
      {},
      fay,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(own)).not.toContain('REFUSED_DELIVERY');
    const staff = await graph(
      stack,
      graphql(`
        query FlagsOfCustomer($id: ID!) {
          customer(id: $id) {
            id
            flags {
              flag
              reason
            }
          }
        }
      `),
      { id: fay.id },
      stack.admin,
    );
    expect(staff.data!.customer).toEqual({ id: fay.id, flags: [{ flag: 'REFUSED_DELIVERY', reason: 'Refused a parcel.' }] });
  });

  it('a reason is required and at most 500 characters', async () => {
    const gil = await stack.newCustomer();
    for (const [reason, problem] of [
      ['  ', 'REQUIRED'],
      ['x'.repeat(501), 'TOO_LONG'],
    ]) {
      const res = await flag(stack.admin, gil.id, 'BLOCKED', reason!);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'reason', reason: problem }] });
    }
    expect(await sql('select count(*)::int as n from accounts.customer_flag where customer_id = ?', [gil.id])).toEqual([{ n: 0 }]);
    const unknown = await flag(stack.admin, randomUUID(), 'BLOCKED', 'Nobody');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
