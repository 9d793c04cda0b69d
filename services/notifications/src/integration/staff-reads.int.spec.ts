import { randomUUID } from 'node:crypto';
import { publicEventTypes } from '@vitrine/contracts';
import { encodeCursor } from '@vitrine/platform';
import { gql, type TestIdentity } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';

// Staff's reads for the back office: one partner, the event types a partner may be granted, and the delivery and
// message logs by pages. The logs' rows are written in SQL (inert: delivered or sent, no timer), so a page's edges
// (equal times, a replay's copies) are exactly what each test makes.

let n: NotificationsHarness;
let staff: TestIdentity;
beforeAll(async () => {
  n = await bootNotifications('notifications_staff_reads');
  staff = await n.tokens.staff(['notifications:write']);
});
afterAll(async () => {
  await n?.stopAll();
});

const createPartner = graphql(`
  mutation StaffReadsCreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
      }
    }
  }
`);
const partnerQuery = graphql(`
  query StaffReadsPartner($id: ID!) {
    partner(id: $id) {
      id
      name
      eventTypes
      removedAt
    }
  }
`);
const eventTypesQuery = graphql(`
  query StaffReadsPartnerEventTypes($language: NotificationLanguage) {
    partnerEventTypes(language: $language) {
      type
      description
    }
  }
`);
const deliveriesQuery = graphql(`
  query StaffReadsDeliveries($partnerId: ID!, $first: Int, $after: String) {
    partnerDeliveriesConnection(partnerId: $partnerId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          eventType
          replayOf
          attempts {
            statusCode
          }
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
  query StaffReadsMessages($filter: NotificationMessageFilter, $first: Int, $after: String) {
    notificationMessagesConnection(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          status
          customerId
          deliveryLog {
            outcome
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

async function newPartner(name: string): Promise<string> {
  const res = await gql(
    n.url,
    createPartner,
    { input: { name, webhookUrl: 'https://partner.example/hooks', eventTypes: ['orders.order.placed'] } },
    staff.headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createPartner.partner.id;
}

/** A delivered delivery of the partner; `at` shared by several makes their order rest on `seq` alone. */
async function delivery(partnerId: string, at: string, replayOf: string | null = null): Promise<string> {
  const id = randomUUID();
  await n.sql(
    `insert into notifications.webhook_delivery (id, partner_id, event_id, event_type, subject, payload, status, attempts, created_at, delivered_at, replay_of)
     values (?, ?, ?, 'orders.order.placed', ?, '{}', 'DELIVERED', 1, ?, ?, ?)`,
    [id, partnerId, randomUUID(), randomUUID(), at, at, replayOf],
  );
  await n.sql(`insert into notifications.webhook_attempt (id, delivery_id, attempted_at, status_code, latency_ms) values (?, ?, ?, 204, 12)`, [
    randomUUID(),
    id,
    at,
  ]);
  return id;
}

async function message(customerId: string, status: 'SENT' | 'FAILED', at: string): Promise<string> {
  const id = randomUUID();
  await n.sql(
    `insert into notifications.message (id, send_key, customer_id, kind, event_id, event_type, facts, status, attempts, created_at)
     values (?, ?, ?, 'REFUND_ISSUED', ?, 'payments.refund.issued', '{}', ?, 1, ?)`,
    [id, `${id}:${customerId}`, customerId, randomUUID(), status, at],
  );
  await n.sql(`insert into notifications.delivery_attempt (id, message_id, attempted_at, outcome, detail, duration_ms) values (?, ?, ?, ?, 'x', 5)`, [
    randomUUID(),
    id,
    at,
    status,
  ]);
  return id;
}

/** Every page, following endCursor, until the last; each page's size checked. */
async function readAll<T extends { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>(
  page: (after: string | null) => Promise<T>,
  size: number,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const current = await page(after);
    ids.push(...current.edges.map((e) => e.node.id));
    if (!current.pageInfo.hasNextPage) return { ids, pages };
    expect(current.edges).toHaveLength(size);
    after = current.pageInfo.endCursor!;
    expect(after).toBe(current.edges.at(-1)!.cursor);
  }
}

describe('staff reads of partners', () => {
  it('read one partner, and refuse an unknown one or a caller without the scope', async () => {
    const id = await newPartner('Figure Tracker');
    const res = await gql(n.url, partnerQuery, { id }, staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.partner).toEqual({ id, name: 'Figure Tracker', eventTypes: ['orders.order.placed'], removedAt: null });
    expect((await gql(n.url, partnerQuery, { id: randomUUID() }, staff.headers)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(n.url, partnerQuery, { id: 'nope' }, staff.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const customer = await n.tokens.customer();
    expect((await gql(n.url, partnerQuery, { id }, customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('list every event type a partner may be granted, described', async () => {
    const res = await gql(n.url, eventTypesQuery, {}, staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.partnerEventTypes.map((t) => t.type)).toEqual([...publicEventTypes]);
    expect(res.data!.partnerEventTypes.find((t) => t.type === 'logistics.shipment.dispatched')?.description).toMatch(/carrier/);
    const french = await gql(n.url, eventTypesQuery, { language: 'fr' }, staff.headers);
    expect(french.data!.partnerEventTypes.find((t) => t.type === 'logistics.shipment.dispatched')?.description).toMatch(/transporteur/);
    const customer = await n.tokens.customer();
    expect((await gql(n.url, eventTypesQuery, {}, customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("page through one partner's delivery log, newest first in the order deliveries were made", async () => {
    const partnerId = await newPartner('Paged Partner');
    const other = await newPartner('Other Partner');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await delivery(partnerId, `2026-12-01T10:0${i}:00.000Z`));
    await delivery(other, '2026-12-01T10:02:30.000Z');
    // A replay's copies share one time: seq alone orders them, and no page edge may skip or repeat one.
    for (const original of made.slice(0, 3)) made.push(await delivery(partnerId, '2026-12-02T08:00:00.000Z', original));

    const { ids, pages } = await readAll(async (after) => {
      const res = await gql(n.url, deliveriesQuery, { partnerId, first: 3, after }, staff.headers);
      expect(res.errors).toBeUndefined();
      return res.data!.partnerDeliveriesConnection;
    }, 3);
    expect(pages).toBe(3);
    expect(ids).toEqual([...made].reverse());

    const first = await gql(n.url, deliveriesQuery, { partnerId, first: 2 }, staff.headers);
    expect(first.data!.partnerDeliveriesConnection.edges[0]!.node).toMatchObject({ replayOf: made[2], attempts: [{ statusCode: 204 }] });
    // The deprecated list still answers, as before.
    const old = await gql(n.url, 'query ($p: ID!) { partnerDeliveries(partnerId: $p, first: 50) { id } }', { p: partnerId }, staff.headers);
    expect((old.data as { partnerDeliveries: { id: string }[] }).partnerDeliveries).toHaveLength(8);
  });

  it('refuse a cursor it did not make, and a page size out of range', async () => {
    const partnerId = await newPartner('Cursor Partner');
    for (const after of ['nope', encodeCursor({ seq: '-1' }), encodeCursor({ at: '2026-12-01T10:00:00.000Z', id: randomUUID() })]) {
      const res = await gql(n.url, deliveriesQuery, { partnerId, first: 3, after }, staff.headers);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'after', reason: 'INVALID_CURSOR' }] });
    }
    const tooMany = await gql(n.url, deliveriesQuery, { partnerId, first: 201 }, staff.headers);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'first', reason: 'OUT_OF_RANGE' }] });
    const unknown = await gql(n.url, deliveriesQuery, { partnerId: randomUUID() }, staff.headers);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('staff reads of messages', () => {
  it('page through the messages a filter keeps, newest first', async () => {
    const ann = randomUUID();
    const bob = randomUUID();
    const sent: { id: string; at: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const at = `2026-11-0${i + 1}T12:00:00.000Z`;
      sent.push({ id: await message(ann, 'SENT', at), at });
    }
    // Equal times: the id decides, and a page edge between them skips nothing.
    for (let i = 0; i < 2; i++) sent.push({ id: await message(ann, 'SENT', '2026-11-03T12:00:00.000Z'), at: '2026-11-03T12:00:00.000Z' });
    await message(ann, 'FAILED', '2026-11-04T00:00:00.000Z');
    await message(bob, 'SENT', '2026-11-04T00:00:00.000Z');
    const expected = [...sent].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).map((m) => m.id);

    const filter = { customerId: ann, status: 'SENT' as const };
    const { ids, pages } = await readAll(async (after) => {
      const res = await gql(n.url, messagesQuery, { filter, first: 3, after }, staff.headers);
      expect(res.errors).toBeUndefined();
      for (const e of res.data!.notificationMessagesConnection.edges)
        expect(e.node).toMatchObject({ status: 'SENT', customerId: ann, deliveryLog: [{ outcome: 'SENT' }] });
      return res.data!.notificationMessagesConnection;
    }, 3);
    expect(pages).toBe(3);
    expect(ids).toEqual(expected);
  });

  it('refuse a cursor it did not make, and change nothing', async () => {
    const before = await n.sql('select count(*)::int as c from notifications.message');
    for (const after of ['%%%', encodeCursor({ seq: '12' }), encodeCursor({ at: '2026-11-01T12:00:00Z', id: randomUUID() }), 'x'.repeat(501)]) {
      const res = await gql(n.url, messagesQuery, { first: 3, after }, staff.headers);
      expect(res.errors?.[0]?.extensions?.code, after.slice(0, 20)).toBe('BAD_USER_INPUT');
      if (after.length <= 500) expect(res.errors?.[0]?.extensions).toMatchObject({ problems: [{ field: 'after', reason: 'INVALID_CURSOR' }] });
    }
    expect(await n.sql('select count(*)::int as c from notifications.message')).toEqual(before);
    const customer = await n.tokens.customer();
    expect((await gql(n.url, messagesQuery, { first: 3 }, customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
