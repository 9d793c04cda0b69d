import { expect } from 'vitest';
import { deliverParcel, packAndDispatch, paidInStockOrder, type OrderPrice } from '@vitrine/e2e/support/fulfilment-steps';
import type { Identity } from '@vitrine/e2e/support/identities';
import { createProduct, graph, type TestStack } from '@vitrine/e2e/support/stack';
import { until } from '@vitrine/e2e/support/store-scenario';
import type { TestMailServer } from '@vitrine/testing';
import { graphql } from '../__generated__/test/index.js';

// What the account pages' spec checks afterwards through the API (as the customer), and the emails it follows.

const meQuery = graphql(`
  query WebAccountMe {
    me {
      email
      emailVerified
    }
  }
`);
const loginMutation = graphql(`
  mutation WebAccountLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
    }
  }
`);
const notificationsQuery = graphql(`
  query WebAccountNotifications {
    myNotifications(first: 50) {
      kind
      language
      recipient
    }
  }
`);
const returnsQuery = graphql(`
  query WebAccountReturns {
    myReturns {
      orderId
      productId
      status
      quotedRefund {
        amount
      }
      restockingFee {
        amount
      }
      rule {
        id
      }
      sendTo {
        ...TestReturnAddressFields
      }
      sendToUnknown
      parcelReference
    }
  }
`);
const returnOffersQuery = graphql(`
  query WebAccountReturnOffers($orderId: ID!) {
    returnOffers(orderId: $orderId) {
      productId
      open
      returnableUntil
      returnableLastDay
      refund {
        amount
        currency
      }
      restockingFee {
        amount
        currency
      }
      returnPostage
      rule {
        id
        text
      }
    }
  }
`);
const deliveredQuery = graphql(`
  query WebAccountOrderDelivered($id: ID!) {
    order(id: $id) {
      deliveredAt
    }
  }
`);

/** The account as the API answers the customer now (or the API's refusal code, e.g. once deleted). */
export async function accountOf(stack: TestStack, who: Identity) {
  const res = await graph(stack, meQuery, {}, who);
  return res.data?.me ?? { refused: res.errors?.[0]?.extensions?.code };
}

/** Whether the API signs in with this email and password. */
export async function signsIn(stack: TestStack, email: string, password: string): Promise<boolean> {
  const res = await graph(stack, loginMutation, { email, password });
  return Boolean(res.data?.login.accessToken);
}

export async function notificationsOf(stack: TestStack, who: Identity) {
  const res = await graph(stack, notificationsQuery, {}, who);
  expect(res.errors).toBeUndefined();
  return res.data!.myNotifications;
}

export async function returnsOf(stack: TestStack, who: Identity) {
  const res = await graph(stack, returnsQuery, {}, who);
  expect(res.errors).toBeUndefined();
  return res.data!.myReturns;
}

/** After-sales' return offer for each line of the order, as the customer reads it. */
export async function returnOffersOf(stack: TestStack, who: Identity, orderId: string) {
  const res = await graph(stack, returnOffersQuery, { orderId }, who);
  expect(res.errors).toBeUndefined();
  return res.data!.returnOffers;
}

/**
 * The link of the newest email to `address` with this subject, as notifications wrote it (the storefront address it
 * was configured with, then the path and token), once the email has arrived.
 */
export async function emailedLink(mail: TestMailServer, address: string, subject: string, path: string): Promise<URL> {
  const message = await until(
    async () => (await mail.messagesTo(address)).filter((m) => m.subject === subject).at(-1),
    (m) => m.text.includes(path),
  );
  const href = message.text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(path));
  expect(href, message.text).toBeDefined();
  return new URL(href!);
}

/** A figure paid, packed, dispatched and delivered now; after-sales and orders both know the delivery. */
export async function deliveredOrder(stack: TestStack, customer: Identity, name: string, cost: OrderPrice) {
  const product = await createProduct(stack, 5, cost.price, { name });
  const { id, shipmentId } = await paidInStockOrder(stack, customer, product.id, cost);
  await packAndDispatch(stack, shipmentId, `6A${Date.now()}`, cost);
  await deliverParcel(stack, shipmentId, id);
  await until(
    async () => (await graph(stack, deliveredQuery, { id }, customer)).data?.order,
    (o) => o.deliveredAt != null,
  );
  return { orderId: id, productId: product.id };
}
