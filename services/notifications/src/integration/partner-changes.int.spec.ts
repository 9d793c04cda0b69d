import { randomUUID } from 'node:crypto';
import { orderCancelledV1, orderStatusChangedV1 } from '@vitrine/contracts';
import { eventually, gql, type TestIdentity } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { startExamplePartner, type ExamplePartner } from './example-partner.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';
import { signUpPartners } from './partner-sign-up.js';

// Staff change and remove partners, against a real PostgreSQL: a change applies (waiting deliveries go to the new
// endpoint), a refused one changes nothing, a removal cancels what waits, stops the partner's own token and records
// `notifications.partner.removed` in the outbox (once), and a second removal changes nothing. Each effect is read back through the API and the tables.

let n: NotificationsHarness;
let staff: TestIdentity;
let oldEndpoint: ExamplePartner;
let newEndpoint: ExamplePartner;
let partnerId: string;

const updatePartner = graphql(`
  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) {
    updatePartner(id: $id, input: $input) {
      id
      name
      webhookUrl
      eventTypes
      removedAt
    }
  }
`);

const removePartner = graphql(`
  mutation RemovePartner($id: ID!) {
    removePartner(id: $id) {
      id
      removedAt
      removedBy
    }
  }
`);

const partnersList = graphql(`
  query PartnersWithRemoved {
    partners {
      id
      name
      webhookUrl
      eventTypes
      removedAt
    }
  }
`);

const deliveryLog = graphql(`
  query PartnerDeliveryLog($partnerId: ID!) {
    partnerDeliveries(partnerId: $partnerId, first: 50) {
      eventId
      status
      cancelledReason
      attemptCount
    }
  }
`);

const myPartner = graphql(`
  query MyPartnerAfterChanges {
    myPartner {
      id
      name
    }
  }
`);

const rotate = graphql(`
  mutation RotateRemovedPartner($id: ID!) {
    rotatePartnerSecret(id: $id) {
      secret
    }
  }
`);

beforeAll(async () => {
  n = await bootNotifications('notifications_partner_changes', {
    WEBHOOK_ALLOW_PLAIN_HTTP: 'true',
    WEBHOOK_RETRY_BASE_MS: '200',
    WEBHOOK_RETRY_MAX_MS: '1000',
  });
  staff = await n.tokens.staff(['notifications:write']);
  [oldEndpoint, newEndpoint] = await Promise.all([startExamplePartner(), startExamplePartner()]);
  ({ 'Order tracker': partnerId } = (await signUpPartners(n, staff, [['Order tracker', oldEndpoint, ['orders.order.status-changed']]])) as {
    'Order tracker': string;
  });
  // The same partner behind a new URL: it verifies with the same secret.
  newEndpoint.secret = oldEndpoint.secret;
});
afterAll(async () => {
  await Promise.all([oldEndpoint?.stop(), newEndpoint?.stop()]);
  await n?.stopAll();
});

const statusChanged = (orderId = randomUUID()) =>
  n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'READY_TO_FULFIL', to: 'SHIPPED' } });
const partnerRow = async () =>
  (await n.sql('select name, webhook_url, event_types, removed_at, removed_by from notifications.partner where id = ?', [partnerId]))[0];
const auditOf = (action: string) =>
  n.sql<{ actor: string; details: Record<string, unknown> }>(
    'select actor, details from notifications.audit_entry where subject = ? and action = ? order by at',
    [partnerId, action],
  );
// What the removal announced for accounts (it revokes the partner's API credentials on it): staged in the outbox.
const removalEvents = () =>
  n.sql<{ topic: string; envelope: { source: string; subject: string; data: Record<string, unknown> } }>(
    "select topic, envelope from notifications.outbox_message where key = ? and type = 'notifications.partner.removed'",
    [partnerId],
  );
const problemsOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (res.errors?.[0]?.extensions?.problems as { field: string; reason: string }[]).map((p) => `${p.field}:${p.reason}`);

describe('staff change and remove partners', () => {
  it('applies a change, audited; a delivery waiting on the old endpoint goes to the new one', async () => {
    oldEndpoint.down = true;
    const waiting = await statusChanged();
    await eventually(() => oldEndpoint.requests.some((r) => r.id === waiting.id && r.answered === 503));

    const res = await gql(
      n.url,
      updatePartner,
      {
        id: partnerId,
        input: { name: ' Order tracker v2 ', webhookUrl: newEndpoint.url, eventTypes: ['orders.order.status-changed', 'orders.order.cancelled'] },
      },
      staff.headers,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updatePartner).toEqual({
      id: partnerId,
      name: 'Order tracker v2',
      webhookUrl: newEndpoint.url,
      eventTypes: ['orders.order.cancelled', 'orders.order.status-changed'],
      removedAt: null,
    });
    await eventually(() => newEndpoint.events.some((e) => e.id === waiting.id));
    expect(newEndpoint.requests.every((r) => r.verified)).toBe(true);
    expect(oldEndpoint.events).toEqual([]);
    // The endpoint has the event once it answered; notifications marks the delivery when that answer reaches it.
    const delivered = async () => (await gql(n.url, deliveryLog, { partnerId }, staff.headers)).data!.partnerDeliveries.find((d) => d.eventId === waiting.id);
    await eventually(async () => (await delivered())?.status === 'DELIVERED');
    expect(await delivered()).toMatchObject({ status: 'DELIVERED', cancelledReason: null });
    expect(await auditOf('partner.updated')).toEqual([
      {
        actor: staff.id,
        details: {
          changes: [
            { field: 'name', from: 'Order tracker', to: 'Order tracker v2' },
            { field: 'webhookUrl', from: oldEndpoint.url, to: newEndpoint.url },
            { field: 'eventTypes', from: ['orders.order.status-changed'], to: ['orders.order.cancelled', 'orders.order.status-changed'], dropped: [] },
          ],
        },
      },
    ]);
  });

  it('refuses a bad change with every problem, and changes nothing', async () => {
    const before = await partnerRow();
    const res = await gql(
      n.url,
      updatePartner,
      { id: partnerId, input: { name: 'Renamed', webhookUrl: 'not a url', eventTypes: ['accounts.customer.contact-changed'] } },
      staff.headers,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('Some partner settings need attention.');
    expect(problemsOf(res)).toEqual(['webhookUrl:INVALID_URL', 'eventTypes:UNKNOWN_EVENT_TYPE']);
    const insecure = await gql(n.url, updatePartner, { id: partnerId, input: { webhookUrl: 'ftp://hooks.example' } }, staff.headers);
    expect(problemsOf(insecure)).toEqual(['webhookUrl:INSECURE_URL']);
    expect(await partnerRow()).toEqual(before);
    expect(await auditOf('partner.updated')).toHaveLength(1);

    const unknown = await gql(n.url, updatePartner, { id: randomUUID(), input: { name: 'Nobody' } }, staff.headers);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const customer = await n.tokens.customer();
    const notStaff = await gql(n.url, updatePartner, { id: partnerId, input: { name: 'Mine now' } }, customer.headers);
    expect(notStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await partnerRow()).toEqual(before);
  });

  it('cancels what waits of an event type it no longer receives, and no longer holds the order’s later events back', async () => {
    newEndpoint.down = true;
    const orderId = randomUUID();
    const cancelled = await n.publish({
      source: 'orders',
      definition: orderCancelledV1,
      subject: orderId,
      data: {
        orderId,
        customerId: randomUUID(),
        by: 'STAFF',
        reason: 'Stock lost',
        fee: { amount: 0, currency: 'USD' },
        refund: { amount: 0, currency: 'USD' },
        rule: { id: 'staff', text: 'Staff cancelled.' },
        feesWaived: true,
      },
    });
    const moved = await statusChanged(orderId);
    await eventually(() => newEndpoint.requests.some((r) => r.id === cancelled.id && r.answered === 503));

    const res = await gql(n.url, updatePartner, { id: partnerId, input: { eventTypes: ['orders.order.status-changed'] } }, staff.headers);
    expect(res.errors).toBeUndefined();
    newEndpoint.down = false;
    await eventually(() => newEndpoint.events.some((e) => e.id === moved.id));
    expect(newEndpoint.events.some((e) => e.id === cancelled.id)).toBe(false);
    const log = await gql(n.url, deliveryLog, { partnerId }, staff.headers);
    expect(log.data!.partnerDeliveries.find((d) => d.eventId === cancelled.id)).toMatchObject({
      status: 'CANCELLED',
      cancelledReason: 'Not sent: the partner no longer receives orders.order.cancelled.',
    });
    expect((await auditOf('partner.updated')).at(-1)!.details).toEqual({
      changes: [
        {
          field: 'eventTypes',
          from: ['orders.order.cancelled', 'orders.order.status-changed'],
          to: ['orders.order.status-changed'],
          dropped: ['orders.order.cancelled'],
        },
      ],
    });
  });

  it('removes a partner: what waits is not sent and says so, its token stops working, its log stays for staff', async () => {
    const partnerToken = await n.tokens.sign({ sub: partnerId, roles: ['partner'] });
    const asPartner = { authorization: `Bearer ${partnerToken}` };
    expect((await gql(n.url, myPartner, {}, asPartner)).data?.myPartner).toEqual({ id: partnerId, name: 'Order tracker v2' });

    newEndpoint.down = true;
    const waiting = await statusChanged();
    await eventually(() => newEndpoint.requests.some((r) => r.id === waiting.id && r.answered === 503));
    const res = await gql(n.url, removePartner, { id: partnerId }, staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.removePartner).toEqual({ id: partnerId, removedAt: expect.any(String), removedBy: staff.id });

    // The endpoint is back, and past the longest retry delay (1 s here) nothing more reached it.
    newEndpoint.down = false;
    const triesBefore = newEndpoint.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(newEndpoint.requests.length).toBe(triesBefore);
    expect(newEndpoint.events.some((e) => e.id === waiting.id)).toBe(false);

    // A later event makes no delivery at all.
    const later = await statusChanged();
    await eventually(async () => (await n.sql('select 1 from notifications.inbox_processed_event where event_id = ?', [later.id])).length === 1);
    expect(await n.sql('select 1 from notifications.webhook_delivery where event_id = ?', [later.id])).toEqual([]);

    const log = await gql(n.url, deliveryLog, { partnerId }, staff.headers);
    expect(log.errors).toBeUndefined();
    expect(log.data!.partnerDeliveries.find((d) => d.eventId === waiting.id)).toMatchObject({
      status: 'CANCELLED',
      cancelledReason: 'Not sent: the partner was removed.',
    });
    const listed = await gql(n.url, partnersList, {}, staff.headers);
    expect(listed.data!.partners.find((p) => p.id === partnerId)?.removedAt).toBe(res.data!.removePartner.removedAt);

    const own = await gql(n.url, myPartner, {}, asPartner);
    expect(own.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(own.errors?.[0]?.message).toBe('This partner application was removed: its credentials no longer work.');
    const rotated = await gql(n.url, rotate, { id: partnerId }, staff.headers);
    expect(rotated.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const changed = await gql(n.url, updatePartner, { id: partnerId, input: { name: 'Back again' } }, staff.headers);
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await auditOf('partner.removed')).toEqual([
      { actor: staff.id, details: { name: 'Order tracker v2', webhookUrl: newEndpoint.url, cancelledDeliveries: 1 } },
    ]);
    expect(await removalEvents()).toEqual([
      {
        topic: 'notifications.partner.v1',
        envelope: expect.objectContaining({
          source: 'notifications',
          subject: partnerId,
          data: { partnerId, removedAt: res.data!.removePartner.removedAt, removedBy: staff.id },
        }),
      },
    ]);
  });

  it('removing it again changes nothing and returns it as it was removed', async () => {
    const before = await partnerRow();
    const other = await n.tokens.staff(['notifications:write']);
    const again = await gql(n.url, removePartner, { id: partnerId }, other.headers);
    expect(again.errors).toBeUndefined();
    expect(again.data!.removePartner).toMatchObject({ id: partnerId, removedBy: staff.id });
    expect(await partnerRow()).toEqual(before);
    expect(await auditOf('partner.removed')).toHaveLength(1);
    expect(await removalEvents()).toHaveLength(1);
    const unknown = await gql(n.url, removePartner, { id: randomUUID() }, staff.headers);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
