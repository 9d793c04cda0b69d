import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { refundIssuedV1 } from '@vitrine/contracts';
import { bootLogistics, orderConfirmed, paymentSucceeded, usd, type LogisticsHarness } from './harness.js';

// What logistics knows an order has paid (it holds back a shipment until its invoices are paid): payments' and
// orders' events come in any order, and every payment adds to what was there.
let h: LogisticsHarness;

beforeAll(async () => {
  h = await bootLogistics('paid_amounts');
});
afterAll(async () => {
  await h?.stop();
});

const knownOrder = async (orderId: string) =>
  (await h.sql('select customer_id, currency, paid_amount from logistics.known_order where order_id = ?', [orderId]))[0];

describe("an order's paid amount", () => {
  it('adds up payments heard before and after the order itself, a payment of several dues of one order included', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    await paymentSucceeded(h, { customerId, orderId, amounts: [3_000, 500], purpose: 'DEPOSIT' });
    await eventually(async () => (await knownOrder(orderId))?.paid_amount === 3_500);
    expect(await knownOrder(orderId)).toEqual({ customer_id: null, currency: 'USD', paid_amount: 3_500 });
    await orderConfirmed(h, { orderId, customerId, productId: randomUUID(), kind: 'PREORDER', shippingEstimate: 1_000 });
    await eventually(async () => (await knownOrder(orderId))?.customer_id === customerId);
    await paymentSucceeded(h, { customerId, orderId, amounts: [7_500], purpose: 'BALANCE' });
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
