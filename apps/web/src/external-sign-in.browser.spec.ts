import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@vitrine/local-infra';
import { startTestStack, type TestStack } from '@vitrine/e2e/support/stack';
import { startOidcProvider, type RunningOidcProvider, type TestAccount } from '../../../services/accounts/src/integration/oidc-test-provider.js';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { signsIn } from './test-support/account-setup.js';
import { expectAccessible, formDone, screenshots, signInAs, startBrowserStack, viewports, type BrowserStack } from './test-support/browser-stack.js';
import { accessTokenIn, accountsWithEmail, boundIdentities, emailChangesAsked, isDeleted, signedInCustomer } from './test-support/external-sign-in-setup.js';

// Sign-in with an external identity in a real browser: a real OpenID Provider (oidc-provider, in this process, with
// its own login and consent pages) that accounts trusts as "test-idp" (OIDC_PROVIDERS) and the web server offers
// (WEB_OIDC_PROVIDERS). The authorization code flow with PKCE runs between the web server and the provider; the
// ID token goes to accounts, which verifies it. Each effect is read back through the API or accounts' tables.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let idp: RunningOidcProvider;

beforeAll(async () => {
  const port = await freePort();
  const storefront = { clientId: 'vitrine-storefront', clientSecret: 'storefront-secret-0123456789abcdef' };
  // A second provider for the store, "Other IdP": another client of the same OpenID Provider (its own name, client
  // and callback), so an account can hold two identities and be offered both to confirm it is them.
  const second = { clientId: 'vitrine-storefront-other', clientSecret: 'other-secret-0123456789abcdef0123' };
  idp = await startOidcProvider([
    { ...storefront, redirectUris: [`http://127.0.0.1:${port}/auth/test-idp/callback`] },
    { ...second, redirectUris: [`http://127.0.0.1:${port}/auth/other-idp/callback`] },
  ]);
  const provider = { name: 'test-idp', issuer: idp.issuer, ...storefront };
  const other = { name: 'other-idp', issuer: idp.issuer, ...second };
  running = await startBrowserStack(() => startTestStack({ label: 'web_oidc', env: { accounts: { OIDC_PROVIDERS: JSON.stringify([provider, other]) } } }), {
    port,
    env: {
      WEB_OIDC_PROVIDERS: JSON.stringify([
        { ...provider, label: 'Test IdP' },
        { ...other, label: 'Other IdP' },
      ]),
    },
  });
  ({ stack, webUrl } = running);
});

afterAll(async () => {
  await running?.stop();
  await idp?.stop();
});

const person = (name: string): TestAccount => ({ sub: randomUUID(), email: `oidc-${randomUUID()}@example.test`, email_verified: true, name });

async function newPage(locale = 'en-GB'): Promise<Page> {
  const context = await running.browser.newContext({ viewport: viewports.desktop, locale });
  return context.newPage();
}

/** The provider's own pages: its login (the person's email) and, the first time, its consent. */
async function atTheProvider(page: Page, who: TestAccount, answer: 'Allow' | 'Deny' = 'Allow') {
  await signInAtTheProvider(page, who);
  await page.getByRole('button', { name: answer }).click();
}

async function signInAtTheProvider(page: Page, who: TestAccount) {
  await page.getByRole('heading', { name: 'Sign in to Test IdP' }).waitFor();
  expect(page.url().startsWith(idp.issuer)).toBe(true);
  await page.getByLabel('Email at Test IdP').fill(who.email!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
}

/** A proof: the provider asks the person to sign in again even with its session open (prompt=login). */
async function freshSignInAtTheProvider(page: Page, who: TestAccount) {
  await page.getByRole('heading', { name: 'Sign in to Test IdP' }).waitFor();
  await page.getByLabel('Email at Test IdP').fill(who.email!);
  await page.getByRole('button', { name: 'Continue' }).click();
  // Its consent page only if the grant was not kept.
  const consent = page.getByRole('heading', { name: 'Allow access?' });
  await Promise.race([consent.waitFor(), page.waitForURL((url) => url.href.startsWith(webUrl))]);
  if (!page.url().startsWith(webUrl)) await page.getByRole('button', { name: 'Allow' }).click();
}

/**
 * "Allow" sent with the browser's own cookies (its request context shares them) without following the redirects:
 * the provider's real answer, the address back to the storefront with the code and state, never reaches it.
 */
async function allowWithoutReturning(page: Page): Promise<URL> {
  const request = page.context().request;
  let at = new URL(`${page.url()}/confirm`);
  let res = await request.post(at.href, { maxRedirects: 0 });
  for (let hop = 0; hop < 5; hop++) {
    const next = new URL(res.headers()['location'] ?? '', at);
    if (next.href.startsWith(`${webUrl}/auth/test-idp/callback`)) return next;
    at = next;
    res = await request.get(at.href, { maxRedirects: 0 });
  }
  throw new Error(`the provider did not send the browser back: ${res.status()} at ${at.href}`);
}

describe('sign-in with an external identity', () => {
  it('a new customer signs in at the provider, is asked their region, and is signed in; later sign-ins ask nothing', async () => {
    const olive = person('Olive Ida');
    idp.addAccount(olive);
    const page = await newPage();
    await page.goto(`${webUrl}/sign-in?next=%2Faccount`);
    const button = page.getByRole('link', { name: 'Sign in with Test IdP' });
    await expectAccessible(page, 'sign-in with a provider');
    await screenshots(page, 'sign-in-external');

    await button.click();
    await atTheProvider(page, olive);
    // Back on the storefront: the account is not made before the customer says where they live.
    await page.waitForURL(`${webUrl}/auth/region`);
    await page.getByRole('heading', { name: 'One last step: where do you live?' }).waitFor();
    expect(await page.getByText('You signed in with Test IdP.').count()).toBe(1);
    expect(await accountsWithEmail(stack, olive.email!)).toBe(0);
    // The ID token waits on the server: not in the address, the page or a script-readable cookie.
    const html = await page.content();
    expect(html).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await expectAccessible(page, 'region step');
    await screenshots(page, 'external-region');

    await page.getByLabel('Where you live').selectOption('JP');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(`${webUrl}/account`);
    await page.getByRole('button', { name: 'Sign out (Olive Ida)' }).waitFor();
    const customer = await signedInCustomer(stack, page.context());
    expect(customer).toMatchObject({ email: olive.email, displayName: 'Olive Ida', country: 'JP' });
    expect(await boundIdentities(stack, customer.id)).toEqual([{ provider: 'test-idp', subject: olive.sub }]);

    // Signed out, then in again with the provider: the same account, and no region asked this time.
    await page.getByRole('button', { name: 'Sign out (Olive Ida)' }).click();
    await page.waitForURL(`${webUrl}/`);
    expect(await accessTokenIn(page.context())).toBeUndefined();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.goto(`${webUrl}/sign-in?next=%2Forders`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL(`${webUrl}/orders`);
    expect(visited.filter((url) => url.includes('/auth/region'))).toEqual([]);
    expect((await signedInCustomer(stack, page.context())).id).toBe(customer.id);
    expect(await accountsWithEmail(stack, olive.email!)).toBe(1);
    await page.context().close();
  });

  it('an account with no password confirms an email change and its deletion with a fresh sign-in at the provider', async () => {
    const erin = person('Erin Nopass');
    idp.addAccount(erin);
    const page = await newPage();
    await page.goto(`${webUrl}/sign-in?next=%2Faccount`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await atTheProvider(page, erin);
    await page.getByLabel('Where you live').selectOption('FR');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(`${webUrl}/account`);
    const customer = await signedInCustomer(stack, page.context());

    // The email change: the provider asks the customer to sign in again (a fresh sign-in), then no password is asked.
    await page.goto(`${webUrl}/account/email`);
    await page.getByRole('link', { name: 'Confirm it is you with Test IdP' }).click();
    await freshSignInAtTheProvider(page, erin);
    await page.waitForURL(`${webUrl}/account/email`);
    await page.getByRole('status').filter({ hasText: 'You confirmed it is you with Test IdP' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    const newEmail = `moved-${randomUUID()}@example.test`;
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page.waitForURL((url) => url.pathname === '/account' && url.searchParams.has('emailChangeRequested'));
    expect(await emailChangesAsked(stack, customer.id)).toEqual([newEmail]);

    // The proof was spent: deleting asks for a password again, and a password this account does not have is refused.
    await page.goto(`${webUrl}/account/delete`);
    await page.getByLabel('Password').fill('Not-a-password-1');
    await page.getByLabel('I understand that this cannot be undone.').check();
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('alert').waitFor();
    expect(await isDeleted(stack, customer.id)).toBe(false);

    await page.getByRole('link', { name: 'Confirm it is you with Test IdP' }).click();
    await freshSignInAtTheProvider(page, erin);
    await page.waitForURL(`${webUrl}/account/delete`);
    await page.getByRole('status').filter({ hasText: 'You confirmed it is you with Test IdP' }).waitFor();
    await expectAccessible(page, 'deletion confirmed with the provider');
    await screenshots(page, 'account-delete-external');
    await page.getByLabel('I understand that this cannot be undone.').check();
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForURL((url) => url.pathname === '/account/delete' && url.searchParams.has('done'));
    expect(await isDeleted(stack, customer.id)).toBe(true);
    expect(await boundIdentities(stack, customer.id)).toEqual([]);
    expect(await accessTokenIn(page.context())).toBeUndefined();
    await page.context().close();
  });

  it('a callback whose state is not the one this browser started with is refused, and signs nobody in, even with a real code', async () => {
    const mallory = person('Mallory Forge');
    idp.addAccount(mallory);
    const page = await newPage();
    // The provider's real answer is caught before it reaches the web server, then presented with another state.
    await page.goto(`${webUrl}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await signInAtTheProvider(page, mallory);
    const caught = await allowWithoutReturning(page);
    expect(caught.searchParams.get('code')).toBeTruthy();
    expect(caught.searchParams.get('state')).toBeTruthy();

    const forged = new URL(caught);
    forged.searchParams.set('state', 'forged-state');
    await page.goto(forged.href);
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('external') === 'state');
    await page.getByRole('alert').filter({ hasText: 'This sign-in could not be checked' }).waitFor();
    // The flow was spent by the forged try: the real state no longer works either.
    await page.goto(caught.href);
    await page.waitForURL((url) => url.searchParams.get('external') === 'state');
    expect(await accessTokenIn(page.context())).toBeUndefined();
    expect(await accountsWithEmail(stack, mallory.email!)).toBe(0);
    await expectAccessible(page, 'sign-in with a refusal');
    await page.context().close();
  });

  it('a customer who denies the request at the provider is told so on the sign-in page, in French too', async () => {
    const denis = person('Denis Refus');
    idp.addAccount(denis);
    const page = await newPage('fr-FR');
    await page.goto(`${webUrl}/sign-in`);
    await page.getByRole('link', { name: 'Se connecter avec Test IdP' }).click();
    await atTheProvider(page, denis, 'Deny');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('external') === 'refused');
    await page.getByRole('alert').filter({ hasText: 'La connexion chez le fournisseur a été annulée ou refusée.' }).waitFor();
    expect(await accessTokenIn(page.context())).toBeUndefined();
    expect(await accountsWithEmail(stack, denis.email!)).toBe(0);
    await screenshots(page, 'sign-in-external-refused');
    await page.context().close();
  });

  it('the sign-up page offers the provider; an unknown provider is a 404', async () => {
    const signUp = await fetch(`${webUrl}/sign-up`);
    expect(await signUp.text()).toContain('href="/auth/test-idp"');
    expect((await fetch(`${webUrl}/auth/facebook`, { redirect: 'manual' })).status).toBe(404);
  });
});

describe('sign-in methods on the account page', () => {
  /** A new customer made by a first sign-in at the provider (no password), left on their account page. */
  async function externalCustomer(page: Page, who: TestAccount) {
    idp.addAccount(who);
    await page.goto(`${webUrl}/sign-in?next=%2Faccount`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await atTheProvider(page, who);
    await page.getByLabel('Where you live').selectOption('FR');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(`${webUrl}/account`);
    return signedInCustomer(stack, page.context());
  }

  /** "Link Test IdP" on the account page: the password again, then a sign-in at the provider as `who`. */
  async function linkWithPassword(page: Page, who: TestAccount) {
    await page.getByRole('link', { name: 'Link Test IdP' }).click();
    await page.getByRole('heading', { name: 'Link Test IdP to your account' }).waitFor();
    await page.getByLabel('Your password').fill(customerPassword);
    await page.getByRole('button', { name: 'Continue to Test IdP' }).click();
    await freshSignInAtTheProvider(page, who);
    await page.waitForURL((url) => url.href.startsWith(webUrl) && url.pathname === '/account');
  }

  it('an account without a password holding two providers is offered both to confirm it is them, the one it signed in with first', async () => {
    const page = await newPage();
    const nina = person('Nina Twoway');
    const customer = await externalCustomer(page, nina);

    // Linking Other IdP: no password, so first a fresh sign-in with the one provider the account holds.
    await page.goto(`${webUrl}/account/link/other-idp`);
    await page.getByRole('heading', { name: 'Link Other IdP to your account' }).waitFor();
    expect(await page.getByRole('link', { name: /^Confirm it is you with/ }).allTextContents()).toEqual(['Confirm it is you with Test IdP']);
    await page.getByRole('link', { name: 'Confirm it is you with Test IdP' }).click();
    await freshSignInAtTheProvider(page, nina);
    await page.waitForURL(`${webUrl}/account/link/other-idp`);
    await page.getByRole('button', { name: 'Continue to Other IdP' }).and(page.locator(':enabled')).click();
    await freshSignInAtTheProvider(page, nina);
    await page.waitForURL((url) => url.href.startsWith(webUrl) && url.pathname === '/account');
    expect((await boundIdentities(stack, customer.id)).map((i) => i.provider).sort()).toEqual(['other-idp', 'test-idp']);

    // The email change offers both, Test IdP (this session's) first; confirming with Other IdP is a proof too.
    await page.goto(`${webUrl}/account/email`);
    const offered = page.getByRole('list', { name: 'No password here? You signed in with a provider:' }).getByRole('link');
    await offered.first().waitFor();
    expect(await offered.allTextContents()).toEqual(['Confirm it is you with Test IdP', 'Confirm it is you with Other IdP']);
    await expectAccessible(page, 'two providers to confirm with');
    await offered.filter({ hasText: 'Other IdP' }).click();
    await freshSignInAtTheProvider(page, nina);
    await page.waitForURL(`${webUrl}/account/email`);
    await page.getByRole('status').filter({ hasText: 'You confirmed it is you with Other IdP' }).waitFor();
    const newEmail = `moved-${randomUUID()}@example.test`;
    await page.getByLabel('New email address').fill(newEmail);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page.waitForURL((url) => url.pathname === '/account' && url.searchParams.has('emailChangeRequested'));
    expect(await emailChangesAsked(stack, customer.id)).toEqual([newEmail]);
    await page.context().close();
  });

  it('a password customer links the provider after their password, then signs in with it into the same account', async () => {
    const pam = await stack.newCustomer('FR');
    // Another email at the provider: only the link can bring this identity to Pam's account.
    const pamAtIdp = person('Pam Elsewhere');
    idp.addAccount(pamAtIdp);
    const page = await newPage();
    await signInAs(page, webUrl, pam.email, customerPassword, '/account');
    const section = page.getByRole('region', { name: 'Sign-in methods' });
    await section.getByText('You can sign in with your email address and password.').waitFor();
    await section.getByText('None yet.').waitFor();

    await linkWithPassword(page, pamAtIdp);
    await formDone(page, 'Test IdP is linked: you can now sign in with it.');
    expect(await boundIdentities(stack, pam.id)).toEqual([{ provider: 'test-idp', subject: pamAtIdp.sub }]);
    await section.getByText(`(${pamAtIdp.email})`).waitFor();
    expect(await section.getByRole('link', { name: 'Link Test IdP' }).count()).toBe(0);
    await expectAccessible(page, 'sign-in methods with a linked identity');
    await screenshots(page, 'account-sign-in-methods');
    // Signed in with the password, the linked identity is offered to confirm the sensitive steps too (beside the password).
    for (const path of ['/account/email', '/account/delete']) {
      await page.goto(`${webUrl}${path}`);
      await page.getByRole('link', { name: 'Confirm it is you with Test IdP' }).waitFor();
      expect(await page.getByLabel('Password').count()).toBe(1);
    }

    await page.getByRole('button', { name: 'Sign out (Test Customer)' }).click();
    await page.waitForURL(`${webUrl}/`);
    await page.goto(`${webUrl}/sign-in?next=%2Faccount`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL((url) => url.href.startsWith(webUrl) && url.pathname === '/account');
    expect((await signedInCustomer(stack, page.context())).id).toBe(pam.id);
    expect(await accountsWithEmail(stack, pamAtIdp.email!)).toBe(0);
    await page.context().close();
  });

  it('an identity that already signs in to another account is refused, and nothing is linked', async () => {
    const xavier = person('Xavier Taken');
    const taken = await newPage();
    const owner = await externalCustomer(taken, xavier);
    await taken.context().close();

    const pam = await stack.newCustomer('FR');
    const page = await newPage();
    await signInAs(page, webUrl, pam.email, customerPassword, '/account');
    await linkWithPassword(page, xavier);
    await page.waitForURL((url) => url.searchParams.get('linkProblem') === 'inUse');
    await page.getByRole('alert').filter({ hasText: 'already signs in to another account here' }).waitFor();
    expect(await boundIdentities(stack, pam.id)).toEqual([]);
    expect(await boundIdentities(stack, owner.id)).toEqual([{ provider: 'test-idp', subject: xavier.sub }]);
    expect((await signedInCustomer(stack, page.context())).id).toBe(pam.id);
    await expectAccessible(page, 'sign-in methods with a refused link');
    await page.context().close();
  });

  it('a customer without a password sets one after a fresh sign-in at the provider, and signs in with it', async () => {
    const erin = person('Erin Setpass');
    const page = await newPage();
    const customer = await externalCustomer(page, erin);
    const section = page.getByRole('region', { name: 'Sign-in methods' });
    await section.getByText(/No password yet/).waitFor();
    await section.getByRole('link', { name: 'Set a password' }).click();
    await page.getByRole('heading', { name: 'Set a password' }).waitFor();
    await page.getByRole('link', { name: 'Confirm it is you with Test IdP' }).click();
    await freshSignInAtTheProvider(page, erin);
    await page.waitForURL(`${webUrl}/account/password`);
    await page.getByRole('status').filter({ hasText: 'You confirmed it is you with Test IdP' }).waitFor();
    await expectAccessible(page, 'set a password');

    // The sign-up rules apply: a weak password is refused with the API's reasons, and nothing is set.
    await page.getByLabel('New password', { exact: true }).fill('weakpassword');
    await page.getByLabel('New password again').fill('weakpassword');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose another password.' }).waitFor();
    expect(await signsIn(stack, erin.email!, 'weakpassword')).toBe(false);

    const password = 'Erin-Sets-2026!';
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('New password again').fill(password);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.waitForURL((url) => url.pathname === '/account' && url.searchParams.has('passwordSet'));
    await formDone(page, 'Your password is set');
    await section.getByText('You can sign in with your email address and password.').waitFor();

    await page.getByRole('button', { name: 'Sign out (Erin Setpass)' }).click();
    await page.waitForURL(`${webUrl}/`);
    await signInAs(page, webUrl, erin.email!, password, '/account');
    expect((await signedInCustomer(stack, page.context())).id).toBe(customer.id);
    await page.context().close();
  });

  it('unlinking the only way in is refused, in words, and the identity stays', async () => {
    const uma = person('Uma Onlyway');
    const page = await newPage();
    const customer = await externalCustomer(page, uma);
    await page.getByRole('button', { name: 'Unlink Test IdP' }).click();
    await page.getByRole('alert').filter({ hasText: 'This is your only way to sign in.' }).waitFor();
    expect(await boundIdentities(stack, customer.id)).toEqual([{ provider: 'test-idp', subject: uma.sub }]);
    await expectAccessible(page, 'sign-in methods with a refused unlink');
    await page.context().close();
  });
});
