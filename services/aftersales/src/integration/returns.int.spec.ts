import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Returns for preference (000): asked within the order policy's window, inspected on arrival, refunded less the restocking fee.
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('returns');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const requestReturn = graphql(`
  mutation ReturnsRequest($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      status
      quotedRefund {
        amount
        currency
      }
      restockingFee {
        amount
      }
      shippingRefund {
        amount
      }
      returnPostage
      rule {
        id
      }
    }
  }
`);
const receiveReturn = graphql(`
  mutation ReturnsReceive($returnId: ID!, $input: ReceiveReturnInput!) {
    receiveReturn(returnId: $returnId, input: $input) {
      status
      condition
      refund {
        amount
      }
      inspectionRule {
        id
      }
    }
  }
`);
const readReturn = graphql(`
  query ReturnsRead($id: ID!) {
    preferenceReturn(id: $id) {
      status
    }
  }
`);

const day = 86_400_000;
/** The line a return asks for (the harness also gives the order's other lines). */
const lineOf = (o: { orderId: string; productId: string }) => ({ orderId: o.orderId, productId: o.productId });
const eventData = async (orderId: string, type: string) =>
  (
    await aftersales.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = ? order by seq",
      [orderId, type],
    )
  ).map((e) => e.data);
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const returnsOf = (orderId: string) => aftersales.sql('select status from aftersales.preference_return where order_id = ?', [orderId]);

describe('a return for preference under deposit-store (000)', () => {
  it('within 7 days: accepted with its quote; on arrival, perfect and unused, refunded the price less 30% (ReturnReceived)', async () => {
    const order = lineOf(
      await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 3 * day), policy: 'deposit-store', unitPrice: 10_000 }),
    );
    const asked = await gql(aftersales.url, requestReturn, { input: { ...order, reason: 'Not the pose I expected.' } }, customer.headers);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      status: 'REQUESTED',
      quotedRefund: { amount: 7_000, currency: 'USD' },
      restockingFee: { amount: 3_000 },
      returnPostage: 'CUSTOMER',
      rule: { id: 'returns.within-window' },
    });
    const returnId = asked.data!.requestReturn.id;
    // ReturnRequested tells the customer (notifications) and partners what comes next; the customer's reason stays here.
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toEqual([
      {
        returnId,
        orderId: order.orderId,
        customerId: customer.id,
        productId: order.productId,
        quotedRefund: { amount: 7_000, currency: 'USD' },
        restockingFee: { amount: 3_000, currency: 'USD' },
        shippingRefund: { amount: 0, currency: 'USD' },
        returnPostage: 'CUSTOMER',
        rule: expect.objectContaining({ id: 'returns.within-window' }),
        requestedAt: expect.any(String),
      },
    ]);
    // Asking again answers the first request, and announces nothing more; someone else sees nothing.
    expect((await gql(aftersales.url, requestReturn, { input: order }, customer.headers)).data?.requestReturn.id).toBe(returnId);
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toHaveLength(1);
    const stranger = await aftersales.tokens.customer();
    expect(codeOf(await gql(aftersales.url, readReturn, { id: returnId }, stranger.headers))?.code).toBe('NOT_FOUND');
    expect(codeOf(await gql(aftersales.url, requestReturn, { input: order }, stranger.headers))?.code).toBe('NOT_FOUND');
    // Only staff record the arrival.
    expect(codeOf(await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, customer.headers))?.code).toBe('FORBIDDEN');

    const received = await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers);
    expect(received.data?.receiveReturn, JSON.stringify(received.errors)).toEqual({
      status: 'REFUNDED',
      condition: 'PERFECT_UNUSED',
      refund: { amount: 7_000 },
      inspectionRule: { id: 'returns.within-window' },
    });
    const [event] = await aftersales.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = 'aftersales.return.received'",
      [order.orderId],
    );
    expect(event!.data).toMatchObject({ returnId, accepted: true, refund: { amount: 7_000, currency: 'USD' }, restockingFee: { amount: 3_000 } });
    expect(await aftersales.sql('select action, actor from aftersales.audit_entry where subject = ? order by at', [returnId])).toEqual([
      { action: 'return.requested', actor: customer.id },
      { action: 'return.received', actor: aftersales.staff.id },
    ]);
    // Inspected once.
    expect(codeOf(await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'RETURN_STATUS_TRANSITION',
    });
  });

  it('an item that comes back used refunds nothing, naming the rule', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - day), policy: 'deposit-store' }));
    const returnId = (await gql(aftersales.url, requestReturn, { input: order }, customer.headers)).data!.requestReturn.id;
    const received = await gql(
      aftersales.url,
      receiveReturn,
      { returnId, input: { condition: 'USED_OR_DAMAGED', note: 'Base scuffed.' } },
      aftersales.staff.headers,
    );
    expect(received.data?.receiveReturn).toEqual({
      status: 'REJECTED',
      condition: 'USED_OR_DAMAGED',
      refund: { amount: 0 },
      inspectionRule: { id: 'returns.not-in-original-condition' },
    });
  });

  it('after the 7 days: refused, naming the rule, nothing saved', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 8 * day), policy: 'deposit-store' }));
    const late = await gql(aftersales.url, requestReturn, { input: order }, customer.headers);
    expect(codeOf(late)).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'returns.window-closed' });
    expect(late.errors?.[0]?.message).toContain('7 days');
    expect(await returnsOf(order.orderId)).toEqual([]);
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toEqual([]);
  });
});

describe('a store that refunds shipping with a return (shippingRefunded)', () => {
  it("quotes and refunds the line's share of the order's shipping on top of the price less 30%; deposit-store keeps it", async () => {
    // Two lines, 300.00 and 100.00, 20.01 of shipping: the first line's share is 15.01 (the odd cent to the larger remainder).
    const options = { deliveredAt: new Date(Date.now() - day), unitPrice: 30_000, otherLines: [10_000], shippingPaid: 2_001 };
    const order = lineOf(await aftersales.deliveredOrder(customer, { ...options, policy: 'deposit-store-refunding-shipping' }));
    const asked = await gql(aftersales.url, requestReturn, { input: order }, customer.headers);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      quotedRefund: { amount: 21_000 + 1_501 },
      restockingFee: { amount: 9_000 },
      shippingRefund: { amount: 1_501 },
    });
    const returnId = asked.data!.requestReturn.id;
    const received = await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers);
    expect(received.data?.receiveReturn, JSON.stringify(received.errors)).toMatchObject({ status: 'REFUNDED', refund: { amount: 22_501 } });
    expect(await eventData(order.orderId, 'aftersales.return.received')).toEqual([
      expect.objectContaining({ refund: { amount: 22_501, currency: 'USD' }, shippingRefund: { amount: 1_501, currency: 'USD' }, claimId: null }),
    ]);

    const kept = lineOf(await aftersales.deliveredOrder(customer, { ...options, policy: 'deposit-store' }));
    expect((await gql(aftersales.url, requestReturn, { input: kept }, customer.headers)).data?.requestReturn).toMatchObject({
      quotedRefund: { amount: 21_000 },
      shippingRefund: { amount: 0 },
    });
  });
});

describe('a store that takes no returns for preference (statue-store)', () => {
  it('refuses at once, naming the rule, nothing saved', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'statue-store' }));
    expect(codeOf(await gql(aftersales.url, requestReturn, { input: order }, customer.headers))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'returns.no-preference-returns',
    });
    expect(await returnsOf(order.orderId)).toEqual([]);
  });
});
