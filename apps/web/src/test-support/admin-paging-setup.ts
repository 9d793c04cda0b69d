import { expect } from 'vitest';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the back office's paged lists are checked against: the API's own pages (as staff), read with the same filter
// and page size as the page, following the API's cursor.

const deliveriesQuery = graphql(`
  query WebPagingDeliveries($partnerId: ID!, $first: Int!, $after: String) {
    partnerDeliveriesConnection(partnerId: $partnerId, first: $first, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const messagesQuery = graphql(`
  query WebPagingMessages($filter: NotificationMessageFilter, $first: Int!, $after: String) {
    notificationMessagesConnection(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const shipmentsQuery = graphql(`
  query WebPagingShipments($filter: ShipmentFilter, $first: Int!, $after: String) {
    shipmentsConnection(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const replayMutation = graphql(`
  mutation WebPagingReplay($partnerId: ID!, $since: DateTimeISO) {
    replayPartnerEvents(partnerId: $partnerId, since: $since)
  }
`);

type Page = { ids: string[]; hasNextPage: boolean; endCursor: string | null };
const pageOf = (c: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }): Page => ({
  ids: c.edges.map((e) => e.node.id),
  hasNextPage: c.pageInfo.hasNextPage,
  endCursor: c.pageInfo.endCursor ?? null,
});

/** The first two pages of a list, as the API gives them. */
async function twoPages(read: (after: string | null) => Promise<Page>): Promise<[Page, Page]> {
  const first = await read(null);
  expect(first.hasNextPage).toBe(true);
  return [first, await read(first.endCursor)];
}

export function deliveryPages(stack: TestStack, partnerId: string, first: number) {
  return twoPages(async (after) => {
    const res = await graph(stack, deliveriesQuery, { partnerId, first, after }, stack.admin);
    expect(res.errors).toBeUndefined();
    return pageOf(res.data!.partnerDeliveriesConnection);
  });
}

export function messagePages(stack: TestStack, customerId: string, first: number) {
  return twoPages(async (after) => {
    const res = await graph(stack, messagesQuery, { filter: { customerId }, first, after }, stack.admin);
    expect(res.errors).toBeUndefined();
    return pageOf(res.data!.notificationMessagesConnection);
  });
}

/** How many messages the customer has so far (up to 100). */
export async function messageCount(stack: TestStack, customerId: string): Promise<number> {
  const res = await graph(stack, messagesQuery, { filter: { customerId }, first: 100, after: null }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.notificationMessagesConnection.edges.length;
}

export function shipmentPages(stack: TestStack, first: number) {
  return twoPages(async (after) => {
    const res = await graph(stack, shipmentsQuery, { filter: { statuses: ['OPEN', 'AWAITING_PAYMENT', 'READY'] }, first, after }, stack.admin);
    expect(res.errors).toBeUndefined();
    return pageOf(res.data!.shipmentsConnection);
  });
}

/** Staff send again what the partner was sent since then: one more delivery per event. */
export async function replayedSince(stack: TestStack, partnerId: string, since: Date): Promise<number> {
  const res = await graph(stack, replayMutation, { partnerId, since: since.toISOString() }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.replayPartnerEvents;
}
