import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@vitrine/testing';
import { bootPayments, payMutation, reconciliationQuery, refundMutation, sandboxBooks, type PaymentsHarness } from './harness.js';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_concurrency');
});
afterAll(async () => {
  await h?.stop();
});

const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));

describe('money under concurrency', () => {
  it('200 concurrent pay calls with one idempotency key: one provider charge, 200 identical answers', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 4200, shipping: 800, purpose: 'BALANCE' });
    const before = await sandboxBooks(h);
    const key = randomUUID();
    const answers = await times(200, () => h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key }, customer));
    const after = await sandboxBooks(h);
    expect(after.charges - before.charges).toBe(1);
    expect(after.captured - before.captured).toBe(5000);
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(answers[0]!.data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: { amount: 5000, currency: 'USD' } });
    const [row] = await h.sql<{ n: string }>(
      `select count(*) as n from payments.payment_intent where id in (select intent_id from payments.payment_allocation where order_id = ?)`,
      [orderId],
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('200 distinct keys paying the same balance: one charge, the rest refused as already paid', async () => {
    const customer = await h.tokens.customer();
    const { orderId } = await h.due({ customerId: customer.id, goods: 6000, shipping: 1000, purpose: 'BALANCE' });
    const before = await sandboxBooks(h);
    const answers = await times(200, () =>
      h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer),
    );
    const after = await sandboxBooks(h);
    expect(after.charges - before.charges).toBe(1);
    expect(after.captured - before.captured).toBe(7000);
    const paid = answers.filter((a) => a.data?.pay?.status === 'SUCCEEDED');
    const refused = answers.filter((a) => a.errors);
    expect(paid).toHaveLength(1);
    expect(refused).toHaveLength(199);
    for (const r of refused) {
      expect(r.errors![0]).toMatchObject({
        message: `The balance is already paid on order ${orderId}.`,
        extensions: { code: 'CONFLICT', rule: 'ALREADY_PAID' },
      });
    }
  });

  it('50 concurrent partial refunds whose sum exceeds what was paid: the total refunded never exceeds paid; the refused ones say why', async () => {
    const customer = await h.tokens.customer();
    const staff = await h.staff();
    // Two charges on the order (deposit, then balance), so refunds split across them newest first.
    const deposit = await h.due({ customerId: customer.id, goods: 3000, purpose: 'DEPOSIT' });
    await h.due({ customerId: customer.id, orderId: deposit.orderId, goods: 6000, shipping: 1000, purpose: 'BALANCE' });
    for (const purpose of ['DEPOSIT', 'BALANCE'] as const) {
      const res = await h.call(
        payMutation,
        { input: { orderIds: [deposit.orderId], paymentMethod: { token: 'sandbox_visa' }, purpose }, key: randomUUID() },
        customer,
      );
      expect(res.data!.pay.status).toBe('SUCCEEDED');
    }
    const before = await sandboxBooks(h);
    // Paid 10,000; fifty refunds of 300 ask for 15,000: exactly 33 fit (9,900).
    const answers = await times(50, (i) =>
      h.call(refundMutation, { orderId: deposit.orderId, amount: { amount: 300, currency: 'USD' }, reason: `goodwill ${i}`, key: randomUUID() }, staff),
    );
    const granted = answers.filter((a) => a.data?.refundPayment);
    const refused = answers.filter((a) => a.errors);
    expect(granted).toHaveLength(33);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'REFUND_EXCEEDS_PAID', refundable: 100, requested: 300 });
      expect(r.errors![0]!.message).toBe('At most 1.00 USD can still be refunded on this order (100.00 USD paid, 99.00 USD already refunded).');
    }
    const [charges] = await h.sql<{ amount: string; refunded: string }>(
      `select sum(amount) as amount, sum(refunded) as refunded from payments.charge where order_id = ?`,
      [deposit.orderId],
    );
    expect(charges).toEqual({ amount: '10000', refunded: '9900' });
    // Newest charge first: the balance's 7,000 went back whole before the deposit was touched.
    const byCharge = await h.sql(`select amount, refunded from payments.charge where order_id = ? order by captured_sequence`, [deposit.orderId]);
    expect(byCharge).toEqual([
      { amount: '3000', refunded: '2900' },
      { amount: '7000', refunded: '7000' },
    ]);
    // Every granted refund is paid out, once: the provider gave back exactly what the ledger decided.
    await eventually(async () => (await h.sql(`select 1 from payments.refund where order_id = ? and status <> 'SUCCEEDED'`, [deposit.orderId])).length === 0);
    const after = await sandboxBooks(h);
    expect(after.refunded - before.refunded).toBe(9900);
    const recon = await h.call(reconciliationQuery, {}, staff);
    expect(recon.data!.ledgerReconciliation.discrepancies).toEqual([]);
  });

  it('the database refuses what the code must never do: an unbalanced transaction, an over-refunded charge, a changed posting', async () => {
    const em = h.em();
    const tx = randomUUID();
    await expect(
      em.transactional(async (t) => {
        await t.execute(`insert into payments.ledger_transaction (id, kind, reason, created_at) values (?, 'FEE_KEPT', 'CANCELLATION_FEE', now())`, [tx]);
        await t.execute(
          `insert into payments.ledger_posting (transaction_id, account, amount, currency) values (?, 'FEES_EARNED', -100, 'USD'), (?, 'CUSTOMER_DEPOSITS_HELD', 99, 'USD')`,
          [tx, tx],
        );
      }),
    ).rejects.toThrow(/does not balance in USD: -1 minor units/);
    await expect(h.sql(`update payments.charge set refunded = amount + 1 where id = (select id from payments.charge limit 1)`)).rejects.toThrow(
      /charge_refunded_within_amount/,
    );
    await expect(h.sql(`update payments.ledger_posting set amount = amount * 2 where id = (select min(id) from payments.ledger_posting)`)).rejects.toThrow(
      /append-only/,
    );
    const orderId = randomUUID();
    await expect(
      em.fork().transactional(async (t) => {
        await t.execute(`insert into payments.ledger_transaction (id, kind, reason, created_at) values (?, 'REFUND_DECIDED', 'STAFF', now())`, [tx]);
        await t.execute(
          `insert into payments.ledger_posting (transaction_id, account, amount, currency, order_id) values (?, 'FEES_EARNED', 100, 'USD', ?), (?, 'REFUNDS_PAYABLE', -100, 'USD', ?)`,
          [tx, orderId, tx, orderId],
        );
      }),
    ).rejects.toThrow(/would be refunded 100 USD but paid only 0/);
  });
});
