import { randomUUID } from 'node:crypto';
import { orderStatusChangedV1, refundIssuedV1 } from '@vitrine/contracts';
import type { RunningService } from '@vitrine/platform';
import { bootService, eventually, type TestIdentity } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsService } from '../notifications-service.js';
import { startExamplePartner, type ExamplePartner } from './example-partner.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';
import { signUpPartners } from './partner-sign-up.js';

// Deliveries run several at a time (WEBHOOK_CONCURRENCY) across subjects, one subject's in order.
// Webhook retries keep their defaults here (10 s, hourly at most), and so does the backstop of a
// delivery waiting for an earlier one of its subject (an hour): a later event only goes out within
// these tests because the earlier one's success made it due at once.
const concurrency = 4;
const settings = { WEBHOOK_ALLOW_PLAIN_HTTP: 'true', WEBHOOK_CONCURRENCY: String(concurrency) };

let n: NotificationsHarness;
let restarted: RunningService | undefined;
let staff: TestIdentity;
let slow: ExamplePartner;
let refunds: ExamplePartner;
const partnerIds: Record<string, string> = {};

beforeAll(async () => {
  n = await bootNotifications('notifications_webhooks_concurrency', settings);
  staff = await n.tokens.staff(['notifications:write']);
  [slow, refunds] = await Promise.all([startExamplePartner(), startExamplePartner()]);
  Object.assign(
    partnerIds,
    await signUpPartners(n, staff, [
      ['Slow tracker', slow, ['orders.order.status-changed']],
      ['Slow refund desk', refunds, ['payments.refund.issued']],
    ]),
  );
});
afterAll(async () => {
  await restarted?.stop();
  await Promise.all([slow?.stop(), refunds?.stop()]);
  await n?.stopAll();
});

const steps = ['IN_FULFILMENT', 'SHIPPED', 'DELIVERED'];

/** Each order's steps, published order by order; returns the event ids. */
async function moveOrders(orders: string[]): Promise<string[]> {
  const published: string[] = [];
  for (const orderId of orders) {
    let from = 'READY_TO_FULFIL';
    for (const to of steps) {
      published.push((await n.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from, to } })).id);
      from = to;
    }
  }
  return published;
}

/** Each order's events reached the partner in order, and each event was sent exactly once. */
function expectInOrderOnce(partner: ExamplePartner, orders: string[], published: string[]): void {
  for (const orderId of orders) expect(partner.events.filter((e) => e.subject === orderId).map((e) => e.data.to)).toEqual(steps);
  const sent = partner.requests.filter((r) => published.includes(r.id));
  expect(sent.map((r) => r.id).sort()).toEqual([...published].sort());
  expect(sent.every((r) => r.verified && r.answered === 204)).toBe(true);
}

const refund = (orderId: string, amount: number) =>
  n.publish({
    source: 'payments',
    definition: refundIssuedV1,
    subject: orderId,
    data: {
      refundId: randomUUID(),
      orderId,
      customerId: randomUUID(),
      amount: { amount, currency: 'USD' },
      reason: 'STAFF',
      issuedAt: new Date().toISOString(),
    },
  });

describe('partner webhooks in parallel', () => {
  it('delivers to different subjects at once, at most WEBHOOK_CONCURRENCY, each subject in order, each event once', async () => {
    slow.answerDelayMs = 300;
    const orders = Array.from({ length: 6 }, () => randomUUID());
    const published = await moveOrders(orders);
    await eventually(() => published.every((id) => slow.events.some((e) => e.id === id)), { timeoutMs: 60_000 });

    expect(slow.maxInFlight).toBeGreaterThan(1);
    expect(slow.maxInFlight).toBeLessThanOrEqual(concurrency);
    expectInOrderOnce(slow, orders, published);
    // Some later events fired while the earlier one of their order was out, and stepped back (more
    // than one timer each): they went out once that one was delivered, not an hour later.
    const steppedBack = await n.sql<{ n: number }>(
      `select count(*)::int as n from (
         select d.id from notifications.webhook_delivery d
           join notifications.scheduled_timer t on t.kind = 'webhook.deliver' and t.key = d.id::text
          where d.partner_id = ? group by d.id having count(*) > 1) held`,
      [partnerIds['Slow tracker']],
    );
    expect(steppedBack[0]!.n).toBeGreaterThan(0);
  }, 120_000);

  it('sends a delivery again, with its webhook-id, when its answer could not be recorded; processed once, the order kept', async () => {
    refunds.answerDelayMs = 2_000;
    const orderId = randomUUID();
    const issued = [await refund(orderId, 10), await refund(orderId, 20), await refund(orderId, 30)];
    // The first is at the partner: make its record fail to commit, as a crash after the answer would.
    await eventually(() => refunds.inFlight > 0);
    await n.sql(`alter table notifications.webhook_attempt add constraint webhook_attempt_refused_by_test check (false) not valid`);
    try {
      await eventually(
        async () =>
          (
            await n.sql(
              `select 1 from notifications.scheduled_timer where kind = 'webhook.deliver' and attempts > 0 and last_error like '%webhook_attempt_refused_by_test%'`,
            )
          ).length > 0,
      );
    } finally {
      await n.sql(`alter table notifications.webhook_attempt drop constraint webhook_attempt_refused_by_test`);
    }
    refunds.answerDelayMs = 0;
    await eventually(() => issued.every((e) => refunds.events.some((r) => r.id === e.id)), { timeoutMs: 60_000 });

    expect(refunds.events.map((e) => e.id)).toEqual(issued.map((e) => e.id));
    // The first went twice under one id (the consumer dedupes it), the others once.
    expect(refunds.requests.map((r) => [r.id, r.answered])).toEqual([issued[0]!, ...issued].map((e) => [e.id, 204]));
    // The partner has the last event before its answer is recorded: the log catches up a moment later.
    const log = () =>
      n.sql<{ event_id: string; status: string; attempts: number }>(
        `select event_id, status, attempts from notifications.webhook_delivery where partner_id = ? order by seq`,
        [partnerIds['Slow refund desk']],
      );
    await eventually(async () => (await log()).every((d) => d.status !== 'PENDING'), { timeoutMs: 30_000 });
    expect((await log()).map((d) => [d.event_id, d.status])).toEqual(issued.map((e) => [e.id, 'DELIVERED']));
  }, 120_000);

  it('loses nothing and sends nothing twice across a restart with deliveries in flight', async () => {
    slow.answerDelayMs = 300;
    const orders = Array.from({ length: 4 }, () => randomUUID());
    const before = slow.requests.length;
    const published = await moveOrders(orders);
    await eventually(() => slow.inFlight > 0);
    // A graceful stop lets the deliveries in hand finish; the rest wait in the table (and on the topic).
    await n.service.stop();
    expect(slow.inFlight).toBe(0);
    expect(slow.requests.length - before).toBeLessThan(published.length);

    restarted = await bootService(notificationsService, {
      databaseUrl: n.databaseUrl,
      topicPrefix: n.topicPrefix,
      extra: {
        ...settings,
        AUTH_JWKS_URL: n.tokens.jwksUrl,
        AUTH_ISSUER: n.tokens.issuer,
        SMTP_URL: `smtp://${n.mail.host}:${n.mail.smtpPort}`,
        TIMER_POLL_MS: '100',
      },
    });
    await eventually(() => published.every((id) => slow.events.some((e) => e.id === id)), { timeoutMs: 90_000 });
    expectInOrderOnce(slow, orders, published);
  }, 120_000);
});
