import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpRepeatedV1 } from '@vitrine/contracts';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { publishAs } from '@vitrine/e2e/support/publish-as';
import { e2eReturnAddresses, type TestStack } from '@vitrine/e2e/support/stack';
import { advanceClock, startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import { eventually, startTestMailServer, type TestMailServer } from '@vitrine/testing';
import { accountOf, deliveredOrder, emailedLink, notificationsOf, returnOffersOf, returnsOf, signsIn } from './test-support/account-setup.js';
import { expectAccessible, screenshots, signInAs, startBrowserStack, viewports, type BrowserStack } from './test-support/browser-stack.js';

// The account's own pages in a real browser on the whole platform (deposit-store), with notifications sending
// through a real SMTP server (Mailpit): the verification and email-change links followed from the emails
// themselves, the emails' language chosen on the account page, the password changed, the account deleted after
// its confirmation step, the customer's messages (each read as it was sent, by pages), and a return for preference asked from a delivered order. Each
// effect is read back through the API; each refusal (a forged or used link, a wrong password, a closed return
// window) is shown in the API's words (in French on a French page) and changes nothing.

let running: BrowserStack;
let mail: TestMailServer;
let stack: TestStack;
let webUrl: string;

beforeAll(async () => {
  mail = await startTestMailServer();
  running = await startBrowserStack(() =>
    startStoreStack('web_account', 'deposit-store', { SMTP_URL: `smtp://${mail.host}:${mail.smtpPort}`, TIMER_POLL_MS: '100' }),
  );
  ({ stack, webUrl } = running);
});

afterAll(async () => {
  await running?.stop();
  await mail?.stop();
});

const price = 10_000;
const shipping = 1_500;
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
/** The emailed link on this test's web server (notifications writes the storefront address it is configured with). */
const onThisSite = (link: URL) => `${webUrl}${link.pathname}${link.search}`;

async function newPage(locale: string): Promise<Page> {
  const context = await running.browser.newContext({ viewport: viewports.desktop, locale });
  return context.newPage();
}

async function signInInFrench(page: Page, email: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(customerPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('email links, the emails’ language and the email change (in French)', () => {
  it('the verification link from the email proves the address; a forged or used link is refused; an email change moves the account once its link is followed', async () => {
    const customer = await stack.newCustomer('FR');
    const first = await emailedLink(mail, customer.email, 'Confirmez votre adresse e-mail', '/account?verifyEmail=');
    expect(first.pathname).toBe('/account');

    const page = await newPage('fr-FR');
    await page.goto(`${webUrl}/sign-in?next=%2Faccount`);
    await signInInFrench(page, customer.email);
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    const details = page.getByRole('region', { name: 'Vos informations' });
    expect(plain(await details.locator('dd').nth(1).textContent())).toBe(`${customer.email} (pas encore vérifiée)`);

    // Sent again: a second email with a new link.
    await page.getByRole('button', { name: 'Renvoyer l’e-mail de vérification' }).click();
    await page.getByText('Si votre adresse doit encore être vérifiée, un nouveau lien est en route').waitFor();
    await eventually(async () => (await mail.messagesTo(customer.email)).filter((m) => m.subject === 'Confirmez votre adresse e-mail').length === 2);
    const link = await emailedLink(mail, customer.email, 'Confirmez votre adresse e-mail', '/account?verifyEmail=');
    expect(link.search).not.toBe(first.search);

    // A forged link: the API's reason (LINK_INVALID) in French, and the address stays unverified.
    await page.goto(`${webUrl}/account?verifyEmail=not-a-token-we-sent`);
    const refusal = page.getByRole('alert');
    expect(await refusal.textContent()).toBe(
      'Ce lien n’a pas permis de confirmer votre adresse e-mail.Ce lien n’est pas valable (il a peut-être déjà servi). Demandez-en un nouveau.',
    );
    expect(await accountOf(stack, customer)).toEqual({ email: customer.email, emailVerified: false });

    // The emailed link, followed signed out: sign in first, then the page acts on it and drops the token.
    await page.getByRole('button', { name: /^Se déconnecter/ }).click();
    await page.goto(onThisSite(link));
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await signInInFrench(page, customer.email);
    await page.getByText('Merci : votre adresse e-mail est vérifiée.').waitFor();
    expect(new URL(page.url()).search).toBe('?emailVerified=1');
    expect(plain(await details.locator('dd').nth(1).textContent())).toBe(`${customer.email} (vérifiée)`);
    expect(await page.getByRole('button', { name: 'Renvoyer l’e-mail de vérification' }).count()).toBe(0);
    expect(await accountOf(stack, customer)).toEqual({ email: customer.email, emailVerified: true });
    // A used link says so.
    await page.goto(onThisSite(link));
    expect(await page.getByRole('alert').textContent()).toContain('Ce lien n’est pas valable (il a peut-être déjà servi).');

    // The emails' language: English from now on (the site stays French).
    await page.goto(`${webUrl}/account`);
    expect(await page.getByText('Votre dernier e-mail était rédigé en français.').count()).toBe(1);
    await page.getByLabel('M’écrire en').selectOption('en');
    await page.getByRole('button', { name: 'Recevoir mes e-mails dans cette langue' }).click();
    await page.getByText('Désormais, les e-mails de la boutique vous arrivent en anglais.').waitFor();
    await expectAccessible(page, 'account with a verified address');
    await screenshots(page, 'account-verified');

    // An email change: a wrong password is refused (the API's INCORRECT_PASSWORD, in French) and nothing moves.
    const newAddress = `moved-${Date.now()}@example.test`;
    await page.getByRole('link', { name: 'Changer mon adresse e-mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changer mon adresse e-mail' }).waitFor();
    await page.getByLabel('Nouvelle adresse e-mail').fill(newAddress);
    await page.getByLabel('Votre mot de passe').fill('Not-The-Passw0rd!');
    await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Ce mot de passe n’est pas le bon : saisissez celui avec lequel vous vous connectez.');
    expect(await accountOf(stack, customer)).toEqual({ email: customer.email, emailVerified: true });
    await expectAccessible(page, 'email change');
    await screenshots(page, 'account-email');
    await page.getByLabel('Votre mot de passe').fill(customerPassword);
    await page.getByRole('button', { name: 'Envoyer le lien de confirmation' }).click();
    await page.getByText('Nous avons envoyé un lien de confirmation à la nouvelle adresse.', { exact: false }).waitFor();
    expect(await accountOf(stack, customer)).toEqual({ email: customer.email, emailVerified: true });

    // The confirmation goes to the new address, in English as chosen; its link moves the account.
    const confirm = await emailedLink(mail, newAddress, 'Confirm your new email address', '/account?confirmEmailChange=');
    await page.goto(onThisSite(confirm));
    await page.getByText('Votre compte utilise désormais sa nouvelle adresse e-mail, vérifiée.').waitFor();
    expect(plain(await details.locator('dd').nth(1).textContent())).toBe(`${newAddress} (vérifiée)`);
    expect(await accountOf(stack, customer)).toEqual({ email: newAddress, emailVerified: true });
    // The newest email was written in English: the account page says so and offers English again.
    expect(await page.getByText('Votre dernier e-mail était rédigé en anglais.').count()).toBe(1);
    expect(await page.getByLabel('M’écrire en').inputValue()).toBe('en');
    expect((await notificationsOf(stack, customer)).find((m) => m.kind === 'EMAIL_CHANGE_REQUESTED')).toEqual({
      kind: 'EMAIL_CHANGE_REQUESTED',
      language: 'en',
      recipient: newAddress,
    });

    // My messages, from the header: the newest first, each in its own language.
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes messages' }).waitFor();
    const messages = page.getByRole('main').getByRole('listitem');
    expect(plain(await messages.first().textContent())).toMatch(/^Confirm your new email address.*Envoyé · .* · à moved-.* · anglais$/);
    expect(await messages.filter({ hasText: 'Confirmez votre adresse e-mail' }).count()).toBe(2);
    await expectAccessible(page, 'messages');
    await screenshots(page, 'messages');

    // The newest opens on its own page: the English email inside the French page, its link (a one-time secret) removed.
    await messages.first().getByRole('link', { name: 'Lire « Confirm your new email address »' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm your new email address' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('en');
    expect(plain(await page.getByRole('main').textContent())).toMatch(/Tous mes messagesConfirm your new email addressEnvoyé le .* · à moved-.* · anglais/);
    const body = (await page.getByTestId('email-text').textContent()) ?? '';
    expect(body).toContain('Confirm the new address: [link removed: it worked once, for you only]');
    expect(body).not.toContain(confirm.searchParams.get('confirmEmailChange')!);
    await expectAccessible(page, 'message');
    await screenshots(page, 'message');
    await page.getByRole('link', { name: 'Tous mes messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes messages' }).waitFor();
    await page.context().close();
  });
});

describe('my messages, read one by one and by pages (in English)', () => {
  it('lists 25 a page with older ones after; each opens as the email was received, line breaks kept', async () => {
    const customer = await stack.newCustomer('US');
    await eventually(async () => (await notificationsOf(stack, customer)).filter((m) => m.recipient).length === 2);
    // 25 more emails, as accounts would send them: someone signing up again with the address.
    for (let i = 0; i < 25; i++) {
      await publishAs(stack, 'accounts', signUpRepeatedV1, customer.id, { customerId: customer.id, email: customer.email });
    }
    await eventually(async () => (await notificationsOf(stack, customer)).filter((m) => m.kind === 'SIGN_UP_REPEATED' && m.recipient).length === 25);

    const page = await newPage('en-GB');
    await signInAs(page, webUrl, customer.email, customerPassword, '/account/messages');
    await page.getByRole('heading', { level: 1, name: 'My messages' }).waitFor();
    const listed = page.getByRole('main').getByRole('listitem');
    expect(await listed.count()).toBe(25);
    expect(await listed.filter({ hasText: 'Someone tried to create an account with your address' }).count()).toBe(25);

    // One of them, as Mailpit received it (its text part), line for line.
    const sent = (await mail.messagesTo(customer.email)).find((m) => m.subject === 'Someone tried to create an account with your address')!;
    await page.goto(`${webUrl}/account/messages/${sent.messageId.split('@')[0]}`);
    await page.getByRole('heading', { level: 1, name: 'Someone tried to create an account with your address' }).waitFor();
    const shown = page.getByTestId('email-text');
    expect(await shown.textContent()).toBe(sent.text.replace(/\r\n/g, '\n'));
    // Its line breaks are kept on screen: the text spans many lines.
    const box = await shown.boundingBox();
    expect(box!.height).toBeGreaterThan(8 * 16);
    await expectAccessible(page, 'message (English)');

    // Older messages: the welcome and the address to verify, then back to the newest.
    await page.getByRole('link', { name: 'All my messages' }).click();
    await page.getByRole('link', { name: 'Older messages' }).click();
    await page.waitForURL((url) => url.searchParams.has('after'));
    // The URL changes before React renders the page it names.
    await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(2);
    expect(plain(await page.getByRole('main').textContent())).toContain('Welcome to the store');
    await listed.getByRole('link', { name: 'Read “Confirm your email address”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirm your email address' }).waitFor();
    const verify = await emailedLink(mail, customer.email, 'Confirm your email address', '/account?verifyEmail=');
    const kept = (await page.getByTestId('email-text').textContent()) ?? '';
    expect(kept).toContain('Confirm my address: [link removed: it worked once, for you only]');
    expect(kept).not.toContain(verify.searchParams.get('verifyEmail')!);
    await page.goBack();
    await page.getByRole('link', { name: 'Newest messages' }).click();
    await page.waitForURL((url) => !url.searchParams.has('after'));
    await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(25);

    // Nobody else's: another customer's message id is not found.
    const other = await stack.newCustomer('US');
    const otherPage = await newPage('en-GB');
    await signInAs(otherPage, webUrl, other.email, customerPassword, '/account');
    const response = await otherPage.goto(`${webUrl}/account/messages/${sent.messageId.split('@')[0]}`);
    expect(response?.status()).toBe(404);
    await otherPage.context().close();
    await page.context().close();
  });
});

describe('password and account deletion (in English)', () => {
  it('a wrong current password changes nothing; the new one works and the browser stays signed in; deletion needs its confirmation and the password', async () => {
    const customer = await stack.newCustomer('FR');
    const page = await newPage('en-GB');
    await signInAs(page, webUrl, customer.email, customerPassword, '/account');
    await page.getByRole('link', { name: 'Change my password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change my password' }).waitFor();
    const newPassword = 'Another-Figure-2028!';

    await page.getByLabel('Current password').fill('Not-The-Passw0rd!');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Your current password is not correct. Enter the password you sign in with.');
    expect(await signsIn(stack, customer.email, customerPassword)).toBe(true);
    expect(await signsIn(stack, customer.email, newPassword)).toBe(false);
    // Two different new passwords: the page refuses before the API.
    await page.getByLabel('Current password').fill(customerPassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two new passwords are different.' }).waitFor();
    await expectAccessible(page, 'password change');
    await screenshots(page, 'account-password');

    await page.getByLabel('Current password').fill(customerPassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByText('Your password was changed. Every other session was signed out.').waitFor();
    expect(await signsIn(stack, customer.email, customerPassword)).toBe(false);
    expect(await signsIn(stack, customer.email, newPassword)).toBe(true);
    // Still signed in: the cookie holds the session the change returned (the old refresh token no longer works).
    await page.goto(`${webUrl}/orders`);
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();

    // Deleting: the confirmation step, a wrong password refused (the account stays), then gone for good.
    await page.goto(`${webUrl}/account`);
    await page.getByRole('link', { name: 'Delete my account…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Delete my account' }).waitFor();
    await page.getByLabel('Your password').fill(newPassword);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    // Not ticked: the browser keeps the form (the box is required), and nothing is deleted.
    expect(await page.getByLabel('I understand that this cannot be undone.').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await page.getByLabel('I understand that this cannot be undone.').check();
    await page.getByLabel('Your password').fill('Not-The-Passw0rd!');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Your password is not correct. Enter the password you sign in with.');
    expect(await accountOf(stack, customer)).toMatchObject({ email: customer.email });
    await expectAccessible(page, 'account deletion');
    await screenshots(page, 'account-delete');

    await page.getByLabel('I understand that this cannot be undone.').check();
    await page.getByLabel('Your password').fill(newPassword);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account deleted' }).waitFor();
    expect(await page.getByRole('button', { name: /^Sign out/ }).count()).toBe(0);
    expect(await accountOf(stack, customer)).toEqual({ refused: 'UNAUTHENTICATED' });
    expect(await signsIn(stack, customer.email, newPassword)).toBe(false);
    await page.context().close();
  });
});

describe('a forgotten password (in English)', () => {
  it('the reset link is followed from the email itself, and the new password signs the customer in', async () => {
    const customer = await stack.newCustomer('GB');
    const page = await newPage('en-GB');
    await page.goto(`${webUrl}/forgot-password`);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('If an account has this email, a link to choose a new password is on its way.', { exact: false }).waitFor();
    const link = await emailedLink(mail, customer.email, 'Reset your password', '/reset-password?token=');
    await page.goto(onThisSite(link));
    await page.getByLabel('New password', { exact: true }).fill('Another-Figure-2029!');
    await page.getByLabel('The new password again').fill('Another-Figure-2029!');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByText('Your new password is set, and you are signed in.').waitFor();
    expect(await signsIn(stack, customer.email, 'Another-Figure-2029!')).toBe(true);
    expect(await signsIn(stack, customer.email, customerPassword)).toBe(false);
    // The link worked once.
    await page.goto(onThisSite(link));
    await page.getByLabel('New password', { exact: true }).fill('Yet-Another-Figure-2030!');
    await page.getByLabel('The new password again').fill('Yet-Another-Figure-2030!');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('This link is not valid (it may have been used already). Ask for a new one.');
    expect(await signsIn(stack, customer.email, 'Another-Figure-2029!')).toBe(true);
    await page.context().close();
  });
});

describe('returns for preference (in English)', () => {
  it('each delivered figure shows until when it can go back and the refund, as after-sales offers it; sent back with that quote; once the window has closed it says so and offers nothing', async () => {
    const customer = await stack.newCustomer('FR');
    const stamp = Date.now();
    const kept = await deliveredOrder(stack, customer, `Tanjiro Kamado 1/7 ${stamp}`, { price, shipping });
    const late = await deliveredOrder(stack, customer, `Nezuko Kamado 1/7 ${stamp}`, { price, shipping });
    /** A day as the storefront writes it in the locale (YYYY-MM-DD: the store's local day the API names). */
    const longDay = (day: string, locale: string) =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

    // After-sales' offer: open until the 7th day after delivery, the price less 30%, the postage the customer's.
    const [offer] = await returnOffersOf(stack, customer, kept.orderId);
    expect(offer).toMatchObject({
      productId: kept.productId,
      open: true,
      refund: { amount: 7_000, currency: 'USD' },
      restockingFee: { amount: 3_000 },
      returnPostage: 'CUSTOMER',
      rule: { id: 'returns.within-window' },
    });
    const lastDay = offer!.returnableLastDay!;
    expect(new Date(String(offer!.returnableUntil)).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);

    const page = await newPage('en-GB');
    await signInAs(page, webUrl, customer.email, customerPassword, `/orders/${kept.orderId}`);
    const returns = page.getByRole('region', { name: 'Returns' });
    expect(await returns.textContent()).toContain('Returns are accepted within 7 days of delivery');
    // The page says what the API offers: the deadline in the customer's words and the very quote.
    const offers = returns.getByRole('list', { name: 'What you can send back' });
    expect(plain(await offers.getByRole('listitem').textContent())).toBe(
      `Tanjiro Kamado 1/7 ${stamp}: Send back until ${longDay(lastDay, 'en')}: you would get $70.00 back (restocking fee $30.00, you pay the postage)`,
    );
    await returns.getByRole('link', { name: 'Send an item back (changed my mind)…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send an item back' }).waitFor();
    expect(await page.getByRole('region', { name: 'What the store’s policy says' }).textContent()).toContain('restocking fee');
    const line = page.getByLabel(`Tanjiro Kamado 1/7 ${stamp}`);
    expect(await line.isChecked()).toBe(true);
    expect(plain(await page.locator(`#${await line.getAttribute('aria-describedby')}`).textContent())).toBe(
      `Send back until ${longDay(lastDay, 'en')}: you would get $70.00 back (restocking fee $30.00, you pay the postage)`,
    );
    await page.getByLabel('Why (if you wish to say)').fill('It does not fit on my shelf after all.');
    await expectAccessible(page, 'return request');
    await screenshots(page, 'return-request');
    await page.getByRole('button', { name: 'Ask to send it back' }).click();

    await page.getByText('Your return was accepted: send the item back as the policy says.', { exact: false }).waitFor();
    const asked = returns.getByRole('listitem');
    expect(plain(await asked.textContent())).toContain(`Tanjiro Kamado 1/7 ${stamp}: Waiting for the item · `);
    // 000: the price less a 30% restocking fee; shipping is not refunded, the customer pays the postage.
    expect(plain(await asked.textContent())).toContain('Refund if it comes back as the policy asks: $70.00 (restocking fee $30.00, you pay the postage)');
    expect(await returns.getByRole('link', { name: 'Send an item back (changed my mind)…' }).count()).toBe(0);
    // Where it goes back: the return address catalog keeps for the warehouse the parcel left from (the stack's French one), as after-sales says it.
    const [requested] = await until(
      () => returnsOf(stack, customer),
      (list) => list[0]?.sendTo != null,
    );
    const france = e2eReturnAddresses.france;
    expect(requested).toEqual({
      orderId: kept.orderId,
      productId: kept.productId,
      status: 'REQUESTED',
      quotedRefund: { amount: offer!.refund!.amount },
      restockingFee: { amount: offer!.restockingFee!.amount },
      rule: { id: 'returns.within-window' },
      sendTo: { ...france, country: 'FR', warehouseCode: 'E2E-FR' },
      sendToUnknown: null,
      parcelReference: expect.stringMatching(/^RET-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/),
    });
    const sendTo = requested!.sendTo!;
    const addressLine = `${sendTo.name}, ${sendTo.line1}, ${sendTo.line2}, ${sendTo.postalCode} ${sendTo.city}, France`;
    await page.reload();
    expect(plain(await returns.getByRole('listitem').textContent())).toContain(
      `Send it to: ${addressLine}. Write ${requested!.parcelReference} on the parcel; postage paid by you.`,
    );
    // The return page says it too, under the returns being sent back.
    await page.goto(`${webUrl}/orders/${kept.orderId}/return`);
    expect(plain(await page.getByRole('region', { name: 'Being sent back' }).getByRole('listitem').textContent())).toBe(
      `Tanjiro Kamado 1/7 ${stamp}: Send it to: ${addressLine}. Write ${requested!.parcelReference} on the parcel; postage paid by you.`,
    );
    await page.goto(`${webUrl}/orders/${kept.orderId}`);
    await expectAccessible(page, 'order with its return');
    await screenshots(page, 'order-return');

    // Eight days later by the store's clock, the other figure's window has closed: the day it closed and the rule, nothing offered.
    await advanceClock(stack, 8 * 24);
    const closed = await until(
      async () => (await returnOffersOf(stack, customer, late.orderId))[0],
      (o) => o?.open === false,
    );
    expect(closed).toMatchObject({
      open: false,
      refund: null,
      rule: { id: 'returns.window-closed', text: 'The return window of 7 days after delivery has closed.' },
    });
    const closedOn = closed!.returnableLastDay!;
    await page.goto(`${webUrl}/orders/${late.orderId}`);
    expect(plain(await returns.getByRole('list', { name: 'What you can send back' }).textContent())).toBe(
      `Nezuko Kamado 1/7 ${stamp}: The return window closed at the end of ${longDay(closedOn, 'en')}. The return window of 7 days after delivery has closed.`,
    );
    expect(await returns.getByRole('link', { name: 'Send an item back (changed my mind)…' }).count()).toBe(0);
    await expectAccessible(page, 'order after its return window');
    // Its return page offers nothing to ask either.
    await page.goto(`${webUrl}/orders/${late.orderId}/return`);
    await page.getByText('Nothing of this order can be sent back now.').waitFor();
    expect(await page.getByRole('button', { name: 'Ask to send it back' }).count()).toBe(0);
    expect(plain(await page.getByRole('main').textContent())).toContain(`The return window closed at the end of ${longDay(closedOn, 'en')}.`);
    expect((await returnsOf(stack, customer)).map((r) => r.orderId)).toEqual([kept.orderId]);
    await page.context().close();

    // In French, the same day in French words.
    const french = await newPage('fr-FR');
    await french.goto(`${webUrl}/sign-in?next=${encodeURIComponent(`/orders/${late.orderId}`)}`);
    await signInInFrench(french, customer.email);
    await french.waitForURL((url) => url.pathname === `/orders/${late.orderId}`);
    const retours = french.getByRole('region', { name: 'Retours' });
    expect(plain(await retours.getByRole('list', { name: 'Ce que vous pouvez renvoyer' }).textContent())).toContain(
      `Nezuko Kamado 1/7 ${stamp} : Le délai de retour s’est refermé à la fin du ${longDay(closedOn, 'fr-FR')}.`,
    );
    // Where the other figure goes back, in French: the same address and reference as the API's.
    await french.goto(`${webUrl}/orders/${kept.orderId}/return`);
    expect(plain(await french.getByRole('region', { name: 'En cours de retour' }).getByRole('listitem').textContent())).toBe(
      `Tanjiro Kamado 1/7 ${stamp} : Envoyez-le à : ${addressLine}. Écrivez ${requested!.parcelReference} sur le colis ; port payé par vous.`,
    );
    await expectAccessible(french, 'return page with where to send it (French)');
    await french.context().close();
  });
});
