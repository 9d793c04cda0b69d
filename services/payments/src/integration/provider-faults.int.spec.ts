import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { SandboxFaultsInput } from '../__generated__/graphql.js';
import { runtimeOf } from '../config/payments-runtime.js';
import { requestFingerprint } from '../domain/idempotency.js';
import type { PaymentProvider } from '../providers/payment-provider.js';
import { bootPayments, payMutation, reconciliationQuery, sandboxBooks, type PaymentsHarness, type TestIdentity } from './harness.js';

let h: PaymentsHarness;
let staff: TestIdentity;

// The provider gets one second to answer here.
beforeAll(async () => {
  h = await bootPayments('payments_faults', { PAYMENTS_PROVIDER_TIMEOUT_MS: '1000', PAYMENTS_RECHECK_AFTER_MS: '300' });
  staff = await h.staff();
});
afterAll(async () => {
  await h?.stop();
});

const faultsMutation = graphql(`
  mutation FaultsSet($input: SandboxFaultsInput!) {
    setSandboxFaults(input: $input) {
      latencyMs
      webhookDelayMs
    }
  }
`);

const faults = async (input: SandboxFaultsInput) => {
  const res = await h.call(faultsMutation, { input }, staff);
  expect(res.errors).toBeUndefined();
};

const payAs = (customer: TestIdentity, orderId: string, key = randomUUID()) =>
  h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key }, customer);

describe('a provider that is down or slow', () => {
  it('down: checkout answers SERVICE_UNAVAILABLE (not charged), replays it to the same key, and a new attempt pays once', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2000 });
    const before = await sandboxBooks(h);
    await faults({ failForSeconds: 60 });
    const key = randomUUID();
    const down = await payAs(customer, orderId, key);
    expect(down.errors?.[0]).toMatchObject({
      message: 'The payment service is unavailable for a moment. Please try again shortly; you have not been charged.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    await faults({});
    expect((await payAs(customer, orderId, key)).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const again = await payAs(customer, orderId);
    expect(again.data!.pay.status).toBe('SUCCEEDED');
    const after = await sandboxBooks(h);
    expect(after.charges - before.charges).toBe(1);
    const intents = await h.sql(`select status, failure_kind from payments.payment_intent where customer_id = ? order by created_at`, [customer.id]);
    expect(intents).toEqual([
      { status: 'CANCELLED', failure_kind: 'PROVIDER_UNAVAILABLE' },
      { status: 'SUCCEEDED', failure_kind: null },
    ]);
  });

  it('slow: checkout answers with a PROCESSING payment, the late outcome arrives by webhook, and nobody is charged twice', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2100 });
    const before = await sandboxBooks(h);
    await faults({ latencyMs: 2500 });
    const slow = await payAs(customer, orderId);
    expect(slow.data!.pay).toMatchObject({ status: 'PROCESSING', amount: { amount: 2100 } });
    const second = await payAs(customer, orderId);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'PAYMENT_IN_PROGRESS' });
    await faults({});
    await eventually(async () => (await h.sql(`select status from payments.payment_intent where id = ?`, [slow.data!.pay.id]))[0]!.status === 'SUCCEEDED');
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
  });

  it('a missed webhook is repaired by the re-check run, and the ledger reconciles with the provider', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2200 });
    const before = await sandboxBooks(h);
    await faults({ latencyMs: 1500, dropWebhooksForSeconds: 120 });
    const slow = await payAs(customer, orderId);
    expect(slow.data!.pay.status).toBe('PROCESSING');
    // The provider captured the money, but its webhook never comes: only the re-check can tell payments.
    await faults({ dropWebhooksForSeconds: 120 });
    const intentId = slow.data!.pay.id;
    await eventually(async () => (await h.sql(`select status from payments.payment_intent where id = ?`, [intentId]))[0]!.status === 'SUCCEEDED', {
      timeoutMs: 30_000,
    });
    const [intent] = await h.sql(`select provider_payment_id from payments.payment_intent where id = ?`, [intentId]);
    // The re-check can succeed in the commit that queued the webhook, before the sender's next round has
    // handled (here: dropped) it: wait for that round rather than read the row still pending.
    const webhooks = () =>
      h.sql(`select dropped, delivered_at is not null as handled from payments.sandbox_webhook where payload->'data'->'payment'->>'id' = ?`, [
        intent!.provider_payment_id,
      ]);
    await eventually(async () => (await webhooks()).every((w) => w.handled), { timeoutMs: 30_000 });
    expect(await webhooks()).toEqual([{ dropped: true, handled: true }]);
    expect(
      await h.sql(
        `select 1 from payments.webhook_event where event_id in (select id from payments.sandbox_webhook where payload->'data'->'payment'->>'id' = ?)`,
        [intent!.provider_payment_id],
      ),
    ).toEqual([]);
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    await faults({});
    const recon = await h.call(reconciliationQuery, {}, staff);
    expect(recon.data!.ledgerReconciliation).toMatchObject({ balanced: true, processingIntents: 0, discrepancies: [] });
  });

  it('delayed webhooks: each event waits the delay set before its first delivery, then arrives as usual', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2300 });
    await faults({ webhookDelayMs: 2000 });
    const paid = await payAs(customer, orderId);
    await faults({});
    expect(paid.data!.pay.status).toBe('SUCCEEDED');
    const [intent] = await h.sql(`select provider_payment_id from payments.payment_intent where id = ?`, [paid.data!.pay.id]);
    const webhook = () =>
      h.sql(
        `select extract(epoch from deliver_after - created_at) * 1000 as delay_ms, delivered_at is not null as delivered,
                extract(epoch from delivered_at - created_at) * 1000 as delivered_after_ms
           from payments.sandbox_webhook where payload->'data'->'payment'->>'id' = ?`,
        [intent!.provider_payment_id],
      );
    const [queued] = await webhook();
    expect(Number(queued!.delay_ms)).toBeGreaterThanOrEqual(1990);
    expect(Number(queued!.delay_ms)).toBeLessThan(3000);
    await eventually(async () => (await webhook())[0]!.delivered === true, { timeoutMs: 15_000 });
    expect(Number((await webhook())[0]!.delivered_after_ms)).toBeGreaterThanOrEqual(1990);
  });

  it('a card being saved: the provider customer not answering is SERVICE_UNAVAILABLE (not charged); the re-check sends the very request that timed out', async () => {
    const customer = await h.tokens.customer();
    const first = await h.due({ customerId: customer.id, goods: 2250 });
    const second = await h.due({ customerId: customer.id, goods: 2260 });
    const before = await sandboxBooks(h);
    const payAndSave = (orderId: string) =>
      h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' }, savePaymentMethod: true }, key: randomUUID() }, customer);
    await faults({ latencyMs: 1500 });
    expect((await payAndSave(first.orderId)).errors?.[0]).toMatchObject({
      message: 'The payment service is unavailable for a moment. Please try again shortly; you have not been charged.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect((await sandboxBooks(h)).charges - before.charges).toBe(0);
    await faults({});
    expect((await payAndSave(first.orderId)).data!.pay.status).toBe('SUCCEEDED');

    // Now only the payment's answer is late, and its webhook lost: the re-check must send the same parameters (the
    // provider refuses a key sent again with others).
    // The answer just after the 1 s timeout, so that the re-check (300 ms later) finds the first request's key taken.
    await faults({ latencyMs: 1100, dropWebhooksForSeconds: 120 });
    const slow = await payAndSave(second.orderId);
    expect(slow.data!.pay.status).toBe('PROCESSING');
    await faults({ dropWebhooksForSeconds: 120 });
    await eventually(async () => (await h.sql(`select status from payments.payment_intent where id = ?`, [slow.data!.pay.id]))[0]!.status === 'SUCCEEDED', {
      timeoutMs: 30_000,
    });
    expect((await sandboxBooks(h)).charges - before.charges).toBe(2);
    await faults({});
  });
});

// payments killed during a pay: the provider did (or did not) charge, nobody applied its answer, and its webhook
// is lost. Stood for by a provider whose createPayment throws a plain error (what the death leaves: the intent at
// REQUIRES_PAYMENT_METHOD with its lease running out).
describe('a process that died during the provider call', () => {
  const dieAtProvider = async <T>(when: 'after the charge' | 'before the call', work: () => Promise<T>): Promise<T> => {
    const runtime = runtimeOf(h.em());
    const real = runtime.provider;
    const dying: PaymentProvider = Object.create(real);
    dying.createPayment = async (request, key) => {
      if (when === 'after the charge') await real.createPayment(request, key);
      throw new Error(`payments died ${when}`);
    };
    runtime.provider = dying;
    try {
      return await work();
    } finally {
      runtime.provider = real;
    }
  };
  const intentsOf = (orderId: string) =>
    h.sql(
      `select i.status, i.attempts from payments.payment_intent i where i.id in (select intent_id from payments.payment_allocation where order_id = ?) order by i.created_at`,
      [orderId],
    );
  const succeededFor = async (orderId: string) => (await h.published('payments.payment.succeeded')).filter((e) => JSON.stringify(e).includes(orderId));

  it("charged, then died: the next attempt asks the provider under the first one's key and is refused as paid; one charge", async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2300 });
    const before = await sandboxBooks(h);
    await faults({ dropWebhooksForSeconds: 120 });
    const died = await dieAtProvider('after the charge', () => payAs(customer, orderId));
    expect(died.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await intentsOf(orderId)).toEqual([{ status: 'REQUIRES_PAYMENT_METHOD', attempts: 1 }]);

    // A new key, as a shopper whose request failed would: it waits out the first attempt's lease, then asks.
    const again = await payAs(customer, orderId);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_PAID' });
    expect(await intentsOf(orderId)).toEqual([{ status: 'SUCCEEDED', attempts: 1 }]);
    const after = await sandboxBooks(h);
    expect({ charges: after.charges - before.charges, refunds: after.refunds - before.refunds }).toEqual({ charges: 1, refunds: 0 });
    expect(await succeededFor(orderId)).toHaveLength(1);
    await faults({});
  });

  it('charged, then died, and nobody tries again: the abandoned-attempt timer asks the provider and books the charge', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2400 });
    const before = await sandboxBooks(h);
    await faults({ dropWebhooksForSeconds: 120 });
    await dieAtProvider('after the charge', () => payAs(customer, orderId));
    await eventually(async () => (await intentsOf(orderId))[0]?.status === 'SUCCEEDED', { timeoutMs: 30_000 });
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    expect(await succeededFor(orderId)).toHaveLength(1);
    await faults({});
  });

  it('died at the provider, then retried under the same key: the retry resumes that attempt (same intent, same provider key); one charge', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2600 });
    const before = await sandboxBooks(h);
    await faults({ dropWebhooksForSeconds: 120 });
    const key = randomUUID();
    await dieAtProvider('after the charge', () => payAs(customer, orderId, key));
    const [first] = await h.sql(`select id from payments.payment_intent where id in (select intent_id from payments.payment_allocation where order_id = ?)`, [
      orderId,
    ]);
    const retried = await payAs(customer, orderId, key);
    expect(retried.data!.pay).toMatchObject({ id: first!.id, status: 'SUCCEEDED' });
    expect(await intentsOf(orderId)).toEqual([{ status: 'SUCCEEDED', attempts: 1 }]);
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    await faults({});
  });

  it('died after claiming its key, before opening the intent: a retry under the key opens it under the id the key recorded, once', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2700 });
    const key = randomUUID();
    const intentId = randomUUID();
    // What the claim leaves when its process dies at once: the key, its lease over, naming an intent never written.
    const params = { orderIds: [orderId], method: { token: 'sandbox_visa' }, savePaymentMethod: false, purpose: null };
    await h.sql(
      `insert into payments.idempotency_key (scope, key, operation, fingerprint, locked_until, created_at, resource_id)
       values (?, ?, 'pay', ?, now() - interval '1 second', now() - interval '1 minute', ?)`,
      [customer.id, key, requestFingerprint('pay', params, ['orderIds']), intentId],
    );
    const paid = await payAs(customer, orderId, key);
    expect(paid.data!.pay).toMatchObject({ id: intentId, status: 'SUCCEEDED' });
    expect(await intentsOf(orderId)).toEqual([{ status: 'SUCCEEDED', attempts: 1 }]);
    expect((await payAs(customer, orderId, key)).data!.pay).toMatchObject({ id: intentId, status: 'SUCCEEDED' });
  });

  it('died before the call reached the provider: the timer sends it once, as the customer asked; a retry then finds it paid', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2500 });
    const before = await sandboxBooks(h);
    await dieAtProvider('before the call', () => payAs(customer, orderId));
    expect((await sandboxBooks(h)).charges - before.charges).toBe(0);
    await eventually(async () => (await intentsOf(orderId))[0]?.status === 'SUCCEEDED', { timeoutMs: 30_000 });
    expect((await payAs(customer, orderId)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_PAID' });
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    expect(await intentsOf(orderId)).toEqual([{ status: 'SUCCEEDED', attempts: 1 }]);
  });
});
