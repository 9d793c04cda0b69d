import { randomBytes, randomUUID } from 'node:crypto';
import { customerDeletedV1, passwordResetRequestedV1, refundIssuedV1 } from '@vitrine/contracts';
import { eventually, gql, type ReceivedMail } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';

// What a customer reads of their emails: the text part kept as sent (Mailpit's copy is the proof), one at a time
// and by pages; an account link's secret never kept; everything erased with the account.

let n: NotificationsHarness;
beforeAll(async () => {
  n = await bootNotifications('notifications_message_bodies');
});
afterAll(async () => {
  await n?.stopAll();
});

const myNotification = graphql(`
  query MyNotification($id: ID!) {
    myNotification(id: $id) {
      id
      kind
      status
      subject
      language
      sentAt
      text
    }
  }
`);

const myNotificationsPage = graphql(`
  query MyNotificationsPage($first: Int, $after: String) {
    myNotificationsConnection(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          kind
          subject
          text
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const myNotificationsList = graphql(`
  query MyNotificationsList {
    myNotifications {
      id
    }
  }
`);

const refund = (customerId: string, amount: number) => {
  const orderId = randomUUID();
  return n.publish({
    source: 'payments',
    definition: refundIssuedV1,
    subject: orderId,
    data: { refundId: randomUUID(), orderId, customerId, amount: { amount, currency: 'EUR' }, reason: 'STAFF', issuedAt: new Date().toISOString() },
  });
};

/** Mailpit's text part as the service handed it over (SMTP carries CRLF line ends). */
const textOf = (mail: ReceivedMail) => mail.text.replace(/\r\n/g, '\n');
const mailWithId = (mails: ReceivedMail[], id: string) => mails.find((m) => m.messageId === `${id}@notifications.vitrine`);

describe('the emails a customer reads in the storefront', () => {
  it('keeps each sent email’s text as Mailpit received it, pages through them newest first, and shows nobody else’s', async () => {
    const ann = await n.newCustomer('FR');
    for (const amount of [1_000, 2_000, 3_000, 4_000]) await refund(ann.id, amount);
    const mails = await n.mailTo(ann.email, 5);
    expect(mails).toHaveLength(5);
    await eventually(async () => (await n.messagesOf(ann.id)).every((m) => m.status === 'SENT'));

    // Three pages of two: every message once, newest first, each text equal to what was received.
    const seen: { id: string; text: string | null | undefined }[] = [];
    let after: string | null = null;
    const pageSizes: number[] = [];
    const readPage = (cursor: string | null) => gql(n.url, myNotificationsPage, { first: 2, after: cursor }, ann.headers);
    do {
      const res: Awaited<ReturnType<typeof readPage>> = await readPage(after);
      expect(res.errors).toBeUndefined();
      const page = res.data!.myNotificationsConnection;
      pageSizes.push(page.edges.length);
      seen.push(...page.edges.map((e) => ({ id: e.node.id, text: e.node.text })));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
    } while (after);
    expect(pageSizes).toEqual([2, 2, 1]);
    const rows = await n.messagesOf(ann.id);
    expect(seen.map((s) => s.id)).toEqual(rows.map((r) => r.id).reverse());
    for (const { id, text } of seen) {
      const mail = mailWithId(mails, id);
      expect(mail, `no mail for message ${id}`).toBeDefined();
      expect(text).toBe(textOf(mail!));
    }
    expect(seen.at(-1)!.text).toMatch(/^Bienvenue/);

    // One at a time: subject, language, date and text as sent.
    const newest = seen[0]!;
    const one = await gql(n.url, myNotification, { id: newest.id }, ann.headers);
    expect(one.errors).toBeUndefined();
    expect(one.data!.myNotification).toMatchObject({ id: newest.id, kind: 'REFUND_ISSUED', status: 'SENT', language: 'fr', text: newest.text });
    expect(one.data!.myNotification.subject).toBe(mailWithId(mails, newest.id)!.subject);
    expect(one.data!.myNotification.sentAt).toBeTruthy();
    // The deprecated list still answers.
    expect((await gql(n.url, myNotificationsList, {}, ann.headers)).data!.myNotifications.map((m) => m.id)).toEqual(seen.map((s) => s.id));

    // Someone else's message is not found (as an unknown one); bad ids and cursors are refused.
    const bob = await n.newCustomer('US');
    const theirs = await gql(n.url, myNotification, { id: newest.id }, bob.headers);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(theirs.data).toBeNull();
    expect((await gql(n.url, myNotification, { id: randomUUID() }, ann.headers)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(n.url, myNotification, { id: 'not-an-id' }, ann.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await gql(n.url, myNotificationsPage, { first: 2, after: 'bm90IGEgY3Vyc29y' }, ann.headers);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(n.url, myNotificationsPage, { first: 101 }, ann.headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bobs = await gql(n.url, myNotificationsPage, { first: 100 }, bob.headers);
    expect(bobs.data!.myNotificationsConnection.edges.map((e) => e.node.id)).not.toContain(newest.id);
  });

  it('keeps a reset email without its token, its link replaced by words, and erases every body with the account', async () => {
    const cat = await n.newCustomer('US');
    const token = randomBytes(32).toString('base64url');
    await n.publish({
      source: 'accounts',
      definition: passwordResetRequestedV1,
      subject: cat.id,
      data: { customerId: cat.id, email: cat.email, token, expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() },
    });
    const mails = await n.mailTo(cat.email, 2);
    const sent = mails.find((m) => m.subject === 'Reset your password')!;
    expect(sent.text).toContain(token);
    await eventually(async () => (await n.messagesOf(cat.id)).every((m) => m.status === 'SENT'));
    const reset = (await n.messagesOf(cat.id)).find((m) => m.kind === 'PASSWORD_RESET_REQUESTED')!;

    const read = await gql(n.url, myNotification, { id: reset.id }, cat.headers);
    const text = read.data!.myNotification.text!;
    expect(text).not.toContain(token);
    expect(text).toContain('Choose a new password: [link removed: it worked once, for you only]');
    // Everything else is as sent.
    expect(text).toBe(textOf(sent).replace(/https:\/\/\S+reset-password\?token=\S+/, '[link removed: it worked once, for you only]'));
    expect(await n.sql('select id from notifications.message where body_text like ?', [`%${token}%`])).toEqual([]);

    await n.publish({ source: 'accounts', definition: customerDeletedV1, subject: cat.id, data: { customerId: cat.id } });
    await eventually(async () => (await n.sql('select erased_at from notifications.customer_contact where customer_id = ?', [cat.id]))[0]?.erased_at);
    expect(await n.sql('select kind, body_text from notifications.message where customer_id = ? order by created_at', [cat.id])).toEqual([
      { kind: 'WELCOME', body_text: null },
      { kind: 'PASSWORD_RESET_REQUESTED', body_text: null },
    ]);
  });
});
