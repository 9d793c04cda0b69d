import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { orderConfirmedV1, paymentSucceededV1, refundIssuedV1 } from '@vitrine/contracts';
import { bootLogistics, type LogisticsHarness } from './harness.js';

// What logistics knows an order has paid (it holds back a shipment until its invoices are paid): payments' and
// orders' events come in any order, and every payment adds to what was there.
let h: LogisticsHarness;

beforeAll(async () => {
  h = await bootLogistics('paid_amounts');
});
afterAll(async () => {
  await h?.stop();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });
const paid = (orderId: string, amounts: number[]) =>
  h.publish({
    source: 'payments',
    definition: paymentSucceededV1,
    subject: randomUUID(),
    data: {
      paymentId: randomUUID(),
      customerId: randomUUID(),
      purpose: 'DEPOSIT',
      amount: usd(amounts.reduce((a, b) => a + b, 0)),
      allocations: amounts.map((amount) => ({ orderId, dueId: randomUUID(), amount: usd(amount) })),
      provider: 'sandbox',
      succeededAt: new Date().toISOString(),
    },
  });
const knownOrder = async (orderId: string) =>
  (await h.sql('select customer_id, currency, paid_amount from logistics.known_order where order_id = ?', [orderId]))[0];

describe("an order's paid amount", () => {
  it('adds up payments heard before and after the order itself, a payment of several dues of one order included', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    await paid(orderId, [3_000, 500]);
    await eventually(async () => (await knownOrder(orderId))?.paid_amount === 3_500);
    expect(await knownOrder(orderId)).toEqual({ customer_id: null, currency: 'USD', paid_amount: 3_500 });
    await h.publish({
      source: 'orders',
      definition: orderConfirmedV1,
      subject: orderId,
      data: {
        orderId,
        customerId,
        kind: 'PREORDER',
        paymentPlan: 'DEPOSIT',
        policyVersion: 1,
        lines: [{ productId: randomUUID(), quantity: 1, unitPrice: usd(10_000) }],
        goodsTotal: usd(10_000),
        shippingEstimate: usd(1_000),
        nextPayment: null,
      },
    });
    await eventually(async () => (await knownOrder(orderId))?.customer_id === customerId);
    await paid(orderId, [7_500]);
    await eventually(async () => (await knownOrder(orderId))?.paid_amount === 11_000);
    await h.publish({
      source: 'payments',
      definition: refundIssuedV1,
      subject: randomUUID(),
      data: { refundId: randomUUID(), orderId, customerId, amount: usd(2_000), reason: 'STAFF', issuedAt: new Date().toISOString() },
    });
    await eventually(async () => (await knownOrder(orderId))?.paid_amount === 9_000);
    expect(await knownOrder(orderId)).toEqual({ customer_id: customerId, currency: 'USD', paid_amount: 9_000 });
  });
});
