import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHeaders, paymentDueV1, type EventData } from '@vitrine/contracts';
import { eventually, gql } from '@vitrine/testing';
import type { Identity } from './support/identities.js';
import { createProduct, placeOrder, startTestStack, type TestStack } from './support/stack.js';

// payments adds an order's money to orders' Order entity: one query through the
// gateway, two subgraphs. orders does not announce PaymentDue yet, so the due
// is published on the bus here, as orders will.
let stack: TestStack;
let alice: Identity;
let bob: Identity;
let orderId: string;

async function announceDue(customerId: string, order: string, goods: number, shipping: number): Promise<void> {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const data: EventData<typeof paymentDueV1> = {
    dueId: randomUUID(),
    orderId: order,
    customerId,
    purpose: 'FULL_PAYMENT',
    amount: usd(goods + shipping),
    goods: usd(goods),
    shipping: usd(shipping),
    dueAt: null,
    collect: 'CUSTOMER',
    paymentMethodId: null,
  };
  const envelope = { id: randomUUID(), type: paymentDueV1.type, source: 'orders', time: new Date().toISOString(), subject: order, version: 1, data };
  await stack.payments.bus.publish([
    {
      topic: stack.topicPrefix + paymentDueV1.topic,
      key: order,
      value: JSON.stringify(envelope),
      headers: { [eventHeaders.eventType]: envelope.type, [eventHeaders.eventId]: envelope.id },
    },
  ]);
}

beforeAll(async () => {
  stack = await startTestStack({ label: 'payments_gateway', gateway: true });
  [alice, bob] = [stack.customer, await stack.newCustomer()];
  const product = await createProduct(stack, 10, 4500);
  orderId = (await placeOrder(stack, alice, [{ productId: product.id, quantity: 2 }])).data.placeOrder.id;
  await announceDue(alice.id, orderId, 9000, 1200);
});
afterAll(async () => {
  await stack?.stop();
});

const pay = `mutation($input: PayInput!, $key: String!) { pay(input: $input, idempotencyKey: $key) { status amount { amount currency } } }`;
const orderMoney = `query($id: ID!) { order(id: $id) { id status total { amount } amountDue { amount } amountPaid { amount } payments { status purpose } payNowUrl } }`;

describe('payments through the gateway', () => {
  it('a customer pays their order, and the order shows its money next to orders’ own fields', async () => {
    const url = stack.gateway!.url;
    const before = await eventually(async () => {
      const res = await gql(url, orderMoney, { id: orderId }, alice.headers);
      return res.data?.order?.amountDue?.amount === 10200 ? res.data.order : null;
    });
    expect(before).toMatchObject({ id: orderId, total: { amount: 9000 }, amountPaid: { amount: 0 }, payments: [] });
    expect(before.payNowUrl).toMatch(/\/pay\?t=/);
    const paid = await gql(url, pay, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, alice.headers);
    expect(paid.errors).toBeUndefined();
    expect(paid.data.pay).toEqual({ status: 'SUCCEEDED', amount: { amount: 10200, currency: 'USD' } });
    const after = (await gql(url, orderMoney, { id: orderId }, alice.headers)).data.order;
    expect(after).toMatchObject({
      amountDue: { amount: 0 },
      amountPaid: { amount: 10200 },
      payments: [{ status: 'SUCCEEDED', purpose: 'FULL_PAYMENT' }],
      payNowUrl: null,
    });
  });

  it('someone else can neither pay nor see it', async () => {
    const url = stack.gateway!.url;
    const paid = await gql(url, pay, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, bob.headers);
    expect(paid.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seen = await gql(url, orderMoney, { id: orderId }, bob.headers);
    expect(seen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('staff reconcile the ledger through the gateway', async () => {
    const res = await gql(stack.gateway!.url, `{ ledgerReconciliation { balanced discrepancies { kind } } }`, {}, stack.admin.headers);
    expect(res.data.ledgerReconciliation).toEqual({ balanced: true, discrepancies: [] });
  });
});
