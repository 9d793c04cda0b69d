import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { count, rows } from '@vitrine/e2e/support/sql';
import { createProduct, graph, type TestStack } from '@vitrine/e2e/support/stack';
import { releaseProduct, startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import {
  type BrowserStack,
  expectAccessible,
  formDone,
  screenshots,
  signInAs,
  staffPageAt,
  startBrowserStack,
  viewports,
} from './test-support/browser-stack.js';
import { delivered, orderReaches, orderStatus, quoteQuery, securedPreorder, submittedClaim } from './test-support/back-office-setup.js';
import { deliveredOrder } from './test-support/account-setup.js';
import { englishLines } from './test-support/english-left.js';

// The back office and the storefront's second slice in a real browser, on the whole platform under deposit-store
// (a 30% deposit, the balance on release; shipping to France 15.00 for one item). Staff sign in with the same
// sign-in as customers (the stack's bootstrap admin holds every scope): a product created, its campaign opened,
// its terms changed, its date slipped and its campaign closed; a paid order's parcel packed and dispatched, its
// claim taken into review and graded. A customer pays two balances in one payment and cancels a third order
// after reading the quote, and is refused the back office.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_back_office', 'deposit-store'));
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const price = 10_000;
const shipping = 1_500;

const staffPage = () => staffPageAt(browser, webUrl);

const after = formDone;

describe('the back office', () => {
  it('staff create a product, open its campaign, change its terms, slip its date and close it early', async () => {
    const page = await staffPage();
    await page.getByRole('heading', { level: 1, name: 'Back office' }).waitFor();
    const sections = page.getByRole('navigation', { name: 'Back office' });
    for (const name of ['Products', 'Shipments', 'Claims']) expect(await sections.getByRole('link', { name }).count()).toBe(1);

    await sections.getByRole('link', { name: 'Products' }).click();
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    const name = `Nezuko Kamado 1/8 ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('SKU', { exact: true }).fill(`WEB-BO-${Date.now()}`);
    // A price that is not an amount is refused by the page, nothing created.
    await page.getByLabel('Price (tax included)').fill('12,5.x');
    await page.getByLabel('Status').selectOption('ANNOUNCED');
    await page.getByRole('button', { name: 'Add the product' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Enter the price as an amount in USD, e.g. 129.99.');
    expect(await count(stack, 'select count(*) as n from catalog.product where name = ?', [name])).toBe(0);
    await page.getByLabel('Price (tax included)').fill('149.99');
    await expectAccessible(page, 'back-office products');
    await screenshots(page, 'admin-products');
    await page.getByRole('button', { name: 'Add the product' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await after(page, 'The product was added.');
    expect(await page.getByText('Announced', { exact: true }).count()).toBe(1);
    expect(await page.getByText('No preorder campaign yet.').count()).toBe(1);

    // Open preorders: closing in 20 days, a 25% deposit.
    const closing = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const open = page.getByRole('form', { name: 'Open preorders now' });
    await open.getByLabel('Closing day').fill(closing);
    await open.getByLabel('Plan', { exact: true }).selectOption('DEPOSIT');
    await open.getByLabel(/Deposit \(%/).fill('25');
    await open.getByRole('button', { name: 'Open preorders' }).click();
    await after(page, 'Preorders are open.');
    const campaign = page.getByRole('region', { name: 'Preorder campaign' });
    expect(await campaign.locator('p').first().textContent()).toMatch(/^Open: .*Pay a 25% deposit now \(\$37\.50\)/);

    // Change its terms: a 40% deposit, for a reason; an empty reason is refused by the API and changes nothing.
    const terms = page.getByRole('form', { name: 'Change the terms' });
    await terms.getByLabel(/Deposit \(%/).fill('40');
    await terms.getByLabel(/^Why/).fill('The maker raised the minimum order.');
    await terms.getByRole('button', { name: 'Change the terms' }).click();
    await after(page, 'The campaign’s terms were changed.');
    expect(await campaign.locator('p').first().textContent()).toMatch(/Pay a 40% deposit now \(\$60\.00\)/);

    // The release date, then its slip with the reason customers read.
    const slip = page.getByRole('form', { name: 'Move the release date' });
    for (const [estimate, reason, shown] of [
      ['2027-06', 'Announced by the maker.', 'Set to June 2027: Announced by the maker.'],
      ['2027-09', 'factory delay', 'Moved from June 2027 to September 2027: factory delay'],
    ]) {
      await slip.getByLabel(/New estimate/).fill(estimate!);
      await slip.getByLabel(/Reason/).fill(reason!);
      await slip.getByRole('button', { name: 'Move the release date' }).click();
      await page.getByText(shown!).waitFor();
    }
    await after(page, 'The release date was moved.');
    expect(await page.getByRole('region', { name: 'Release date' }).getByRole('listitem').count()).toBe(2);
    await expectAccessible(page, 'back-office product');
    await screenshots(page, 'admin-product');

    // Close early, with the note customers read.
    const close = page.getByRole('form', { name: 'Close preorders early' });
    await close.getByLabel('Reason').selectOption('MAKER_REQUEST');
    await close.getByLabel('Note shown to customers').fill('The maker stopped taking orders.');
    await close.getByRole('button', { name: 'Close preorders now' }).click();
    await after(page, 'Preorders were closed.');
    expect(await campaign.locator('p').first().textContent()).toMatch(/^Closed: .*Closed .*: The maker stopped taking orders\./);
    await page.context().close();
  });

  it('staff pack and dispatch a paid order’s parcel, then take its claim into review and grade it', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, price);
    const { id: orderId, shipmentId } = await paidInStockOrder(stack, customer, product.id, { price, shipping });
    // Logistics learns what the order paid from payments' event before the parcel is priced against it.
    await until(
      () =>
        count(
          stack,
          'select count(*) as n from logistics.known_order o join logistics.shipment_order s using (order_id) where s.shipment_id = ? and o.paid_amount = ?',
          [shipmentId, price + shipping],
        ),
      (n) => n === 1,
    );

    const page = await staffPage();
    await page.goto(`${webUrl}/admin/shipments`);
    const parcel = page.getByRole('article', { name: new RegExp(`^Shipment ${shipmentId.slice(0, 8)}`) });
    await parcel.waitFor();
    expect(await parcel.getByRole('heading').textContent()).toContain('To pack');
    expect(await parcel.textContent()).toContain('Shipping paid: $15.00');
    await expectAccessible(page, 'back-office shipments');
    await screenshots(page, 'admin-shipments');
    const pack = parcel.getByRole('form', { name: /^Pack shipment/ });
    for (const [label, value] of [
      ['Weight (g)', '1200'],
      ['Length (mm)', '300'],
      ['Width (mm)', '200'],
      ['Height (mm)', '150'],
    ]) {
      await pack.getByLabel(label!).fill(value!);
    }
    await pack.getByLabel(/Carrier’s price/).fill('15.00');
    await pack.getByRole('button', { name: 'Record the parcel' }).click();
    await after(page, 'Packed: the parcel is ready to hand over.');
    expect(await parcel.getByRole('heading').textContent()).toContain('Packed: ready to hand over');
    expect(await parcel.textContent()).toContain('final cost $15.00, 1200 g');

    const tracking = `6A${Date.now()}`;
    const dispatch = parcel.getByRole('form', { name: /^Dispatch shipment/ });
    await dispatch.getByLabel('Carrier').fill('COLISSIMO');
    await dispatch.getByLabel('Tracking number').fill(tracking);
    await dispatch.getByRole('button', { name: 'Hand over to the carrier' }).click();
    await after(page, 'Handed over to the carrier.');
    // Out of the to-do queue; the order is shipped with that tracking number.
    expect(await parcel.count()).toBe(0);
    await orderReaches(stack, customer, orderId, 'SHIPPED');
    expect(await count(stack, 'select count(*) as n from logistics.shipment where id = ? and tracking_number = ?', [shipmentId, tracking])).toBe(1);

    // Delivered, and the customer's claim for a snapped head sculpt submitted with its photo (through the API).
    await delivered(stack, shipmentId, orderId);
    await submittedClaim(stack, customer, orderId, product.id);

    await page.goto(`${webUrl}/admin/claims?kind=ACCESSORY_DAMAGED`);
    const claim = page.getByRole('article', { name: /^Accessory damaged/ }).filter({ hasText: `Order ${orderId.slice(0, 8)}` });
    expect(await claim.getByRole('heading').textContent()).toBe('Accessory damaged · Submitted: waiting for staff');
    await claim.getByRole('button', { name: /^Take into review/ }).click();
    await after(page, 'Taken into review.');
    expect(await claim.getByRole('heading', { level: 3 }).textContent()).toBe('Accessory damaged · Under review');
    expect(await claim.getByRole('button', { name: /^Take into review/ }).count()).toBe(0);
    // The grader sees the customer's photo itself (after-sales' short-lived read URL), decoded by the browser at its
    // real size, named by the claim's kind and part; it links to the full size.
    const photoName = 'Photo 1 of 1: accessory damaged, Head sculpt special (structural breakage)';
    const photo = claim.getByRole('img', { name: photoName });
    await photo.scrollIntoViewIfNeeded();
    const decoded = () =>
      photo.evaluate((el) => ((el as HTMLImageElement).complete ? [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight] : []));
    await expect.poll(decoded, { timeout: 30_000 }).toEqual([160, 120]);
    const src = (await photo.getAttribute('src'))!;
    expect(await claim.getByRole('link', { name: photoName }).getAttribute('href')).toBe(src);
    const file = await fetch(src);
    expect([file.status, file.headers.get('content-type'), file.headers.get('content-disposition')?.split(';')[0]]).toEqual([200, 'image/png', 'inline']);
    await expectAccessible(page, 'back-office claims');
    await screenshots(page, 'admin-claims');

    // Graded by the policy's chart (structural breakage: High, 100% of a special head sculpt's 40.00), the offers computed by after-sales.
    const grade = claim.getByRole('form', { name: /^Grade the claim/ });
    expect(await grade.getByLabel(/^Grade of Head sculpt special/).inputValue()).toBe('');
    await grade.getByRole('button', { name: 'Grade and offer' }).click();
    await after(page, /^Graded/);
    // Decided claims leave the default queue: show them by status.
    await page.goto(`${webUrl}/admin/claims?status=DECIDED&kind=ACCESSORY_DAMAGED`);
    const decided = page.getByRole('article', { name: /^Accessory damaged/ }).filter({ hasText: `Order ${orderId.slice(0, 8)}` });
    const compensation = (await decided.getByRole('region', { name: 'Compensation' }).textContent())!;
    expect(compensation).toMatch(/Head sculpt special: graded High, \$40\.00/);
    expect(compensation).toContain('Partial refund: $40.00 back');
    expect(compensation).toContain('Replacement part');
    expect(await decided.getByRole('form').count()).toBe(0);
    await page.context().close();
  });
});

describe('the back office in French', () => {
  it('every section and a product’s, an order’s, a claim’s and a customer’s pages speak French, with French money and dates, and a form’s refusal is French', async () => {
    const customer = await stack.newCustomer();
    const name = `Kyojuro Rengoku 1/7 ${Date.now()}`;
    const { orderId, productId } = await deliveredOrder(stack, customer, name, { price, shipping });
    await submittedClaim(stack, customer, orderId, productId);
    const product = { id: productId };

    const page = await staffPage();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arrière-boutique' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const nav = page.getByRole('navigation', { name: 'Arrière-boutique' });
    const sections = await nav.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
    expect(sections.map(([title]) => title)).toEqual(
      expect.arrayContaining(['Produits', 'Expéditions', 'Réclamations', 'Commandes', 'Horloge de la boutique']),
    );

    // What the test put on the pages, not the pages' own words: names, emails, the customer's own description of the
    // damage, and event type ids (logistics.shipment.returned-to-sender).
    const data = [name, customer.email, 'admin@vitrine.test', 'The head sculpt arrived with its neck joint snapped.', /^[a-z]+(\.[a-z-]+)+$/];
    const english: Record<string, string[]> = {};
    const read = async (path: string, heading?: string) => {
      await page.goto(`${webUrl}${path}`);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      // A section's page is headed by its name (the ledger's by what it does with it).
      if (heading) expect((await h1.textContent())?.toLowerCase()).toContain(heading.toLowerCase());
      const lines = await englishLines(page, data);
      if (lines.length > 0) english[path] = lines;
      await expectAccessible(page, `back office in French: ${path}`);
    };
    for (const [title, path] of sections.slice(1)) await read(path!, title);
    for (const path of [
      `/admin/products/${product.id}`,
      `/admin/products/${product.id}/details`,
      `/admin/products/${product.id}/selling`,
      `/admin/products/${product.id}/history`,
      `/admin/stock?product=${product.id}`,
      `/admin/orders/${orderId}`,
      `/admin/customers/${customer.id}`,
      `/admin/claims?kind=ACCESSORY_DAMAGED`,
      `/admin/partners/new`,
      `/admin/rate-tables/new`,
    ]) {
      await read(path);
    }
    expect(english).toEqual({});

    // The order's money trail in French figures: the paid 115.00 as 115,00 $US.
    await page.goto(`${webUrl}/admin/orders/${orderId}`);
    expect((await page.locator('#main').innerText()).replace(/\s/g, ' ')).toContain('115,00 $US');
    await screenshots(page, 'admin-order-fr');

    // A price typed the French way is read the French way; one that is not an amount is refused in French, nothing made.
    await page.goto(`${webUrl}/admin/products`);
    const sku = `WEB-FR-${Date.now()}`;
    await page.getByLabel('Nom', { exact: true }).fill(`Tengen Uzui 1/8 ${Date.now()}`);
    await page.getByLabel('SKU', { exact: true }).fill(sku);
    await page.getByLabel('Prix (TTC)').fill('12,5.x');
    await page.getByRole('button', { name: 'Ajouter le produit' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Saisissez le prix comme un montant en USD, par ex. 129,99.');
    expect(await count(stack, 'select count(*) as n from catalog.product where sku = ?', [sku])).toBe(0);
    await page.getByLabel('Prix (TTC)').fill('149,99');
    await page.getByRole('button', { name: 'Ajouter le produit' }).click();
    await page.getByRole('status').waitFor();
    expect(await rows(stack, 'select price_amount from catalog.product where sku = ?', [sku])).toEqual([{ price_amount: 14_999 }]);
    await page.context().close();
  });
});

describe('my orders, second slice', () => {
  it('a customer pays two balances in one payment, cancels another order after reading its quote, and is refused the back office', async () => {
    const customer = await stack.newCustomer();
    const figures: { id: string; name: string }[] = [];
    for (const name of ['Tanjiro', 'Zenitsu', 'Inosuke']) {
      const figureName = `${name} 1/8 ${Date.now()}`;
      figures.push({ ...(await createProduct(stack, 50, price, { status: 'PREORDER', name: figureName })), name: figureName });
    }
    const orders: string[] = [];
    for (const figure of figures) orders.push(await securedPreorder(stack, customer, figure.id));
    // The first two are released: each owes its balance, 7,000 + 15.00 shipping.
    for (const figure of figures.slice(0, 2)) await releaseProduct(stack, figure.id);
    for (const id of orders.slice(0, 2)) await orderReaches(stack, customer, id, 'PAYMENT_DUE');

    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const page = await context.newPage();
    await signInAs(page, webUrl, customer.email, customerPassword, '/orders');

    // The back office refuses a customer, saying why.
    const refused = await page.goto(`${webUrl}/admin/shipments`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff only');
    expect(await page.getByRole('alert').textContent()).toMatch(/customer account/);
    expect(await page.getByRole('link', { name: 'Back office' }).count()).toBe(0);

    await page.goto(`${webUrl}/orders`);
    const [nameOf1, nameOf2, nameOf3] = figures.map((f) => f.name);
    await page.getByLabel(`Pay together: ${nameOf1}`, { exact: true }).check();
    await page.getByLabel(`Pay together: ${nameOf2}`, { exact: true }).check();
    expect(await page.getByLabel(`Pay together: ${nameOf3}`, { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Pay the ticked orders together' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pay 2 orders at once' }).waitFor();
    const table = (await page.getByRole('table').textContent())!;
    expect(table.match(/Balance[^$]*\$85\.00/g)).toHaveLength(2);
    expect(table).toContain('Total, in one payment$170.00');
    await expectAccessible(page, 'pay together');
    await screenshots(page, 'pay-together');
    await page.getByRole('button', { name: 'Pay $170.00' }).click();
    await page.getByText('Thank you: your payment went through.').waitFor();
    for (const id of orders.slice(0, 2)) await orderReaches(stack, customer, id, 'READY_TO_FULFIL');
    // One charge for both balances: a single payment intent allocated over the two orders.
    const balances = await rows<{ intent_id: string; order_id: string }>(
      stack,
      'select intent_id, order_id from payments.payment_allocation where order_id in (?, ?) and amount = ?',
      [orders[0], orders[1], 7_000 + shipping],
    );
    expect(balances).toHaveLength(2);
    expect(new Set(balances.map((b) => b.intent_id)).size).toBe(1);

    // The third order: the quote first (the same the API gives), then the cancellation on its terms.
    const quote = (await graph(stack, quoteQuery, { id: orders[2]! }, customer)).data!.cancellationQuote;
    expect(quote.outcome).toBe('ALLOWED');
    await page.getByRole('link', { name: `Cancel this order… ${nameOf3}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Cancel ${nameOf3}?` }).waitFor();
    const terms = (await page.getByRole('region', { name: 'What cancelling now would do' }).textContent())!;
    const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
    expect(terms).toContain(`Paid so far$30.00`);
    expect(terms).toContain(`Cancellation fee${money(quote.fee.amount)}`);
    expect(terms).toContain(`Refunded to you${money(quote.refund.amount)}`);
    expect(terms).toContain(quote.rule.text);
    await expectAccessible(page, 'cancellation quote');
    await screenshots(page, 'cancel-quote');
    await page.getByRole('button', { name: `Cancel my order and refund ${money(quote.refund.amount)}` }).click();
    await page.getByText('Your order is cancelled').waitFor();
    expect(await orderStatus(stack, customer, orders[2]!)).toBe('CANCELLED');
    await context.close();
  });
});
