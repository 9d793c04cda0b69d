import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeOf } from '../config/payments-runtime.js';
import { ProviderRejected, type CreatePaymentRequest } from '../providers/payment-provider.js';
import { bootPayments, type PaymentsHarness } from './harness.js';

// The sandbox provider's own idempotency keys, as payments' calls rely on them: the same request under the same
// key is answered once, whatever the timing; other parameters under it are refused.
let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_sandbox_keys');
});
afterAll(async () => {
  await h?.stop();
});

const provider = () => runtimeOf(h.em()).provider;
const request = (amount: number): CreatePaymentRequest => ({
  intentId: randomUUID(),
  amount,
  currency: 'USD',
  method: { token: 'sandbox_visa' },
  capture: 'automatic',
  offSession: false,
  saveForCustomer: null,
  description: 'sandbox idempotency spec',
});
const paymentsFor = async (intentId: string) =>
  (await h.sql(`select count(*)::int as n from payments.sandbox_payment where metadata->>'intent_id' = ?`, [intentId]))[0]!.n;
const webhooksFor = async (paymentId: string) =>
  (await h.sql(`select count(*)::int as n from payments.sandbox_webhook where payload->'data'->'payment'->>'id' = ?`, [paymentId]))[0]!.n;

describe('the sandbox provider under one idempotency key', () => {
  it('answers a repeated request with its first answer: one payment, one webhook', async () => {
    const first = request(1500);
    const key = `spec:${randomUUID()}`;
    const answer = await provider().createPayment(first, key);
    expect(answer.status).toBe('SUCCEEDED');
    expect(await provider().createPayment(first, key)).toEqual(answer);
    expect(await paymentsFor(first.intentId)).toBe(1);
    expect(await webhooksFor(answer.id)).toBe(1);
  });

  it('answers concurrent copies of a request once: the others wait for it and get its answer', async () => {
    const same = request(1600);
    const key = `spec:${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => provider().createPayment(same, key)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await paymentsFor(same.intentId)).toBe(1);
    expect(await webhooksFor(answers[0]!.id)).toBe(1);
  });

  it('answers a retried capture with its first answer, though the payment has moved on since (a state check does not refuse it)', async () => {
    const hold = await provider().createPayment({ ...request(1900), capture: 'manual' }, `spec:${randomUUID()}`);
    expect(hold.status).toBe('REQUIRES_CAPTURE');
    const key = `spec:${randomUUID()}`;
    const captured = await provider().capturePayment(hold.id, 1900, key);
    expect(captured.status).toBe('SUCCEEDED');
    expect(await provider().capturePayment(hold.id, 1900, key)).toEqual(captured);
    // A new key for the same capture is a new request, refused for what the payment is now.
    await expect(provider().capturePayment(hold.id, 1900, `spec:${randomUUID()}`)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('refuses the key with other parameters, charging nothing more', async () => {
    const first = request(1700);
    const key = `spec:${randomUUID()}`;
    await provider().createPayment(first, key);
    const other = { ...first, amount: 1800 };
    const refused = await provider()
      .createPayment(other, key)
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(refused).toBeInstanceOf(ProviderRejected);
    expect((refused as ProviderRejected).code).toBe('idempotency_error');
    expect(await paymentsFor(first.intentId)).toBe(1);
  });
});
