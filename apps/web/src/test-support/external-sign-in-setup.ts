import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { rows } from '@vitrine/e2e/support/sql';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the external sign-in spec reads back: the signed-in customer through the API (with the access token the
// web server keeps in its httpOnly cookie), and the identity accounts bound to the account (no API shows it).

const meQuery = graphql(`
  query WebExternalMe {
    me {
      id
      email
      displayName
      country
    }
  }
`);

/** The access token in the browser's session cookie (httpOnly: only the test, not the page, can read it). */
export async function accessTokenIn(context: BrowserContext): Promise<string | undefined> {
  const cookie = (await context.cookies()).find((c) => c.name === 'vitrine_session');
  if (!cookie) return undefined;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  return (JSON.parse(Buffer.from(decodeURIComponent(cookie.value), 'base64').toString('utf8')) as { accessToken: string }).accessToken;
}

/** Who the browser is signed in as, asked of the API. */
export async function signedInCustomer(stack: TestStack, context: BrowserContext) {
  const token = await accessTokenIn(context);
  expect(token, 'a session cookie').toBeDefined();
  const res = await graph(stack, meQuery, {}, { headers: { authorization: `Bearer ${token}` } });
  expect(res.errors).toBeUndefined();
  return res.data!.me!;
}

export const boundIdentities = (stack: TestStack, customerId: string) =>
  rows<{ provider: string; subject: string }>(stack, 'select provider, subject from accounts.external_identity where customer_id = ?', [customerId]);

export const accountsWithEmail = async (stack: TestStack, email: string) =>
  (await rows(stack, 'select id from accounts.customer where email = ?', [email])).length;

/** The addresses accounts holds an email-change link for (the change waits for the link to be followed). */
export const emailChangesAsked = async (stack: TestStack, customerId: string) =>
  (
    await rows<{ new_email: string }>(stack, "select new_email from accounts.account_token where customer_id = ? and purpose = 'EMAIL_CHANGE'", [customerId])
  ).map((r) => r.new_email);

export const isDeleted = async (stack: TestStack, customerId: string) =>
  (await rows<{ deleted: boolean }>(stack, 'select deleted_at is not null as deleted from accounts.customer where id = ?', [customerId]))[0]?.deleted;
