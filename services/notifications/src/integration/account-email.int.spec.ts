import { randomBytes, randomUUID } from 'node:crypto';
import {
  customerContactChangedV1,
  customerDeletedV1,
  customerRegisteredV1,
  emailChangeRequestedV1,
  emailVerificationRequestedV1,
  passwordChangedV1,
  passwordResetRequestedV1,
  signUpRepeatedV1,
  type EventDefinition,
} from '@vitrine/contracts';
import { eventually, type PublishedEventInput } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNotifications, storefront, type NotificationsHarness } from './harness.js';

let n: NotificationsHarness;
beforeAll(async () => {
  n = await bootNotifications('notifications_account_mail');
});
afterAll(async () => {
  await n?.stopAll();
});

/** A token as accounts makes one: 32 random bytes, base64url. */
const newToken = () => randomBytes(32).toString('base64url');
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Publishes an event twice under one id, as a redelivery would. */
async function deliverTwice<TDef extends EventDefinition>(input: Omit<PublishedEventInput<TDef>, 'id'>): Promise<void> {
  const first = await n.publish(input);
  await n.publish({ ...input, id: first.id });
}

/** The link a message's text part gives for `label`. */
function linkAfter(text: string, label: string): URL {
  const match = new RegExp(`${label}: (\\S+)`).exec(text);
  expect(match, `no "${label}" link in:\n${text}`).not.toBeNull();
  return new URL(match![1]!);
}

/** Rows anywhere in the service's schema whose text holds `secret` (every column of every table, the inbox and timers included). */
async function rowsHolding(secret: string): Promise<string[]> {
  const tables = await n.sql<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'notifications' and table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await n.sql<{ count: string }>(`select count(*) as count from notifications."${table_name}" t where t::text like ?`, [`%${secret}%`]);
    if (Number(row!.count) > 0) found.push(table_name);
  }
  return found;
}

const statusOf = async (customerId: string, kind: string) => (await n.messagesOf(customerId)).find((m) => m.kind === kind)?.status;

describe('accounts’ mail over SMTP', () => {
  it('sends a reset link once to the address asked for, in French for a French customer, and keeps no token once sent', async () => {
    // Notifications has not heard of this address: the customer's country (accounts' registration) decides the language.
    const marie = await n.newCustomer('FR', { contact: false });
    const token = newToken();
    await deliverTwice({
      source: 'accounts',
      definition: passwordResetRequestedV1,
      subject: marie.id,
      data: { customerId: marie.id, email: marie.email, token, expiresAt: inMinutes(30) },
    });

    const mails = await n.mailTo(marie.email, 1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ to: [marie.email], subject: 'Réinitialisez votre mot de passe' });
    expect(mail!.html).toContain('<html lang="fr">');
    const link = linkAfter(mail!.text, 'Choisir un nouveau mot de passe');
    // The storefront's reset page (apps/web routes/reset-password.tsx) reads the token from `?token=`.
    expect(link.origin + link.pathname).toBe(`${storefront}/reset-password`);
    expect(link.searchParams.get('token')).toBe(token);
    expect(mail!.html).toContain(`href="${storefront}/reset-password?token=${token}"`);

    await eventually(async () => (await statusOf(marie.id, 'PASSWORD_RESET_REQUESTED')) === 'SENT');
    expect(await n.messagesOf(marie.id)).toEqual([
      expect.objectContaining({ kind: 'PASSWORD_RESET_REQUESTED', status: 'SENT', attempts: 1, recipient: marie.email, language: 'fr' }),
    ]);
    const [stored] = await n.sql<{ facts: Record<string, unknown> }>('select facts from notifications.message where customer_id = ?', [marie.id]);
    expect(stored!.facts).toEqual({ expiresAt: expect.any(String) });
    expect(await rowsHolding(token)).toEqual([]);
  });

  it('sends an email change’s link to the new address, never to the one notifications knows', async () => {
    const ann = await n.newCustomer('US');
    await n.mailTo(ann.email, 1); // the welcome
    const newAddress = `moved-${ann.id.slice(0, 8)}@example.test`;
    const token = newToken();
    await deliverTwice({
      source: 'accounts',
      definition: emailChangeRequestedV1,
      subject: ann.id,
      data: { customerId: ann.id, email: newAddress, token, expiresAt: inMinutes(60) },
    });
    const [mail] = await n.mailTo(newAddress, 1);
    expect(mail).toMatchObject({ to: [newAddress], subject: 'Confirm your new email address' });
    expect(linkAfter(mail!.text, 'Confirm the new address').searchParams.get('confirmEmailChange')).toBe(token);
    expect(await n.mail.messagesTo(ann.email)).toHaveLength(1);
    await eventually(async () => (await statusOf(ann.id, 'EMAIL_CHANGE_REQUESTED')) === 'SENT');
    expect(await rowsHolding(token)).toEqual([]);
  });

  it('verifies an address of a customer it knows nothing of yet, in English by default', async () => {
    const customerId = randomUUID();
    const address = `new-${customerId.slice(0, 8)}@example.test`;
    const token = newToken();
    await deliverTwice({
      source: 'accounts',
      definition: emailVerificationRequestedV1,
      subject: customerId,
      data: { customerId, email: address, token, expiresAt: inMinutes(48 * 60) },
    });
    const mails = await n.mailTo(address, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Confirm your email address' });
    expect(linkAfter(mails[0]!.text, 'Confirm my address').searchParams.get('verifyEmail')).toBe(token);
  });

  it('tells the owner of a password change and of a repeated sign-up, once each, in the language they chose', async () => {
    const paul = await n.newCustomer('BE');
    await n.mailTo(paul.email, 1); // the welcome, in French
    await n.sql("update notifications.customer_contact set language = 'en' where customer_id = ?", [paul.id]);
    await deliverTwice({ source: 'accounts', definition: passwordChangedV1, subject: paul.id, data: { customerId: paul.id, email: paul.email, via: 'RESET' } });
    await deliverTwice({ source: 'accounts', definition: signUpRepeatedV1, subject: paul.id, data: { customerId: paul.id, email: paul.email } });
    const mails = await n.mailTo(paul.email, 3);
    expect(mails[0]!.subject).toMatch(/^Bienvenue, /);
    expect(mails.slice(1).map((m) => m.subject)).toEqual(['Your password was changed', 'Someone tried to create an account with your address']);
    expect(mails[1]!.text).toContain(`Reset my password: ${storefront}/forgot-password`);
    expect(mails[2]!.text).toContain(`Sign in: ${storefront}/sign-in`);
  });

  it('sends no link that has expired, and keeps no token of it', async () => {
    const customerId = randomUUID();
    const address = `late-${customerId.slice(0, 8)}@example.test`;
    const token = newToken();
    await n.publish({ source: 'accounts', definition: customerRegisteredV1, subject: customerId, data: { customerId, country: 'US' } });
    await n.publish({
      source: 'accounts',
      definition: passwordResetRequestedV1,
      subject: customerId,
      data: { customerId, email: address, token, expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    await eventually(async () => (await statusOf(customerId, 'PASSWORD_RESET_REQUESTED')) === 'CANCELLED');
    expect(await n.mail.messagesTo(address)).toEqual([]);
    expect(await rowsHolding(token)).toEqual([]);
  });

  it('erases a pending link’s token and address when the account is deleted', async () => {
    const customerId = randomUUID();
    const address = `gone-${customerId.slice(0, 8)}@example.test`;
    const token = newToken();
    await n.mail.down();
    try {
      await n.publish({
        source: 'accounts',
        definition: customerContactChangedV1,
        subject: customerId,
        data: { customerId, email: address, displayName: 'Gone' },
      });
      await n.publish({
        source: 'accounts',
        definition: passwordResetRequestedV1,
        subject: customerId,
        data: { customerId, email: address, token, expiresAt: inMinutes(30) },
      });
      // Tried once while the server is down: still pending, its token kept for the next try.
      await eventually(async () => (await n.messagesOf(customerId)).some((m) => m.kind === 'PASSWORD_RESET_REQUESTED' && m.attempts >= 1));
      expect(await rowsHolding(token)).toEqual(['message']);
      await n.publish({ source: 'accounts', definition: customerDeletedV1, subject: customerId, data: { customerId } });
      await eventually(async () => (await statusOf(customerId, 'PASSWORD_RESET_REQUESTED')) === 'CANCELLED');
    } finally {
      await n.mail.up();
    }
    expect(await rowsHolding(token)).toEqual([]);
    expect(await rowsHolding(address)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await n.mail.messagesTo(address)).filter((m) => m.subject === 'Reset your password')).toEqual([]);
  });
});
