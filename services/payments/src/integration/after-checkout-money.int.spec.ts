import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDecidedV1, claimResolvedV1, extraShippingInvoicedV1, returnReceivedV1 } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { bootPayments, payMutation, reconciliationQuery, type PaymentsHarness, type TestIdentity } from './harness.js';

// Money other services decide once an order is paid. logistics fixes the
// final shipping cost after packing: below the estimate an order paid,
// payments refunds the excess; above it, each invoice is a due payments
// collects (its PaymentSucceeded names the invoice logistics waits for before
// dispatch). aftersales decides partial refunds on delivered orders. Events
// published here as logistics and aftersales would.
let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_after_checkout');
});
afterAll(async () => {
  await h?.stop();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });
const pay = (who: TestIdentity, orderIds: string[]) =>
  h.call(payMutation, { input: { orderIds, paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, who);

/** A customer's in-stock order paid in full: `goods` plus the `shipping` estimate. */
async function paidOrder(goods: number, shipping: number) {
  const customer = await h.tokens.customer();
  const { orderId } = await h.due({ customerId: customer.id, goods, shipping, purpose: 'FULL_PAYMENT' });
  expect((await pay(customer, [orderId])).data!.pay.status).toBe('SUCCEEDED');
  return { customer, orderId };
}

const quoted = (customerId: string, shares: { orderId: string; estimatePaid: number; finalShare: number }[]) => h.shippingQuoted(customerId, shares);

const shippingHeld = async (orderId: string) =>
  0 -
  Number(
    (
      await h.sql<{ n: string }>(`select coalesce(sum(amount), 0) as n from payments.ledger_posting where order_id = ? and account = 'SHIPPING_COLLECTED'`, [
        orderId,
      ])
    )[0]!.n,
  );
const settledRefunds = (orderId: string) =>
  eventually(async () => {
    const rows = await h.sql(`select reason, amount, status from payments.refund where order_id = ? order by created_at`, [orderId]);
    return rows.length > 0 && rows.every((r) => r.status === 'SUCCEEDED') ? rows : null;
  });

describe('shipping excess (logistics ShippingQuoted)', () => {
  it('refunds what the final shipping cost left of the estimate, from the shipping the order paid (RefundIssued SHIPPING_EXCESS)', async () => {
    const { customer, orderId } = await paidOrder(10_000, 1_500);
    await quoted(customer.id, [{ orderId, estimatePaid: 1_500, finalShare: 1_100 }]);
    expect(await settledRefunds(orderId)).toEqual([{ reason: 'SHIPPING_EXCESS', amount: '400', status: 'SUCCEEDED' }]);
    expect(await shippingHeld(orderId)).toBe(1_100);
    const issued = (await h.published('payments.refund.issued')).filter((e) => e.orderId === orderId);
    expect(issued).toEqual([expect.objectContaining({ customerId: customer.id, amount: usd(400), reason: 'SHIPPING_EXCESS' })]);
  });

  it('never refunds more than the order paid for shipping, and skips an order it took no money for', async () => {
    const { customer, orderId } = await paidOrder(4_000, 500);
    const unknown = randomUUID();
    await quoted(customer.id, [
      { orderId, estimatePaid: 1_500, finalShare: 600 },
      { orderId: unknown, estimatePaid: 1_000, finalShare: 800 },
    ]);
    expect(await settledRefunds(orderId)).toEqual([{ reason: 'SHIPPING_EXCESS', amount: '500', status: 'SUCCEEDED' }]);
    expect(await shippingHeld(orderId)).toBe(0);
    expect(await h.sql(`select 1 from payments.refund where order_id = ?`, [unknown])).toEqual([]);
  });
});

describe('extra shipping (logistics ExtraShippingInvoiced)', () => {
  it('makes each invoice a due the customer pays, with its link; the payment names the invoice', async () => {
    const { customer, orderId } = await paidOrder(5_000, 1_000);
    const invoiceId = randomUUID();
    const shipmentId = randomUUID();
    await h.consumed('logistics', extraShippingInvoicedV1, shipmentId, {
      shipmentId,
      customerId: customer.id,
      invoices: [{ invoiceId, orderId, amount: usd(700) }],
      invoicedAt: new Date().toISOString(),
    });
    expect(await h.sql(`select order_id, purpose, goods, shipping, amount, collect, state from payments.payment_due where id = ?`, [invoiceId])).toEqual([
      { order_id: orderId, purpose: 'EXTRA_SHIPPING', goods: '0', shipping: '700', amount: '700', collect: 'CUSTOMER', state: 'OPEN' },
    ]);
    expect((await h.published('payments.payment.link-issued')).filter((e) => e.dueId === invoiceId)).toEqual([
      expect.objectContaining({ orderId, purpose: 'EXTRA_SHIPPING', amount: usd(700) }),
    ]);
    const paid = await pay(customer, [orderId]);
    expect(paid.data!.pay).toMatchObject({ status: 'SUCCEEDED', purpose: 'EXTRA_SHIPPING', amount: usd(700), allocations: [{ orderId, dueId: invoiceId }] });
    const succeeded = (await h.published('payments.payment.succeeded')).filter((e) => e.paymentId === paid.data!.pay.id);
    expect(succeeded).toEqual([expect.objectContaining({ purpose: 'EXTRA_SHIPPING', allocations: [{ orderId, dueId: invoiceId, amount: usd(700) }] })]);
    expect(await shippingHeld(orderId)).toBe(1_700);
  });
});

describe('after-sales refunds (aftersales ClaimDecided, ClaimResolved, ReturnReceived)', () => {
  const decided = async (order: { orderId: string; customer: TestIdentity }, resolution: 'PARTIAL_REFUND' | 'REPLACEMENT_PART', refund: number | null) => {
    const claimId = randomUUID();
    await h.consumed('aftersales', claimDecidedV1, claimId, {
      claimId,
      orderId: order.orderId,
      customerId: order.customer.id,
      productId: randomUUID(),
      resolution,
      refund: refund === null ? null : usd(refund),
      replacementParts: resolution === 'REPLACEMENT_PART' ? ['weapon-large'] : [],
      parts: [{ category: 'weapon-large', grade: 'HIGH', amount: refund === null ? null : usd(refund), rule: { id: 'grading.high', text: 'High: 100%.' } }],
      decidedBy: randomUUID(),
      decidedAt: new Date().toISOString(),
    });
  };
  const revenue = async (orderId: string) =>
    0 -
    Number(
      (
        await h.sql<{ n: string }>(`select coalesce(sum(amount), 0) as n from payments.ledger_posting where order_id = ? and account = 'REVENUE'`, [orderId])
      )[0]!.n,
    );

  it('refunds a partial refund from the delivered order’s revenue (RefundIssued AFTER_SALES); a replacement part moves no money', async () => {
    const order = await paidOrder(8_000, 1_000);
    await h.shipped(order.orderId);
    await decided(order, 'REPLACEMENT_PART', null);
    await decided(order, 'PARTIAL_REFUND', 2_000);
    expect(await settledRefunds(order.orderId)).toEqual([{ reason: 'AFTER_SALES', amount: '2000', status: 'SUCCEEDED' }]);
    expect(await revenue(order.orderId)).toBe(6_000);
    const issued = (await h.published('payments.refund.issued')).filter((e) => e.orderId === order.orderId);
    expect(issued).toEqual([expect.objectContaining({ amount: usd(2_000), reason: 'AFTER_SALES' })]);
  });

  it('never refunds more than the revenue the order still holds', async () => {
    const order = await paidOrder(3_000, 500);
    await h.shipped(order.orderId);
    await decided(order, 'PARTIAL_REFUND', 5_000);
    expect(await settledRefunds(order.orderId)).toEqual([{ reason: 'AFTER_SALES', amount: '3000', status: 'SUCCEEDED' }]);
    expect(await revenue(order.orderId)).toBe(0);
  });

  it('refunds the resolution a customer chose (ClaimResolved): a discount kept, never a part or an exchange', async () => {
    const order = await paidOrder(9_000, 1_000);
    await h.shipped(order.orderId);
    const resolved = async (resolution: 'KEEP_WITH_DISCOUNT' | 'EXCHANGE', refund: number | null) => {
      const claimId = randomUUID();
      await h.consumed('aftersales', claimResolvedV1, claimId, {
        claimId,
        orderId: order.orderId,
        customerId: order.customer.id,
        productId: randomUUID(),
        resolution,
        refund: refund === null ? null : usd(refund),
        closedBy: null,
        resolvedAt: new Date().toISOString(),
      });
    };
    await resolved('EXCHANGE', null);
    await resolved('KEEP_WITH_DISCOUNT', 1_500);
    expect(await settledRefunds(order.orderId)).toEqual([{ reason: 'AFTER_SALES', amount: '1500', status: 'SUCCEEDED' }]);
    expect(await revenue(order.orderId)).toBe(7_500);
  });

  it('refunds a returned item (ReturnReceived) as RETURN: the price less the restocking fee, which stays earned with the shipping', async () => {
    const order = await paidOrder(10_000, 1_500);
    await h.shipped(order.orderId);
    const received = async (refund: number) => {
      const returnId = randomUUID();
      await h.consumed('aftersales', returnReceivedV1, returnId, {
        returnId,
        orderId: order.orderId,
        customerId: order.customer.id,
        productId: randomUUID(),
        condition: refund > 0 ? 'PERFECT_UNUSED' : 'USED_OR_DAMAGED',
        accepted: refund > 0,
        refund: usd(refund),
        restockingFee: usd(3_000),
        rule: { id: 'returns.within-window', text: 'Returns are accepted within 7 days of delivery.' },
        receivedBy: randomUUID(),
        receivedAt: new Date().toISOString(),
      });
    };
    await received(0);
    await received(7_000);
    expect(await settledRefunds(order.orderId)).toEqual([{ reason: 'RETURN', amount: '7000', status: 'SUCCEEDED' }]);
    expect(await revenue(order.orderId)).toBe(3_000);
    expect(await h.sql(`select ledger_reason from payments.refund where order_id = ?`, [order.orderId])).toEqual([{ ledger_reason: 'RETURN' }]);
  });

  it('ends with a ledger that balances and matches the sandbox', async () => {
    const staff = await h.staff();
    await eventually(async () => (await h.sql(`select 1 from payments.refund where status = 'PENDING'`)).length === 0);
    expect((await h.call(reconciliationQuery, {}, staff)).data!.ledgerReconciliation).toMatchObject({ balanced: true, discrepancies: [] });
  });
});
