import type { RunningGateway } from '@vitrine/gateway';
import { eventually } from '@vitrine/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { startTestStack, type TestStack } from '@vitrine/e2e/support/stack';
import { releaseProduct } from '@vitrine/e2e/support/store-scenario';
import { expectAccessible, regionKnown as regionKnownIn, screenshots, startBrowserStack, viewports, type BrowserStack } from './test-support/browser-stack.js';
import { preorderFigure, type PreorderFigure } from './test-support/storefront-setup.js';

// The storefront in a real browser (Debian's Chromium), on the whole platform: every service on the shared
// PostgreSQL and Kafka, a gateway that runs only the storefront's trusted documents for client `web`, and the
// built web server (`npm run build -w @vitrine/web`) as its own process. A customer signs up, browses the
// server-rendered listing, opens a limited-run preorder, checks out with a deposit, pays with a sandbox test
// card and sees the order; after the release, the balance due next and by when, with "Pay now".

let running: BrowserStack;
let stack: TestStack;
let gateway: RunningGateway;
let webUrl: string;
let browser: Browser;
let figure: PreorderFigure;

beforeAll(async () => {
  running = await startBrowserStack(() =>
    startTestStack({
      label: 'web_storefront',
      // deposit-store: a 30% deposit at order, the balance on release; logistics' demo rate table gives shipping estimates.
      env: {
        orders: { STORE_POLICY_PRESET: 'deposit-store', TIMER_POLL_MS: '200' },
        payments: { TIMER_POLL_MS: '200' },
        logistics: { SEED_DEMO_DATA: 'true' },
      },
    }),
  );
  ({ stack, gateway, webUrl, browser } = running);
  figure = await preorderFigure(stack, 'browser');
});

afterAll(async () => {
  await running?.stop();
});

const regionKnown = (email: string) => regionKnownIn(stack, email);

describe('the storefront, first slice', () => {
  it('serves the listing and the product page as real HTML, and the gateway refuses the storefront anything off its manifest', async () => {
    const listing = await fetch(`${webUrl}/`);
    expect(listing.status).toBe(200);
    const html = await listing.text();
    expect(html).toContain(figure.name);
    expect(html).toContain(`/products/${figure.id}`);
    const product = await (await fetch(`${webUrl}/products/${figure.id}`)).text();
    expect(product).toContain('<h1>' + figure.name + '</h1>');
    expect(product).toMatch(/Moved from March 2027 to May 2027: factory delay/);
    expect(product).toMatch(/Pay a 30% deposit now \(\$30\.00\)/);
    expect((await fetch(`${webUrl}/products/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    const freeForm = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-name': 'web' },
      body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }),
    });
    expect(freeForm.status).toBe(400);
    expect((await freeForm.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('a customer signs up, preorders with a deposit, pays with a sandbox card and sees what is due next', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const page = await context.newPage();
    const email = `web-${Date.now()}@example.com`;

    await page.goto(`${webUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(customerPassword);
    await page.getByLabel('Where you live').selectOption('FR');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Sign out \(Ada Lovelace\)/ }).count(), { timeout: 30_000 }).toBe(1);
    // The token is in an httpOnly cookie the server set; nothing of it reaches page scripts or storage.
    const session = (await context.cookies()).find((c) => c.name === 'vitrine_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => ({ cookies: document.cookie, stored: localStorage.length + sessionStorage.length }))).toEqual({ cookies: '', stored: 0 });
    await regionKnown(email);

    // The listing, filtered to open preorders of the figure's studio.
    await page.getByLabel('Availability').selectOption('PREORDER');
    await page.getByLabel('Studio').selectOption({ label: figure.studio });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '1 figure' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText('Limited run: 20 of 20 left').count(), { timeout: 30_000 }).toBe(1);
    await expectAccessible(page, 'listing');
    await screenshots(page, 'listing');

    // The product page: specs, countdown, the plan in words, stock left, the release-date history.
    await page.getByRole('link', { name: figure.name }).click();
    await page.getByRole('heading', { level: 1, name: figure.name }).waitFor();
    const article = page.getByRole('article');
    await expect.poll(() => article.textContent(), { timeout: 30_000 }).toMatch(/Preorders close in (9 days 23 hours|10 days)/);
    const text = (await article.textContent())!;
    expect(text).toContain('Scale1/7');
    expect(text).toContain('MaterialPVC, ABS');
    expect(text).toContain('Limited run of 20: 20 left.');
    expect(text).toContain('Pay a 30% deposit now ($30.00) and the balance ($70.00, plus shipping) when it is released.');
    expect(text).toContain('Or pay the whole $100.00 now.');
    expect(text).toContain('Moved from March 2027 to May 2027: factory delay');
    await expectAccessible(page, 'product');
    await screenshots(page, 'product');
    await page.getByRole('button', { name: 'Preorder: add to cart' }).click();

    // Cart and checkout: the preorder shown apart, the deposit chosen, the address, the estimate, the terms.
    await page.getByRole('heading', { name: 'Preorders' }).waitFor();
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Preorders: one order each' }).count()).toBe(1);
    expect(await page.getByLabel('A deposit now, the balance on release').isChecked()).toBe(true);
    expect(await page.getByText(/Standard \(tracked\): about \$\d+\.\d\d for this cart/).count()).toBe(1);
    // What the order pays, priced by orders (checkoutPreview): the deposit now, the rest with the shipping estimate
    // later; choosing to pay everything now changes the figures (once the page runs its script).
    const pays = page.getByRole('region', { name: 'What each order pays' });
    const previewed = /Order 1, preorder: .+ × 1 \$30\.00 now, \$(\d+\.\d\d) later \(shipping estimate \$(\d+\.\d\d) included\)\./.exec(
      (await pays.textContent())!,
    );
    expect(previewed).not.toBeNull();
    const estimate = Number(previewed![2]);
    expect(Number(previewed![1])).toBeCloseTo(70 + estimate, 2);
    expect(await pays.textContent()).toContain('Due now, all orders together: $30.00');
    const [deposit, everything] = [page.getByLabel('A deposit now, the balance on release'), page.getByLabel('Everything now')];
    await expect
      .poll(
        async () => {
          await deposit.check();
          await everything.check();
          return pays.textContent();
        },
        { timeout: 30_000 },
      )
      .toContain(`Due now, all orders together: $${(100 + estimate).toFixed(2)}`);
    await deposit.check();
    await expect.poll(() => pays.textContent()).toContain('Due now, all orders together: $30.00');
    expect(await page.getByRole('heading', { name: /The store’s terms for this order \(policy version 1\)/ }).count()).toBe(1);
    await page.getByLabel('Address', { exact: true }).fill('1 rue de la Paix');
    await page.getByLabel('City').fill('Paris');
    await page.getByLabel('Postal code').fill('75002');
    await expectAccessible(page, 'checkout');
    await screenshots(page, 'checkout');
    // Confirming without accepting the terms is refused by the browser (required); the server refuses it too.
    await page.getByLabel(/I have read these terms/).check();
    await page.getByRole('button', { name: 'Place my order' }).click();

    // The sandbox provider's test card pays the deposit.
    await page.getByRole('heading', { name: 'Deposit: $30.00' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Visa ending 4242 (test card: succeeds)').check();
    await page.getByRole('button', { name: 'Pay $30.00' }).click();
    await page.getByText('Thank you: your payment went through.').waitFor();
    await eventually(async () => {
      await page.reload();
      return (await page.getByText('Secured: your preorder is held').count()) === 1;
    });
    expect(await page.getByText('Nothing is due until it is released.').count()).toBe(1);

    // Released: the balance is due next, by a date, with "Pay now".
    await releaseProduct(stack, figure.id);
    await eventually(async () => {
      await page.reload();
      return (await page.getByText('Payment due', { exact: true }).count()) === 1;
    });
    const order = (await page.getByRole('article').first().textContent())!;
    // The balance is the price less the 30% deposit, plus the shipping estimate the order was placed with.
    const shipping = Number(/shipping estimate \$(\d+\.\d\d)/.exec(order)![1]);
    expect(shipping).toBeGreaterThan(0);
    expect(shipping).toBe(estimate);
    expect(order).toContain(`Next payment: Balance of $${(70 + shipping).toFixed(2)}, due by`);
    expect(order).toMatch(/due by \w{3} \d{1,2}, \d{4}/);
    expect(order).toContain('paid so far $30.00');
    expect(await page.getByRole('link', { name: /Pay now/ }).count()).toBe(1);
    await expectAccessible(page, 'my orders');
    await screenshots(page, 'my-orders');

    // A declined card: the API's customer-readable message, nothing charged, the balance still due.
    await page.getByRole('link', { name: /Pay now/ }).click();
    await page.getByLabel('Visa ending 0002 (test card: declined)').check();
    await page.getByRole('button', { name: /^Pay \$/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/declined/i);
    expect(await page.content()).not.toMatch(/\bat \S+:\d+:\d+|node_modules/);
    await context.close();
  });
});
