import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count, rows } from './support/sql.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { advanceClock, heldFor, parisAddress, reconciliation, releaseProduct, startStoreStack } from './support/store-scenario.js';

// A cancellation and a balance payment racing on the same orders, through the
// gateway, orders and payments both real (deposit-store, seeds 000 + 001).
// 50 preorders of a 10,000 figure, each with its 3,000 deposit paid (30%,
// the preset's deposit.percentBps 3000); three days later (the 50%-of-deposit
// tier: "within 7 days of placing the order", past the free 24 h) the
// product is released and each owes its balance, 7,000 + the 1,500 shipping
// estimate = 8,500. Then, for every order at once, its customer both cancels
// it on the quoted terms (fee 1,500, refund 1,500) and pays the balance
// (payments' `pay`: one order's BALANCE due; there is no separate
// payBalances mutation, bulk balances go through the same `pay`): 100
// requests in parallel.
//
// Every order must end in exactly one state, with the money to match, row by
// row across both services:
// - paid: READY_TO_FULFIL, the cancellation refused (its quote went stale:
//   CONFLICT), 11,500 captured and held, nothing refunded, no fee;
// - cancelled: CANCELLED with the quoted outcome (kept 1,500, refund 1,500),
//   1,500 earned as the fee, nothing left held; and a balance payment that
//   got through anyway (payments had not yet heard of the cancellation) is
//   refunded in full on top of the quoted refund (payments: "nothing stays
//   held on a closed order"), or it was refused (ORDER_NOT_PAYABLE) and never
//   charged.
const orderCount = 50;
const customersCount = 10;
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('cancel_pay_race', 'deposit-store');
});
afterAll(async () => {
  await stack?.stop();
});

const checkoutMutation = graphql(`
  mutation CancelPayRaceCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
    }
  }
`);
const orderQuery = graphql(`
  query CancelPayRaceOrder($id: ID!) {
    order(id: $id) {
      id
      status
      dues {
        purpose
        status
        amount {
          amount
        }
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
      amountDue {
        amount
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
        reason
        status
      }
    }
  }
`);
const payMutation = graphql(`
  mutation CancelPayRacePay($input: PayInput!, $key: String!) {
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
  query CancelPayRaceQuote($id: ID!) {
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
  mutation CancelPayRaceCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
    }
  }
`);

const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;
const payBalance = (who: Identity, id: string) =>
  graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, who);

interface Placed {
  id: string;
  customer: Identity;
}

/** Waits until every order holds (the check may use expect; its last failure is what a timeout reports). */
const allOf = (placed: Placed[], check: (order: NonNullable<Awaited<ReturnType<typeof orderOf>>>) => boolean) =>
  eventually(
    async () => {
      const orders = await Promise.all(placed.map((p) => orderOf(p.customer, p.id)));
      return orders.every((o) => o != null && check(o)) ? orders.map((o) => o!) : null;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );

describe('cancelOrder and the balance payment racing on 50 orders (deposit-store)', () => {
  const placed: Placed[] = [];
  let ready = false;

  it('sets up 50 deposit preorders whose 8,500 balances are due, each quoted 1,500 back on cancellation', async () => {
    const product = await createProduct(stack, orderCount + 10, 10_000, { status: 'PREORDER' });
    const customers = await Promise.all(Array.from({ length: customersCount }, () => stack.newCustomer()));
    for (let round = 0; round < orderCount / customersCount; round++) {
      const res = await Promise.all(
        customers.map((customer) =>
          graph(
            stack,
            checkoutMutation,
            { input: { lines: [{ productId: product.id, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
            customer,
          ),
        ),
      );
      res.forEach((r, i) => {
        expect(r.errors).toBeUndefined();
        placed.push({ id: r.data!.checkout[0]!.id, customer: customers[i]! });
      });
    }
    // Each owes its 3,000 deposit (30% of 10,000), known to payments.
    await allOf(placed, (o) => o.status === 'AWAITING_PAYMENT' && o.amountDue?.amount === 3_000);
    const deposits = await Promise.all(placed.map((p) => payBalance(p.customer, p.id)));
    for (const d of deposits)
      expect(d.data?.pay, JSON.stringify(d.errors)).toMatchObject({ status: 'SUCCEEDED', purpose: 'DEPOSIT', amount: { amount: 3_000 } });
    await allOf(placed, (o) => o.status === 'SECURED');

    // Three days on: past the free 24 h after the deposit, within 7 days of the order.
    await advanceClock(stack, 72);
    await releaseProduct(stack, product.id);
    // Released: each owes 7,000 of goods + 1,500 shipping, and payments knows the balance due.
    const due = await allOf(placed, (o) => o.status === 'PAYMENT_DUE' && o.amountDue?.amount === 8_500);
    for (const o of due)
      expect(o.dues.map((d) => [d.purpose, d.status, d.amount.amount])).toEqual([
        ['DEPOSIT', 'PAID', 3_000],
        ['BALANCE', 'OPEN', 8_500],
      ]);
    ready = true;
  }, 240_000);

  it('100 requests at once leave every order in exactly one end state, with payments’ money matching orders’ outcome row by row', async () => {
    expect(ready, 'the 50 orders with their balances due').toBe(true);
    expect(placed).toHaveLength(orderCount);
    // The quotes first (what the customer confirms): 50% of the 3,000 deposit kept, 1,500 back.
    const quotes = await Promise.all(placed.map(async (p) => (await graph(stack, quoteQuery, { id: p.id }, p.customer)).data!.cancellationQuote));
    for (const q of quotes) {
      expect(q).toMatchObject({ outcome: 'ALLOWED', paid: { amount: 3_000 }, fee: { amount: 1_500 }, refund: { amount: 1_500 } });
      expect(q.rule.id).toMatch(/restocking-fee-within-order-window/);
    }

    // For every order, its cancellation and its balance payment together: 100 requests sent in one burst. Which
    // goes first alternates, and the second leaves 0, 0.5, 1, 1.5 or 2 s after the first: under this load a payment
    // takes about a second to be captured and heard of by orders, so the burst covers the windows that matter
    // (neither service has heard of the other's change yet; payments has heard of the cancellation; orders has
    // heard of the payment).
    const inFlight = placed.map(async (p, i) => {
      const cancel = () => graph(stack, cancelMutation, { id: p.id, token: quotes[i]!.token }, p.customer);
      const pay = () => payBalance(p.customer, p.id);
      const offset = (i % 5) * 500;
      const later = <T>(send: () => Promise<T>) => (offset === 0 ? send() : new Promise<void>((ok) => setTimeout(ok, offset)).then(send));
      if (i % 2 === 0) return Promise.all([cancel(), later(pay)]);
      const paid = pay();
      return Promise.all([later(cancel), paid]);
    });
    const answers = await Promise.all(inFlight);
    const results = placed.map((p, i) => ({ ...p, cancel: answers[i]![0], pay: answers[i]![1] }));

    // Quiet: both services have consumed each other's events about these orders, and every refund decided was paid out.
    const ids = placed.map((p) => p.id);
    await eventually(
      async () => {
        const unconsumedByPayments = await count(
          stack,
          `select count(*) as n from orders.outbox_message m where m.key in (?) and m.type in ('orders.order.payment-due', 'orders.order.cancelled', 'orders.order.expired', 'orders.order.status-changed')
             and not exists (select 1 from payments.inbox_processed_event e where e.event_id = m.event_id)`,
          [ids],
        );
        const unconsumedByOrders = await count(
          stack,
          `select count(*) as n from payments.outbox_message m where m.type in ('payments.payment.succeeded', 'payments.payment.failed')
             and not exists (select 1 from orders.inbox_processed_event e where e.event_id = m.event_id)`,
        );
        const pendingRefunds = await count(stack, `select count(*) as n from payments.refund where order_id in (?) and status <> 'SUCCEEDED'`, [ids]);
        const liveIntents = await count(
          stack,
          `select count(*) as n from payments.payment_intent where status in ('PROCESSING', 'REQUIRES_CAPTURE') or (status = 'REQUIRES_PAYMENT_METHOD' and in_flight_until > now())`,
        );
        return unconsumedByPayments + unconsumedByOrders + pendingRefunds + liveIntents === 0;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    const tally = { paid: 0, cancelledBeforePayment: 0, cancelledThenPaymentRefunded: 0 };
    for (const r of results) {
      const order = (await orderOf(r.customer, r.id))!;
      const charges = (
        await rows<{ amount: string; refunded: string }>(stack, 'select amount, refunded from payments.charge where order_id = ? order by captured_sequence', [
          r.id,
        ])
      ).map((c) => [Number(c.amount), Number(c.refunded)]);
      const accounts = await heldFor(stack, r.id);
      const refundRows = await rows<{ amount: string; status: string }>(stack, 'select amount, status from payments.refund where order_id = ?', [r.id]);
      const refundedDecided = refundRows.reduce((n, x) => n + Number(x.amount), 0);
      const balanceIntents = (
        await rows<{ status: string }>(
          stack,
          `select i.status from payments.payment_intent i where i.purpose = 'BALANCE' and i.id in (select intent_id from payments.payment_allocation where order_id = ?)`,
          [r.id],
        )
      ).map((i) => i.status);
      const context = JSON.stringify({ order: r.id, cancel: r.cancel, pay: r.pay, status: order.status, charges, accounts, refundRows, balanceIntents });

      // Never both, never neither: the cancellation went through exactly when the order ended cancelled.
      const cancelled = r.cancel.data?.cancelOrder.status === 'CANCELLED';
      expect(['CANCELLED', 'READY_TO_FULFIL'], context).toContain(order.status);
      expect(order.status === 'CANCELLED', context).toBe(cancelled);
      // Every refund decided is paid out, never above what the order paid.
      expect(
        refundRows.every((x) => x.status === 'SUCCEEDED'),
        context,
      ).toBe(true);
      expect(order.amountPaid!.amount - order.amountRefunded!.amount, context).toBeGreaterThanOrEqual(0);
      expect(
        charges.reduce((n, [, refunded]) => n + refunded!, 0),
        context,
      ).toBe(refundedDecided);
      expect(accounts.REFUNDS_PAYABLE ?? 0, context).toBe(0);

      if (!cancelled) {
        // Paid: the balance went first, so the quote the cancellation carried was stale (paid is now 11,500).
        tally.paid++;
        expect(r.cancel.errors?.[0]?.extensions, context).toMatchObject({ code: 'CONFLICT' });
        expect(r.pay.data?.pay, context).toMatchObject({ status: 'SUCCEEDED', purpose: 'BALANCE', amount: { amount: 8_500 } });
        expect(order, context).toMatchObject({
          outcome: null,
          dues: [
            { purpose: 'DEPOSIT', status: 'PAID' },
            { purpose: 'BALANCE', status: 'PAID' },
          ],
          amountPaid: { amount: 11_500 },
          amountRefunded: { amount: 0 },
          refunds: [],
        });
        expect(charges, context).toEqual([
          [3_000, 0],
          [8_500, 0],
        ]);
        // All held until shipment: the deposit, the rest of the goods, the shipping.
        expect(accounts, context).toEqual({ CUSTOMER_DEPOSITS_HELD: 3_000, DEFERRED_REVENUE: 7_000, SHIPPING_COLLECTED: 1_500 });
        expect(balanceIntents, context).toEqual(['SUCCEEDED']);
        continue;
      }

      // Cancelled on exactly the quoted terms; the fee earned, nothing held on the closed order.
      expect(order.outcome, context).toMatchObject({ kind: 'CANCELLED', by: 'CUSTOMER', kept: { amount: 1_500 }, refund: { amount: 1_500 } });
      expect(order.outcome!.rule.id, context).toMatch(/restocking-fee-within-order-window/);
      expect(
        order.dues.map((d) => [d.purpose, d.status]),
        context,
      ).toEqual([
        ['DEPOSIT', 'PAID'],
        ['BALANCE', 'VOID'],
      ]);
      expect(accounts, context).toEqual({ FEES_EARNED: 1_500 });

      if (r.pay.data?.pay) {
        // The payment got through (payments had not yet heard of the cancellation): captured, then refunded in full
        // on top of the quoted refund. 11,500 paid, 1,500 + 8,500 = 10,000 back, the 1,500 fee kept.
        tally.cancelledThenPaymentRefunded++;
        expect(r.pay.data.pay, context).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 8_500 } });
        expect(order, context).toMatchObject({ amountPaid: { amount: 11_500 }, amountRefunded: { amount: 10_000 } });
        // Refunds go newest charge first: the balance charge entirely, then half the deposit.
        expect(charges, context).toEqual([
          [3_000, 1_500],
          [8_500, 8_500],
        ]);
        expect(balanceIntents, context).toEqual(['SUCCEEDED']);
      } else {
        // Refused: the order was already closed at payments, so nothing was charged.
        tally.cancelledBeforePayment++;
        expect(r.pay.errors?.[0]?.extensions, context).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_NOT_PAYABLE' });
        expect(order, context).toMatchObject({ amountPaid: { amount: 3_000 }, amountRefunded: { amount: 1_500 } });
        expect(order.refunds, context).toEqual([{ amount: { amount: 1_500 }, reason: 'CANCELLATION', status: 'SUCCEEDED' }]);
        expect(charges, context).toEqual([[3_000, 1_500]]);
        expect(
          balanceIntents.filter((s) => s === 'SUCCEEDED'),
          context,
        ).toEqual([]);
      }
    }
    console.info('cancel/pay race outcomes', tally);
    expect(tally.paid + tally.cancelledBeforePayment + tally.cancelledThenPaymentRefunded).toBe(orderCount);

    // The provider's books agree with the ledger, which balances.
    const reconciled = await reconciliation(stack);
    expect(reconciled).toEqual({ balanced: true, processingIntents: 0, discrepancies: [] });
  }, 240_000);
});
