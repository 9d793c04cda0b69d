import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { PayInput, PaymentMethodInput } from '../__generated__/graphql.js';
import { bootPayments, payMutation, reconciliationQuery, type PaymentsHarness, type TestIdentity } from './harness.js';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_order_money', { SANDBOX_PROCESSING_MS: '1500' });
});
afterAll(async () => {
  await h?.stop();
});

const pay = (who: TestIdentity, orderIds: string[], paymentMethod: PaymentMethodInput = { token: 'sandbox_visa' }, extra: Partial<PayInput> = {}) =>
  h.call(payMutation, { input: { orderIds, paymentMethod, ...extra }, key: randomUUID() }, who);

const orderMoney = graphql(`
  query OrderMoneyEntities($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Order {
        id
        amountPaid {
          amount
          currency
        }
        amountRefunded {
          amount
        }
        amountDue {
          amount
        }
        payNowUrl
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
      }
    }
  }
`);

const trail = graphql(`
  query OrderMoneyTrail($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Order {
        moneyTrail {
          movement
          reason
          account
          amount {
            amount
          }
        }
      }
    }
  }
`);

const saveMutation = graphql(`
  mutation OrderMoneySaveMethod($token: String!, $key: String!) {
    savePaymentMethod(token: $token, idempotencyKey: $key) {
      id
      brand
      last4
      expMonth
      expYear
    }
  }
`);

const listQuery = graphql(`
  query OrderMoneyMyMethods {
    myPaymentMethods {
      id
      brand
      last4
    }
  }
`);

const removeMutation = graphql(`
  mutation OrderMoneyRemoveMethod($id: ID!) {
    removePaymentMethod(id: $id)
  }
`);

const balances = async (orderId: string) =>
  Object.fromEntries(
    (
      await h.sql<{ account: string; total: string }>(
        `select account, sum(amount) as total from payments.ledger_posting where order_id = ? group by account order by account`,
        [orderId],
      )
    ).map((r) => [r.account, Number(r.total)]),
  );

const refundsOf = (orderId: string) => h.sql(`select reason, amount, status from payments.refund where order_id = ? order by created_at`, [orderId]);
const settledRefunds = (orderId: string) =>
  eventually(async () => {
    const rows = await refundsOf(orderId);
    return rows.length > 0 && rows.every((r) => r.status === 'SUCCEEDED') ? rows : null;
  });

describe('money through an order’s life', () => {
  it('a cancellation keeps the fee orders decided and refunds the rest (RefundIssued)', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 3000, purpose: 'DEPOSIT' });
    expect((await pay(customer, [orderId])).data!.pay.status).toBe('SUCCEEDED');
    await h.cancelled({ orderId, customerId: customer.id, fee: 1500, refund: 1500 });
    expect(await settledRefunds(orderId)).toEqual([{ reason: 'CANCELLATION', amount: '1500', status: 'SUCCEEDED' }]);
    expect(await balances(orderId)).toEqual({ CUSTOMER_DEPOSITS_HELD: 0, FEES_EARNED: -1500, PROVIDER_CLEARING: 1500, REFUNDS_PAYABLE: 0 });
    const issued = (await h.published('payments.refund.issued')).filter((e) => e.orderId === orderId);
    expect(issued).toEqual([expect.objectContaining({ customerId: customer.id, amount: { amount: 1500, currency: 'USD' }, reason: 'CANCELLATION' })]);
  });

  it('an expiry forfeits the deposit it keeps and voids what was still due', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 2000, purpose: 'DEPOSIT' });
    expect((await pay(customer, [orderId])).data!.pay.status).toBe('SUCCEEDED');
    const balance = await h.due({ customerId: customer.id, orderId, goods: 8000, shipping: 900, purpose: 'BALANCE' });
    await h.expired({ orderId, customerId: customer.id, kept: 2000, refund: 0 });
    expect(await refundsOf(orderId)).toEqual([]);
    expect(await balances(orderId)).toEqual({ CUSTOMER_DEPOSITS_HELD: 0, FEES_EARNED: -2000, PROVIDER_CLEARING: 2000 });
    expect(await h.sql(`select state from payments.payment_due where id = ?`, [balance.dueId])).toEqual([{ state: 'VOID' }]);
    const [fee] = await h.sql(
      `select reason from payments.ledger_transaction t where kind = 'FEE_KEPT' and exists (select 1 from payments.ledger_posting p where p.transaction_id = t.id and p.order_id = ?)`,
      [orderId],
    );
    expect(fee).toEqual({ reason: 'DEPOSIT_FORFEITED' });
    const late = await pay(customer, [orderId], { token: 'sandbox_visa' }, { purpose: 'BALANCE' });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_NOT_PAYABLE' });
  });

  it('a payment that succeeds after the order was cancelled goes back in full, and settles nothing', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 4400, purpose: 'FULL_PAYMENT' });
    const slow = await pay(customer, [orderId], { token: 'sandbox_processing' });
    expect(slow.data!.pay.status).toBe('PROCESSING');
    await h.cancelled({ orderId, customerId: customer.id });
    expect(await settledRefunds(orderId)).toEqual([{ reason: 'CANCELLATION', amount: '4400', status: 'SUCCEEDED' }]);
    expect((await h.published('payments.payment.succeeded')).filter((e) => e.paymentId === slow.data!.pay.id)).toEqual([]);
    expect(await balances(orderId)).toEqual({ DEFERRED_REVENUE: 0, PROVIDER_CLEARING: 0, REFUNDS_PAYABLE: 0 });
  });

  it('shipping turns what was held into revenue and shipping revenue', async () => {
    const customer = await h.tokens.customer();
    const staff = await h.staff();
    const { orderId } = await h.due({ customerId: customer.id, goods: 10000, shipping: 1200, purpose: 'FULL_PAYMENT' });
    expect((await pay(customer, [orderId])).data!.pay.status).toBe('SUCCEEDED');
    await h.shipped(orderId);
    const res = await h.call(trail, { r: [{ __typename: 'Order', id: orderId }] }, staff);
    expect(res.data!._entities[0]!.moneyTrail).toEqual([
      { movement: 'CHARGE_CAPTURED', reason: 'FULL_PAYMENT', account: 'PROVIDER_CLEARING', amount: { amount: 11200 } },
      { movement: 'CHARGE_CAPTURED', reason: 'FULL_PAYMENT', account: 'DEFERRED_REVENUE', amount: { amount: -10000 } },
      { movement: 'CHARGE_CAPTURED', reason: 'FULL_PAYMENT', account: 'SHIPPING_COLLECTED', amount: { amount: -1200 } },
      { movement: 'ORDER_SHIPPED', reason: null, account: 'DEFERRED_REVENUE', amount: { amount: 10000 } },
      { movement: 'ORDER_SHIPPED', reason: null, account: 'REVENUE', amount: { amount: -10000 } },
      { movement: 'ORDER_SHIPPED', reason: null, account: 'SHIPPING_COLLECTED', amount: { amount: 1200 } },
      { movement: 'ORDER_SHIPPED', reason: null, account: 'SHIPPING_REVENUE', amount: { amount: -1200 } },
    ]);
    const customerView = await h.call(trail, { r: [{ __typename: 'Order', id: orderId }] }, customer);
    expect(customerView.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('puts the money on orders’ Order for its owner and staff only, with a pay-now link for the owner', async () => {
    const customer = await h.tokens.customer();
    const stranger = await h.tokens.customer();
    const staff = await h.tokens.staff(['orders:manage']);
    const { orderId } = await h.due({ customerId: customer.id, goods: 5000, purpose: 'DEPOSIT' });
    expect((await pay(customer, [orderId])).data!.pay.status).toBe('SUCCEEDED');
    await h.due({ customerId: customer.id, orderId, goods: 15000, shipping: 1000, purpose: 'BALANCE' });
    const r = [{ __typename: 'Order', id: orderId }];
    const mine = (await h.call(orderMoney, { r }, customer)).data!._entities[0];
    expect(mine).toMatchObject({
      id: orderId,
      amountPaid: { amount: 5000, currency: 'USD' },
      amountRefunded: { amount: 0 },
      amountDue: { amount: 16000 },
      payments: [{ status: 'SUCCEEDED', purpose: 'DEPOSIT' }],
      refunds: [],
    });
    expect(mine!.payNowUrl).toMatch(new RegExp(`^${h.origin}/pay\\?t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect((await h.call(orderMoney, { r }, stranger)).data!._entities).toEqual([null]);
    const asStaff = (await h.call(orderMoney, { r }, staff)).data!._entities[0];
    expect(asStaff).toMatchObject({ amountPaid: { amount: 5000 }, payNowUrl: null });
    const link = (await h.published('payments.payment.link-issued')).filter((e) => e.orderId === orderId && e.purpose === 'BALANCE');
    expect(link).toEqual([
      expect.objectContaining({ purpose: 'BALANCE', amount: { amount: 16000, currency: 'USD' }, url: expect.stringMatching(/\/pay\?t=/) }),
    ]);
  });
});

describe('stored cards and charge at ship', () => {
  it('saves, lists and removes a card; someone else’s is NOT_FOUND; a saved card pays', async () => {
    const customer = await h.tokens.customer();
    const stranger = await h.tokens.customer();
    const saved = (await h.call(saveMutation, { token: 'sandbox_mastercard', key: randomUUID() }, customer)).data!.savePaymentMethod;
    expect(saved).toMatchObject({ brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2034 });
    expect((await h.call(listQuery, {}, customer)).data!.myPaymentMethods).toEqual([{ id: saved.id, brand: 'mastercard', last4: '4444' }]);
    expect((await h.call(listQuery, {}, stranger)).data!.myPaymentMethods).toEqual([]);
    const { orderId } = await h.due({ customerId: customer.id, goods: 1800 });
    expect((await pay(customer, [orderId], { savedPaymentMethodId: saved.id })).data!.pay).toMatchObject({
      status: 'SUCCEEDED',
      paymentMethod: 'mastercard 4444',
    });
    expect((await h.call(removeMutation, { id: saved.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.call(removeMutation, { id: saved.id }, customer)).data!.removePaymentMethod).toBe(true);
    expect((await h.call(listQuery, {}, customer)).data!.myPaymentMethods).toEqual([]);
    expect((await h.published('payments.method.saved')).filter((e) => e.paymentMethodId === saved.id)).toHaveLength(1);
    expect((await h.published('payments.method.removed')).filter((e) => e.paymentMethodId === saved.id)).toEqual([
      { paymentMethodId: saved.id, customerId: customer.id },
    ]);
  });

  it('saves the card used for a payment when asked', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 700 });
    expect((await pay(customer, [orderId], { token: 'sandbox_visa' }, { savePaymentMethod: true })).data!.pay.status).toBe('SUCCEEDED');
    expect((await h.call(listQuery, {}, customer)).data!.myPaymentMethods).toEqual([expect.objectContaining({ brand: 'visa', last4: '4242' })]);
  });

  it('charges the stored card when a charge-at-ship due arrives, and says why when it cannot', async () => {
    const customer = await h.tokens.customer();
    const good = (await h.call(saveMutation, { token: 'sandbox_visa', key: randomUUID() }, customer)).data!.savePaymentMethod;
    const bad = (await h.call(saveMutation, { token: 'sandbox_declined', key: randomUUID() }, customer)).data!.savePaymentMethod;
    const ok = await h.due({
      customerId: customer.id,
      goods: 9000,
      shipping: 700,
      purpose: 'CHARGE_AT_SHIP',
      collect: 'STORED_METHOD',
      paymentMethodId: good.id,
    });
    const declined = await h.due({ customerId: customer.id, goods: 5000, purpose: 'CHARGE_AT_SHIP', collect: 'STORED_METHOD', paymentMethodId: bad.id });
    const missing = await h.due({ customerId: customer.id, goods: 3000, purpose: 'CHARGE_AT_SHIP', collect: 'STORED_METHOD', paymentMethodId: randomUUID() });
    const succeeded = await eventually(async () => (await h.published('payments.payment.succeeded')).find((e) => e.allocations[0].dueId === ok.dueId));
    expect(succeeded).toMatchObject({
      purpose: 'CHARGE_AT_SHIP',
      amount: { amount: 9700, currency: 'USD' },
      allocations: [{ orderId: ok.orderId, dueId: ok.dueId }],
    });
    const failures = await eventually(async () => {
      const events = (await h.published('payments.payment.failed')).filter((e) => [declined.dueId, missing.dueId].includes(e.dues[0].dueId));
      return events.length === 2 ? events : null;
    });
    expect(failures.find((e) => e.dues[0].dueId === declined.dueId)).toMatchObject({
      reason: 'Your card was declined. Please use another card or contact your bank.',
      providerCode: 'generic_decline',
    });
    expect(failures.find((e) => e.dues[0].dueId === missing.dueId)).toMatchObject({
      reason: 'There is no saved card to charge for this order. Please pay with a card from your order page.',
      providerCode: 'no_stored_method',
    });
    // The customer pays the declined one themselves in the grace week.
    expect((await pay(customer, [declined.orderId])).data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 5000 } });
  });

  it('a due orders announces again after a failed charge at ship is the same due, now the customer’s to pay with a link', async () => {
    const customer = await h.tokens.customer();
    const bad = (await h.call(saveMutation, { token: 'sandbox_declined', key: randomUUID() }, customer)).data!.savePaymentMethod;
    const first = {
      customerId: customer.id,
      goods: 6400,
      shipping: 600,
      purpose: 'CHARGE_AT_SHIP',
      collect: 'STORED_METHOD',
      paymentMethodId: bad.id,
    } as const;
    const { orderId, dueId } = await h.due(first);
    await eventually(async () => (await h.published('payments.payment.failed')).find((e) => e.dues[0].dueId === dueId));
    // What orders does on PaymentFailed for a charge at ship: the same due, now collected from the customer within the grace week.
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await h.due({ ...first, orderId, dueId, collect: 'CUSTOMER', paymentMethodId: null, dueAt });
    const dues = await h.sql(
      `select collect, payment_method_id, state, amount, due_at = ?::timestamptz as new_deadline from payments.payment_due where order_id = ?`,
      [dueAt, orderId],
    );
    expect(dues).toEqual([{ collect: 'CUSTOMER', payment_method_id: null, state: 'OPEN', amount: '7000', new_deadline: true }]);
    const links = (await h.published('payments.payment.link-issued')).filter((e) => e.dueId === dueId);
    expect(links).toEqual([expect.objectContaining({ orderId, purpose: 'CHARGE_AT_SHIP', amount: { amount: 7000, currency: 'USD' }, dueAt })]);
    const money = (await h.call(orderMoney, { r: [{ __typename: 'Order', id: orderId }] }, customer)).data!._entities[0];
    expect(money).toMatchObject({ amountDue: { amount: 7000 }, payNowUrl: expect.stringMatching(/\/pay\?t=/) });
    // Told the same again (a redelivery under a new event id): still one due, no second link.
    await h.due({ ...first, orderId, dueId, collect: 'CUSTOMER', paymentMethodId: null, dueAt });
    expect((await h.published('payments.payment.link-issued')).filter((e) => e.dueId === dueId)).toHaveLength(1);
    const paid = await pay(customer, [orderId]);
    expect(paid.data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 7000 }, allocations: [{ orderId, dueId }] });
    // Settled: a late announcement changes nothing.
    await h.due({ ...first, orderId, dueId });
    expect(await h.sql(`select collect, state from payments.payment_due where id = ?`, [dueId])).toEqual([{ collect: 'CUSTOMER', state: 'SETTLED' }]);
  });

  it('ends with a ledger that balances and matches the sandbox', async () => {
    const staff = await h.staff();
    await eventually(async () => (await h.sql(`select 1 from payments.refund where status = 'PENDING'`)).length === 0);
    const recon = (await h.call(reconciliationQuery, {}, staff)).data!.ledgerReconciliation;
    expect(recon).toMatchObject({ balanced: true, discrepancies: [] });
  });
});
