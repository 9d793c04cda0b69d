import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetDocuments } from '@vitrine/policy';
import { eventually, timersCheckedPast } from '@vitrine/testing';
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
  startStoreStack,
  storeNow,
  until,
} from './support/store-scenario.js';

// pay-on-arrival (seed 004) from checkout to the end of the order's life,
// orders and payments both real, with the preset's exact amounts
// (packages/policy/src/presets/pay-on-arrival.ts): a 10,000 figure, shipping
// estimate 1,500.
// - 004: "no payment is required until the item is received at warehouse":
//   nothing at order; a customer flagged for preorder abuse pays a
//   non-refundable down payment (flag rule: 30%) = 3,000.
// - 004: "Pre-order can be cancelled at any time prior to their arrival at our
//   warehouse", except the down payment (afterTiers FEE 0% of PAID, the down
//   payment kept).
// - 004: an arrival notice (catalog's ProductArrived) "with a link for
//   payment", "within 5 business days after email is sent"
//   (payOnArrival.paymentDue); paid through payments: ready to fulfil.
// - Unpaid by then the order expires keeping the down payment
//   (expiry.downPaymentKept), counting toward the abuse record.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('pay_on_arrival', 'pay-on-arrival');
});
afterAll(async () => {
  await stack?.stop();
});

const price = 10_000;
const shipping = franceShipping.firstItem; // STANDARD to France, one item: 1,500
const downPayment = 3_000; // pay-on-arrival abuse.flagRules: PREORDER_ABUSE requires a NON_REFUNDABLE_DOWN_PAYMENT of 3000 bps (30%) of 10,000

/**
 * The arrival day, on the store's clock, whose 5 business days span a
 * weekend and a French public holiday; the first still ahead of the store's
 * clock is used. The preset counts business days in its only calendar,
 * defaultRegion US (America/New_York; 004 names no country, the US is the
 * store's choice), so the holidays chosen are public holidays in France that
 * the US calendar also has: the deadline is the first instant after the 5th
 * business day, midnight in New York (EST, UTC-5).
 */
const arrivalDays = [
  // Tue 22 Dec 2026: Wed 23 (1), Thu 24 (2), Fri 25 Noël / Christmas Day, Sat 26 and Sun 27, Mon 28 (3), Tue 29 (4), Wed 30 (5).
  { arrivesAt: '2026-12-22T17:00:00Z', holiday: '2026-12-25', dueAt: '2026-12-31T05:00:00.000Z' },
  // Mon 8 Nov 2027: Tue 9 (1), Wed 10 (2), Thu 11 Armistice 1918 / Veterans Day, Fri 12 (3), Sat 13 and Sun 14, Mon 15 (4), Tue 16 (5).
  { arrivesAt: '2027-11-08T17:00:00Z', holiday: '2027-11-11', dueAt: '2027-11-17T05:00:00.000Z' },
  // Thu 21 Dec 2028: Fri 22 (1), Sat 23 and Sun 24, Mon 25 Noël / Christmas Day, Tue 26 (2), Wed 27 (3), Thu 28 (4), Fri 29 (5).
  { arrivesAt: '2028-12-21T17:00:00Z', holiday: '2028-12-25', dueAt: '2028-12-30T05:00:00.000Z' },
];

const checkoutMutation = graphql(`
  mutation PayOnArrivalCheckout($input: CheckoutInput!, $key: String!) {
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
  query PayOnArrivalOrder($id: ID!) {
    order(id: $id) {
      id
      status
      arrivedAtWarehouseAt
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
      payNowUrl
    }
  }
`);
const payMutation = graphql(`
  mutation PayOnArrivalPay($input: PayInput!, $key: String!) {
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
  query PayOnArrivalQuote($id: ID!) {
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
  mutation PayOnArrivalCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);
const flagMutation = graphql(`
  mutation PayOnArrivalFlag($id: ID!) {
    flagCustomer(customerId: $id, flag: PREORDER_ABUSE, reason: "Five preorders never paid.") {
      id
    }
  }
`);
const arrivalMutation = graphql(`
  mutation PayOnArrivalArrived($productId: ID!, $warehouseId: ID!, $quantity: Int!) {
    arrivedAtWarehouse(productId: $productId, warehouseId: $warehouseId, quantity: $quantity) {
      surplus
    }
  }
`);

const hour = 3_600_000;
const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;

/** Moves the store's clock to `at` or within the hour after it (the clock moves by whole hours, at most 400 days a move). */
async function moveClockTo(at: Date) {
  for (let left = Math.ceil((at.getTime() - (await storeNow(stack)).getTime()) / hour); left > 0; left -= 24 * 400)
    await advanceClock(stack, Math.min(left, 24 * 400));
  const now = await storeNow(stack);
  expect(now.getTime() - at.getTime()).toBeGreaterThanOrEqual(0);
  expect(now.getTime() - at.getTime()).toBeLessThan(hour);
}

async function flagged(): Promise<Identity> {
  const customer = await stack.newCustomer();
  const res = await graph(stack, flagMutation, { id: customer.id }, stack.admin);
  expect(res.errors).toBeUndefined();
  await eventually(async () => (await count(stack, `select count(*) as n from orders.customer_flag where customer_id = ? and active`, [customer.id])) === 1);
  return customer;
}

async function checkout(customer: Identity, productId: string, policyVersion = 1): Promise<string> {
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  expect(placed.data!.checkout).toEqual([
    {
      id: expect.any(String),
      kind: 'PREORDER',
      paymentPlan: 'PAY_ON_ARRIVAL', // the preset's only plan
      policyVersion, // 1: the configured preset, published at start
      total: { amount: price },
      shippingEstimate: { amount: shipping },
    },
  ]);
  return placed.data!.checkout[0]!.id;
}

/** A preorder with nothing paid at order (004): secured at once. */
async function preorderPayingNothing(customer: Identity, productId: string, policyVersion = 1): Promise<string> {
  const id = await checkout(customer, productId, policyVersion);
  const secured = await until(
    () => orderOf(customer, id),
    (o) => o.status !== 'PENDING',
  );
  // payments has been told of no due: it shows no money at all (amountPaid is null "before any due is known").
  expect(secured).toMatchObject({ status: 'SECURED', nextPayment: null, amountPaid: null, payNowUrl: null });
  return id;
}

/** A flagged customer's preorder: the 30% non-refundable down payment at order, paid through payments. */
async function preorderWithDownPayment(customer: Identity, productId: string): Promise<string> {
  const id = await checkout(customer, productId);
  const awaiting = await until(
    () => orderOf(customer, id),
    (o) => o.status === 'AWAITING_PAYMENT',
  );
  expect(awaiting.nextPayment).toMatchObject({
    purpose: 'DOWN_PAYMENT',
    amount: { amount: downPayment },
    goods: { amount: downPayment },
    shipping: { amount: 0 }, // shipping is paid with the arrival payment
    rule: 'What is due when ordering must be paid within 1 hour, or the order lapses and its items go back on sale.', // payAtOrderWithin: 1 hour
  });
  const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
  expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED', purpose: 'DOWN_PAYMENT', amount: { amount: downPayment } });
  await until(
    () => orderOf(customer, id),
    (o) => o.status === 'SECURED',
  );
  await ledgerSettles(stack, id, { CUSTOMER_DEPOSITS_HELD: downPayment, PROVIDER_CLEARING: downPayment });
  return id;
}

describe('pay-on-arrival (004): checkout, arrival notice, paid or expired', () => {
  let product: string;
  const customers: Record<'payer' | 'defaulter' | 'silent', Identity> = {} as never;
  const orders: Record<'payer' | 'defaulter' | 'silent', string> = {} as never;
  let arrivalDay: (typeof arrivalDays)[number];

  beforeAll(async () => {
    product = (await createProduct(stack, 10, price, { status: 'PREORDER' })).id;
  });

  it('checkout: nothing is paid at order; a customer flagged for preorder abuse pays the 3,000 non-refundable down payment', async () => {
    customers.payer = await stack.newCustomer();
    orders.payer = await preorderPayingNothing(customers.payer, product);
    expect(await ledgerOf(stack, orders.payer)).toEqual({});
    customers.silent = await stack.newCustomer();
    orders.silent = await preorderPayingNothing(customers.silent, product);
    customers.defaulter = await flagged();
    orders.defaulter = await preorderWithDownPayment(customers.defaulter, product);
  });

  it('cancelled before arrival: free; only the down payment is kept', async () => {
    const free = await stack.newCustomer();
    const freeOrder = await preorderPayingNothing(free, product);
    const freeQuote = (await graph(stack, quoteQuery, { id: freeOrder }, free)).data!.cancellationQuote;
    // afterTiers: FEE 0% of PAID, nothing paid: nothing kept, nothing to refund.
    expect(freeQuote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: 0 },
      fee: { amount: 0 },
      keptDownPayment: { amount: 0 },
      refund: { amount: 0 },
      rule: { id: 'preorder-cancellation.free-before-arrived-at-warehouse' },
    });
    expect((await graph(stack, cancelMutation, { id: freeOrder, token: freeQuote.token }, free)).data?.cancelOrder.status).toBe('CANCELLED');

    const customer = await flagged();
    const id = await preorderWithDownPayment(customer, product);
    const quote = (await graph(stack, quoteQuery, { id }, customer)).data!.cancellationQuote;
    // 004: "your Non-Refundable Dow Payment will not be refunded after cancellation": the 3,000 kept, the 0% fee on nothing else.
    expect(quote).toMatchObject({
      outcome: 'ALLOWED',
      paid: { amount: downPayment },
      fee: { amount: 0 },
      keptDownPayment: { amount: downPayment },
      forfeited: { amount: 0 },
      refund: { amount: 0 },
      rule: { id: 'preorder-cancellation.free-before-arrived-at-warehouse' },
    });
    expect((await graph(stack, cancelMutation, { id, token: quote.token }, customer)).data?.cancelOrder.status).toBe('CANCELLED');
    const ended = await until(
      () => orderOf(customer, id),
      (o) => o.outcome != null,
    );
    expect(ended).toMatchObject({
      status: 'CANCELLED',
      outcome: { kind: 'CANCELLED', by: 'CUSTOMER', kept: { amount: downPayment }, refund: { amount: 0 } },
      amountPaid: { amount: downPayment },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    await ledgerSettles(stack, id, { FEES_EARNED: downPayment, PROVIDER_CLEARING: downPayment });
  });

  it('arrival: each open preorder gets its notice, due after 5 business days that skip a weekend and a French public holiday', async () => {
    const now = await storeNow(stack);
    arrivalDay = arrivalDays.find((d) => new Date(d.arrivesAt).getTime() > now.getTime())!;
    expect(arrivalDay, `every arrival day of this scenario is behind the store's clock (${now.toISOString()}): add the next one`).toBeDefined();
    await moveClockTo(new Date(arrivalDay.arrivesAt));

    const arrived = await graph(stack, arrivalMutation, { productId: product, warehouseId: stack.warehouses.france, quantity: 3 }, stack.admin);
    expect(arrived.errors).toBeUndefined();
    expect(arrived.data!.arrivedAtWarehouse.surplus).toBe(0); // three units for the three open preorders

    const expectations = {
      payer: { goods: price, total: price + shipping }, // nothing paid yet: 10,000 + 1,500 shipping = 11,500
      silent: { goods: price, total: price + shipping },
      defaulter: { goods: price - downPayment, total: price - downPayment + shipping }, // 10,000 - 3,000 + 1,500 = 8,500
    };
    for (const who of ['payer', 'silent', 'defaulter'] as const) {
      const due = await until(
        () => orderOf(customers[who], orders[who]),
        // Orders says PAYMENT_DUE first; the pay-now link is there once payments has the due (PaymentDue, asynchronous).
        (o) => o.status === 'PAYMENT_DUE' && o.payNowUrl != null,
      );
      expect(due.arrivedAtWarehouseAt!.slice(0, 10)).toBe(arrivalDay.arrivesAt.slice(0, 10));
      expect(due.nextPayment, who).toEqual({
        purpose: 'ARRIVAL_PAYMENT',
        amount: { amount: expectations[who].total },
        goods: { amount: expectations[who].goods },
        shipping: { amount: shipping },
        dueAt: arrivalDay.dueAt, // see arrivalDays: 5 business days, the weekend and the holiday skipped
        rule: 'Pay within 5 business days of the arrival notice.',
      });
      expect(due.payNowUrl).toMatch(/\/pay\?t=/);
      // payments holds the same due, with the same deadline.
      expect(
        await count(stack, `select count(*) as n from payments.payment_due where order_id = ? and purpose = 'ARRIVAL_PAYMENT' and amount = ? and due_at = ?`, [
          orders[who],
          expectations[who].total,
          new Date(arrivalDay.dueAt),
        ]),
      ).toBe(1);
      // 004: "Pre-order can be cancelled at any time prior to their arrival at our warehouse": no longer.
      const quote = (await graph(stack, quoteQuery, { id: orders[who] }, customers[who])).data!.cancellationQuote;
      expect(quote).toMatchObject({ outcome: 'REFUSED', refund: { amount: 0 }, rule: { id: 'preorder-cancellation.refused-once-arrived-at-warehouse' } });
    }
  });

  it('the arrival payment of 11,500 is paid through payments: the order is ready to fulfil', async () => {
    const paid = await graph(
      stack,
      payMutation,
      { input: { orderIds: [orders.payer], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() },
      customers.payer,
    );
    expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED', purpose: 'ARRIVAL_PAYMENT', amount: { amount: price + shipping } });
    const ready = await until(
      () => orderOf(customers.payer, orders.payer),
      (o) => o.status === 'READY_TO_FULFIL',
    );
    expect(ready).toMatchObject({ nextPayment: null, outcome: null, amountPaid: { amount: 11_500 }, amountRefunded: { amount: 0 }, payNowUrl: null });
    await ledgerSettles(stack, orders.payer, { DEFERRED_REVENUE: price, PROVIDER_CLEARING: 11_500, SHIPPING_COLLECTED: shipping });
  });

  it('unpaid: still due late on the 5th business day, expired from its midnight; the down payment is kept, nothing refunded', async () => {
    const dueAt = new Date(arrivalDay.dueAt);
    // To within two hours before the deadline: the evening of the 5th business day in New York, a week and a day after the arrival.
    await advanceClock(stack, Math.floor((dueAt.getTime() - (await storeNow(stack)).getTime()) / hour) - 1);
    const movedTo = await storeNow(stack);
    expect(dueAt.getTime() - movedTo.getTime()).toBeGreaterThan(hour);
    await timersCheckedPast(stack.orders.timers!, movedTo); // orders' timers have looked at the moved clock: nothing may fire yet
    expect((await orderOf(customers.silent, orders.silent))!.status).toBe('PAYMENT_DUE');
    expect((await orderOf(customers.defaulter, orders.defaulter))!.status).toBe('PAYMENT_DUE');

    await advanceClock(stack, 2);
    const lapsed = await until(
      () => orderOf(customers.silent, orders.silent),
      (o) => o.status === 'EXPIRED',
    );
    // Nothing was paid: nothing kept, nothing refunded.
    expect(lapsed).toMatchObject({
      nextPayment: null,
      outcome: { kind: 'EXPIRED', by: 'SYSTEM', kept: { amount: 0 }, refund: { amount: 0 }, rule: { id: 'expiry.unpaid-at-deadline' } },
      amountPaid: { amount: 0 },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    expect(await ledgerOf(stack, orders.silent)).toEqual({});

    const expired = await until(
      () => orderOf(customers.defaulter, orders.defaulter),
      (o) => o.status === 'EXPIRED',
    );
    // expiry.downPaymentKept: the 3,000 down payment is kept; nothing else was paid to refund.
    expect(expired).toMatchObject({
      nextPayment: null,
      outcome: { kind: 'EXPIRED', by: 'SYSTEM', kept: { amount: downPayment }, refund: { amount: 0 }, rule: { id: 'expiry.unpaid-at-deadline' } },
      amountPaid: { amount: downPayment },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    await ledgerSettles(stack, orders.defaulter, { FEES_EARNED: downPayment, PROVIDER_CLEARING: downPayment });
    // expiry.countsTowardAbuse: both count (an arrival payment left unpaid is not an abandoned checkout).
    for (const id of [orders.silent, orders.defaulter]) {
      expect(
        await count(
          stack,
          `select count(*) as n from orders.outbox_message where type = 'orders.order.expired' and envelope->'data'->>'orderId' = ? and envelope->'data'->>'countsTowardAbuse' = 'true'`,
          [id],
        ),
      ).toBe(1);
    }
    // The paid order is not touched by the deadline.
    expect((await orderOf(customers.payer, orders.payer))!.status).toBe('READY_TO_FULFIL');
  });

  it('staff find the ledger balanced and equal to the provider', async () => {
    const res = await until(
      () => reconciliation(stack),
      (r) => r.processingIntents === 0,
    );
    expect(res).toEqual({ balanced: true, processingIntents: 0, discrepancies: [] });
  });
});

/**
 * Arrival days around Bastille Day (14 July: a public holiday in France, a
 * working day in the US); the first still ahead of the store's clock is used.
 * Counted in France (Europe/Paris, CEST, UTC+2) the holiday is skipped;
 * counted in the US (the preset's default region, EDT, UTC-4) it is not.
 */
const bastilleArrivals = [
  // Tue 13 Jul 2027. France: Wed 14 off, Thu 15 (1), Fri 16 (2), Mon 19 (3), Tue 20 (4), Wed 21 (5). US: Wed 14 (1) to Tue 20 (5).
  { arrivesAt: '2027-07-13T15:00:00Z', franceDueAt: '2027-07-21T22:00:00.000Z', defaultDueAt: '2027-07-21T04:00:00.000Z' },
  // Thu 13 Jul 2028. France: Fri 14 off, Mon 17 (1) to Fri 21 (5). US: Fri 14 (1), Mon 17 (2) to Thu 20 (5).
  { arrivesAt: '2028-07-13T15:00:00Z', franceDueAt: '2028-07-21T22:00:00.000Z', defaultDueAt: '2028-07-21T04:00:00.000Z' },
];

const publishMutation = graphql(`
  mutation PayOnArrivalPublish($input: PublishStorePolicyInput!) {
    publishStorePolicy(input: $input) {
      version
      policyId
    }
  }
`);

// Runs last: the version it publishes would be taken by any later order of this file.
describe("pay-on-arrival with France's calendar added: an arrival's deadline counts the business days of the warehouse's country", () => {
  it('units arriving in France skip a French holiday; units arriving in China (no calendar in the policy) count on the default US calendar', async () => {
    const document = structuredClone(presetDocuments['pay-on-arrival']);
    document.calendars.regions.FR = presetDocuments['deposit-store'].calendars.regions.FR!;
    const published = await graph(stack, publishMutation, { input: { document, note: 'Units now also arrive in our French warehouse.' } }, stack.admin);
    expect(published.data?.publishStorePolicy, JSON.stringify(published.errors)).toEqual({ version: 2, policyId: 'pay-on-arrival' });

    const inFrance = (await createProduct(stack, 0, price, { status: 'PREORDER' })).id;
    const inChina = (await createProduct(stack, 0, price, { status: 'PREORDER' })).id;
    const french = await stack.newCustomer();
    const chinese = await stack.newCustomer();
    const frenchOrder = await preorderPayingNothing(french, inFrance, 2);
    const chineseOrder = await preorderPayingNothing(chinese, inChina, 2);

    const now = await storeNow(stack);
    const day = bastilleArrivals.find((d) => new Date(d.arrivesAt).getTime() > now.getTime())!;
    expect(day, `every arrival day of this scenario is behind the store's clock (${now.toISOString()}): add the next one`).toBeDefined();
    await moveClockTo(new Date(day.arrivesAt));
    for (const [productId, warehouseId] of [
      [inFrance, stack.warehouses.france],
      [inChina, stack.warehouses.factory],
    ] as const) {
      const arrived = await graph(stack, arrivalMutation, { productId, warehouseId, quantity: 1 }, stack.admin);
      expect(arrived.errors).toBeUndefined();
    }

    for (const [who, id, dueAt] of [
      [french, frenchOrder, day.franceDueAt],
      [chinese, chineseOrder, day.defaultDueAt],
    ] as const) {
      const due = await until(
        () => orderOf(who, id),
        // Orders says PAYMENT_DUE first; the pay-now link is there once payments has the due (PaymentDue, asynchronous).
        (o) => o.status === 'PAYMENT_DUE' && o.payNowUrl != null,
      );
      expect(due.nextPayment).toMatchObject({
        purpose: 'ARRIVAL_PAYMENT',
        amount: { amount: price + shipping },
        dueAt,
        rule: 'Pay within 5 business days of the arrival notice.',
      });
      expect(await count(stack, `select count(*) as n from payments.payment_due where order_id = ? and due_at = ?`, [id, new Date(dueAt)])).toBe(1);
    }
  });
});
