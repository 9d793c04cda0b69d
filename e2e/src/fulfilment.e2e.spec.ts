import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippingAddressChangedV1 } from '@vitrine/contracts';
import { graphql } from './__generated__/index.js';
import { dispatchMutation, packAndDispatch as packAndDispatchAt, paidInStockOrder, recordParcelMutation } from './support/fulfilment-steps.js';
import { publishAs } from './support/publish-as.js';
import type { Identity } from './support/identities.js';
import { count, rows } from './support/sql.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { advanceClock, ledgerSettles, parisAddress, reconciliation, startStoreStack, until } from './support/store-scenario.js';

// From a paid order to the customer's door, with staff working at logistics
// only: the parcel's journey there moves the order (orders), its units
// (catalog), its money (payments) and its claim window (after-sales), through
// the gateway and the bus, every service real. deposit-store: a 10,000 figure
// in stock, shipping 1,500 estimated and charged by the carrier.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('fulfilment', 'deposit-store');
});
afterAll(async () => {
  await stack?.stop();
});

const price = 10_000;
const shipping = 1_500;

const payMutation = graphql(`
  mutation FulfilmentPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
      amount {
        amount
      }
    }
  }
`);
const orderQuery = graphql(`
  query FulfilmentOrder($id: ID!) {
    order(id: $id) {
      id
      status
      trackingNumber
      shippedAt
      deliveredAt
      outcome {
        kind
        by
        reason
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
      shipments {
        id
        status
        dispatchedAt
        deliveredAt
        returnedAt
      }
    }
  }
`);
const trackingMutation = graphql(`
  mutation FulfilmentTracking($shipmentId: ID!, $step: TrackingStepInput!) {
    recordTracking(shipmentId: $shipmentId, step: $step) {
      status
    }
  }
`);
const changeAddressMutation = graphql(`
  mutation FulfilmentChangeAddress($id: ID!, $address: ShippingAddressInput!) {
    changeShippingAddress(orderId: $id, address: $address) {
      shippingAddress {
        line1
      }
    }
  }
`);
const markShippedMutation = graphql(`
  mutation FulfilmentMarkShipped($id: ID!, $trackingNumber: String!) {
    markOrderShipped(orderId: $id, trackingNumber: $trackingNumber) {
      status
    }
  }
`);

const waiveMutation = graphql(`
  mutation FulfilmentWaiveExtraShipping($shipmentId: ID!, $reason: String!) {
    waiveExtraShipping(shipmentId: $shipmentId, reason: $reason) {
      status
      extraShippingWaiver {
        amount {
          amount
        }
        reason
      }
    }
  }
`);
const amountDueQuery = graphql(`
  query FulfilmentAmountDue($id: ID!) {
    order(id: $id) {
      amountDue {
        amount
      }
      payNowUrl
    }
  }
`);

type Order = NonNullable<Awaited<ReturnType<typeof orderOf>>>;
const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;
const orderUntil = (who: Identity, id: string, holds: (o: Order) => boolean) => until(() => orderOf(who, id), holds);
const onHand = async (productId: string) =>
  (await rows<{ on_hand: number; reserved: number }>(stack, 'select on_hand, reserved from catalog.warehouse_stock where product_id = ?', [productId]))[0];

const cost = { price, shipping };
const paidOrder = (customer: Identity, productId: string) => paidInStockOrder(stack, customer, productId, cost);
const packAndDispatch = (shipmentId: string, trackingNumber: string) => packAndDispatchAt(stack, shipmentId, trackingNumber, cost);

describe("a parcel's journey at logistics moves its order", () => {
  it('packed: in fulfilment; dispatched: shipped with its tracking number, units out of stock, revenue earned; delivered: on the carrier date, the claim window open', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const { id, shipmentId } = await paidOrder(customer, product.id);
    expect(await onHand(product.id)).toEqual({ on_hand: 5, reserved: 1 });

    await packAndDispatch(shipmentId, '6A12345678901');
    const shipped = await orderUntil(customer, id, (o) => o.status === 'SHIPPED');
    expect(shipped).toMatchObject({ trackingNumber: '6A12345678901', shippedAt: shipped.shipments[0]!.dispatchedAt, deliveredAt: null });
    // The order passed through IN_FULFILMENT when the parcel was packed.
    expect(
      (
        await rows<{ to: string }>(
          stack,
          `select envelope->'data'->>'to' as to from orders.outbox_message where key = ? and type = 'orders.order.status-changed' order by created_at`,
          [id],
        )
      ).map((r) => r.to),
    ).toEqual(['AWAITING_PAYMENT', 'READY_TO_FULFIL', 'IN_FULFILMENT', 'SHIPPED']);
    await until(
      () => onHand(product.id),
      (stock) => stock?.on_hand === 4,
    );
    expect(await onHand(product.id)).toEqual({ on_hand: 4, reserved: 0 });
    await ledgerSettles(stack, id, { PROVIDER_CLEARING: price + shipping, REVENUE: price, SHIPPING_REVENUE: shipping });

    // Two days on, staff record the carrier's date (the day after dispatch), not the moment they type it in.
    await advanceClock(stack, 48);
    const deliveredAt = new Date(Date.parse(shipped.shippedAt!) + 24 * 3_600_000).toISOString();
    const delivered = await graph(stack, trackingMutation, { shipmentId, step: { status: 'DELIVERED', at: deliveredAt } }, stack.admin);
    expect(delivered.data?.recordTracking.status, JSON.stringify(delivered.errors)).toBe('DELIVERED');
    const received = await orderUntil(customer, id, (o) => o.status === 'DELIVERED');
    expect(received).toMatchObject({ deliveredAt, shipments: [{ deliveredAt }] });
    // After-sales counts its claim window from the same date.
    const [claimable] = await until(
      () => rows<{ delivered_at: Date | null }>(stack, 'select delivered_at from aftersales.claimable_order where id = ?', [id]),
      (r) => r[0]?.delivered_at != null,
    );
    expect(new Date(claimable!.delivered_at!).toISOString()).toBe(deliveredAt);
    // Orders audited each move as the platform's (no staff member at orders did it).
    expect(await rows(stack, `select action, actor from orders.audit_entry where subject = ? order by at, action`, [id])).toEqual([
      { action: 'order.fulfilment-started', actor: null },
      { action: 'order.shipped', actor: null },
      { action: 'order.delivered', actor: null },
    ]);
  });

  it('returned to sender: cancelled by the platform, refunded what it paid minus the round trip (deposit-store), the rest kept as earned', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const { id, shipmentId } = await paidOrder(customer, product.id);
    await packAndDispatch(shipmentId, '6A99999999999');
    await orderUntil(customer, id, (o) => o.status === 'SHIPPED');
    await ledgerSettles(stack, id, { PROVIDER_CLEARING: price + shipping, REVENUE: price, SHIPPING_REVENUE: shipping });

    const returned = await graph(
      stack,
      trackingMutation,
      { shipmentId, step: { status: 'RETURNED_TO_SENDER', note: 'Not collected at the post office.' } },
      stack.admin,
    );
    expect(returned.data?.recordTracking.status, JSON.stringify(returned.errors)).toBe('RETURNED_TO_SENDER');
    const roundTrip = 2 * shipping;
    const refund = price + shipping - roundTrip;
    const cancelled = await orderUntil(customer, id, (o) => o.status === 'CANCELLED' && o.amountRefunded?.amount === refund);
    expect(cancelled).toMatchObject({
      outcome: {
        kind: 'CANCELLED',
        by: 'SYSTEM',
        reason: 'RETURNED_TO_SENDER',
        kept: { amount: roundTrip },
        refund: { amount: refund },
        rule: { id: 'return-to-sender.paid-minus-round-trip' },
      },
      amountPaid: { amount: price + shipping },
    });
    // The refund paid out, the round trip stays earned (out of the goods' revenue first), and the books match the provider's.
    await ledgerSettles(stack, id, { PROVIDER_CLEARING: roundTrip, REVENUE: price - refund, SHIPPING_REVENUE: shipping });
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });

  it('a step an order is already past is left out and audited: staff marked it shipped at orders first', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const { id, shipmentId } = await paidOrder(customer, product.id);
    const byHand = await graph(stack, markShippedMutation, { id, trackingNumber: 'BYHAND-0001' }, stack.admin);
    expect(byHand.data?.markOrderShipped.status, JSON.stringify(byHand.errors)).toBe('SHIPPED');
    await packAndDispatch(shipmentId, '6A55555555555');
    await until(
      () => count(stack, `select count(*) as n from orders.audit_entry where subject = ? and action = 'order.shipment-step-ignored'`, [id]),
      (n) => n === 2,
    );
    expect(
      await rows(
        stack,
        `select details from orders.audit_entry where subject = ? and action = 'order.shipment-step-ignored' order by at, details->>'step' desc`,
        [id],
      ),
    ).toEqual([{ details: { shipmentId, step: 'PACKED', status: 'SHIPPED' } }, { details: { shipmentId, step: 'DISPATCHED', status: 'SHIPPED' } }]);
    expect(await orderOf(customer, id)).toMatchObject({ status: 'SHIPPED', trackingNumber: 'BYHAND-0001' });
  });

  it('an address change follows the shipment until the parcel is packed; then orders refuses it with the rule, and a late one is not applied', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const { id, shipmentId } = await paidOrder(customer, product.id);
    const shipmentLine1 = async () =>
      (await rows<{ line1: string }>(stack, `select address->>'line1' as line1 from logistics.shipment where id = ?`, [shipmentId]))[0]?.line1;
    expect(await shipmentLine1()).toBe(parisAddress.line1);

    const moved = { ...parisAddress, line1: '8 rue de Rivoli' };
    const changed = await graph(stack, changeAddressMutation, { id, address: moved }, customer);
    expect(changed.data?.changeShippingAddress.shippingAddress, JSON.stringify(changed.errors)).toEqual({ line1: '8 rue de Rivoli' });
    await until(shipmentLine1, (line1) => line1 === '8 rue de Rivoli');

    const packed = await graph(
      stack,
      recordParcelMutation,
      { shipmentId, parcel: { weightGrams: 1_200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, finalCost: shipping } },
      stack.admin,
    );
    expect(packed.errors).toBeUndefined();
    await orderUntil(customer, id, (o) => o.status === 'IN_FULFILMENT');
    const refused = await graph(stack, changeAddressMutation, { id, address: { ...parisAddress, line1: '1 avenue Foch' } }, customer);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The shipping address can be changed until the order is processed.',
      extensions: { code: 'POLICY_VIOLATION', rule: 'address-change.until-processed' },
    });

    // A change orders accepted just before the packing, heard by logistics after it: the parcel keeps its address, staff see why.
    await publishAs(stack, 'orders', shippingAddressChangedV1, id, {
      orderId: id,
      customerId: customer.id,
      shippingAddress: { ...parisAddress, line1: '1 avenue Foch' },
      changedAt: new Date().toISOString(),
    });
    const [late] = await until(
      () =>
        rows<{ details: Record<string, unknown> }>(
          stack,
          `select details from logistics.audit_entry where subject = ? and action = 'shipment.address-change-not-applied'`,
          [shipmentId],
        ),
      (r) => r.length === 1,
    );
    expect(late!.details).toMatchObject({ orderId: id, status: 'READY', parcelOrders: 1, requested: { line1: '1 avenue Foch' } });
    expect(await shipmentLine1()).toBe('8 rue de Rivoli');
  });

  it('the carrier charges less than the estimate: payments refunds the excess; more: an extra invoice the customer pays before the parcel may leave', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const pack = (shipmentId: string, finalCost: number) =>
      graph(
        stack,
        recordParcelMutation,
        { shipmentId, parcel: { weightGrams: 1_200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, finalCost } },
        stack.admin,
      );

    const cheaper = await paidOrder(customer, product.id);
    expect((await pack(cheaper.shipmentId, 1_100)).data?.recordParcel).toEqual({ status: 'READY' });
    const refunded = await orderUntil(customer, cheaper.id, (o) => o.amountRefunded?.amount === 400);
    expect(refunded.amountPaid).toEqual({ amount: price + shipping });

    const dearer = await paidOrder(customer, product.id);
    expect((await pack(dearer.shipmentId, 2_100)).data?.recordParcel).toEqual({ status: 'AWAITING_PAYMENT' });
    const early = await graph(stack, dispatchMutation, { shipmentId: dearer.shipmentId, carrier: 'COLISSIMO', trackingNumber: '6A77777777777' }, stack.admin);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'EXTRA_SHIPPING_UNPAID' });
    // Payments turns the invoice into a due the customer pays like any other.
    const extra = await until(
      async () => {
        const res = await graph(
          stack,
          payMutation,
          { input: { orderIds: [dearer.id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() },
          customer,
        );
        return res.data?.pay ?? null;
      },
      (paid) => paid.status === 'SUCCEEDED',
    );
    expect(extra.amount).toEqual({ amount: 600 });
    await until(
      () => rows<{ status: string }>(stack, 'select status from logistics.shipment where id = ?', [dearer.shipmentId]),
      (r) => r[0]?.status === 'READY',
    );
    const dispatched = await graph(
      stack,
      dispatchMutation,
      { shipmentId: dearer.shipmentId, carrier: 'COLISSIMO', trackingNumber: '6A77777777777' },
      stack.admin,
    );
    expect(dispatched.data?.dispatchShipment.status, JSON.stringify(dispatched.errors)).toBe('DISPATCHED');
    await orderUntil(customer, dearer.id, (o) => o.status === 'SHIPPED' && o.amountPaid?.amount === price + shipping + 600);
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });

  it('staff waive the extra postage of a parcel above its estimate: it leaves at once, the customer has nothing to pay, the ledger balances', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const order = await paidOrder(customer, product.id);
    const packed = await graph(
      stack,
      recordParcelMutation,
      { shipmentId: order.shipmentId, parcel: { weightGrams: 1_200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, finalCost: 2_100 } },
      stack.admin,
    );
    expect(packed.data?.recordParcel).toEqual({ status: 'AWAITING_PAYMENT' });
    const dueOf = async () => (await graph(stack, amountDueQuery, { id: order.id }, customer)).data?.order;
    // Payments has the 600 invoice as a due the customer could pay.
    await until(dueOf, (o) => o.amountDue?.amount === 600 && o.payNowUrl !== null);

    const waived = await graph(stack, waiveMutation, { shipmentId: order.shipmentId, reason: 'Small overrun: the store absorbs it.' }, stack.admin);
    expect(waived.data?.waiveExtraShipping, JSON.stringify(waived.errors)).toEqual({
      status: 'READY',
      extraShippingWaiver: { amount: { amount: 600 }, reason: 'Small overrun: the store absorbs it.' },
    });
    // Payments hears of it: nothing is due any more and paying is refused.
    expect(await until(dueOf, (o) => o.amountDue?.amount === 0)).toMatchObject({ payNowUrl: null });
    const refused = await graph(stack, payMutation, { input: { orderIds: [order.id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'DUE_WAIVED' });

    const dispatched = await graph(
      stack,
      dispatchMutation,
      { shipmentId: order.shipmentId, carrier: 'COLISSIMO', trackingNumber: '6A88888888888' },
      stack.admin,
    );
    expect(dispatched.data?.dispatchShipment.status, JSON.stringify(dispatched.errors)).toBe('DISPATCHED');
    const shipped = await orderUntil(customer, order.id, (o) => o.status === 'SHIPPED');
    expect(shipped).toMatchObject({ amountPaid: { amount: price + shipping }, amountRefunded: { amount: 0 } });
    expect(await count(stack, `select count(*) as n from payments.charge where order_id = ?`, [order.id])).toBe(1);
    expect(await reconciliation(stack)).toMatchObject({ balanced: true, discrepancies: [] });
  });
});
