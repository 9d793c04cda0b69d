import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraShippingInvoicedV1, extraShippingWaivedV1 } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { bootPayments, payMutation, reconciliationQuery, type PaymentsHarness, type TestIdentity } from './harness.js';

// logistics' staff waive an extra shipping invoice (the store absorbs the postage): payments cancels the due, refuses
// to collect it, and gives back a payment that reached it anyway, whichever came first. Events published as
// logistics would, on real PostgreSQL and Kafka, with the sandbox provider.
let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_extra_waiver');
});
afterAll(async () => {
  await h?.stop();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });
const pay = (who: TestIdentity, orderId: string, token = 'sandbox_visa') =>
  h.call(payMutation, { input: { orderIds: [orderId], paymentMethod: { token } }, key: randomUUID() }, who);

interface Invoiced {
  customer: TestIdentity;
  orderId: string;
  shipmentId: string;
  invoiceId: string;
}

/** An order paid in full (5,000 + 1,000 shipping) whose parcel cost 700 more: logistics' invoice, an open due. */
async function invoicedOrder(): Promise<Invoiced> {
  const customer = await h.tokens.customer();
  const { orderId } = await h.due({ customerId: customer.id, goods: 5_000, shipping: 1_000, purpose: 'FULL_PAYMENT' });
  expect((await pay(customer, orderId)).data!.pay.status).toBe('SUCCEEDED');
  const shipmentId = randomUUID();
  const invoiceId = randomUUID();
  await h.consumed('logistics', extraShippingInvoicedV1, shipmentId, {
    shipmentId,
    customerId: customer.id,
    invoices: [{ invoiceId, orderId, amount: usd(700) }],
    invoicedAt: new Date().toISOString(),
  });
  return { customer, orderId, shipmentId, invoiceId };
}

const waiverOf = (o: Invoiced) => ({
  shipmentId: o.shipmentId,
  customerId: o.customer.id,
  invoices: [{ invoiceId: o.invoiceId, orderId: o.orderId, amount: usd(700) }],
  reason: 'A small overrun: the store absorbs it.',
  actorId: randomUUID(),
  waivedAt: new Date().toISOString(),
});

const dueState = async (dueId: string) => (await h.sql<{ state: string }>(`select state from payments.payment_due where id = ?`, [dueId]))[0]?.state;
const refundsOf = (orderId: string) =>
  h.sql(`select reason, ledger_reason, amount, status from payments.refund where order_id = ? order by created_at`, [orderId]);
const shippingHeld = async (orderId: string) =>
  -Number(
    (
      await h.sql<{ n: string }>(`select coalesce(sum(amount), 0) as n from payments.ledger_posting where order_id = ? and account = 'SHIPPING_COLLECTED'`, [
        orderId,
      ])
    )[0]!.n,
  );
const settled = (orderId: string, count: number) =>
  eventually(async () => {
    const rows = await refundsOf(orderId);
    return rows.length === count && rows.every((r) => r.status === 'SUCCEEDED') ? rows : null;
  });

describe('an extra shipping invoice waived by logistics', () => {
  it('cancels the due: pay and the pay-now page refuse it, an attempt waiting on the customer is given up; a redelivery changes nothing', async () => {
    const order = await invoicedOrder();
    const declined = await pay(order.customer, order.orderId, 'sandbox_declined');
    expect(declined.data!.pay).toMatchObject({ status: 'FAILED', purpose: 'EXTRA_SHIPPING' });
    const [link] = (await h.published('payments.payment.link-issued')).filter((e) => e.dueId === order.invoiceId);

    const waived = await h.publish({ source: 'logistics', definition: extraShippingWaivedV1, subject: order.shipmentId, data: waiverOf(order) });
    await eventually(async () => (await dueState(order.invoiceId)) === 'WAIVED');
    expect(await h.sql(`select status from payments.payment_intent where id = ?`, [declined.data!.pay.id])).toEqual([{ status: 'CANCELLED' }]);

    const refused = await pay(order.customer, order.orderId);
    expect(refused.errors?.[0]).toMatchObject({
      message: `The store waived the extra shipping invoice on order ${order.orderId}: there is nothing to pay.`,
      extensions: { code: 'POLICY_VIOLATION', rule: 'DUE_WAIVED', purpose: 'EXTRA_SHIPPING' },
    });
    const page = await fetch(`${link!.url}&lang=fr`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('La boutique a renoncé à ces frais de port supplémentaires : il n’y a rien à payer.');
    const posted = await fetch(`${h.origin}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        t: new URL(link!.url).searchParams.get('t')!,
        k: randomUUID(),
        number: '4242424242424242',
        exp_month: '12',
        exp_year: '2035',
        cvc: '123',
      }),
    });
    expect(await posted.text()).toContain('The store has waived this extra shipping charge: there is nothing to pay.');

    // The same event delivered again (its id), then a later one on the same key: the first is not applied twice.
    await h.publish({ source: 'logistics', definition: extraShippingWaivedV1, subject: order.shipmentId, data: waiverOf(order), id: waived.id });
    await h.consumed('logistics', extraShippingWaivedV1, order.shipmentId, {
      ...waiverOf(order),
      invoices: [{ invoiceId: randomUUID(), orderId: order.orderId, amount: usd(1) }],
    });
    expect(await h.sql(`select count(*)::int as n from payments.inbox_processed_event where event_id = ?`, [waived.id])).toEqual([{ n: 1 }]);
    expect(await dueState(order.invoiceId)).toBe('WAIVED');
    expect(await refundsOf(order.orderId)).toEqual([]);
    expect(await h.sql(`select count(*)::int as n from payments.charge where order_id = ?`, [order.orderId])).toEqual([{ n: 1 }]);
  });

  it('paid before the waiver reached payments: the due is waived and the customer gets the 700 back, once', async () => {
    const order = await invoicedOrder();
    expect((await pay(order.customer, order.orderId)).data!.pay).toMatchObject({ status: 'SUCCEEDED', amount: usd(700) });
    expect(await shippingHeld(order.orderId)).toBe(1_700);
    await h.consumed('logistics', extraShippingWaivedV1, order.shipmentId, waiverOf(order));
    expect(await settled(order.orderId, 1)).toEqual([{ reason: 'SHIPPING_EXCESS', ledger_reason: 'SHIPPING_EXCESS', amount: '700', status: 'SUCCEEDED' }]);
    expect(await dueState(order.invoiceId)).toBe('WAIVED');
    expect(await shippingHeld(order.orderId)).toBe(1_000);
    // Told again under a new event id: already waived, nothing more goes back.
    await h.consumed('logistics', extraShippingWaivedV1, order.shipmentId, waiverOf(order));
    expect(await refundsOf(order.orderId)).toHaveLength(1);
  });

  it('a payment already at the provider when the due is waived succeeds there: it settles nothing and goes back in full', async () => {
    const order = await invoicedOrder();
    const slow = await pay(order.customer, order.orderId, 'sandbox_processing');
    expect(slow.data!.pay.status).toBe('PROCESSING');
    await h.consumed('logistics', extraShippingWaivedV1, order.shipmentId, waiverOf(order));
    expect(await dueState(order.invoiceId)).toBe('WAIVED');
    expect(await settled(order.orderId, 1)).toEqual([{ reason: 'SHIPPING_EXCESS', ledger_reason: 'SHIPPING_EXCESS', amount: '700', status: 'SUCCEEDED' }]);
    expect(await h.sql(`select status from payments.payment_intent where id = ?`, [slow.data!.pay.id])).toEqual([{ status: 'SUCCEEDED' }]);
    expect((await h.published('payments.payment.succeeded')).filter((e) => e.paymentId === slow.data!.pay.id)).toEqual([]);
    expect(await shippingHeld(order.orderId)).toBe(1_000);
  });

  it('ends with a ledger that balances and matches the sandbox', async () => {
    const staff = await h.staff();
    await eventually(async () => (await h.sql(`select 1 from payments.refund where status = 'PENDING'`)).length === 0);
    const recon = (await h.call(reconciliationQuery, {}, staff)).data!.ledgerReconciliation;
    expect(recon).toMatchObject({ balanced: true, discrepancies: [] });
  });
});
