import { randomUUID } from 'node:crypto';
import { customerContactChangedV1, customerDeletedV1, refundIssuedV1 } from '@vitrine/contracts';
import { anonymous, eventually, gql, type TestIdentity } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';

let n: NotificationsHarness;
let staff: TestIdentity;
beforeAll(async () => {
  // Few tries, so a message without an address fails within the spec.
  n = await bootNotifications('notifications_api', { EMAIL_MAX_ATTEMPTS: '3' });
  staff = await n.tokens.staff(['notifications:write']);
});
afterAll(async () => {
  await n?.stopAll();
});

const myNotifications = graphql(`
  query MyNotifications($first: Int) {
    myNotifications(first: $first) {
      id
      kind
      status
      subject
      recipient
      language
    }
  }
`);

const myNotificationsWithLog = graphql(`
  query MyNotificationsWithLog {
    myNotifications {
      id
      deliveryLog {
        outcome
      }
    }
  }
`);

const staffMessages = graphql(`
  query StaffMessages($filter: NotificationMessageFilter, $first: Int) {
    notificationMessages(filter: $filter, first: $first) {
      id
      kind
      status
      customerId
      attempts
      lastError
      deliveryLog {
        outcome
        detail
        durationMs
      }
    }
  }
`);

const preview = graphql(`
  query Preview($kind: NotificationKind!, $language: NotificationLanguage!) {
    notificationPreview(kind: $kind, language: $language) {
      subject
      html
      text
    }
  }
`);

const retry = graphql(`
  mutation Retry($id: ID!) {
    retryNotificationMessage(id: $id) {
      id
      status
      attempts
    }
  }
`);

const setLanguage = graphql(`
  mutation SetLanguage($language: NotificationLanguage!) {
    setNotificationLanguage(language: $language) {
      language
    }
  }
`);

const refund = (customerId: string, amount = 1_250) => {
  const orderId = randomUUID();
  return n.publish({
    source: 'payments',
    definition: refundIssuedV1,
    subject: orderId,
    data: { refundId: randomUUID(), orderId, customerId, amount: { amount, currency: 'EUR' }, reason: 'STAFF', issuedAt: new Date().toISOString() },
  });
};

describe('notifications API', () => {
  it('shows a customer their own messages only, without the staff fields', async () => {
    const ann = await n.newCustomer('US');
    const bob = await n.newCustomer('US');
    await n.mailTo(ann.email, 1);
    await n.mailTo(bob.email, 1);
    const mine = await gql(n.url, myNotifications, { first: 10 }, ann.headers);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myNotifications).toEqual([expect.objectContaining({ kind: 'WELCOME', status: 'SENT', recipient: ann.email, language: 'en' })]);
    const theirs = await gql(n.url, myNotifications, {}, bob.headers);
    expect(theirs.data!.myNotifications.map((m) => m.id)).not.toContain(mine.data!.myNotifications[0]!.id);

    const log = await gql(n.url, myNotificationsWithLog, {}, ann.headers);
    expect(log.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(n.url, myNotifications, {}, anonymous.headers)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(n.url, myNotifications, { first: 0 }, ann.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('writes in the language the customer chose', async () => {
    const cat = await n.newCustomer('FR');
    await n.mailTo(cat.email, 1);
    const set = await gql(n.url, setLanguage, { language: 'en' }, cat.headers);
    expect(set.data!.setNotificationLanguage.language).toBe('en');
    await refund(cat.id);
    const mails = await n.mailTo(cat.email, 2);
    expect(mails[0]!.subject).toMatch(/^Bienvenue, /);
    expect(mails[1]!.subject).toMatch(/^Refund of €12\.50 for order /);
  });

  it('lets staff preview every template with sample data, and nobody else', async () => {
    const res = await gql(n.url, preview, { kind: 'PAYMENT_DUE', language: 'fr' }, staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.notificationPreview.subject.replace(/[\u00a0\u202f]/g, ' ')).toMatch(
      /^Paiement attendu pour la commande 3F2C9A1E : 217,70 € avant le 14 mars 2027/,
    );
    expect(res.data!.notificationPreview.html).toContain('Payer maintenant');
    expect(res.data!.notificationPreview.text).toContain('https://shop.test/orders/');
    const customer = await n.tokens.customer();
    expect((await gql(n.url, preview, { kind: 'WELCOME', language: 'en' }, customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await n.tokens.staff(['orders:manage']);
    expect((await gql(n.url, preview, { kind: 'WELCOME', language: 'en' }, other.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(n.url, 'query { notificationPreview(kind: NOT_A_KIND, language: en) { subject } }', {}, staff.headers);
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives up on a message it cannot send, shows staff why, and sends it again when staff ask', async () => {
    const dan = await n.newCustomer('US', { contact: false });
    await refund(dan.id, 700);
    const failed = await eventually(async () => {
      const res = await gql(n.url, staffMessages, { filter: { customerId: dan.id, status: 'FAILED' } }, staff.headers);
      return res.data!.notificationMessages[0];
    });
    expect(failed).toMatchObject({ kind: 'REFUND_ISSUED', customerId: dan.id, attempts: 3 });
    expect(failed.lastError).toMatch(/^NO_ADDRESS/);
    expect(failed.deliveryLog.map((a) => a.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED']);

    // A message that did not fail cannot be retried: nothing changes.
    const sentOne = (await gql(n.url, staffMessages, { filter: { status: 'SENT' }, first: 1 }, staff.headers)).data!.notificationMessages[0]!;
    const conflict = await gql(n.url, retry, { id: sentOne.id }, staff.headers);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await gql(n.url, retry, { id: 'not-an-id' }, staff.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(n.url, retry, { id: randomUUID() }, staff.headers)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(n.url, retry, { id: failed.id }, dan.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(n.url, staffMessages, { filter: { customerId: 'x'.repeat(37) } }, staff.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(n.url, staffMessages, { filter: { customerId: '%' } }, staff.headers)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'filter.customerId', reason: 'MALFORMED_ID' }],
    });

    await n.publish({
      source: 'accounts',
      definition: customerContactChangedV1,
      subject: dan.id,
      data: { customerId: dan.id, email: dan.email, displayName: 'Dan' },
    });
    const again = await gql(n.url, retry, { id: failed.id }, staff.headers);
    expect(again.data!.retryNotificationMessage).toMatchObject({ status: 'PENDING', attempts: 0 });
    const mails = await n.mailTo(dan.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Welcome to the store, Dan', expect.stringMatching(/^Refund of €7\.00/)].sort());
  });

  it('forgets a deleted customer: their address is erased and nothing more is sent', async () => {
    const eve = await n.newCustomer('US');
    await n.mailTo(eve.email, 1);
    await n.publish({ source: 'accounts', definition: customerDeletedV1, subject: eve.id, data: { customerId: eve.id } });
    await eventually(async () => (await n.sql('select erased_at from notifications.customer_contact where customer_id = ?', [eve.id]))[0]?.erased_at);
    await refund(eve.id);
    await eventually(async () => (await n.messagesOf(eve.id)).some((m) => m.kind === 'REFUND_ISSUED' && m.status === 'CANCELLED'));
    expect(await n.sql('select email, display_name from notifications.customer_contact where customer_id = ?', [eve.id])).toEqual([
      { email: null, display_name: null },
    ]);
    expect((await n.messagesOf(eve.id)).map((m) => m.recipient)).toEqual([null, null]);
    expect(await n.mail.messagesTo(eve.email)).toHaveLength(1);
  });
});
