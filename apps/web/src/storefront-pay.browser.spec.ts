import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPassword, type Identity } from '@vitrine/e2e/support/identities';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { franceShipping, releaseProduct, startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import { freePort } from '@vitrine/local-infra';
import { orderReaches, securedPreorder } from './test-support/back-office-setup.js';
import { expectAccessible, screenshots, signInAs, startBrowserStack, viewports, type BrowserStack } from './test-support/browser-stack.js';
import { capturesOf, orderMoney } from './test-support/pay-setup.js';

// Paying what is due after release, on the whole platform under deposit-store (a 30% deposit, the balance on
// release; shipping to France 15.00 for one item): one balance paid alone from its order page with the storefront's
// own sandbox card form, and one paid on payments' hosted pay-now page (`Order.payNowUrl`), where the customer
// types the card into the provider's form in the browser. Each time the API says exactly that due was paid and
// payments' ledger holds its capture; a card the hosted page declines shows its reason and changes nothing. Two
// balances paid together on the hosted page (`payLink`), which leads back to the store.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  // Payments' hosted page may lead back to this spec's storefront only (its port is chosen first).
  running = await startBrowserStack(
    () => startStoreStack('web_storefront_pay', 'deposit-store', {}, { payments: { PAYMENTS_RETURN_ORIGINS: `http://127.0.0.1:${port}` } }),
    { port },
  );
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const price = 10_000;
const deposit = 3_000;
const shipping = franceShipping.firstItem;
const balance = price - deposit + shipping;
/** Intl's French money uses narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Where a pay-now link leads (payments' origin and path), once it carries a token. */
const hostedPage = (href: string | null) => {
  const url = new URL(href ?? '', 'http://missing.invalid');
  expect(url.searchParams.get('t')).toMatch(/^[\w-]+\.[\w-]+$/);
  return `${url.origin}${url.pathname}`;
};

/** Secured preorders (deposit paid through the API) of new figures, released: each owes its balance. */
async function balancesDue(customer: Identity, names: string[]): Promise<{ id: string; name: string }[]> {
  const orders: { id: string; name: string }[] = [];
  for (const label of names) {
    const name = `${label} 1/7 ${Date.now()}`;
    const figure = await createProduct(stack, 50, price, { status: 'PREORDER', name });
    orders.push({ id: await securedPreorder(stack, customer, figure.id), name });
    await releaseProduct(stack, figure.id);
  }
  for (const order of orders) await orderReaches(stack, customer, order.id, 'PAYMENT_DUE');
  return orders;
}

/** The deposit paid, the balance open: what nothing may change until the balance is really paid. */
async function expectBalanceOpen(customer: Identity, orderId: string) {
  const money = await orderMoney(stack, customer, orderId);
  expect(money.status).toBe('PAYMENT_DUE');
  expect(money.dues.map((d) => [d.purpose, d.status, d.amount.amount])).toEqual([
    ['DEPOSIT', 'PAID', deposit],
    ['BALANCE', 'OPEN', balance],
  ]);
  expect(money.amountPaid?.amount).toBe(deposit);
  expect(money.amountDue?.amount).toBe(balance);
  expect((await capturesOf(stack, orderId)).map((c) => c.postings.PROVIDER_CLEARING)).toEqual([deposit]);
}

/**
 * The balance paid: the order's two dues paid, nothing owed, and payments' ledger holds its capture after the
 * deposit's. `charged`: the balance payment's amount (several balances paid together: their sum).
 */
async function expectBalancePaid(customer: Identity, orderId: string, charged = balance) {
  const money = await until(
    () => orderMoney(stack, customer, orderId),
    (o) => o.status === 'READY_TO_FULFIL',
  );
  expect(money.dues.map((d) => [d.purpose, d.status, d.amount.amount])).toEqual([
    ['DEPOSIT', 'PAID', deposit],
    ['BALANCE', 'PAID', balance],
  ]);
  expect(money.amountPaid?.amount).toBe(deposit + balance);
  expect(money.amountDue?.amount ?? 0).toBe(0);
  const succeeded = money.payments.filter((p) => p.status === 'SUCCEEDED');
  expect(succeeded.map((p) => [p.purpose, p.amount.amount]).sort()).toEqual([
    ['BALANCE', charged],
    ['DEPOSIT', deposit],
  ]);
  // The ledger: the deposit's capture, then the balance's: the provider's side, goods deferred, shipping collected.
  const captures = await capturesOf(stack, orderId);
  expect(captures).toHaveLength(2);
  expect(captures[1]!.postings).toEqual({ PROVIDER_CLEARING: balance, DEFERRED_REVENUE: -(price - deposit), SHIPPING_COLLECTED: -shipping });
  return money;
}

describe('paying one balance after release', () => {
  it('a customer pays one balance from its order page: exactly that due is paid, the ledger shows it, the other balance stays due', async () => {
    const customer = await stack.newCustomer();
    const [paid, other] = await balancesDue(customer, ['Kanao Tsuyuri', 'Genya Shinazugawa']);

    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const page = await context.newPage();
    await signInAs(page, webUrl, customer.email, customerPassword, `/orders/${paid!.id}`);
    await page.getByRole('heading', { level: 1, name: `Order: ${paid!.name}` }).waitFor();
    const summary = (await page.getByRole('region', { name: 'Summary' }).textContent())!;
    expect(summary).toContain('Payment due');
    expect(summary).toMatch(/Next payment: Balance of \$85\.00, due by \w{3} \d{1,2}, \d{4}/);
    // Both ways to pay are offered: the card form here, and payments' own page for this order's balance.
    const hosted = page.getByRole('link', { name: 'Pay on the secure payment page (opens in a new tab)' });
    expect(hostedPage(await hosted.getAttribute('href'))).toBe(`${new URL(stack.payments.url).origin}/pay`);
    expect(await hosted.getAttribute('target')).toBe('_blank');

    await page.getByRole('link', { name: 'Pay now', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Balance: $85.00' }).waitFor();
    await page.getByLabel('Visa ending 4242 (test card: succeeds)').check();
    await page.getByRole('button', { name: 'Pay $85.00' }).click();
    await page.getByText('Thank you: your payment went through.').waitFor();

    await expectBalancePaid(customer, paid!.id);
    // The other order's balance was not touched.
    await expectBalanceOpen(customer, other!.id);

    // The order page shows the balance paid and offers nothing more to pay.
    await page.goto(`${webUrl}/orders/${paid!.id}`);
    const money = (await page.getByRole('region', { name: 'Money' }).textContent())!;
    expect(money).toContain('Paid so far$115.00');
    expect(money).not.toContain('Due now');
    expect(money).toMatch(/Balance, \$85\.00 · Paid/);
    expect(await page.getByRole('link', { name: 'Pay now', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /secure payment page/ }).count()).toBe(0);
    await expectAccessible(page, 'order with its balance paid');
    await screenshots(page, 'order-balance-paid');
    await context.close();
  });
});

/** Types a card into payments' hosted form (in French) and submits it. */
async function hostedCard(payPage: Page, number: string, button: RegExp) {
  await payPage.getByLabel('Numéro de carte').fill(number);
  await payPage.getByLabel('Mois').fill('12');
  await payPage.getByLabel('Année').fill(String(new Date().getUTCFullYear() + 2));
  await payPage.getByLabel('Cryptogramme (CVC)').fill('123');
  await payPage.getByRole('button', { name: button }).click();
}

describe("paying on the provider's hosted page", () => {
  let context: BrowserContext;
  let page: Page;

  afterAll(async () => {
    await context?.close();
  });

  it('in French: a declined card on the hosted page shows its reason and changes nothing; paid there, the order shows it', async () => {
    const customer = await stack.newCustomer();
    const [order] = await balancesDue(customer, ['Muichiro Tokito']);

    context = await browser.newContext({ viewport: viewports.desktop, locale: 'fr-FR' });
    page = await context.newPage();
    await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(`/orders/${order!.id}`)}`);
    await page.getByLabel('E-mail').fill(customer.email);
    await page.getByLabel('Mot de passe').fill(customerPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: `Commande : ${order!.name}` }).waitFor();
    const hosted = page.getByRole('link', { name: 'Payer sur la page de paiement sécurisée (s’ouvre dans un nouvel onglet)' });
    expect(hostedPage(await hosted.getAttribute('href'))).toBe(`${new URL(stack.payments.url).origin}/pay`);
    // The hosted page leads back to this order, in the customer's language: the link says so.
    const link = new URL((await hosted.getAttribute('href'))!);
    expect([link.searchParams.get('return'), link.searchParams.get('lang')]).toEqual([`${webUrl}/orders/${order!.id}`, 'fr']);
    expect(await page.getByText(/Cette page vous ramène à cette commande/).count()).toBe(1);
    await expectAccessible(page, 'order with its ways to pay');
    await screenshots(page, 'order-pay-choices');

    // The hosted page opens in a new tab, with this order's balance.
    const [payPage] = await Promise.all([context.waitForEvent('page'), hosted.click()]);
    await payPage.waitForLoadState();
    expect(hostedPage(payPage.url())).toBe(`${new URL(stack.payments.url).origin}/pay`);
    await payPage.getByRole('heading', { level: 1, name: 'Payer maintenant' }).waitFor();
    // payments' own page, in the customer's language (its words, Intl's money).
    const dues = plain(await payPage.getByRole('table').textContent());
    expect(dues).toContain(`Commande ${order!.id.slice(0, 8)} · solde`);
    expect(dues).toContain('Total85,00 $US');

    // A declined card: the provider's reason on the page, nothing paid, the balance still open.
    const card = (number: string) => hostedCard(payPage, number, /^Payer 85,00\s\$US$/);
    await card('4000 0000 0000 0002');
    const reason = payPage.getByRole('alert');
    await reason.waitFor();
    const declined = (await orderMoney(stack, customer, order!.id)).payments.find((p) => p.status === 'FAILED');
    expect(declined?.purpose).toBe('BALANCE');
    expect(declined?.failure?.kind).toBe('CARD_DECLINED');
    expect(await reason.textContent()).toBe('Votre carte a été refusée. Utilisez une autre carte ou contactez votre banque.');
    await expectBalanceOpen(customer, order!.id);
    await expectAccessible(payPage, 'hosted pay page, card declined');
    await screenshots(payPage, 'hosted-pay-declined');

    // The Visa test card goes through, on the same page.
    await card('4242 4242 4242 4242');
    await payPage.getByRole('heading', { level: 1, name: 'Merci' }).waitFor();
    expect(await payPage.getByRole('link', { name: 'Retour à la boutique' }).getAttribute('href')).toBe(`${webUrl}/orders/${order!.id}`);
    const money = await expectBalancePaid(customer, order!.id);
    // One balance payment went through: the new attempt, not the declined one (payments closes that when the next starts).
    const balancePayments = money.payments.filter((p) => p.purpose === 'BALANCE');
    expect(balancePayments.filter((p) => p.status === 'SUCCEEDED')).toHaveLength(1);
    expect(balancePayments.find((p) => p.id === declined!.id)?.status).not.toBe('SUCCEEDED');
    // The link has done its work: followed again, nothing is left to pay on it.
    await payPage.goto((await hosted.getAttribute('href'))!);
    await payPage.getByRole('heading', { level: 1, name: 'Déjà payé' }).waitFor();
    await payPage.close();

    // Back on the order's tab (the API already says paid): the page reads the order again on its own, without a
    // reload. Headless Chromium sends a tab no focus or visibility change when another tab closes, so the spec
    // sends the window the `focus` event a browser sends on coming back to it.
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length + location.href);
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
    await page.getByRole('link', { name: 'Payer maintenant', exact: true }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length + location.href)).toBe(before);
    const summary = plain(await page.getByRole('region', { name: 'Résumé' }).textContent());
    expect(summary).toContain('Payée : en attente de l’entrepôt');
    const paid = plain(await page.getByRole('region', { name: 'Argent' }).textContent());
    expect(paid).toContain('115,00 $US');
    expect(paid).toMatch(/Solde, 85,00 \$US · Payé/);
    expect(await page.getByRole('link', { name: /page de paiement sécurisée/ }).count()).toBe(0);
    await expectAccessible(page, 'order paid on the hosted page');
    await screenshots(page, 'order-paid-hosted');
  });
});

describe('several balances on the hosted page', () => {
  it('in French: two ticked balances paid together on the hosted page, back to the store, both paid in one charge', async () => {
    const customer = await stack.newCustomer();
    const [first, second] = await balancesDue(customer, ['Tengen Uzui', 'Mitsuri Kanroji']);

    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent('/orders')}`);
    await page.getByLabel('E-mail').fill(customer.email);
    await page.getByLabel('Mot de passe').fill(customerPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes commandes' }).waitFor();
    await page.getByLabel(`Payer ensemble : ${first!.name}`).check();
    await page.getByLabel(`Payer ensemble : ${second!.name}`).check();
    await page.getByRole('button', { name: 'Payer ensemble les commandes cochées' }).click();

    // Beside the storefront's own card form: payments' hosted page for both balances, in this tab.
    await page.getByRole('heading', { level: 1, name: 'Payer 2 commandes à la fois' }).waitFor();
    await page.getByRole('button', { name: 'Payer sur la page de paiement sécurisée' }).click();
    await page.waitForURL((url) => url.origin === new URL(stack.payments.url).origin && url.pathname === '/pay');
    const link = new URL(page.url());
    expect([link.searchParams.get('return'), link.searchParams.get('lang')]).toEqual([`${webUrl}/orders`, 'fr']);
    await page.getByRole('heading', { level: 1, name: 'Payer maintenant' }).waitFor();
    const dues = plain(await page.getByRole('table').textContent());
    expect(dues).toContain(`Commande ${first!.id.slice(0, 8)} · solde`);
    expect(dues).toContain(`Commande ${second!.id.slice(0, 8)} · solde`);
    expect(dues).toContain(`Total${plain(new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format((2 * balance) / 100))}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible(page, 'hosted pay page in French, two balances');
    await screenshots(page, 'hosted-pay-two-balances');

    await hostedCard(page, '4242 4242 4242 4242', /^Payer 170,00\s\$US$/);
    await page.getByRole('heading', { level: 1, name: 'Merci' }).waitFor();
    await expectAccessible(page, 'hosted pay page in French, paid');

    // Both balances paid by one charge, each order's share in payments' ledger.
    const [one, two] = [await expectBalancePaid(customer, first!.id, 2 * balance), await expectBalancePaid(customer, second!.id, 2 * balance)];
    const bulk = (o: typeof one) => o.payments.find((p) => p.purpose === 'BALANCE' && p.status === 'SUCCEEDED')!.id;
    expect(bulk(one)).toBe(bulk(two));

    // Back to the store: My orders, which shows both orders paid and nothing more to pay together.
    await page.getByRole('link', { name: 'Retour à la boutique' }).click();
    await page.waitForURL(`${webUrl}/orders`);
    await page.getByRole('heading', { level: 1, name: 'Mes commandes' }).waitFor();
    for (const order of [first!, second!]) {
      expect(plain(await page.getByRole('article', { name: order.name }).textContent())).toContain('Payée : en attente de l’entrepôt');
    }
    expect(await page.getByLabel(`Payer ensemble : ${first!.name}`).count()).toBe(0);
    await context.close();
  });
});
