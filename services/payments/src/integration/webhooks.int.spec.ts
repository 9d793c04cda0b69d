import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { bootPayments, payMutation, type PaymentsHarness } from './harness.js';

let h: PaymentsHarness;

// Slow payments stay PROCESSING for ten minutes here, so only the webhooks a test sends move them.
beforeAll(async () => {
  h = await bootPayments('payments_webhooks', { SANDBOX_PROCESSING_MS: '600000', PAYMENTS_RECHECK_AFTER_MS: '600000' });
});
afterAll(async () => {
  await h?.stop();
});

async function processingIntent(amount: number) {
  const customer = await h.tokens.customer();
  const { orderId } = await h.due({ customerId: customer.id, goods: amount, purpose: 'FULL_PAYMENT' });
  const res = await h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_processing' } }, key: randomUUID() }, customer);
  expect(res.data!.pay.status).toBe('PROCESSING');
  const [row] = await h.sql(`select id, provider_payment_id from payments.payment_intent where id = ?`, [res.data!.pay.id]);
  return { intentId: res.data!.pay.id as string, providerPaymentId: row!.provider_payment_id as string, orderId, amount };
}

const paymentEvent = (type: string, payment: Record<string, unknown>, intentId: string, created: Date) => ({
  type,
  created: created.toISOString(),
  data: {
    intent_id: intentId,
    payment: { chargeId: null, currency: 'USD', failureCode: null, nextActionUrl: null, method: null, at: created.toISOString(), ...payment },
  },
});

/** A processing intent, then the provider's word that it succeeded (applied): the paid intent and that event. */
async function paidByWebhook(amount: number) {
  const p = await processingIntent(amount);
  const succeeded = paymentEvent(
    'payment_intent.succeeded',
    { id: p.providerPaymentId, status: 'SUCCEEDED', amount: p.amount, chargeId: `sbch_${randomUUID()}` },
    p.intentId,
    new Date(),
  );
  expect(await (await h.postSandboxWebhook(succeeded)).json()).toEqual({ received: true, outcome: 'APPLIED' });
  return { ...p, succeeded };
}

const status = async (intentId: string) => (await h.sql(`select status from payments.payment_intent where id = ?`, [intentId]))[0]!.status;
const captures = async (intentId: string) =>
  (await h.sql(`select count(*) as n from payments.ledger_transaction where intent_id = ? and kind = 'CHARGE_CAPTURED'`, [intentId]))[0]!.n;

describe('provider webhooks', () => {
  it('the sandbox delivers each outcome to /webhooks/sandbox, signed; one already applied from the answer is a duplicate', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 1000 });
    const res = await h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
    const [intent] = await h.sql(`select provider_payment_id from payments.payment_intent where id = ?`, [res.data!.pay.id]);
    const delivered = await eventually(async () => {
      const rows = await h.sql(
        `select type, last_status, dropped from payments.sandbox_webhook where payload->'data'->'payment'->>'id' = ? and delivered_at is not null`,
        [intent!.provider_payment_id],
      );
      return rows.length === 1 ? rows : null;
    });
    expect(delivered).toEqual([{ type: 'payment_intent.succeeded', last_status: 200, dropped: false }]);
    const received = await h.sql(`select type, outcome from payments.webhook_event where provider = 'sandbox' and type = 'payment_intent.succeeded'`);
    expect(received).toContainEqual({ type: 'payment_intent.succeeded', outcome: 'DUPLICATE' });
  });

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const p = await processingIntent(1100);
    // The sandbox's own deliveries (earlier intents') may land meanwhile: only the refused events' ids are checked.
    const forgedId = `evt_forged_${randomUUID()}`;
    const forged = await h.postSandboxWebhook(
      paymentEvent(
        'payment_intent.succeeded',
        { id: p.providerPaymentId, status: 'SUCCEEDED', amount: p.amount, chargeId: 'sbch_forged' },
        p.intentId,
        new Date(),
      ),
      {
        id: forgedId,
        secret: `whsec_${Buffer.from('not-the-sandbox-secret-at-all').toString('base64')}`,
      },
    );
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: 'invalid signature' });
    const unsigned = await fetch(`${h.origin}/webhooks/sandbox`, { method: 'POST', body: '{"id":"evt_x","type":"payment_intent.succeeded"}' });
    expect(unsigned.status).toBe(400);
    expect(await h.sql(`select event_id from payments.webhook_event where event_id in (?, 'evt_x')`, [forgedId])).toEqual([]);
    expect(await status(p.intentId)).toBe('PROCESSING');
    expect(await captures(p.intentId)).toBe('0');
  });

  it('applies an event once: a replay of the same event id, or another event saying the same, changes nothing', async () => {
    const p = await processingIntent(1200);
    const chargeId = `sbch_${randomUUID()}`;
    const event = paymentEvent(
      'payment_intent.succeeded',
      { id: p.providerPaymentId, status: 'SUCCEEDED', amount: p.amount, chargeId },
      p.intentId,
      new Date(),
    );
    const id = `evt_${randomUUID()}`;
    const first = await h.postSandboxWebhook(event, { id });
    expect(await first.json()).toEqual({ received: true, outcome: 'APPLIED' });
    const replay = await h.postSandboxWebhook(event, { id });
    expect(await replay.json()).toEqual({ received: true, outcome: 'REDELIVERED' });
    // Decided without locks (a paid intent can only ignore it), and recorded once all the same.
    const sameNewsId = `evt_${randomUUID()}`;
    const sameNews = await h.postSandboxWebhook(event, { id: sameNewsId });
    expect(await sameNews.json()).toEqual({ received: true, outcome: 'DUPLICATE' });
    expect(await (await h.postSandboxWebhook(event, { id: sameNewsId })).json()).toEqual({ received: true, outcome: 'REDELIVERED' });
    expect(await h.sql(`select outcome from payments.webhook_event where event_id = ?`, [sameNewsId])).toEqual([{ outcome: 'DUPLICATE' }]);
    expect(await status(p.intentId)).toBe('SUCCEEDED');
    expect(await captures(p.intentId)).toBe('1');
    expect(await h.sql(`select provider_charge_id, succeeded_at is not null as marked from payments.payment_intent where id = ?`, [p.intentId])).toEqual([
      { provider_charge_id: chargeId, marked: true },
    ]);
    const succeeded = (await h.published('payments.payment.succeeded')).filter((e) => e.paymentId === p.intentId);
    expect(succeeded).toHaveLength(1);
  });

  it('handles out-of-order delivery: a late "processing" never overwrites "succeeded", an older failure never overwrites a newer success', async () => {
    const p = await paidByWebhook(1300);
    const t0 = new Date(Date.now() - 60_000);
    const lateProcessing = paymentEvent('payment_intent.processing', { id: p.providerPaymentId, status: 'PROCESSING', amount: p.amount }, p.intentId, t0);
    expect(await (await h.postSandboxWebhook(lateProcessing)).json()).toEqual({ received: true, outcome: 'STALE' });
    const lateFailure = paymentEvent(
      'payment_intent.payment_failed',
      { id: p.providerPaymentId, status: 'FAILED', amount: p.amount, failureCode: 'card_declined' },
      p.intentId,
      t0,
    );
    expect(await (await h.postSandboxWebhook(lateFailure)).json()).toEqual({ received: true, outcome: 'STALE' });
    expect(await status(p.intentId)).toBe('SUCCEEDED');
    expect(await captures(p.intentId)).toBe('1');
    expect((await h.published('payments.payment.failed')).filter((e) => e.paymentId === p.intentId)).toEqual([]);
  });

  it("answers a paid intent's duplicate without waiting on the order's and the intent's locks (nothing to apply)", async () => {
    const { succeeded: event, ...p } = await paidByWebhook(1320);
    const answer = await h.em().transactional(async (tx) => {
      // What a refund or a cancellation of the order holds while it works.
      await tx.execute(`select id from payments.known_order where id = ? for update`, [p.orderId]);
      await tx.execute(`select id from payments.payment_intent where id = ? for update`, [p.intentId]);
      const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000));
      return Promise.race([h.postSandboxWebhook(event).then((res) => res.json()), waited]);
    });
    expect(answer).toEqual({ received: true, outcome: 'DUPLICATE' });
  });

  it('a paid intent told it was cancelled is an anomaly for staff, recorded under its locks, never ignored', async () => {
    const p = await paidByWebhook(1350);
    const cancelled = paymentEvent('payment_intent.canceled', { id: p.providerPaymentId, status: 'CANCELLED', amount: p.amount }, p.intentId, new Date());
    expect(await (await h.postSandboxWebhook(cancelled)).json()).toEqual({ received: true, outcome: 'ANOMALY' });
    const [intent] = await h.sql(`select status, anomaly from payments.payment_intent where id = ?`, [p.intentId]);
    expect(intent!.status).toBe('SUCCEEDED');
    expect(intent!.anomaly).toMatch(/cancelled on an intent already succeeded/);
    expect(await captures(p.intentId)).toBe('1');
  });

  it('keeps a newer failure when an older "processing" arrives after it', async () => {
    const p = await processingIntent(1400);
    const newer = paymentEvent(
      'payment_intent.payment_failed',
      { id: p.providerPaymentId, status: 'FAILED', amount: p.amount, failureCode: 'insufficient_funds' },
      p.intentId,
      new Date(),
    );
    const older = paymentEvent(
      'payment_intent.processing',
      { id: p.providerPaymentId, status: 'PROCESSING', amount: p.amount },
      p.intentId,
      new Date(Date.now() - 30_000),
    );
    expect(await (await h.postSandboxWebhook(newer)).json()).toEqual({ received: true, outcome: 'APPLIED' });
    expect(await (await h.postSandboxWebhook(older)).json()).toEqual({ received: true, outcome: 'STALE' });
    const [row] = await h.sql(`select status, failure_kind, failure_code from payments.payment_intent where id = ?`, [p.intentId]);
    expect(row).toEqual({ status: 'FAILED', failure_kind: 'INSUFFICIENT_FUNDS', failure_code: 'insufficient_funds' });
  });

  it('acknowledges an event about a payment it does not know, changing nothing', async () => {
    const res = await h.postSandboxWebhook(
      paymentEvent('payment_intent.succeeded', { id: 'sbpi_unknown', status: 'SUCCEEDED', amount: 1 }, randomUUID(), new Date()),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'IGNORED' });
  });
});
