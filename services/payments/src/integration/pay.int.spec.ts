import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { purgePaymentsRows } from '../use-cases/housekeeping.js';
import { graphql } from '../__generated__/index.js';
import type { PayInput } from '../__generated__/graphql.js';
import { bootPayments, payMutation, reconciliationQuery, sandboxBooks, type PaymentsHarness, type TestIdentity } from './harness.js';

let h: PaymentsHarness;

beforeAll(async () => {
  // A wider wait for dues than the 3 s default: on a loaded machine the spec must still see pay waiting before it gives up.
  h = await bootPayments('payments_pay', { PAYMENTS_DUE_WAIT_MS: '8000' });
});
afterAll(async () => {
  await h?.stop();
});

const pay = (orderIds: string[], token: string, who: TestIdentity, key: string = randomUUID(), extra: Partial<PayInput> = {}) =>
  h.call(payMutation, { input: { orderIds, paymentMethod: { token }, ...extra }, key }, who);

const confirmMutation = graphql(`
  mutation PayConfirm($id: ID!, $key: String!) {
    confirmPayment(intentId: $id, idempotencyKey: $key) {
      id
      status
    }
  }
`);

const intentsQuery = graphql(`
  query PayIntents($filter: PaymentIntentFilter, $after: String) {
    paymentIntents(filter: $filter, first: 2, after: $after) {
      edges {
        node {
          amount {
            amount
          }
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

describe('pay', () => {
  it('charges what the due says, settles it, books it and announces PaymentSucceeded', async () => {
    const customer = await h.tokens.customer();
    const { orderId, dueId } = await h.due({ customerId: customer.id, goods: 2500, shipping: 0, purpose: 'DEPOSIT' });
    const res = await pay([orderId], 'sandbox_visa', customer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.pay).toMatchObject({
      status: 'SUCCEEDED',
      purpose: 'DEPOSIT',
      amount: { amount: 2500, currency: 'USD' },
      allocations: [{ orderId, dueId, amount: { amount: 2500, currency: 'USD' } }],
      failure: null,
      nextAction: null,
      paymentMethod: 'visa 4242',
    });
    const succeeded = await h.published('payments.payment.succeeded');
    expect(succeeded.filter((e) => e.paymentId === res.data!.pay.id)).toEqual([
      expect.objectContaining({
        customerId: customer.id,
        purpose: 'DEPOSIT',
        amount: { amount: 2500, currency: 'USD' },
        allocations: [{ orderId, dueId, amount: { amount: 2500, currency: 'USD' } }],
        provider: 'sandbox',
      }),
    ]);
    const [due] = await h.sql(`select state, settled_by_intent_id from payments.payment_due where id = ?`, [dueId]);
    expect(due).toEqual({ state: 'SETTLED', settled_by_intent_id: res.data!.pay.id });
  });

  it('refuses a second payment of a paid due, saying so', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 1000 });
    expect((await pay([orderId], 'sandbox_visa', customer)).data!.pay.status).toBe('SUCCEEDED');
    const again = await pay([orderId], 'sandbox_visa', customer);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.rule).toBe('ALREADY_PAID');
    expect(again.errors?.[0]?.message).toBe(`The deposit is already paid on order ${orderId}.`);
  });

  it('reports a declined card with a customer-readable reason and publishes PaymentFailed with the provider code', async () => {
    const customer = await h.tokens.customer();
    const { orderId, dueId } = await h.due({ customerId: customer.id, goods: 1200, purpose: 'FULL_PAYMENT' });
    const res = await pay([orderId], 'sandbox_insufficient_funds', customer);
    expect(res.data!.pay).toMatchObject({
      status: 'FAILED',
      failure: { kind: 'INSUFFICIENT_FUNDS', message: 'Your card has insufficient funds. Please use another card.' },
    });
    const failed = (await h.published('payments.payment.failed')).filter((e) => e.paymentId === res.data!.pay.id);
    expect(failed).toEqual([
      expect.objectContaining({
        dues: [{ orderId, dueId }],
        reason: 'Your card has insufficient funds. Please use another card.',
        providerCode: 'insufficient_funds',
      }),
    ]);
    // A new attempt with another card goes through.
    expect((await pay([orderId], 'sandbox_visa', customer)).data!.pay.status).toBe('SUCCEEDED');
  });

  it('asks for a confirmation, then takes the money on confirmPayment', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 900 });
    const res = await pay([orderId], 'sandbox_requires_action', customer);
    expect(res.data!.pay).toMatchObject({ status: 'REQUIRES_ACTION', nextAction: { type: 'CONFIRM' } });
    const stranger = await h.tokens.customer();
    const other = await h.call(confirmMutation, { id: res.data!.pay.id, key: randomUUID() }, stranger);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const confirmed = await h.call(confirmMutation, { id: res.data!.pay.id, key: randomUUID() }, customer);
    expect(confirmed.data!.confirmPayment).toEqual({ id: res.data!.pay.id, status: 'SUCCEEDED' });
  });

  it('pays several balances in one bulk charge, one ledger share per order', async () => {
    const customer = await h.tokens.customer();
    const a = await h.due({ customerId: customer.id, goods: 3000, shipping: 500, purpose: 'BALANCE' });
    const b = await h.due({ customerId: customer.id, goods: 7000, shipping: 800, purpose: 'BALANCE' });
    const before = await sandboxBooks(h);
    const res = await pay([a.orderId, b.orderId], 'sandbox_visa', customer);
    expect(res.data!.pay).toMatchObject({ status: 'SUCCEEDED', purpose: 'BALANCE', amount: { amount: 11300, currency: 'USD' } });
    const after = await sandboxBooks(h);
    expect(after.charges - before.charges).toBe(1);
    expect(after.captured - before.captured).toBe(11300);
    const shares = await h.sql(`select order_id, amount from payments.charge where intent_id = ? order by amount`, [res.data!.pay.id]);
    expect(shares).toEqual([
      { order_id: a.orderId, amount: '3500' },
      { order_id: b.orderId, amount: '7800' },
    ]);
  });

  it("answers NOT_FOUND for someone else's order and for an order with no due, after the bounded wait", async () => {
    const owner = await h.tokens.customer();
    const stranger = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: owner.id, goods: 1000 });
    const theirs = await pay([orderId], 'sandbox_visa', stranger);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = randomUUID();
    const missing = await pay([unknown], 'sandbox_visa', owner);
    expect(missing.errors?.[0]).toMatchObject({ message: `Order ${unknown} was not found.`, extensions: { code: 'NOT_FOUND' } });
  });

  /** PostgreSQL's clock, which pg_stat_activity's times are on. */
  const databaseNow = async () => (await h.sql<{ now: string }>(`select clock_timestamp()::text as now`))[0]!.now;
  /** Some payments connection ran the due lookup (pay's waitForDues) after `since`. */
  const lookedForDuesSince = async (since: string) =>
    (
      await h.sql<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and query like 'select distinct order_id from %payment_due%' and query_start > ?::timestamptz`,
        [since],
      )
    )[0]!.n > 0;

  it('waits for a due that arrives just after the pay call', async () => {
    const customer = await h.tokens.customer();
    const orderId = randomUUID();
    const asked = await databaseNow();
    const paying = pay([orderId], 'sandbox_visa', customer);
    // pay has looked for the due and not found it: it is waiting when the due arrives.
    await eventually(() => lookedForDuesSince(asked), { intervalMs: 20 });
    await h.due({ customerId: customer.id, orderId, goods: 1500, noWait: true });
    expect((await paying).data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 1500 } });
  });

  it('waits for a balance that arrives just after the pay call, though the deposit is settled already', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 1000, purpose: 'DEPOSIT' });
    expect((await pay([orderId], 'sandbox_visa', customer)).data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 1000 } });
    // Orders shows the balance due (it announced it); payments has not heard it yet when the customer pays.
    const asked = await databaseNow();
    const paying = pay([orderId], 'sandbox_visa', customer);
    await eventually(() => lookedForDuesSince(asked), { intervalMs: 20 });
    await h.due({ customerId: customer.id, orderId, goods: 4000, purpose: 'BALANCE', noWait: true });
    expect((await paying).data!.pay).toMatchObject({ status: 'SUCCEEDED', purpose: 'BALANCE', amount: { amount: 4000 } });
  });

  it('lists intents for staff, filtered and paged; customers are refused', async () => {
    const customer = await h.tokens.customer();
    const staff = await h.staff();
    const orders = [];
    for (const goods of [100, 200, 300]) {
      const { orderId } = await h.due({ customerId: customer.id, goods });
      orders.push(orderId);
      expect((await pay([orderId], 'sandbox_visa', customer)).data!.pay.status).toBe('SUCCEEDED');
    }
    const first = (await h.call(intentsQuery, { filter: { customerId: customer.id, status: 'SUCCEEDED' } }, staff)).data!.paymentIntents;
    expect(first.edges.map((e) => e.node.amount.amount)).toEqual([300, 200]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await h.call(intentsQuery, { filter: { customerId: customer.id, status: 'SUCCEEDED' }, after: first.pageInfo.endCursor }, staff)).data!
      .paymentIntents;
    expect(second.edges.map((e) => e.node.amount.amount)).toEqual([100]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const byOrder = (await h.call(intentsQuery, { filter: { orderId: orders[1] } }, staff)).data!.paymentIntents;
    expect(byOrder.edges.map((e) => e.node.amount.amount)).toEqual([200]);
    expect((await h.call(intentsQuery, {}, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await h.call(intentsQuery, { after: 'not-a-cursor' }, staff)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed idempotency key, and a token or key above its declared limit, at once; and replays a stored refusal to the same key', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 500 });
    const badKey = await h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: 'short' }, customer);
    expect(badKey.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'idempotencyKey', reason: 'INVALID_IDEMPOTENCY_KEY' }],
    });
    // The declared limit (200) is checked by the platform before the resolver runs.
    const longToken = await pay([orderId], 'x'.repeat(201), customer);
    expect(longToken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'paymentMethod.token', reason: 'maxLength' }] });
    const longKey = await pay([orderId], 'sandbox_visa', customer, 'k'.repeat(201));
    expect(longKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'idempotencyKey', reason: 'maxLength' }] });
    const key = randomUUID();
    expect((await pay([orderId], 'sandbox_visa', customer, key)).data!.pay.status).toBe('SUCCEEDED');
    const other = await pay([orderId], 'sandbox_mastercard', customer, key);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('forgets idempotency keys after 24 h (housekeeping)', async () => {
    const scope = randomUUID();
    await h.sql(
      `insert into payments.idempotency_key (scope, key, operation, fingerprint, locked_until, created_at) values (?, 'old-key-123', 'pay', 'f', now(), now() - interval '26 hours'), (?, 'new-key-123', 'pay', 'f', now(), now() - interval '23 hours')`,
      [scope, scope],
    );
    const purged = await purgePaymentsRows(h.em());
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await h.sql(`select key from payments.idempotency_key where scope = ?`, [scope])).toEqual([{ key: 'new-key-123' }]);
  });

  it('keeps the ledger balanced and equal to the sandbox', async () => {
    const staff = await h.staff();
    await eventually(async () => (await h.call(reconciliationQuery, {}, staff)).data!.ledgerReconciliation.processingIntents === 0);
    const res = await h.call(reconciliationQuery, {}, staff);
    expect(res.data!.ledgerReconciliation.discrepancies).toEqual([]);
    expect(res.data!.ledgerReconciliation.balanced).toBe(true);
  });
});
