import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippingRatesPublishedV1 } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { publishAs } from './support/publish-as.js';
import { count } from './support/sql.js';
import { createProduct, graph, startTestStack, type TestStack } from './support/stack.js';

// Money through the gateway, orders and payments both real: a customer checks
// out a preorder under deposit-store (000), orders announces the deposit
// (PaymentDue), the customer pays it to payments under an idempotency key,
// payments' PaymentSucceeded secures the order; a cancellation's fee is
// decided by orders under the order's policy and payments keeps it and
// refunds the rest (RefundIssued). Order shows both services' fields.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    label: 'payments_gateway',
    env: { orders: { TIMER_POLL_MS: '200' }, payments: { TIMER_POLL_MS: '200' } },
  });
  // Logistics' rate card (its service comes with its own issue): STANDARD to France 1,500 + 500 per extra item.
  await publishAs(stack, 'logistics', shippingRatesPublishedV1, 'rates-1', {
    version: 1,
    currency: 'USD',
    methods: [{ code: 'STANDARD', label: 'Standard', zones: [{ countries: ['FR'], firstItem: 1_500, additionalItem: 500 }] }],
    publishedAt: new Date().toISOString(),
  });
  await eventually(async () => (await count(stack, 'select count(*) as n from orders.shipping_rate_card')) === 1);
});
afterAll(async () => {
  await stack?.stop();
});

const checkoutMutation = graphql(`
  mutation PaymentsCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
      kind
      paymentPlan
      total {
        amount
      }
      shippingEstimate {
        amount
      }
    }
  }
`);

const orderMoneyQuery = graphql(`
  query PaymentsOrderMoney($id: ID!) {
    order(id: $id) {
      id
      status
      nextPayment {
        id
        purpose
        amount {
          amount
        }
        status
      }
      dues {
        purpose
        amount {
          amount
        }
        status
      }
      outcome {
        kind
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
      amountDue {
        amount
      }
      amountPaid {
        amount
        currency
      }
      amountRefunded {
        amount
      }
      payments {
        id
        status
        purpose
      }
      refunds {
        amount {
          amount
        }
        reason
        status
      }
      payNowUrl
    }
  }
`);

const payMutation = graphql(`
  mutation PaymentsPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      id
      status
      purpose
      amount {
        amount
        currency
      }
      allocations {
        orderId
        dueId
        amount {
          amount
        }
      }
    }
  }
`);

const quoteQuery = graphql(`
  query PaymentsCancellationQuote($id: ID!) {
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
      }
      token
    }
  }
`);

const cancelMutation = graphql(`
  mutation PaymentsCancelOrder($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);

const advanceClockMutation = graphql(`
  mutation PaymentsAdvanceClock($hours: Int!) {
    advanceSandboxClock(hours: $hours) {
      aheadHours
    }
  }
`);

const reconciliationQuery = graphql(`
  query PaymentsReconciliation {
    ledgerReconciliation {
      balanced
      processingIntents
      discrepancies {
        kind
      }
    }
  }
`);

const address = { name: 'Ada Lovelace', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };
const orderOf = async (who: Identity, id: string) => (await graph(stack, orderMoneyQuery, { id }, who)).data?.order;
const until = <T>(read: () => Promise<T | null | undefined>, holds: (value: T) => boolean) =>
  eventually(async () => {
    const value = await read();
    return value != null && holds(value) ? value : null;
  });
const pay = (who: Identity, orderId: string, key = randomUUID()) =>
  graph(stack, payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key }, who);

/** A customer's preorder of a 10,000 figure under deposit-store, its 30% deposit announced by orders and known to payments. */
async function preorderAwaitingDeposit(customer: Identity) {
  const product = await createProduct(stack, 10, 10_000, { status: 'PREORDER' });
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId: product.id, quantity: 1 }], shippingAddress: address, shippingMethod: 'STANDARD' }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  expect(placed.data!.checkout).toEqual([
    { id: expect.any(String), kind: 'PREORDER', paymentPlan: 'DEPOSIT', total: { amount: 10_000 }, shippingEstimate: { amount: 1_500 } },
  ]);
  const id = placed.data!.checkout[0]!.id;
  // orders announces the deposit once catalog holds the unit; payments' amountDue on the same Order shows it arrived.
  return until(
    () => orderOf(customer, id),
    (o) => o.status === 'AWAITING_PAYMENT' && (o.amountDue?.amount ?? 0) > 0,
  );
}

/** Pays the order's deposit and waits until orders has secured it. */
async function payDeposit(customer: Identity, orderId: string) {
  const paid = await pay(customer, orderId);
  expect(paid.data?.pay.status, JSON.stringify(paid.errors)).toBe('SUCCEEDED');
  return until(
    () => orderOf(customer, orderId),
    (o) => o.status === 'SECURED',
  );
}

/** Cancels on the quoted terms and waits until payments has paid the refund out. */
async function cancelOnQuote(customer: Identity, orderId: string, token: string) {
  const cancelled = await graph(stack, cancelMutation, { id: orderId, token }, customer);
  expect(cancelled.errors).toBeUndefined();
  expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
  return until(
    () => orderOf(customer, orderId),
    (o) => o.refunds.length > 0 && o.refunds.every((r) => r.status === 'SUCCEEDED'),
  );
}

describe('a deposit preorder, paid through the gateway', () => {
  let customer: Identity;
  let orderId: string;

  it('orders announces the 30% deposit; payments collects exactly that under an idempotency key, and orders secures the order', async () => {
    customer = await stack.newCustomer();
    const awaiting = await preorderAwaitingDeposit(customer);
    orderId = awaiting.id;
    expect(awaiting).toMatchObject({
      nextPayment: { purpose: 'DEPOSIT', amount: { amount: 3_000 }, status: 'OPEN' },
      amountDue: { amount: 3_000 },
      amountPaid: { amount: 0, currency: 'USD' },
      payments: [],
      payNowUrl: expect.stringMatching(/\/pay\?t=/),
    });
    const dueId = awaiting.nextPayment!.id;

    const key = randomUUID();
    const paid = await pay(customer, orderId, key);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.pay).toMatchObject({
      status: 'SUCCEEDED',
      purpose: 'DEPOSIT',
      amount: { amount: 3_000, currency: 'USD' },
      allocations: [{ orderId, dueId, amount: { amount: 3_000 } }],
    });
    // A retry under the same key gets the first answer back and charges nothing more.
    expect((await pay(customer, orderId, key)).data).toEqual(paid.data);

    // Under a new key it is a second payment: refused, the deposit is paid.
    const again = await pay(customer, orderId);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_PAID' });

    const held = await until(
      () => orderOf(customer, orderId),
      (o) => o.status === 'SECURED',
    );
    expect(held).toMatchObject({
      nextPayment: null,
      dues: [{ purpose: 'DEPOSIT', amount: { amount: 3_000 }, status: 'PAID' }],
      amountDue: { amount: 0 },
      amountPaid: { amount: 3_000, currency: 'USD' },
      amountRefunded: { amount: 0 },
      payments: [{ id: paid.data!.pay.id, status: 'SUCCEEDED', purpose: 'DEPOSIT' }],
      payNowUrl: null,
    });
    expect(await count(stack, `select count(*) as n from payments.sandbox_payment where charge_id is not null and amount = 3000`)).toBeGreaterThanOrEqual(1);
  });

  it('someone else can neither pay it nor see it', async () => {
    const stranger = await stack.newCustomer();
    expect((await pay(stranger, orderId)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graph(stack, orderMoneyQuery, { id: orderId }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('cancelled within 24 h of the deposit: free (000), and payments gives the whole deposit back', async () => {
    const quote = (await graph(stack, quoteQuery, { id: orderId }, customer)).data!.cancellationQuote;
    expect(quote).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 0 }, refund: { amount: 3_000 } });
    const refunded = await cancelOnQuote(customer, orderId, quote.token);
    expect(refunded).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', kept: { amount: 0 }, refund: { amount: 3_000 }, rule: { id: quote.rule.id } },
      amountPaid: { amount: 3_000 },
      amountRefunded: { amount: 3_000 },
      refunds: [{ amount: { amount: 3_000 }, reason: 'CANCELLATION', status: 'SUCCEEDED' }],
    });
  });
});

// Runs last: it moves the store's clock two days forward for this file's stack.
describe('a deposit preorder cancelled two days after its deposit', () => {
  it('orders keeps 50% of the deposit as the fee (000: within 7 days of the order); payments keeps it and refunds the rest', async () => {
    const customer = await stack.newCustomer();
    const { id } = await preorderAwaitingDeposit(customer);
    await payDeposit(customer, id);
    const moved = await graph(stack, advanceClockMutation, { hours: 48 }, stack.admin);
    expect(moved.data?.advanceSandboxClock.aheadHours, JSON.stringify(moved.errors)).toBeGreaterThanOrEqual(48);
    const quote = await until(
      async () => (await graph(stack, quoteQuery, { id }, customer)).data?.cancellationQuote,
      (q) => q.fee.amount > 0,
    );
    expect(quote).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 1_500 }, refund: { amount: 1_500 } });
    const refunded = await cancelOnQuote(customer, id, quote.token);
    expect(refunded).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', kept: { amount: 1_500 }, refund: { amount: 1_500 }, rule: { id: quote.rule.id } },
      amountPaid: { amount: 3_000 },
      amountRefunded: { amount: 1_500 },
      refunds: [{ amount: { amount: 1_500 }, reason: 'CANCELLATION', status: 'SUCCEEDED' }],
    });
    const fees = await count(stack, `select coalesce(-sum(amount), 0) as n from payments.ledger_posting where order_id = ? and account = 'FEES_EARNED'`, [id]);
    expect(fees).toBe(1_500);
  });

  it('staff find the ledger balanced and equal to the provider', async () => {
    const res = await until(
      async () => (await graph(stack, reconciliationQuery, {}, stack.admin)).data?.ledgerReconciliation,
      (r) => r.processingIntents === 0,
    );
    expect(res).toEqual({ balanced: true, processingIntents: 0, discrepancies: [] });
  });
});
