import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { advanceClock, parisAddress, releaseProduct, startStoreStack, until } from './support/store-scenario.js';

// deposit-store (seeds 000 + 001) from checkout to the end of the order's
// life, orders and payments both real, with the preset's exact amounts: a
// 10,000 figure, a 30% deposit of 3,000, shipping 1,500. Cancellations at 23
// hours (free: within 24 h of the deposit), 3 days (50% of the deposit:
// within 7 days of the order) and 8 days (nothing back); the balance notice
// on release, and two orders' balances settled in one payment.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('deposit_store', 'deposit-store');
});
afterAll(async () => {
  await stack?.stop();
});

const checkoutMutation = graphql(`
  mutation DepositStoreCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
    }
  }
`);
const orderQuery = graphql(`
  query DepositStoreOrder($id: ID!) {
    order(id: $id) {
      id
      status
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
      amountPaid {
        amount
      }
      amountRefunded {
        amount
      }
      refunds {
        amount {
          amount
        }
        status
      }
    }
  }
`);
const payMutation = graphql(`
  mutation DepositStorePay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
      purpose
      amount {
        amount
      }
      allocations {
        orderId
        amount {
          amount
        }
      }
    }
  }
`);
const quoteQuery = graphql(`
  query DepositStoreQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      paid {
        amount
      }
      fee {
        amount
      }
      forfeited {
        amount
      }
      refund {
        amount
      }
      rule {
        id
      }
      token
    }
  }
`);
const cancelMutation = graphql(`
  mutation DepositStoreCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);

const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;

/** A 10,000 figure on preorder; each call of `order` checks it out under deposit-store and pays the 3,000 deposit. */
async function figure() {
  return createProduct(stack, 50, 10_000, { status: 'PREORDER' });
}

async function securedPreorder(customer: Identity, productId: string): Promise<string> {
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  const id = placed.data!.checkout[0]!.id;
  const awaiting = await until(
    () => orderOf(customer, id),
    (o) => o.status === 'AWAITING_PAYMENT',
  );
  expect(awaiting.nextPayment).toMatchObject({ purpose: 'DEPOSIT', amount: { amount: 3_000 } });
  const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
  expect(paid.data?.pay, JSON.stringify(paid.errors)).toMatchObject({ status: 'SUCCEEDED', purpose: 'DEPOSIT', amount: { amount: 3_000 } });
  await until(
    () => orderOf(customer, id),
    (o) => o.status === 'SECURED',
  );
  return id;
}

/** The quote, then the cancellation on its terms; waits for payments to have settled any refund. */
async function cancelOnQuote(customer: Identity, id: string) {
  const quote = (await graph(stack, quoteQuery, { id }, customer)).data!.cancellationQuote;
  const cancelled = await graph(stack, cancelMutation, { id, token: quote.token }, customer);
  expect(cancelled.data?.cancelOrder.status, JSON.stringify(cancelled.errors)).toBe('CANCELLED');
  const ended = await until(
    () => orderOf(customer, id),
    (o) => o.refunds.every((r) => r.status === 'SUCCEEDED') && o.amountRefunded?.amount === quote.refund.amount,
  );
  return { quote, ended };
}

describe('deposit-store cancellations, each at its own point of the clock (000)', () => {
  it('23 hours after the deposit: free, the whole 3,000 back', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await figure()).id);
    await advanceClock(stack, 23);
    const { quote, ended } = await cancelOnQuote(customer, id);
    expect(quote).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 0 }, refund: { amount: 3_000 } });
    expect(quote.rule.id).toMatch(/free-within-deposit-window/);
    expect(ended).toMatchObject({ outcome: { kind: 'CANCELLED', kept: { amount: 0 }, refund: { amount: 3_000 } }, amountRefunded: { amount: 3_000 } });
  });

  it('3 days after the order: a restocking fee of 50% of the deposit, 1,500 back', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await figure()).id);
    await advanceClock(stack, 72);
    const { quote, ended } = await cancelOnQuote(customer, id);
    expect(quote).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 1_500 }, forfeited: { amount: 0 }, refund: { amount: 1_500 } });
    expect(quote.rule.id).toMatch(/restocking-fee-within-order-window/);
    expect(ended).toMatchObject({
      outcome: { kept: { amount: 1_500 }, refund: { amount: 1_500 } },
      amountPaid: { amount: 3_000 },
      amountRefunded: { amount: 1_500 },
    });
  });

  it('8 days after the order: accepted, nothing refunded, the deposit kept', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await figure()).id);
    await advanceClock(stack, 8 * 24);
    const { quote, ended } = await cancelOnQuote(customer, id);
    // No fee as such: after the tiers everything paid is forfeited (the quote tells the two apart).
    expect(quote).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 0 }, forfeited: { amount: 3_000 }, refund: { amount: 0 } });
    expect(ended).toMatchObject({
      outcome: { kept: { amount: 3_000 }, refund: { amount: 0 } },
      amountPaid: { amount: 3_000 },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
  });
});

const staffCancelMutation = graphql(`
  mutation DepositStoreStaffCancel($id: ID!, $reason: String!, $waive: Boolean!) {
    cancelOrder(id: $id, reason: $reason, waiveFees: $waive) {
      status
    }
  }
`);

describe('staff cancellations (000, with the back office): the policy decides what is kept unless staff waive it', () => {
  it('8 days after the order: staff keep the deposit as the policy says, or waive it and refund the whole 3,000; each is audited, and a second cancellation is refused', async () => {
    const customer = await stack.newCustomer();
    const product = (await figure()).id;
    const kept = await securedPreorder(customer, product);
    const waived = await securedPreorder(customer, product);
    await advanceClock(stack, 8 * 24);

    const reason = 'The customer asked by phone.';
    const byPolicy = await graph(stack, staffCancelMutation, { id: kept, reason, waive: false }, stack.admin);
    expect(byPolicy.data?.cancelOrder.status, JSON.stringify(byPolicy.errors)).toBe('CANCELLED');
    const generous = await graph(stack, staffCancelMutation, { id: waived, reason, waive: true }, stack.admin);
    expect(generous.data?.cancelOrder.status, JSON.stringify(generous.errors)).toBe('CANCELLED');

    // After the tiers the policy forfeits everything paid: staff following it keep the 3,000.
    expect(await orderOf(customer, kept)).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', by: 'STAFF', kept: { amount: 3_000 }, refund: { amount: 0 } },
      amountRefunded: { amount: 0 },
    });
    // Waived: nothing kept, the deposit refunded in full through payments.
    const refunded = await until(
      () => orderOf(customer, waived),
      (o) => o.amountRefunded?.amount === 3_000,
    );
    expect(refunded.outcome).toEqual({
      kind: 'CANCELLED',
      by: 'STAFF',
      kept: { amount: 0 },
      refund: { amount: 3_000 },
      rule: { id: 'cancellation.fees-waived' },
    });

    const audited = (action: string, subject: string) =>
      count(stack, `select count(*) as n from orders.audit_entry where action = ? and subject = ? and actor = ? and details->>'reason' = ?`, [
        action,
        subject,
        stack.admin.id,
        reason,
      ]);
    expect(await audited('order.cancelled-by-staff', kept)).toBe(1);
    expect(await audited('order.fees-waived', waived)).toBe(1);
    expect(
      await count(
        stack,
        `select count(*) as n from orders.audit_entry where subject = ? and (details->>'wouldHaveKept')::int = 3000 and (details->>'kept')::int = 0`,
        [waived],
      ),
    ).toBe(1);

    const again = await graph(stack, staffCancelMutation, { id: waived, reason, waive: true }, stack.admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_ENDED' });
  });
});

describe('release (000): one balance notice per order, several balances in one payment', () => {
  it('each deposit order owes 7,000 + 1,500 shipping after the release; one payment settles both and both are ready to fulfil', async () => {
    const customer = await stack.newCustomer();
    const [first, second] = [await figure(), await figure()];
    const orders = [await securedPreorder(customer, first.id), await securedPreorder(customer, second.id)];
    for (const product of [first, second]) await releaseProduct(stack, product.id);
    for (const id of orders) {
      const due = await until(
        () => orderOf(customer, id),
        (o) => o.status === 'PAYMENT_DUE',
      );
      expect(due.nextPayment).toMatchObject({ purpose: 'BALANCE', amount: { amount: 8_500 }, goods: { amount: 7_000 }, shipping: { amount: 1_500 } });
      expect(due.nextPayment!.rule).toMatch(/14 days/);
    }
    const paid = await graph(stack, payMutation, { input: { orderIds: orders, paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 17_000 } });
    expect(paid.data!.pay.allocations.map((a) => [a.orderId, a.amount.amount]).sort()).toEqual(orders.map((id) => [id, 8_500]).sort());
    for (const id of orders) {
      const ready = await until(
        () => orderOf(customer, id),
        (o) => o.status === 'READY_TO_FULFIL',
      );
      expect(ready).toMatchObject({ nextPayment: null, amountPaid: { amount: 11_500 }, amountRefunded: { amount: 0 } });
    }
  });
});

const previewQuery = graphql(`
  query DepositStoreCheckoutPreview($input: CheckoutPreviewInput!) {
    checkoutPreview(input: $input) {
      policyVersion
      dueAtOrder {
        amount
      }
      orders {
        kind
        paymentPlan
        lines {
          product {
            id
          }
          quantity
        }
        total {
          amount
        }
        shippingEstimate {
          amount
        }
        dueAtOrder {
          amount
        }
        dueLater {
          amount
        }
        deposit {
          amount
        }
      }
    }
  }
`);
const placedQuery = graphql(`
  query DepositStorePlacedOrder($id: ID!) {
    order(id: $id) {
      kind
      total {
        amount
      }
      shippingEstimate {
        amount
      }
      dues {
        purpose
        amount {
          amount
        }
      }
    }
  }
`);

describe('checkout preview (000): the orders a cart would become, priced as checkout prices them, nothing written', () => {
  it('a figure on preorder, two of another and a figure in stock: three orders, each with what it pays now and later, and the checkout then asks exactly that', async () => {
    const customer = await stack.newCustomer();
    const [one, two] = [await figure(), await figure()];
    const inStock = await createProduct(stack, 50, 2_000);
    const lines = [
      { productId: one.id, quantity: 1 },
      { productId: two.id, quantity: 2 },
      { productId: inStock.id, quantity: 1 },
    ];
    const res = await graph(stack, previewQuery, { input: { lines, shippingMethod: 'STANDARD' } }, customer);
    expect(res.errors).toBeUndefined();
    const preview = res.data!.checkoutPreview;
    const planned = (id: string) => preview.orders.find((o) => o.lines.some((l) => l.product.id === id))!;
    expect(preview.orders).toHaveLength(3);
    // 30% deposit now; the rest with the shipping (1,500 the first item, 500 each more) on release.
    expect(planned(one.id)).toMatchObject({
      kind: 'PREORDER',
      paymentPlan: 'DEPOSIT',
      total: { amount: 10_000 },
      shippingEstimate: { amount: 1_500 },
      deposit: { amount: 3_000 },
      dueAtOrder: { amount: 3_000 },
      dueLater: { amount: 8_500 },
    });
    expect(planned(two.id)).toMatchObject({
      total: { amount: 20_000 },
      shippingEstimate: { amount: 2_000 },
      dueAtOrder: { amount: 6_000 },
      dueLater: { amount: 16_000 },
    });
    // In stock: everything now, shipping included.
    expect(planned(inStock.id)).toMatchObject({
      kind: 'IN_STOCK',
      paymentPlan: 'IN_STOCK',
      dueAtOrder: { amount: 3_500 },
      dueLater: { amount: 0 },
      deposit: null,
    });
    expect(preview.dueAtOrder.amount).toBe(3_000 + 6_000 + 3_500);
    // Nothing written, nothing held.
    expect(await count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [customer.id])).toBe(0);
    expect(await count(stack, 'select count(*) as n from orders.checkout where customer_id = ?', [customer.id])).toBe(0);

    const placed = await graph(
      stack,
      checkoutMutation,
      { input: { lines, shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
      customer,
    );
    expect(placed.errors).toBeUndefined();
    for (const { id } of placed.data!.checkout) {
      const order = (await graph(stack, placedQuery, { id }, customer)).data!.order;
      const lineOf = preview.orders.find((o) => o.total.amount === order.total.amount && o.kind === order.kind)!;
      expect(order.shippingEstimate.amount).toBe(lineOf.shippingEstimate.amount);
      const atOrder = await until(
        async () => (await graph(stack, placedQuery, { id }, customer)).data!.order,
        (o) => o.dues.length > 0,
      );
      expect(atOrder.dues[0]!.amount.amount).toBe(lineOf.dueAtOrder.amount);
    }
  });

  it('refuses a cart as checkout refuses it: an unknown product and a method the store does not ship by, each on its field, and nothing is written', async () => {
    const customer = await stack.newCustomer();
    const unknown = await graph(stack, previewQuery, { input: { lines: [{ productId: randomUUID(), quantity: 1 }], shippingMethod: 'STANDARD' } }, customer);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const product = await figure();
    const method = await graph(stack, previewQuery, { input: { lines: [{ productId: product.id, quantity: 1 }], shippingMethod: 'CARRIER_PIGEON' } }, customer);
    expect(method.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(method.errors?.[0]?.message).toBe('This shipping method is not available.');
    expect(await count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [customer.id])).toBe(0);
  });
});
