import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { graphql } from '../__generated__/index.js';
import type { Identity } from './identities.js';
import { count, rows } from './sql.js';
import { graph, type TestStack } from './stack.js';
import { parisAddress, until } from './store-scenario.js';

// The steps every fulfilment-side scenario starts with, through the gateway:
// an in-stock order checked out and paid in full, then staff at logistics
// packing and dispatching its parcel.

const checkoutMutation = graphql(`
  mutation FulfilmentStepsCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
    }
  }
`);
const payMutation = graphql(`
  mutation FulfilmentStepsPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
      amount {
        amount
      }
    }
  }
`);
const orderQuery = graphql(`
  query FulfilmentStepsOrder($id: ID!) {
    order(id: $id) {
      status
      shipments {
        id
      }
    }
  }
`);
export const recordParcelMutation = graphql(`
  mutation FulfilmentStepsRecordParcel($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
    }
  }
`);
const deliveredStepMutation = graphql(`
  mutation FulfilmentStepsDelivered($shipmentId: ID!, $step: TrackingStepInput!) {
    recordTracking(shipmentId: $shipmentId, step: $step) {
      status
    }
  }
`);
export const dispatchMutation = graphql(`
  mutation FulfilmentStepsDispatch($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      status
      dispatchedAt
    }
  }
`);

/** What the order costs: the figure's price and the shipping estimate the customer pays with it. */
export interface OrderPrice {
  price: number;
  shipping: number;
}

/** Checked out (one unit, Paris, STANDARD) and paid in full: ready for the warehouse, with its shipment opened at logistics. */
export async function paidInStockOrder(stack: TestStack, customer: Identity, productId: string, cost: OrderPrice): Promise<{ id: string; shipmentId: string }> {
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  const id = placed.data!.checkout[0]!.id;
  const orderOf = async () => (await graph(stack, orderQuery, { id }, customer)).data?.order;
  await until(orderOf, (o) => o.status === 'AWAITING_PAYMENT');
  const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
  expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED', amount: { amount: cost.price + cost.shipping } });
  const ready = await until(orderOf, (o) => o.status === 'READY_TO_FULFIL' && o.shipments.length === 1);
  return { id, shipmentId: ready.shipments[0]!.id };
}

/** Staff at logistics pack the parcel (the carrier charges exactly the estimate) and hand it to the carrier. */
export async function packAndDispatch(stack: TestStack, shipmentId: string, trackingNumber: string, cost: OrderPrice): Promise<void> {
  // Logistics learns what the order paid from payments' event (a parcel returned to sender refunds from it).
  await until(
    () =>
      count(
        stack,
        `select count(*) as n from logistics.known_order o join logistics.shipment_order s using (order_id) where s.shipment_id = ? and o.paid_amount = ?`,
        [shipmentId, cost.price + cost.shipping],
      ),
    (n) => n === 1,
  );
  await packParcel(stack, shipmentId, cost.shipping);
  await handOver(stack, shipmentId, 'COLISSIMO', trackingNumber);
}

/** Staff at logistics record the packed parcel and what the carrier charges for it. */
export async function packParcel(stack: TestStack, shipmentId: string, finalCost: number): Promise<void> {
  const packed = await graph(
    stack,
    recordParcelMutation,
    { shipmentId, parcel: { weightGrams: 1_200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, finalCost } },
    stack.admin,
  );
  expect(packed.data?.recordParcel, JSON.stringify(packed.errors)).toEqual({ status: 'READY' });
}

/** Staff at logistics hand the packed parcel to the carrier. */
export async function handOver(stack: TestStack, shipmentId: string, carrier: string, trackingNumber: string): Promise<void> {
  const dispatched = await graph(stack, dispatchMutation, { shipmentId, carrier, trackingNumber }, stack.admin);
  expect(dispatched.data?.dispatchShipment.status, JSON.stringify(dispatched.errors)).toBe('DISPATCHED');
}

/** Staff record the carrier's delivery of the parcel (at `at`, default now); waits until after-sales knows the order was delivered. */
export async function deliverParcel(stack: TestStack, shipmentId: string, orderId: string, at?: string): Promise<void> {
  const step = await graph(stack, deliveredStepMutation, { shipmentId, step: { status: 'DELIVERED', ...(at && { at }) } }, stack.admin);
  expect(step.data?.recordTracking.status, JSON.stringify(step.errors)).toBe('DELIVERED');
  await until(
    () => rows<{ delivered_at: Date | null }>(stack, 'select delivered_at from aftersales.claimable_order where id = ?', [orderId]),
    (r) => r[0]?.delivered_at != null,
  );
}
