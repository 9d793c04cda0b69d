import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceDueAt, presets } from '@vitrine/policy';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import {
  advanceClock,
  franceShipping,
  ledgerOf,
  ledgerSettles,
  parisAddress,
  reconciliation,
  releaseProduct,
  startStoreStack,
  until,
} from './support/store-scenario.js';

// statue-store (seed 002) from checkout to the end of the order's life,
// orders and payments both real, with the preset's exact amounts. 002 is an
// after-sales page: every payment and cancellation number below is the
// preset's "store's choice" (packages/policy/src/presets/statue-store.ts):
// - a 40,000 resin statue; a deposit of 20% (deposit.percentBps 2000) = 8,000,
//   or full payment at order (fullPaymentAllowed) = 40,000 + the 1,500 shipping
//   estimate = 41,500;
// - cancelled within 24 hours of the deposit (tier free-within-deposit-window):
//   free; after it (afterTiers: FEE 100% of the DEPOSIT): the 8,000 deposit is
//   kept and anything paid above it refunded;
// - on release one balance notice, 32,000 + 1,500 shipping = 33,500, due
//   within 14 days (deposit.balanceDue); unpaid by then the order expires and
//   the deposit is kept (expiry.depositKept).
// Money is checked in payments' ledger as well as on the order.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('statue_store', 'statue-store');
});
afterAll(async () => {
  await stack?.stop();
});

const price = 40_000;
const shipping = franceShipping.firstItem; // STANDARD to France, one item: 1,500
const deposit = 8_000; // statue-store: deposit.percentBps 2000 (20%) of 40,000
const fullPayment = 41_500; // statue-store: fullPaymentAllowed; full payment at order includes the shipping estimate: 40,000 + 1,500
const balance = 32_000; // the price less the deposit: 40,000 - 8,000

const checkoutMutation = graphql(`
  mutation StatueStoreCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
      kind
      paymentPlan
      policyVersion
      total {
        amount
      }
      shippingEstimate {
        amount
      }
    }
  }
`);
const orderQuery = graphql(`
  query StatueStoreOrder($id: ID!) {
    order(id: $id) {
      id
      status
      releasedAt
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
  mutation StatueStorePay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
      purpose
      amount {
        amount
      }
    }
  }
`);
const quoteQuery = graphql(`
  query StatueStoreQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      paid {
        amount
      }
      fee {
        amount
      }
      keptDownPayment {
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
  mutation StatueStoreCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);

const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;

async function statue(extra: Parameters<typeof createProduct>[3] = {}) {
  return createProduct(stack, 50, price, { status: 'PREORDER', ...extra });
}

/** Checks out one statue (the deposit, or everything now) and pays what the preset asks at order; returns the SECURED order's id. */
async function securedPreorder(customer: Identity, productId: string, paymentChoice: 'DEPOSIT' | 'FULL_PAYMENT' = 'DEPOSIT'): Promise<string> {
  const id = await placedPreorder(customer, productId, paymentChoice);
  const awaiting = await until(
    () => orderOf(customer, id),
    (o) => o.status === 'AWAITING_PAYMENT',
  );
  const atOrder = paymentChoice === 'DEPOSIT' ? deposit : fullPayment;
  expect(awaiting.nextPayment).toMatchObject(
    paymentChoice === 'DEPOSIT'
      ? { purpose: 'DEPOSIT', amount: { amount: deposit }, goods: { amount: deposit }, shipping: { amount: 0 } } // 20% of 40,000; shipping with the balance
      : { purpose: 'FULL_PAYMENT', amount: { amount: fullPayment }, goods: { amount: price }, shipping: { amount: shipping } },
  );
  // statue-store payAtOrderWithin: 1 hour.
  expect(awaiting.nextPayment!.rule).toBe('What is due when ordering must be paid within 1 hour, or the order lapses and its items go back on sale.');
  await payAtOrder(customer, id, paymentChoice, atOrder);
  return id;
}

/** Checks out one statue; returns the new order's id. */
async function placedPreorder(customer: Identity, productId: string, paymentChoice: 'DEPOSIT' | 'FULL_PAYMENT'): Promise<string> {
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD', paymentChoice }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  expect(placed.data!.checkout).toEqual([
    {
      id: expect.any(String),
      kind: 'PREORDER',
      paymentPlan: paymentChoice,
      policyVersion: 1, // the configured preset, published at start
      total: { amount: price },
      shippingEstimate: { amount: shipping },
    },
  ]);
  return placed.data!.checkout[0]!.id;
}

/** Pays what is due at order through payments and waits until orders has secured the order. */
async function payAtOrder(customer: Identity, id: string, purpose: 'DEPOSIT' | 'FULL_PAYMENT', amount: number): Promise<void> {
  const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
  expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED', purpose, amount: { amount } });
  await until(
    () => orderOf(customer, id),
    (o) => o.status === 'SECURED',
  );
}

/** The quote, then the cancellation on its terms; waits until payments has paid any refund out. */
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

describe('statue-store checkout: a 20% deposit or everything now', () => {
  it('a deposit order pays 8,000 at order; payments holds it as a deposit', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await statue()).id);
    expect(await orderOf(customer, id)).toMatchObject({ nextPayment: null, amountPaid: { amount: deposit }, amountRefunded: { amount: 0 } });
    await ledgerSettles(stack, id, { CUSTOMER_DEPOSITS_HELD: deposit, PROVIDER_CLEARING: deposit });
  });

  it('a full payment pays 41,500 at order (40,000 + 1,500 estimated shipping)', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await statue()).id, 'FULL_PAYMENT');
    expect(await orderOf(customer, id)).toMatchObject({ nextPayment: null, amountPaid: { amount: fullPayment } });
    await ledgerSettles(stack, id, { DEFERRED_REVENUE: price, PROVIDER_CLEARING: fullPayment, SHIPPING_COLLECTED: shipping });
  });
});

describe('statue-store cancellations, each at its own point of the clock', () => {
  it('a deposit left unpaid for the hour the store holds the statue lapses: expired, nothing kept, not an abuse', async () => {
    const customer = await stack.newCustomer();
    const id = await placedPreorder(customer, (await statue()).id, 'DEPOSIT');
    await until(
      () => orderOf(customer, id),
      (o) => o.status === 'AWAITING_PAYMENT',
    );
    await advanceClock(stack, 2); // payAtOrderWithin: 1 hour
    const lapsed = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'EXPIRED',
    );
    // expiry.depositKept, but no deposit was paid: nothing kept, nothing refunded.
    expect(lapsed).toMatchObject({
      nextPayment: null,
      outcome: { kind: 'EXPIRED', by: 'SYSTEM', kept: { amount: 0 }, refund: { amount: 0 }, rule: { id: 'expiry.unpaid-at-deadline' } },
      amountPaid: { amount: 0 },
      refunds: [],
    });
    expect(await ledgerOf(stack, id)).toEqual({});
    // statue-store's expiry.countsTowardAbuse is true, but orders never counts a checkout nothing was paid into.
    expect(
      await count(
        stack,
        `select count(*) as n from orders.outbox_message where type = 'orders.order.expired' and envelope->'data'->>'orderId' = ? and envelope->'data'->>'countsTowardAbuse' = 'false'`,
        [id],
      ),
    ).toBe(1);
  });

  it("a customised statue's 5,000 non-refundable down payment is part of the 8,000 deposit and kept even within the free 24 hours", async () => {
    const customer = await stack.newCustomer();
    // The catalog's down payment (DOMAIN 3, from 004); statue-store's expiry and tiers keep it (downPaymentKept; "The non-refundable down payment is kept").
    const product = await statue({ downPayment: { required: true, amount: { amount: 5_000, currency: 'USD' } } });
    const id = await placedPreorder(customer, product.id, 'DEPOSIT');
    const awaiting = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'AWAITING_PAYMENT',
    );
    // At order: the larger of the 20% deposit (8,000) and the down payment (5,000).
    expect(awaiting.nextPayment).toMatchObject({ purpose: 'DEPOSIT', amount: { amount: deposit }, goods: { amount: deposit }, shipping: { amount: 0 } });
    await payAtOrder(customer, id, 'DEPOSIT', deposit);
    await advanceClock(stack, 23);
    const { quote, ended } = await cancelOnQuote(customer, id);
    // Within 24 hours of the deposit the fee is 0, but the 5,000 down payment is kept: 8,000 - 5,000 = 3,000 back.
    expect(quote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: deposit },
      fee: { amount: 0 },
      keptDownPayment: { amount: 5_000 },
      forfeited: { amount: 0 },
      refund: { amount: 3_000 },
      rule: { id: 'preorder-cancellation.free-within-deposit-window' },
    });
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', kept: { amount: 5_000 }, refund: { amount: 3_000 } },
      amountPaid: { amount: deposit },
      amountRefunded: { amount: 3_000 },
      refunds: [{ amount: { amount: 3_000 }, status: 'SUCCEEDED' }],
    });
    await ledgerSettles(stack, id, { FEES_EARNED: 5_000, PROVIDER_CLEARING: 5_000 });
  });

  it('23 hours after the deposit: free (within 24 hours of the deposit), the whole 8,000 back', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await statue()).id);
    await advanceClock(stack, 23);
    const { quote, ended } = await cancelOnQuote(customer, id);
    expect(quote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: deposit },
      fee: { amount: 0 }, // tier free-within-deposit-window: 0% of the deposit
      keptDownPayment: { amount: 0 },
      forfeited: { amount: 0 },
      refund: { amount: deposit },
      rule: { id: 'preorder-cancellation.free-within-deposit-window' },
    });
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', by: 'CUSTOMER', kept: { amount: 0 }, refund: { amount: deposit } },
      amountPaid: { amount: deposit },
      amountRefunded: { amount: deposit },
      refunds: [{ amount: { amount: deposit }, status: 'SUCCEEDED' }],
    });
    // Captured 8,000, refunded 8,000: nothing held, nothing earned.
    await ledgerSettles(stack, id, {});
  });

  it('25 hours after the deposit: the 8,000 deposit is kept (100% of the deposit after the window), nothing back', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await statue()).id);
    await advanceClock(stack, 25);
    const { quote, ended } = await cancelOnQuote(customer, id);
    expect(quote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: deposit },
      fee: { amount: deposit }, // afterTiers: FEE 10000 bps of the DEPOSIT = 8,000
      keptDownPayment: { amount: 0 },
      forfeited: { amount: 0 },
      refund: { amount: 0 },
      rule: { id: 'preorder-cancellation.fee-after-windows' },
    });
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', kept: { amount: deposit }, refund: { amount: 0 } },
      amountPaid: { amount: deposit },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    await ledgerSettles(stack, id, { FEES_EARNED: deposit, PROVIDER_CLEARING: deposit });
  });

  it('25 hours after a full payment: the fee is still the 8,000 deposit the terms set; 33,500 of the 41,500 comes back', async () => {
    const customer = await stack.newCustomer();
    const id = await securedPreorder(customer, (await statue()).id, 'FULL_PAYMENT');
    await advanceClock(stack, 25);
    const { quote, ended } = await cancelOnQuote(customer, id);
    // afterTiers: FEE 100% of the DEPOSIT, the deposit the plan would have asked (20% of 40,000); "anything above it refunded": 41,500 - 8,000.
    expect(quote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: fullPayment },
      fee: { amount: deposit },
      forfeited: { amount: 0 },
      refund: { amount: 33_500 },
      rule: { id: 'preorder-cancellation.fee-after-windows' },
    });
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', kept: { amount: deposit }, refund: { amount: 33_500 } },
      amountPaid: { amount: fullPayment },
      amountRefunded: { amount: 33_500 },
      refunds: [{ amount: { amount: 33_500 }, status: 'SUCCEEDED' }],
    });
    await ledgerSettles(stack, id, { FEES_EARNED: deposit, PROVIDER_CLEARING: deposit });
  });
});

describe('statue-store release: the balance settled, or the order expired with the deposit kept', () => {
  it('each deposit order owes 32,000 + 1,500 shipping, due 14 days after the release; a full payment is ready at once', async () => {
    const product = await statue();
    const [payer, defaulter, upfront] = [await stack.newCustomer(), await stack.newCustomer(), await stack.newCustomer()];
    const paying = await securedPreorder(payer, product.id);
    const lapsing = await securedPreorder(defaulter, product.id);
    const paidInFull = await securedPreorder(upfront, product.id, 'FULL_PAYMENT');
    await releaseProduct(stack, product.id);

    for (const [who, id] of [
      [payer, paying],
      [defaulter, lapsing],
    ] as const) {
      const due = await until(
        () => orderOf(who, id),
        (o) => o.status === 'PAYMENT_DUE',
      );
      expect(due.nextPayment).toMatchObject({
        purpose: 'BALANCE',
        amount: { amount: balance + shipping },
        goods: { amount: balance },
        shipping: { amount: shipping },
        rule: 'The balance and shipping are due within 14 days of the release notice.',
      });
      // statue-store deposit.balanceDue: 14 days, counted in its default (French) calendar: due at the end of the
      // 14th day after the release day, i.e. at midnight, Paris time, starting the 15th.
      const releasedAt = new Date(due.releasedAt!);
      const parisDay = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
      const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      const dueAt = new Date(due.nextPayment!.dueAt!);
      expect(parisDay(dueAt)).toBe(plusDays(parisDay(releasedAt), 15));
      expect(dueAt.toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' })).toBe('00:00:00');
      expect(dueAt).toEqual(balanceDueAt(presets['statue-store'], releasedAt).at);
    }
    // Paid in full at order: nothing is left, so no notice.
    expect(
      await until(
        () => orderOf(upfront, paidInFull),
        (o) => o.status === 'READY_TO_FULFIL',
      ),
    ).toMatchObject({ nextPayment: null, amountPaid: { amount: fullPayment }, amountRefunded: { amount: 0 } });

    const paid = await graph(stack, payMutation, { input: { orderIds: [paying], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, payer);
    expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED', purpose: 'BALANCE', amount: { amount: 33_500 } });
    const ready = await until(
      () => orderOf(payer, paying),
      (o) => o.status === 'READY_TO_FULFIL',
    );
    // 8,000 deposit + 33,500 balance = 41,500: the whole price and the shipping estimate.
    expect(ready).toMatchObject({ nextPayment: null, outcome: null, amountPaid: { amount: fullPayment }, amountRefunded: { amount: 0 } });
    await ledgerSettles(stack, paying, {
      CUSTOMER_DEPOSITS_HELD: deposit,
      DEFERRED_REVENUE: balance,
      PROVIDER_CLEARING: fullPayment,
      SHIPPING_COLLECTED: shipping,
    });

    // The balance unpaid: still due after 14 days from now, expired once the 14th day after the release has ended.
    await advanceClock(stack, 14 * 24 - 24);
    expect((await orderOf(defaulter, lapsing))!.status).toBe('PAYMENT_DUE');
    await advanceClock(stack, 48);
    const expired = await until(
      () => orderOf(defaulter, lapsing),
      (o) => o.status === 'EXPIRED',
    );
    // statue-store expiry: depositKept, so the 8,000 deposit is kept and nothing else was paid to refund.
    expect(expired).toMatchObject({
      nextPayment: null,
      outcome: { kind: 'EXPIRED', by: 'SYSTEM', kept: { amount: deposit }, refund: { amount: 0 }, rule: { id: 'expiry.unpaid-at-deadline' } },
      amountPaid: { amount: deposit },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    await ledgerSettles(stack, lapsing, { FEES_EARNED: deposit, PROVIDER_CLEARING: deposit });
    // The settled order is untouched by the clock: still ready, its money still held.
    expect((await orderOf(payer, paying))!.status).toBe('READY_TO_FULFIL');
  });

  it('staff find the ledger balanced and equal to the provider', async () => {
    const res = await until(
      () => reconciliation(stack),
      (r) => r.processingIntents === 0,
    );
    expect(res).toEqual({ balanced: true, processingIntents: 0, discrepancies: [] });
  });
});
