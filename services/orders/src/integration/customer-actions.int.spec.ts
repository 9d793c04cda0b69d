import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderKind, OrderPaymentPlan, PaymentPurpose } from '@vitrine/contracts';
import { bootIsolatedService, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { DueStatus } from '../domain/order-snapshot.js';
import type { OrderStatus } from '../domain/order-status.js';
import { ordersService } from '../orders-service.js';
import { OrderDue } from '../store/order-due.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order, type OrderOutcome } from '../store/order.entity.js';

// Order.customerActions against the mutation it stands for, through orders' own API: for orders in several
// statuses under several policies, an action listed is accepted by cancelOrder and one not listed is refused.
// (PAY is payments' mutation: its rule, an open due the customer collects, is covered by the unit spec.)

const actionsQuery = graphql(`
  query CustomerActionsOfOrder($id: ID!) {
    order(id: $id) {
      status
      customerActions
      cancellationRequestedAt
    }
  }
`);
const quoteQuery = graphql(`
  query CustomerActionsQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      token
    }
  }
`);
const cancelMutation = graphql(`
  mutation CustomerActionsCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
      cancellationRequestedAt
    }
  }
`);
const publishMutation = graphql(`
  mutation CustomerActionsPublishPolicy($preset: String!) {
    publishStorePolicy(input: { preset: $preset, note: "customer actions spec" }) {
      version
    }
  }
`);

let orders: IsolatedService;
let customer: TestIdentity;
const versions: Record<string, number> = { 'deposit-store': 1 };

beforeAll(async () => {
  orders = await bootIsolatedService(ordersService, { label: 'orders_customer_actions', transport: 'embedded' });
  customer = await orders.tokens.customer();
  const staff = await orders.tokens.staff(['orders:manage']);
  for (const preset of ['charge-at-ship', 'statue-store']) {
    const { data, errors } = await gql(orders.url, publishMutation, { preset }, staff.headers);
    expect(errors).toBeUndefined();
    versions[preset] = data!.publishStorePolicy.version;
  }
});
afterAll(async () => {
  await orders?.stop();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

interface Given {
  status: OrderStatus;
  preset: string;
  kind?: OrderKind;
  paymentPlan?: OrderPaymentPlan;
  facts?: Partial<Pick<Order, 'processedAt' | 'shippedAt' | 'shippingDateConfirmedAt' | 'releasedAt'>> & { outcome?: OrderOutcome };
  dues: { purpose: PaymentPurpose; status: DueStatus; collect: 'CUSTOMER' | 'STORED_METHOD' }[];
}

/** An order of the customer's as orders' own steps would have left it (placed two hours ago, $200.00 of goods). */
async function givenOrder(given: Given): Promise<string> {
  const em = orders.service.orm.em.fork();
  const id = randomUUID();
  const order = em.create(Order, {
    id,
    customerId: customer.id,
    status: given.status,
    totalAmount: 20000,
    currency: 'USD',
    kind: given.kind ?? 'IN_STOCK',
    paymentPlan: given.paymentPlan ?? 'IN_STOCK',
    policyVersion: versions[given.preset]!,
    placedAt: hoursAgo(2),
    firstPaidAt: given.dues.some((d) => d.status === 'PAID') ? hoursAgo(2) : null,
    ...given.facts,
  });
  em.create(OrderLine, { id: randomUUID(), order, position: 0, productId: randomUUID(), quantity: 1, unitPriceAmount: 20000 });
  for (const due of given.dues) {
    em.create(OrderDue, { id: randomUUID(), order, goodsAmount: 20000, shippingAmount: 0, paidAt: due.status === 'PAID' ? hoursAgo(2) : null, ...due });
  }
  await em.flush();
  return id;
}

const paidInFull = [{ purpose: 'FULL_PAYMENT', status: 'PAID', collect: 'CUSTOMER' }] satisfies Given['dues'];
const ended: OrderOutcome = {
  kind: 'CANCELLED',
  by: 'CUSTOMER',
  reason: 'Cancelled by the customer.',
  kept: 0,
  refund: 20000,
  rule: { id: 'in-stock-cancellation.free-before-processing', text: 'Free before processing.' },
  feesWaived: false,
  countsTowardAbuse: false,
  at: hoursAgo(1).toISOString(),
};

const cases: [string, Given, string[]][] = [
  [
    'waiting for its payment',
    { status: 'AWAITING_PAYMENT', preset: 'deposit-store', dues: [{ purpose: 'FULL_PAYMENT', status: 'OPEN', collect: 'CUSTOMER' }] },
    ['PAY', 'CANCEL'],
  ],
  ['paid, not processed yet', { status: 'READY_TO_FULFIL', preset: 'deposit-store', dues: paidInFull }, ['CANCEL']],
  ['paid, under a policy where staff decide', { status: 'READY_TO_FULFIL', preset: 'charge-at-ship', dues: paidInFull }, ['REQUEST_CANCELLATION']],
  [
    'being packed under a policy that refuses it once processed',
    { status: 'IN_FULFILMENT', preset: 'statue-store', facts: { processedAt: hoursAgo(1) }, dues: paidInFull },
    [],
  ],
  ['shipped', { status: 'SHIPPED', preset: 'deposit-store', facts: { processedAt: hoursAgo(1), shippedAt: hoursAgo(1) }, dues: paidInFull }, []],
  [
    'a preorder charged at ship, its date fixed, the charge pending on the stored card',
    {
      status: 'PAYMENT_DUE',
      preset: 'charge-at-ship',
      kind: 'PREORDER',
      paymentPlan: 'CHARGE_AT_SHIP',
      facts: { releasedAt: hoursAgo(1), shippingDateConfirmedAt: hoursAgo(1) },
      dues: [{ purpose: 'CHARGE_AT_SHIP', status: 'OPEN', collect: 'STORED_METHOD' }],
    },
    [],
  ],
  [
    'already cancelled',
    { status: 'CANCELLED', preset: 'deposit-store', facts: { outcome: ended }, dues: [{ purpose: 'FULL_PAYMENT', status: 'VOID', collect: 'CUSTOMER' }] },
    [],
  ],
];

describe('Order.customerActions and the customer’s cancelOrder', () => {
  for (const [name, given, expected] of cases) {
    it(`${name}: ${expected.join(', ') || 'nothing'} listed; cancelOrder ${expected.some((a) => a !== 'PAY') ? 'accepts' : 'refuses'} it`, async () => {
      const id = await givenOrder(given);
      const read = await gql(orders.url, actionsQuery, { id }, customer.headers);
      expect(read.errors).toBeUndefined();
      expect(read.data!.order.customerActions).toEqual(expected);

      const quote = await gql(orders.url, quoteQuery, { id }, customer.headers);
      const token = quote.data?.cancellationQuote.token ?? null;
      const cancelled = await gql(orders.url, cancelMutation, { id, token }, customer.headers);
      if (expected.includes('CANCEL')) {
        expect(cancelled.errors).toBeUndefined();
        expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
      } else if (expected.includes('REQUEST_CANCELLATION')) {
        expect(cancelled.errors).toBeUndefined();
        expect(cancelled.data!.cancelOrder).toMatchObject({ status: given.status, cancellationRequestedAt: expect.any(String) });
      } else {
        expect(cancelled.errors?.map((e) => e.extensions?.code)).toEqual(['POLICY_VIOLATION']);
        const [refusal] = cancelled.errors!;
        // Refused by a rule of the order's policy (not ORDER_ENDED): its sentence comes in French too, for the storefront.
        if (String(refusal!.extensions?.rule).includes('.')) {
          expect(refusal!.extensions?.ruleTexts).toEqual({ en: refusal!.message, fr: expect.stringMatching(/ne (peut|peuvent) plus être annulée/) });
        }
        const [row] = await orders.sql<{ status: string; requested: boolean }>(
          'select status, cancellation_requested_at is not null as requested from orders.customer_order where id = ?',
          [id],
        );
        expect(row).toEqual({ status: given.status, requested: false });
      }
      // After the action, the list says what is left: nothing once cancelled or asked.
      const after = await gql(orders.url, actionsQuery, { id }, customer.headers);
      expect(after.data!.order.customerActions).toEqual(expected.some((a) => a !== 'PAY') ? [] : expected);
    });
  }

  it('an order of someone else’s lists nothing to them: it is NOT_FOUND', async () => {
    const id = await givenOrder({ status: 'READY_TO_FULFIL', preset: 'deposit-store', dues: paidInFull });
    const stranger = await orders.tokens.customer();
    const read = await gql(orders.url, actionsQuery, { id }, stranger.headers);
    expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
