import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Identity } from '@vitrine/e2e/support/identities';
import { deliverParcel } from '@vitrine/e2e/support/fulfilment-steps';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { parisAddress, until } from '@vitrine/e2e/support/store-scenario';
import { graphql } from '../__generated__/test/index.js';
import { pngImage } from './png.js';

// What happens through the API before staff or a customer act in the browser, as e2e's fulfilment steps do it:
// a parcel delivered and a claim submitted on it with a photo; preorders secured with their deposit.

const startClaimMutation = graphql(`
  mutation WebSetupStartClaim($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
    }
  }
`);
const uploadMutation = graphql(`
  mutation WebSetupEvidenceUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      url
      headers {
        name
        value
      }
    }
  }
`);
const submitMutation = graphql(`
  mutation WebSetupSubmitClaim($claimId: ID!) {
    submitClaim(claimId: $claimId) {
      status
    }
  }
`);
const checkoutMutation = graphql(`
  mutation WebSetupCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
    }
  }
`);
const payMutation = graphql(`
  mutation WebSetupPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
    }
  }
`);
const orderQuery = graphql(`
  query WebSetupOrder($id: ID!) {
    order(id: $id) {
      status
    }
  }
`);
export const quoteQuery = graphql(`
  query WebSetupQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      fee {
        amount
      }
      refund {
        amount
      }
      rule {
        text
      }
    }
  }
`);

/** The order's status as its customer sees it. */
export const orderStatus = async (stack: TestStack, who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order?.status;

/** Waits until the order reaches `status`. */
export const orderReaches = (stack: TestStack, who: Identity, id: string, status: string) =>
  until(
    () => orderStatus(stack, who, id),
    (s) => s === status,
  );

/** The carrier delivered the dispatched parcel now (staff record it); after-sales learns the delivery date. */
export const delivered = (stack: TestStack, shipmentId: string, orderId: string) => deliverParcel(stack, shipmentId, orderId);

/** The customer's claim for a snapped head sculpt, a photo uploaded to the evidence store, submitted to staff. */
export async function submittedClaim(stack: TestStack, customer: Identity, orderId: string, productId: string): Promise<string> {
  const started = await graph(
    stack,
    startClaimMutation,
    {
      input: {
        orderId,
        productId,
        kind: 'ACCESSORY_DAMAGED',
        description: 'The head sculpt arrived with its neck joint snapped.',
        parts: [{ category: 'HEAD_SCULPT_SPECIAL', issue: 'STRUCTURAL_BREAKAGE' }],
      },
    },
    customer,
  );
  expect(started.errors).toBeUndefined();
  const claimId = started.data!.startClaim.id;
  // A real image, so the back office can show it (a browser decodes it).
  const photo = pngImage(160, 120);
  const ticket = await graph(stack, uploadMutation, { claimId, input: { contentType: 'image/png', sizeBytes: photo.length } }, customer);
  expect(ticket.errors).toBeUndefined();
  const { url, headers } = ticket.data!.requestEvidenceUpload;
  const put = await fetch(url, {
    method: 'PUT',
    headers: Object.fromEntries(headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value])),
    body: photo,
  });
  expect(put.status).toBe(200);
  const submitted = await graph(stack, submitMutation, { claimId }, customer);
  expect(submitted.data?.submitClaim.status, JSON.stringify(submitted.errors)).toBe('SUBMITTED');
  return claimId;
}

/** A preorder checked out (one unit, Paris) and its deposit paid: SECURED. */
export async function securedPreorder(stack: TestStack, customer: Identity, productId: string): Promise<string> {
  const placed = await graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
    customer,
  );
  expect(placed.errors).toBeUndefined();
  const id = placed.data!.checkout[0]!.id;
  await orderReaches(stack, customer, id, 'AWAITING_PAYMENT');
  const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
  expect(paid.data?.pay.status, JSON.stringify(paid.errors)).toBe('SUCCEEDED');
  await orderReaches(stack, customer, id, 'SECURED');
  return id;
}
