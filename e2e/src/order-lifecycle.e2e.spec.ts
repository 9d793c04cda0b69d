import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalPaymentDueAt, presets } from '@vitrine/policy';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { CheckoutInput, PublishStorePolicyInput } from './__generated__/graphql.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, stockOf, type TestStack } from './support/stack.js';
import { parisAddress, startStoreStack } from './support/store-scenario.js';

// The order's life under versioned store policies, through the gateway: a
// cart split into orders, terms recorded on each, deadlines that expire
// unpaid orders on the store's (sandbox) clock, arrival notices, rights
// opened by spec changes, and a policy published later that changes nothing
// for orders already placed. Money moving is in the payments scenarios.
let stack: TestStack;

beforeAll(async () => {
  // Logistics' rate card: STANDARD to France 1,500 + 500 per extra item.
  stack = await startStoreStack('order_lifecycle');
});
afterAll(async () => {
  await stack?.stop();
});

const address = parisAddress;
graphql(`
  fragment OrderLifecycleOrderFields on Order {
    id
    status
    kind
    paymentPlan
    policyVersion
    total {
      amount
      currency
    }
    shippingEstimate {
      amount
    }
    nextPayment {
      purpose
      amount {
        amount
      }
      goods {
        amount
      }
      shipping {
        amount
      }
      dueAt
      rule
      status
    }
    outcome {
      kind
      by
      kept {
        amount
      }
      refund {
        amount
      }
      rule {
        id
      }
    }
    cancellationRight {
      reason
      closesAt
    }
    arrivedAtWarehouseAt
    lines {
      quantity
      product {
        id
      }
    }
  }
`);
const checkoutMutation = graphql(`
  mutation OrderLifecycleCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      ...OrderLifecycleOrderFields
    }
  }
`);
const orderQuery = graphql(`
  query OrderLifecycleOrder($id: ID!) {
    order(id: $id) {
      ...OrderLifecycleOrderFields
    }
  }
`);
const orderIdQuery = graphql(`
  query OrderLifecycleOrderId($id: ID!) {
    order(id: $id) {
      id
    }
  }
`);
const quoteQuery = graphql(`
  query OrderLifecycleQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      paid {
        amount
      }
      fee {
        amount
      }
      refund {
        amount
      }
      rule {
        id
        text
      }
      token
    }
  }
`);
const advanceClockMutation = graphql(`
  mutation OrderLifecycleAdvanceClock($h: Int!) {
    advanceSandboxClock(hours: $h) {
      now
      aheadHours
    }
  }
`);
const publishPolicyMutation = graphql(`
  mutation OrderLifecyclePublishPolicy($input: PublishStorePolicyInput!) {
    publishStorePolicy(input: $input) {
      version
      policyId
      preset
    }
  }
`);
const flagMutation = graphql(`
  mutation OrderLifecycleFlag($id: ID!) {
    flagCustomer(customerId: $id, flag: PREORDER_ABUSE, reason: "Five unpaid preorders.") {
      id
    }
  }
`);
const cancelMutation = graphql(`
  mutation OrderLifecycleCancel($id: ID!) {
    cancelOrder(id: $id) {
      id
      status
    }
  }
`);
const cancelOnQuoteMutation = graphql(`
  mutation OrderLifecycleCancelOnQuote($id: ID!, $t: String) {
    cancelOrder(id: $id, quoteToken: $t) {
      status
      outcome {
        by
        rule {
          id
        }
      }
    }
  }
`);
const arrivedMutation = graphql(`
  mutation OrderLifecycleArrived($p: ID!, $w: ID!) {
    arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: 5) {
      surplus
    }
  }
`);
const specChangeMutation = graphql(`
  mutation OrderLifecycleSpecChange($p: ID!) {
    recordSpecChange(productId: $p, input: { reason: "The maker changed the base.", changes: [{ field: "base", from: "resin", to: "PVC" }] }) {
      id
    }
  }
`);

const checkout = (who: Identity, lines: CheckoutInput['lines'], extra: Partial<CheckoutInput> = {}, key = randomUUID()) =>
  graph(stack, checkoutMutation, { input: { lines, shippingAddress: address, shippingMethod: 'STANDARD', ...extra }, key }, who);
const order = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data!.order;
const settled = (who: Identity, id: string) => eventually(async () => ((await order(who, id)).status !== 'PENDING' ? order(who, id) : null));
const quote = (who: Identity, id: string) => graph(stack, quoteQuery, { id }, who);
const advanceClock = (hours: number, who: Identity = stack.admin) => graph(stack, advanceClockMutation, { h: hours }, who);
const publishPolicy = (input: PublishStorePolicyInput) => graph(stack, publishPolicyMutation, { input }, stack.admin);
const preorderProduct = (price: number) => createProduct(stack, 10, price, { status: 'PREORDER' });

describe('checkout', () => {
  it('splits a cart: items in stock in one order, each preorder in its own, each with its terms and estimate', async () => {
    const [inStock, figure, statue] = [await createProduct(stack, 5, 4_000), await preorderProduct(10_000), await preorderProduct(20_000)];
    const customer = await stack.newCustomer();
    const res = await checkout(customer, [
      { productId: figure.id, quantity: 1 },
      { productId: inStock.id, quantity: 1 },
      { productId: statue.id, quantity: 2 },
    ]);
    expect(res.errors).toBeUndefined();
    const placed = res.data!.checkout;
    expect(placed.map((o) => [o.kind, o.paymentPlan, o.total.amount, o.shippingEstimate.amount, o.policyVersion])).toEqual([
      ['IN_STOCK', 'IN_STOCK', 4_000, 1_500, 1],
      ['PREORDER', 'DEPOSIT', 10_000, 1_500, 1],
      ['PREORDER', 'DEPOSIT', 40_000, 2_000, 1],
    ]);
    const [stockOrder, figureOrder, statueOrder] = await Promise.all(placed.map((o) => settled(customer, o.id)));
    // deposit-store (000): items in stock paid in full with the shipping estimate; preorders a 30% deposit, shipping later.
    expect(stockOrder!.status).toBe('AWAITING_PAYMENT');
    expect(stockOrder!.nextPayment).toMatchObject({
      purpose: 'FULL_PAYMENT',
      amount: { amount: 5_500 },
      goods: { amount: 4_000 },
      shipping: { amount: 1_500 },
    });
    expect(figureOrder!.nextPayment).toMatchObject({ purpose: 'DEPOSIT', amount: { amount: 3_000 }, shipping: { amount: 0 } });
    expect(statueOrder!.nextPayment).toMatchObject({ purpose: 'DEPOSIT', amount: { amount: 12_000 } });
    expect(stockOrder!.nextPayment!.rule).toBe('What is due when ordering must be paid within 1 hour, or the order lapses and its items go back on sale.');
  });

  it('a retry with the same key returns the same orders; the key with another address is a CONFLICT and writes nothing', async () => {
    const product = await createProduct(stack, 5, 1_000);
    const customer = await stack.newCustomer();
    const key = randomUUID();
    const first = await checkout(customer, [{ productId: product.id, quantity: 1 }], {}, key);
    const again = await checkout(customer, [{ productId: product.id, quantity: 1 }], {}, key);
    expect(again.data!.checkout.map((o) => o.id)).toEqual(first.data!.checkout.map((o) => o.id));
    const before = await count(stack, 'select count(*) as n from orders.customer_order');
    const other = await checkout(customer, [{ productId: product.id, quantity: 1 }], { shippingAddress: { ...address, line1: '2 rue de Rivoli' } }, key);
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(stack, 'select count(*) as n from orders.customer_order')).toBe(before);
  });

  it('a customer flagged for preorder abuse pays in full at order (deposit-store), shipping included', async () => {
    const product = await preorderProduct(10_000);
    const customer = await stack.newCustomer();
    const flagged = await graph(stack, flagMutation, { id: customer.id }, stack.admin);
    expect(flagged.errors).toBeUndefined();
    await eventually(async () => (await count(stack, `select count(*) as n from orders.customer_flag where customer_id = ? and active`, [customer.id])) === 1);
    const placed = await checkout(customer, [{ productId: product.id, quantity: 1 }]);
    const held = await settled(customer, placed.data!.checkout[0]!.id);
    expect(held.nextPayment).toMatchObject({ purpose: 'FULL_PAYMENT', amount: { amount: 11_500 }, goods: { amount: 10_000 }, shipping: { amount: 1_500 } });
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const product = await createProduct(stack, 5, 1_000);
    const customer = await stack.newCustomer();
    const before = await count(stack, 'select count(*) as n from orders.customer_order');
    const lines = [{ productId: product.id, quantity: 1 }];
    const problems = async (extra: Record<string, unknown>) => {
      const res = await checkout(customer, lines, extra);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return res.errors![0]!.extensions!.problems.map((p: any) => `${p.field}:${p.reason}`);
    };
    expect(await problems({ shippingMethod: 'DRONE' })).toEqual(['shippingMethod:UNKNOWN_SHIPPING_METHOD']);
    expect(await problems({ shippingAddress: { ...address, country: 'DE' } })).toEqual(['shippingAddress.country:OUTSIDE_REGION']);
    expect(await problems({ shippingAddress: { ...address, postalCode: '' } })).toEqual(['shippingAddress.postalCode:INVALID']);
    expect(await problems({ shippingAddress: { ...address, city: 'x'.repeat(500) } })).toEqual(['shippingAddress.city:maxLength']);
    expect(await count(stack, 'select count(*) as n from orders.customer_order')).toBe(before);
  });
});

describe('a per-customer limit on a limited product', () => {
  it('holds under concurrency: ten parallel checkouts of one unit by one buyer, limit 3, make exactly three orders', async () => {
    const product = await createProduct(stack, 20, 1_000, { maxQuantityPerCustomer: 3 });
    await eventually(
      async () => (await count(stack, 'select count(*) as n from orders.known_product where id = ? and max_quantity_per_customer = 3', [product.id])) === 1,
    );
    const buyer = await stack.newCustomer();
    const results = await Promise.all(Array.from({ length: 10 }, () => checkout(buyer, [{ productId: product.id, quantity: 1 }])));
    const placed = results.filter((r) => !r.errors);
    expect(placed).toHaveLength(3);
    for (const refused of results.filter((r) => r.errors)) {
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ reason: 'OVER_CUSTOMER_LIMIT' }] });
    }
    // Another customer is not held back by the first one's orders.
    expect((await checkout(await stack.newCustomer(), [{ productId: product.id, quantity: 3 }])).errors).toBeUndefined();
    // A cancelled order no longer counts.
    const first = placed[0]!.data!.checkout[0]!.id;
    await settled(buyer, first);
    expect((await graph(stack, cancelMutation, { id: first }, buyer)).data!.cancelOrder.status).toBe('CANCELLED');
    expect((await checkout(buyer, [{ productId: product.id, quantity: 1 }])).errors).toBeUndefined();
    expect((await checkout(buyer, [{ productId: product.id, quantity: 1 }])).errors?.[0]?.extensions?.problems[0].message).toBe(
      'At most 3 of this product per customer: you already have 3 on order.',
    );
  });
});

describe('deadlines on the store clock', () => {
  it('an unpaid checkout lapses after the hour the store holds its units: expired, units back, not an abuse', async () => {
    const product = await createProduct(stack, 5, 1_000);
    const customer = await stack.newCustomer();
    const placed = await checkout(customer, [{ productId: product.id, quantity: 2 }]);
    const id = placed.data!.checkout[0]!.id;
    expect((await settled(customer, id)).status).toBe('AWAITING_PAYMENT');
    expect(await stockOf(stack, product.id)).toBe(3);

    expect((await advanceClock(2)).data!.advanceSandboxClock.aheadHours).toBeGreaterThanOrEqual(2);
    const expired = await eventually(async () => ((await order(customer, id)).status === 'EXPIRED' ? order(customer, id) : null));
    expect(expired.outcome).toEqual({ kind: 'EXPIRED', by: 'SYSTEM', kept: { amount: 0 }, refund: { amount: 0 }, rule: { id: 'expiry.unpaid-at-deadline' } });
    expect(expired.nextPayment).toBeNull();
    await eventually(async () => (await stockOf(stack, product.id)) === 5);
    expect(
      await count(
        stack,
        `select count(*) as n from orders.outbox_message where type = 'orders.order.expired' and envelope->'data'->>'orderId' = ? and envelope->'data'->>'countsTowardAbuse' = 'false'`,
        [id],
      ),
    ).toBe(1);
  });

  it('only staff move the clock, and only forward', async () => {
    const customer = await stack.newCustomer();
    expect((await advanceClock(1, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await advanceClock(0)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await advanceClock(-5)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cancellation quotes', () => {
  it("quotes under the order's own policy version, refuses a stale token, and cancels on the quoted terms once", async () => {
    const product = await createProduct(stack, 5, 1_000);
    const customer = await stack.newCustomer();
    const id = (await checkout(customer, [{ productId: product.id, quantity: 1 }])).data!.checkout[0]!.id;
    await settled(customer, id);
    const first = (await quote(customer, id)).data!.cancellationQuote;
    // deposit-store (000), in stock and not processed: free; nothing was paid yet.
    expect(first).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 0 }, fee: { amount: 0 }, refund: { amount: 0 } });
    const stale = await graph(stack, cancelOnQuoteMutation, { id, t: 'not-the-token' }, customer);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await order(customer, id)).status).toBe('AWAITING_PAYMENT');
    const done = await graph(stack, cancelOnQuoteMutation, { id, t: first.token }, customer);
    expect(done.data!.cancelOrder).toEqual({ status: 'CANCELLED', outcome: { by: 'CUSTOMER', rule: { id: first.rule.id } } });
    const twice = await graph(stack, cancelMutation, { id }, customer);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_ENDED' });
    const stranger = await stack.newCustomer();
    expect((await quote(stranger, id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graph(stack, orderIdQuery, { id: randomUUID() }, customer)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('store policies', () => {
  it('refuses an invalid document with every problem and its path, publishing nothing', async () => {
    const versions = await count(stack, 'select count(*) as n from orders.store_policy_version');
    const document = structuredClone(presets['deposit-store']);
    document.preorderCancellation.tiers[1]!.fee.percentBps = -10;
    document.preorderCancellation.tiers[0]!.within = { amount: 10, unit: 'DAYS' }; // now overlaps the 7-day tier after it
    const res = await publishPolicy({ document });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0]!.extensions!.problems.map((p: any) => p.field);
    expect(fields).toContain('document.preorderCancellation.tiers.1.fee.percentBps');
    expect(fields.some((f: string) => f.startsWith('document.preorderCancellation.tiers'))).toBe(true);
    expect((await publishPolicy({ preset: 'no-such-store' })).errors?.[0]?.extensions?.problems[0].reason).toBe('UNKNOWN_PRESET');
    expect(await count(stack, 'select count(*) as n from orders.store_policy_version')).toBe(versions);
  });
});

// Runs last: it publishes pay-on-arrival, which later orders of this file would take.
describe('pay-on-arrival (004), and a policy published after an order was placed', () => {
  it('a deposit-store order keeps its policy; pay-on-arrival orders get an arrival notice due in 5 business days, and expire unpaid', async () => {
    const product = await preorderProduct(10_000);
    const customer = await stack.newCustomer();
    const before = (await checkout(customer, [{ productId: product.id, quantity: 1 }])).data!.checkout[0]!.id;
    await settled(customer, before);

    expect((await publishPolicy({ preset: 'pay-on-arrival', note: 'New season.' })).data!.publishStorePolicy).toMatchObject({
      policyId: 'pay-on-arrival',
      preset: 'pay-on-arrival',
    });
    const placed = (await checkout(customer, [{ productId: product.id, quantity: 1 }])).data!.checkout[0]!;
    expect(placed.paymentPlan).toBe('PAY_ON_ARRIVAL');
    const secured = await settled(customer, placed.id);
    expect(secured).toMatchObject({ status: 'SECURED', nextPayment: null });
    // The earlier order is still judged by deposit-store: its quote names a deposit-store rule.
    expect((await order(customer, before)).policyVersion).toBe(1);
    expect((await quote(customer, before)).data!.cancellationQuote.rule.id).toMatch(/^preorder-cancellation\./);
    expect((await quote(customer, placed.id)).data!.cancellationQuote).toMatchObject({ outcome: 'ALLOWED', refund: { amount: 0 } });

    const arrived = await graph(stack, arrivedMutation, { p: product.id, w: stack.warehouses.france }, stack.admin);
    expect(arrived.errors).toBeUndefined();
    const due = await eventually(async () => ((await order(customer, placed.id)).status === 'PAYMENT_DUE' ? order(customer, placed.id) : null));
    const expected = arrivalPaymentDueAt(presets['pay-on-arrival'], new Date(due.arrivedAtWarehouseAt!));
    expect(due.nextPayment).toMatchObject({ purpose: 'ARRIVAL_PAYMENT', amount: { amount: 11_500 }, goods: { amount: 10_000 }, shipping: { amount: 1_500 } });
    expect(new Date(due.nextPayment!.dueAt!)).toEqual(expected.at);
    expect(due.nextPayment!.rule).toBe('Pay within 5 business days of the arrival notice.');
    // 004: cancellation is refused once the item is at the warehouse.
    expect((await quote(customer, placed.id)).data!.cancellationQuote.outcome).toBe('REFUSED');

    await advanceClock(24 * 9);
    const expired = await eventually(async () => ((await order(customer, placed.id)).status === 'EXPIRED' ? order(customer, placed.id) : null));
    expect(expired.outcome).toMatchObject({ kind: 'EXPIRED', kept: { amount: 0 }, refund: { amount: 0 } });
    expect(
      await count(
        stack,
        `select count(*) as n from orders.outbox_message where type = 'orders.order.expired' and envelope->'data'->>'orderId' = ? and envelope->'data'->>'countsTowardAbuse' = 'true'`,
        [placed.id],
      ),
    ).toBe(1);
  });

  it('a spec change opens the time-boxed right to cancel that pay-on-arrival grants, with a full refund', async () => {
    const product = await preorderProduct(5_000);
    const customer = await stack.newCustomer();
    const id = (await checkout(customer, [{ productId: product.id, quantity: 1 }])).data!.checkout[0]!.id;
    expect((await settled(customer, id)).status).toBe('SECURED');
    const spec = await graph(stack, specChangeMutation, { p: product.id }, stack.admin);
    expect(spec.errors).toBeUndefined();
    const offered = await eventually(async () => ((await order(customer, id)).cancellationRight ? order(customer, id) : null));
    expect(offered.cancellationRight!.reason).toBe('SPEC_CHANGE');
    expect((await quote(customer, id)).data!.cancellationQuote).toMatchObject({ outcome: 'ALLOWED', rule: { id: 'cancellation-right.on-spec-change' } });
    expect(
      await count(
        stack,
        `select count(*) as n from orders.outbox_message where type = 'orders.order.cancellation-offered' and envelope->'data'->>'orderId' = ?`,
        [id],
      ),
    ).toBe(1);
  });
});
