import { createHmac, randomUUID } from 'node:crypto';
import { orderCancelledV1, orderConfirmedV1, orderStatusChangedV1, refundIssuedV1 } from '@vitrine/contracts';
import { eventually, gql, type TestIdentity } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { startExamplePartner, type ExamplePartner } from './example-partner.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';
import { signUpPartners } from './partner-sign-up.js';

let n: NotificationsHarness;
let staff: TestIdentity;
let tracker: ExamplePartner;
let refunds: ExamplePartner;
const partnerIds: Record<string, string> = {};

const createPartner = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      secret
      partner {
        id
        eventTypes
        enabled
      }
    }
  }
`);

const deliveries = graphql(`
  query PartnerDeliveries($partnerId: ID!) {
    partnerDeliveries(partnerId: $partnerId, first: 200) {
      eventId
      eventType
      status
      attemptCount
      replayOf
      attempts {
        statusCode
        latencyMs
      }
    }
  }
`);

const replay = graphql(`
  mutation Replay($partnerId: ID!, $since: DateTimeISO) {
    replayPartnerEvents(partnerId: $partnerId, since: $since)
  }
`);

beforeAll(async () => {
  n = await bootNotifications('notifications_webhooks', { WEBHOOK_ALLOW_PLAIN_HTTP: 'true', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_MS: '1000' });
  staff = await n.tokens.staff(['notifications:write']);
  [tracker, refunds] = await Promise.all([startExamplePartner(), startExamplePartner()]);
  Object.assign(
    partnerIds,
    await signUpPartners(n, staff, [
      ['Order tracker', tracker, ['orders.order.status-changed', 'orders.order.cancelled']],
      ['Refund desk', refunds, ['payments.refund.issued']],
    ]),
  );
});
afterAll(async () => {
  await Promise.all([tracker?.stop(), refunds?.stop()]);
  await n?.stopAll();
});

const status = (orderId: string, from: string, to: string) =>
  n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from, to } });

describe('partner webhooks', () => {
  it('delivers each partner only the event types it was granted, signed, once per event', async () => {
    const customer = await n.newCustomer('US');
    const orderId = randomUUID();
    const confirmed = {
      orderId,
      customerId: customer.id,
      kind: 'IN_STOCK' as const,
      paymentPlan: 'IN_STOCK' as const,
      policyVersion: 1,
      lines: [{ productId: randomUUID(), quantity: 1, unitPrice: { amount: 100, currency: 'USD' } }],
      goodsTotal: { amount: 100, currency: 'USD' },
      shippingEstimate: { amount: 0, currency: 'USD' },
      nextPayment: null,
    };
    await n.publish({ source: 'orders', definition: orderConfirmedV1, subject: orderId, data: confirmed });
    const moved = await status(orderId, 'PENDING', 'READY_TO_FULFIL');
    await n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: moved.data, id: moved.id });
    const refund = await n.publish({
      source: 'payments',
      definition: refundIssuedV1,
      subject: orderId,
      data: {
        refundId: randomUUID(),
        orderId,
        customerId: customer.id,
        amount: { amount: 100, currency: 'USD' },
        reason: 'STAFF',
        issuedAt: new Date().toISOString(),
      },
    });

    await eventually(() => tracker.events.length === 1 && refunds.events.length === 1);
    expect(tracker.events.map((e) => [e.id, e.type, e.data.to])).toEqual([[moved.id, 'orders.order.status-changed', 'READY_TO_FULFIL']]);
    expect(refunds.events.map((e) => [e.id, e.type])).toEqual([[refund.id, 'payments.refund.issued']]);
    // Nobody was sent the confirmation (not granted), and each got its own deliveries only.
    expect([...tracker.requests, ...refunds.requests].every((r) => r.verified)).toBe(true);
    expect(tracker.requests.map((r) => r.id)).toEqual([moved.id]);
    expect(refunds.requests.map((r) => r.id)).toEqual([refund.id]);
  });

  it('keeps delivering through an outage: everything arrives after it, in order per order, retries in the log', async () => {
    tracker.down = true;
    const orders = [randomUUID(), randomUUID()];
    const steps = ['IN_FULFILMENT', 'SHIPPED', 'DELIVERED'];
    const published: string[] = [];
    for (const orderId of orders) {
      let from = 'READY_TO_FULFIL';
      for (const to of steps) {
        published.push((await status(orderId, from, to)).id);
        from = to;
      }
    }
    await eventually(() => tracker.requests.filter((r) => r.answered === 503).length >= 4);
    tracker.down = false;
    await eventually(() => published.every((id) => tracker.events.some((e) => e.id === id)));
    for (const orderId of orders) {
      expect(tracker.events.filter((e) => e.subject === orderId).map((e) => e.data.to)).toEqual(steps);
    }
    // The partner has the last event before its answer is recorded: the log catches up a moment later.
    const readLog = () => gql(n.url, deliveries, { partnerId: partnerIds['Order tracker']! }, staff.headers);
    await eventually(async () => (await readLog()).data!.partnerDeliveries.every((d) => d.status !== 'PENDING'));
    const log = await readLog();
    const retried = log.data!.partnerDeliveries.filter((d) => published.includes(d.eventId) && d.attemptCount > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried[0]!.attempts.map((a) => a.statusCode)).toContain(503);
    expect(retried[0]!.attempts.at(-1)!.statusCode).toBe(204);
    expect(log.data!.partnerDeliveries.every((d) => d.status === 'DELIVERED')).toBe(true);
  });

  it('the example consumer refuses a delivery whose signature does not verify', async () => {
    const body = JSON.stringify({ id: randomUUID(), type: 'orders.order.cancelled', data: {} });
    const id = randomUUID();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const wrongKey = Buffer.from('not-the-partner-secret-0123456789');
    const signature = `v1,${createHmac('sha256', wrongKey).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    const res = await fetch(tracker.url, {
      method: 'POST',
      headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
      body,
    });
    expect(res.status).toBe(401);
    expect(tracker.events.some((e) => e.id === id)).toBe(false);
  });

  it('replays exactly what the partner was sent since a time, with the original ids', async () => {
    const orderId = randomUUID();
    await status(orderId, 'READY_TO_FULFIL', 'IN_FULFILMENT');
    await eventually(() => tracker.events.some((e) => e.subject === orderId));
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later: { id: string }[] = [await status(orderId, 'IN_FULFILMENT', 'CANCELLED')];
    later.push(
      await n.publish({
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
      }),
    );
    await eventually(() => later.every((e) => tracker.events.some((r) => r.id === e.id)));
    const before = tracker.requests.length;

    const res = await gql(n.url, replay, { partnerId: partnerIds['Order tracker']!, since: since.toISOString() }, staff.headers);
    expect(res.data!.replayPartnerEvents).toBe(2);
    await eventually(() => tracker.requests.length === before + 2);
    expect(tracker.requests.slice(before).map((r) => [r.id, r.verified])).toEqual(later.map((e) => [e.id, true]));
    // The consumer had them already: deduped by id.
    expect(tracker.events.filter((e) => e.subject === orderId)).toHaveLength(3);

    const bad = await gql(n.url, replay, { partnerId: 'nope', since: since.toISOString() }, staff.headers);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const customer = await n.tokens.customer();
    expect(
      (await gql(n.url, replay, { partnerId: partnerIds['Order tracker']!, since: since.toISOString() }, customer.headers)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses bad partner settings, every problem at once, and creates nothing', async () => {
    const res = await gql(
      n.url,
      createPartner,
      { input: { name: '', webhookUrl: 'ftp://x', eventTypes: ['accounts.customer.contact-changed'] } },
      staff.headers,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions?.problems as { reason: string }[]).map((p) => p.reason)).toEqual(['LENGTH', 'INSECURE_URL', 'UNKNOWN_EVENT_TYPE']);
    const tooLong = await gql(
      n.url,
      createPartner,
      { input: { name: 'x'.repeat(101), webhookUrl: 'https://p.example', eventTypes: ['orders.order.cancelled'] } },
      staff.headers,
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await n.sql('select count(*)::int as n from notifications.partner')).toEqual([{ n: 2 }]);
  });
});
