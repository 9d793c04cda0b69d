import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeMock, type RunningStripeMock } from '@vitrine/local-infra';
import { ProviderRejected, ProviderUnavailable, WebhookSignatureError } from '../payment-provider.js';
import { StripeProvider } from './stripe-provider.js';

// The Stripe adapter's contract, against stripe-mock (Stripe's own mock of its
// API, validating every request against Stripe's OpenAPI spec). stripe-mock
// keeps no state and answers with fixtures: these tests prove the requests
// the adapter sends (through a recording proxy) and how it reads the answers,
// not the payment state machine. STRIPE_MOCK_URL points at a running one.

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
}

let mock: RunningStripeMock | undefined;
let proxy: Server;
let recorded: Recorded[] = [];
/** What the proxy does instead of passing a request on: Stripe failing for a while. */
const outage = { answer500s: 0, stallMs: 0 };
let stripe: StripeProvider;
let proxyUrl: string;
const webhookSecret = 'whsec_contractTestSecret123';

beforeAll(async () => {
  const target = process.env.STRIPE_MOCK_URL ? new URL(process.env.STRIPE_MOCK_URL) : new URL((mock = await startStripeMock()).url);
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://stripe');
      recorded.push({
        method: req.method ?? '',
        path: url.pathname,
        headers: req.headers,
        form: new URLSearchParams(req.method === 'GET' ? url.search : body.toString()),
      });
      if (outage.answer500s > 0) {
        outage.answer500s -= 1;
        const error = { error: { type: 'api_error', message: 'An unknown error occurred' } };
        return void res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(error));
      }
      // Had the adapter waited the stall out, it would read this 504 as an api_error, not a connection error.
      if (outage.stallMs > 0) return void setTimeout(() => res.destroyed || res.writeHead(504).end(), outage.stallMs);
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  stripe = new StripeProvider({
    secretKey: 'sk_test_contract',
    webhookSecret,
    apiUrl: proxyUrl,
    timeoutMs: 10_000,
  });
}, 300_000);
afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await mock?.stop();
});

const last = () => recorded.at(-1)!;

describe('the Stripe adapter against stripe-mock', () => {
  it('creates and confirms a PaymentIntent in one call, with our idempotency key and intent id', async () => {
    recorded = [];
    const payment = await stripe.createPayment(
      {
        intentId: 'b8f0c1de-0000-4000-8000-000000000001',
        amount: 2500,
        currency: 'USD',
        method: { token: 'pm_card_visa' },
        capture: 'automatic',
        offSession: false,
        saveForCustomer: null,
        description: 'Vitrine deposit',
      },
      'b8f0c1de-0000-4000-8000-000000000001:1',
    );
    const sent = last();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/payment_intents');
    expect(sent.headers['idempotency-key']).toBe('b8f0c1de-0000-4000-8000-000000000001:1');
    expect(sent.headers.authorization).toBe('Bearer sk_test_contract');
    expect(Object.fromEntries(sent.form)).toEqual({
      amount: '2500',
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: 'true',
      capture_method: 'automatic',
      'automatic_payment_methods[enabled]': 'true',
      'automatic_payment_methods[allow_redirects]': 'never',
      description: 'Vitrine deposit',
      'metadata[intent_id]': 'b8f0c1de-0000-4000-8000-000000000001',
      'expand[0]': 'payment_method',
    });
    // stripe-mock echoes what was asked and fills the rest from its fixture (requires_payment_method with a last error).
    expect(payment).toMatchObject({ id: expect.stringMatching(/^pi_/), amount: 2500, currency: 'USD', status: 'FAILED', chargeId: null });
  });

  it('charges a stored card off-session, manual capture when asked, for the card’s customer', async () => {
    recorded = [];
    await stripe.createPayment(
      {
        intentId: 'b8f0c1de-0000-4000-8000-000000000002',
        amount: 9700,
        currency: 'EUR',
        method: { providerMethodId: 'pm_saved', providerCustomerId: 'cus_123' },
        capture: 'manual',
        offSession: true,
        saveForCustomer: null,
        description: 'Vitrine payment at shipping',
      },
      'key-2',
    );
    expect(Object.fromEntries(last().form)).toMatchObject({
      amount: '9700',
      currency: 'eur',
      payment_method: 'pm_saved',
      customer: 'cus_123',
      off_session: 'true',
      capture_method: 'manual',
    });
    expect(last().form.has('setup_future_usage')).toBe(false);
  });

  it('asks Stripe to keep the card when the customer saves it while paying', async () => {
    recorded = [];
    await stripe.createPayment(
      {
        intentId: 'b8f0c1de-0000-4000-8000-000000000003',
        amount: 100,
        currency: 'USD',
        method: { token: 'pm_card_mastercard' },
        capture: 'automatic',
        offSession: false,
        saveForCustomer: 'cus_456',
        description: 'x',
      },
      'key-3',
    );
    expect(Object.fromEntries(last().form)).toMatchObject({ customer: 'cus_456', setup_future_usage: 'off_session' });
  });

  it('confirms, captures, cancels and retrieves by id, each write under its key', async () => {
    recorded = [];
    for (const [call, path] of [
      [() => stripe.confirmPayment('pi_abc', 'k-confirm'), '/v1/payment_intents/pi_abc/confirm'],
      [() => stripe.capturePayment('pi_abc', 1_500, 'k-capture'), '/v1/payment_intents/pi_abc/capture'],
      [() => stripe.cancelPayment('pi_abc', 'k-cancel'), '/v1/payment_intents/pi_abc/cancel'],
    ] as const) {
      const payment = await call();
      expect(last().path).toBe(path);
      expect(last().headers['idempotency-key']).toBe(`k-${path.split('/').at(-1)}`);
      expect(payment.id).toMatch(/^pi_/);
    }
    // The capture takes what is owed now (a shipping estimate above the final cost leaves the rest of the hold released).
    const capture = recorded.find((r) => r.path.endsWith('/capture'))!;
    expect(Object.fromEntries(capture.form)).toEqual({ amount_to_capture: '1500' });
    const retrieved = await stripe.retrievePayment('pi_abc');
    expect(last()).toMatchObject({ method: 'GET', path: '/v1/payment_intents/pi_abc' });
    expect(retrieved.id).toMatch(/^pi_/);
  });

  it('refunds part of a charge with our refund and payout ids as metadata', async () => {
    recorded = [];
    const refund = await stripe.refund({ chargeId: 'ch_123', amount: 700, currency: 'USD', refundId: 'r-1', payoutId: 'p-1' }, 'refund:p-1');
    expect(last().path).toBe('/v1/refunds');
    expect(last().headers['idempotency-key']).toBe('refund:p-1');
    expect(Object.fromEntries(last().form)).toEqual({ charge: 'ch_123', amount: '700', 'metadata[refund_id]': 'r-1', 'metadata[payout_id]': 'p-1' });
    expect(refund).toMatchObject({ id: expect.stringMatching(/^re_/), amount: 700 });
    expect(['SUCCEEDED', 'PENDING', 'FAILED']).toContain(refund.status);
  });

  it('creates a customer, and stores a card with a confirmed SetupIntent (refused when the bank wants a confirmation)', async () => {
    recorded = [];
    const customer = await stripe.createCustomer('c-1', 'customer:c-1');
    expect(customer).toMatch(/^cus_/);
    expect(Object.fromEntries(last().form)).toEqual({ 'metadata[customer_id]': 'c-1' });
    const saving = stripe.saveMethod({ token: 'pm_card_visa', providerCustomerId: customer }, 'save-1');
    // stripe-mock's fixture SetupIntent is not "succeeded": the adapter refuses to store it.
    await expect(saving).rejects.toBeInstanceOf(ProviderRejected);
    expect(last().path).toBe('/v1/setup_intents');
    expect(Object.fromEntries(last().form)).toMatchObject({ customer, payment_method: 'pm_card_visa', confirm: 'true', usage: 'off_session' });
  });

  it('sends requests Stripe accepts: an invalid one is refused (ProviderRejected), not retried as unavailable', async () => {
    await expect(
      stripe.createPayment(
        {
          intentId: 'x',
          amount: 1.5,
          currency: 'USD',
          method: { token: 'pm_card_visa' },
          capture: 'automatic',
          offSession: false,
          saveForCustomer: null,
          description: 'x',
        },
        'bad-1',
      ),
    ).rejects.toBeInstanceOf(ProviderRejected);
  });

  it('lists succeeded charges and refunds for the reconciliation', async () => {
    const charges = await stripe.listCharges(new Date('2020-01-01T00:00:00Z'));
    const refunds = await stripe.listRefunds(new Date('2020-01-01T00:00:00Z'));
    expect(Array.isArray(charges) && Array.isArray(refunds)).toBe(true);
    for (const c of charges) expect(c).toMatchObject({ chargeId: expect.stringMatching(/^ch_/), currency: expect.stringMatching(/^[A-Z]{3}$/) });
    expect(recorded.some((r) => r.path === '/v1/charges' && r.form.get('created[gte]') === String(Date.parse('2020-01-01T00:00:00Z') / 1000))).toBe(true);
  });
});

describe('Stripe failing for a while', () => {
  const payment = (intentId: string) => ({
    intentId,
    amount: 2500,
    currency: 'USD',
    method: { token: 'pm_card_visa' },
    capture: 'automatic' as const,
    offSession: false,
    saveForCustomer: null,
    description: 'Vitrine deposit',
  });
  const posts = () => recorded.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');

  it('a 500 is retried under the same idempotency key, so the charge is made once', async () => {
    recorded = [];
    outage.answer500s = 1;
    const made = await stripe.createPayment(payment('b8f0c1de-0000-4000-8000-0000000000f1'), 'outage-1');
    expect(made.id).toMatch(/^pi_/);
    expect(posts().map((r) => r.headers['idempotency-key'])).toEqual(['outage-1', 'outage-1']);
  });

  it('500s past the retries are ProviderUnavailable that may have been applied (retry with the same key)', async () => {
    recorded = [];
    outage.answer500s = 10;
    const failing = stripe.createPayment(payment('b8f0c1de-0000-4000-8000-0000000000f2'), 'outage-2');
    await expect(failing).rejects.toMatchObject({ name: ProviderUnavailable.name, maybeApplied: true, code: 'api_error' });
    // The first try and the SDK's two retries, each under our one key: Stripe applies it at most once.
    expect(posts().map((r) => r.headers['idempotency-key'])).toEqual(['outage-2', 'outage-2', 'outage-2']);
    outage.answer500s = 0;
  });

  it('an answer slower than the timeout is ProviderUnavailable too, never a hang', async () => {
    const impatient = new StripeProvider({ secretKey: 'sk_test_contract', webhookSecret, apiUrl: proxyUrl, timeoutMs: 300 });
    outage.stallMs = 5_000;
    try {
      await expect(impatient.createPayment(payment('b8f0c1de-0000-4000-8000-0000000000f3'), 'outage-3')).rejects.toMatchObject({
        name: ProviderUnavailable.name,
        maybeApplied: true,
        code: 'api_connection_error',
      });
    } finally {
      outage.stallMs = 0;
    }
  });
});

describe('Stripe webhooks', () => {
  const event = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type,
      created: 1_790_000_000,
      data: { object },
      api_version: '2026-01-01',
      livemode: false,
      pending_webhooks: 1,
      request: null,
    });

  it('verifies the signature with the SDK and reads a PaymentIntent event', () => {
    const payload = event('payment_intent.succeeded', {
      id: 'pi_1',
      object: 'payment_intent',
      status: 'succeeded',
      amount: 2500,
      currency: 'usd',
      latest_charge: 'ch_1',
      last_payment_error: null,
      metadata: { intent_id: 'our-intent' },
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const parsed = stripe.parseWebhook(payload, { 'stripe-signature': header });
    expect(parsed).toEqual({
      id: 'evt_1',
      kind: 'payment',
      type: 'payment_intent.succeeded',
      intentId: 'our-intent',
      at: new Date(1_790_000_000_000),
      payment: {
        id: 'pi_1',
        status: 'SUCCEEDED',
        chargeId: 'ch_1',
        amount: 2500,
        currency: 'USD',
        failureCode: null,
        nextActionUrl: null,
        method: null,
        at: new Date(1_790_000_000_000),
      },
    });
  });

  it('reads a failed payment’s decline code and a refund event', () => {
    const failed = event('payment_intent.payment_failed', {
      id: 'pi_2',
      status: 'requires_payment_method',
      amount: 100,
      currency: 'eur',
      latest_charge: 'ch_2',
      last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
      metadata: {},
    });
    const parsed = stripe.parseWebhook(failed, { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: failed, secret: webhookSecret }) });
    expect(parsed).toMatchObject({ kind: 'payment', payment: { status: 'FAILED', failureCode: 'insufficient_funds', chargeId: null } });
    const refunded = event('refund.updated', {
      id: 're_1',
      object: 'refund',
      status: 'succeeded',
      amount: 700,
      currency: 'usd',
      charge: 'ch_1',
      metadata: { payout_id: 'p-1' },
    });
    const refund = stripe.parseWebhook(refunded, {
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: refunded, secret: webhookSecret }),
    });
    expect(refund).toMatchObject({
      kind: 'refund',
      payoutId: 'p-1',
      refund: { id: 're_1', status: 'SUCCEEDED', chargeId: 'ch_1', amount: 700, currency: 'USD' },
    });
  });

  it('refuses a wrong secret, a changed body and a missing header', () => {
    const payload = event('payment_intent.succeeded', { id: 'pi_1', status: 'succeeded', amount: 1, currency: 'usd', metadata: {} });
    const other = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    expect(() => stripe.parseWebhook(payload, { 'stripe-signature': other })).toThrow(WebhookSignatureError);
    const good = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    expect(() => stripe.parseWebhook(payload.replace('"amount":1', '"amount":100000'), { 'stripe-signature': good })).toThrow(WebhookSignatureError);
    expect(() => stripe.parseWebhook(payload, {})).toThrow(WebhookSignatureError);
  });
});

describe('payments run on Stripe (PAYMENTS_PROVIDER=stripe, against stripe-mock)', () => {
  it('takes signed webhooks on /webhooks/stripe only, and pays through the adapter', async () => {
    const { bootPayments, payMutation } = await import('../../integration/harness.js');
    const h = await bootPayments('payments_on_stripe', {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_contract',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });
    try {
      const payload = JSON.stringify({
        id: 'evt_svc',
        object: 'event',
        type: 'payment_intent.succeeded',
        created: 1_790_000_000,
        data: { object: { id: 'pi_unknown', status: 'succeeded', amount: 1, currency: 'usd', metadata: {} } },
      });
      const post = (headers: Record<string, string>, path = '/webhooks/stripe') => fetch(`${h.origin}${path}`, { method: 'POST', headers, body: payload });
      const good = await post({ 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) });
      expect(good.status).toBe(200);
      expect(await good.json()).toEqual({ received: true, outcome: 'IGNORED' });
      expect((await post({ 'stripe-signature': 't=1,v1=forged' })).status).toBe(400);
      expect((await post({}, '/webhooks/sandbox')).status).toBe(404);

      const customer = await h.tokens.customer();
      const { orderId } = await h.due({ customerId: customer.id, goods: 2500 });
      recorded = [];
      const res = await h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'pm_card_visa' } }, key: 'stripe-pay-key-1' }, customer);
      const intentId = res.data!.pay.id;
      expect(recorded.find((r) => r.path === '/v1/payment_intents')?.headers['idempotency-key']).toBe(`${intentId}:1`);
      // stripe-mock's fixture answers "requires_payment_method" with an error: read as a failed attempt, nothing captured.
      expect(res.data!.pay).toMatchObject({ status: 'FAILED', amount: { amount: 2500, currency: 'USD' } });
      expect(await h.sql(`select count(*) as n from payments.charge`)).toEqual([{ n: '0' }]);
    } finally {
      await h.stop();
    }
  });
});
