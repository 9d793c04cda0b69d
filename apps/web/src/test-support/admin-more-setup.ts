import { expect } from 'vitest';
import { recordParcelMutation } from '@vitrine/e2e/support/fulfilment-steps';
import type { Identity } from '@vitrine/e2e/support/identities';
import { count } from '@vitrine/e2e/support/sql';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { until } from '@vitrine/e2e/support/store-scenario';
import { graphql } from '../__generated__/test/index.js';

// What the back office's customer, return, shipment and order-step pages are checked against afterwards: the API's
// own answer, as staff; and the customer's return asked through the API before staff receive it.

const flagsQuery = graphql(`
  query WebMoreCustomerFlags($id: ID!) {
    customer(id: $id) {
      flags {
        flag
        reason
      }
    }
  }
`);
const requestReturnMutation = graphql(`
  mutation WebMoreRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
    }
  }
`);
const returnQuery = graphql(`
  query WebMoreReturn($id: ID!) {
    preferenceReturn(id: $id) {
      status
      condition
      refund {
        amount
      }
    }
  }
`);
const shipmentQuery = graphql(`
  query WebMoreShipment($id: ID!) {
    shipment(id: $id) {
      status
      consolidatedInto
      deliveredAt
      orders {
        orderId
        extraDue {
          amount
        }
      }
      tracking {
        status
      }
    }
  }
`);
const orderQuery = graphql(`
  query WebMoreOrder($id: ID!) {
    order(id: $id) {
      status
      staffSteps
      trackingNumber
      deliveredAt
    }
  }
`);

export async function flagsOf(stack: TestStack, id: string) {
  const res = await graph(stack, flagsQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.customer!.flags;
}

/** The customer asks to send the delivered line back (changed their mind). */
export async function returnRequested(stack: TestStack, customer: Identity, orderId: string, productId: string): Promise<string> {
  const res = await graph(stack, requestReturnMutation, { input: { orderId, productId, reason: 'Changed my mind.' } }, customer);
  expect(res.errors).toBeUndefined();
  return res.data!.requestReturn.id;
}

export async function returnState(stack: TestStack, id: string) {
  const res = await graph(stack, returnQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.preferenceReturn;
}

const returnDestinationQuery = graphql(`
  query WebMoreReturnDestination($id: ID!) {
    preferenceReturn(id: $id) {
      sendTo {
        ...TestReturnAddressFields
      }
      sendToUnknown
      parcelReference
    }
  }
`);

/** Where after-sales says the return comes back to, and the reference on its parcel, as staff read it. */
export async function returnDestination(stack: TestStack, id: string) {
  const res = await graph(stack, returnDestinationQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.preferenceReturn;
}

export async function shipmentState(stack: TestStack, id: string) {
  const res = await graph(stack, shipmentQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.shipment;
}

export async function orderState(stack: TestStack, id: string) {
  const res = await graph(stack, orderQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.order;
}

/**
 * Staff pack the parcel (its `orders` orders each paid `paid`) at the carrier's `finalCost`: at or below what the
 * orders paid for shipping it is READY; above, logistics invoices the difference and the parcel waits for that
 * payment (AWAITING_PAYMENT). Returns the status logistics answers.
 */
export async function packedAt(stack: TestStack, shipmentId: string, orders: number, paid: number, finalCost: number): Promise<string> {
  // Logistics learns what each order paid from payments' event before it can quote.
  await until(
    () =>
      count(
        stack,
        'select count(*) as n from logistics.known_order o join logistics.shipment_order s using (order_id) where s.shipment_id = ? and o.paid_amount = ?',
        [shipmentId, paid],
      ),
    (n) => n === orders,
  );
  const packed = await graph(
    stack,
    recordParcelMutation,
    { shipmentId, parcel: { weightGrams: 1_200, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 }, finalCost } },
    stack.admin,
  );
  expect(packed.errors).toBeUndefined();
  return packed.data!.recordParcel.status;
}
