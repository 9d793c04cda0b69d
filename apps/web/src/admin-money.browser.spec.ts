import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { rows } from '@vitrine/e2e/support/sql';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import { type BrowserStack, expectAccessible, formDone, screenshots, signInAs, staffPageAt, startBrowserStack } from './test-support/browser-stack.js';
import {
  credentialsOf,
  firstRateTable,
  messagesOf,
  partnersNamed,
  partnerTokenFor,
  paymentIntentsOf,
  rateTables,
  reconciliation,
} from './test-support/admin-money-setup.js';

// The back office's money, partners, messages and rate tables in a real browser, on the whole platform under
// deposit-store (an in-stock figure at $100.00 with $15.00 shipping to France). Notifications sends to an SMTP port
// nothing listens on and tries once, so a customer's welcome email fails and staff can send it again. Every effect is
// read back through the API as staff; each refused step shows the API's (or the page's) reason and changes nothing.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() =>
    startStoreStack('web_admin_money', 'deposit-store', { SMTP_URL: 'smtp://127.0.0.1:9', EMAIL_MAX_ATTEMPTS: '1', SMTP_TIMEOUT_MS: '1000' }),
  );
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const cost = { price: 10_000, shipping: 1_500 };
const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

describe('the back office’s money, partners, messages and rate tables', () => {
  let paidOrderId: string;

  it('staff list a customer’s payments with their state and amounts, open the order, and a filter payments refuses is said', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, cost.price);
    const { id: orderId } = await paidInStockOrder(stack, customer, product.id, cost);
    paidOrderId = orderId;
    const { intents } = await paymentIntentsOf(stack, { customerId: customer.id });
    expect(intents).toEqual([{ id: expect.any(String), status: 'SUCCEEDED', purpose: 'FULL_PAYMENT', amount: { amount: 11_500 }, allocations: [{ orderId }] }]);

    const page = await staffPage('/admin/payments');
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    // A typed order id that is not one: payments' own message, and no list.
    await page.getByLabel('Order id').fill('12345');
    await page.getByRole('button', { name: 'Find payments' }).click();
    await page.getByRole('alert').waitFor();
    const refused = await paymentIntentsOf(stack, { orderId: '12345' });
    expect(refused.error).toBeTruthy();
    expect(await page.getByRole('alert').textContent()).toBe(refused.error);
    expect(await page.getByTestId('payments').count()).toBe(0);

    await page.getByLabel('Order id').fill('');
    await page.getByLabel('Customer email (or its start)').fill(customer.email);
    await page.getByLabel('State').selectOption('SUCCEEDED');
    await page.getByRole('button', { name: 'Find payments' }).click();
    await page.waitForURL((url) => url.searchParams.get('email') === customer.email);
    const table = page.getByTestId('payments');
    await table.waitFor();
    const listed = table.locator('tbody tr');
    expect(await listed.count()).toBe(1);
    expect(await listed.first().getAttribute('data-payment')).toBe(intents![0]!.id);
    const cells = await listed.first().locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual([expect.stringMatching(/^Paid( \(since .+ UTC\))?$/), 'Full payment', '$115.00']);
    expect(cells[4]).toBe(`${orderId.slice(0, 8)} $115.00`);
    expect(cells[5]).toMatch(/^visa 4242$/i);
    await expectAccessible(page, 'back-office payments');
    await screenshots(page, 'admin-payments');

    // The same customer's failed payments: none.
    await page.getByLabel('State').selectOption('FAILED');
    await page.getByRole('button', { name: 'Find payments' }).click();
    await page.getByRole('heading', { name: 'No payment matches.' }).waitFor();

    await page.goBack();
    await page.getByRole('link', { name: `Order ${orderId}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderId.slice(0, 8)}` }).waitFor();
    await page.context().close();
  });

  it('staff see the ledger balanced, then the provider’s charge that disagrees with it, in words', async () => {
    const before = await reconciliation(stack);
    expect(before).toMatchObject({ balanced: true, discrepancies: [] });
    const page = await staffPage('/admin/ledger');
    await page.getByRole('heading', { level: 1, name: 'Ledger reconciliation' }).waitFor();
    expect(await page.getByTestId('verdict').textContent()).toMatch(/^The ledger balances: every transaction adds up to zero/);
    const usd = before.totals.find((t) => t.currency === 'USD')!;
    const paidCell = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'USD' }) })
      .locator('td')
      .first();
    expect(await paidCell.textContent()).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(usd.paid.amount / 100));
    await expectAccessible(page, 'back-office ledger balanced');

    // The provider's side says it captured $1.00 more on the order's charge than the ledger holds.
    const [posting] = await rows<{ charge_id: string }>(
      stack,
      'select charge_id from payments.ledger_posting where order_id = ? and charge_id is not null limit 1',
      [paidOrderId],
    );
    await rows(stack, 'update payments.sandbox_payment set amount = amount + 100 where charge_id = ?', [posting!.charge_id]);
    const after = await reconciliation(stack);
    expect(after.balanced).toBe(false);
    expect(after.discrepancies.map((d) => d.kind)).toEqual(['CHARGE_MISMATCH']);

    await page.reload();
    expect(await page.getByTestId('verdict').textContent()).toBe('The ledger does not reconcile: 1 problem found, listed below.');
    expect(await page.getByTestId('discrepancies').locator('li').allTextContents()).toEqual([
      `The ledger and the provider disagree on a charge. Charge ${posting!.charge_id}: the ledger captured $115.00, the provider $116.00.`,
    ]);
    await expectAccessible(page, 'back-office ledger with a discrepancy');
    await screenshots(page, 'admin-ledger');
    await page.context().close();
  });

  it('staff register a partner, see its secret once, make a new one, and issue and revoke its API credentials', async () => {
    const name = 'Acme Figures';
    const page = await staffPage('/admin/partners');
    await page.getByRole('link', { name: 'Register a partner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a partner' }).waitFor();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Webhook URL (https)').fill('https://hooks.acme.invalid/vitrine');
    // The events are notifications' list to tick; none ticked: its message, and no partner.
    const events = page.getByRole('group', { name: 'Events it receives' });
    expect(await events.getByRole('checkbox').count()).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Register the partner' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Some partner settings need attention. Subscribe to at least one event type.');
    expect(await partnersNamed(stack, name)).toEqual([]);

    await events.getByLabel('orders.order.status-changed', { exact: true }).check();
    await events.getByLabel('logistics.shipment.dispatched', { exact: true }).check();
    await page.getByRole('button', { name: 'Register the partner' }).click();
    await formDone(page, 'The partner is registered. Give it the signing secret below.');
    const [partner] = await partnersNamed(stack, name);
    expect(partner).toMatchObject({
      webhookUrl: 'https://hooks.acme.invalid/vitrine',
      eventTypes: ['logistics.shipment.dispatched', 'orders.order.status-changed'],
      previousSecretUntil: null,
    });
    expect(new URL(page.url()).pathname).toBe(`/admin/partners/${partner!.id}`);
    expect(page.url()).not.toContain('whsec_');
    await page.getByRole('heading', { name: `Webhook signing secret of ${name}` }).waitFor();
    const firstSecret = await page.getByTestId('secret-value').textContent();
    expect(firstSecret).toMatch(/^whsec_/);
    await expectAccessible(page, 'back-office partner with its new secret');
    await screenshots(page, 'admin-partner-secret');
    // Shown once: the same page again has no secret.
    await page.goto(`${webUrl}/admin/partners/${partner!.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByTestId('one-time-secret').count()).toBe(0);

    await page.getByRole('button', { name: 'Make a new signing secret' }).click();
    await formDone(page, 'A new signing secret is in use; the previous one also signs for 24 hours.');
    const rotatedSecret = await page.getByTestId('secret-value').textContent();
    expect(rotatedSecret).toMatch(/^whsec_/);
    expect(rotatedSecret).not.toBe(firstSecret);
    const [rotated] = await partnersNamed(stack, name);
    expect(rotated!.previousSecretUntil).not.toBeNull();

    // Credentials without a name: accounts' message, none issued.
    await page.getByRole('button', { name: 'Issue credentials' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Please check the credential. A name is 1 to 100 characters.');
    expect(await credentialsOf(stack, partner!.id)).toEqual([]);

    await page.getByLabel('Name (where it is used)').fill('Warehouse robot');
    await page.getByLabel('Pack, dispatch and track parcels (logistics:fulfil)').check();
    await page.getByRole('button', { name: 'Issue credentials' }).click();
    await formDone(page, 'API credentials issued. Give the partner the client id and secret below.');
    const [credential] = await credentialsOf(stack, partner!.id);
    expect(credential).toMatchObject({ name: 'Warehouse robot', scopes: ['logistics:fulfil'], revokedAt: null });
    await page.getByRole('heading', { name: `Client secret of “Warehouse robot” (client id ${credential!.clientId})` }).waitFor();
    // The secret shown is the credential's own: accounts gives a token for it.
    const clientSecret = (await page.getByTestId('secret-value').textContent())!;
    expect(await partnerTokenFor(stack, credential!.clientId, clientSecret)).toEqual({ issued: true });
    expect(await page.getByTestId('credentials').getByRole('row').filter({ hasText: credential!.clientId }).count()).toBe(1);
    await expectAccessible(page, 'back-office partner credentials');
    await screenshots(page, 'admin-partner-credentials');

    await page.getByRole('button', { name: 'Revoke “Warehouse robot”' }).click();
    await formDone(page, 'The credential is revoked: it gets no new token.');
    expect((await credentialsOf(stack, partner!.id))[0]!.revokedAt).not.toBeNull();
    expect(await partnerTokenFor(stack, credential!.clientId, clientSecret)).toEqual({ issued: false, code: 'UNAUTHENTICATED' });
    expect(await page.getByTestId('credentials').getByRole('row').filter({ hasText: 'Revoked' }).count()).toBe(1);
    await page.context().close();
  });

  it('staff find a customer’s failed email and send it again; a message id that is not one is refused', async () => {
    const customer = await stack.newCustomer();
    const failed = await until(
      () => messagesOf(stack, customer.id),
      (ms) => ms.some((m) => m.kind === 'WELCOME' && m.status === 'FAILED'),
    );
    const welcome = failed.find((m) => m.kind === 'WELCOME')!;
    expect(welcome.deliveryLog).toHaveLength(1);

    const page = await staffPage('/admin/messages');
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await page.getByLabel('Customer email (or its start)').fill(customer.email);
    await page.getByLabel('Kind').selectOption('WELCOME');
    await page.getByRole('button', { name: 'Find messages' }).click();
    await page.waitForURL((url) => url.searchParams.get('email') === customer.email);
    const row = page.locator(`tr[data-message="${welcome.id}"]`);
    await row.waitFor();
    expect(await page.getByTestId('messages').locator('tbody tr').count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toContain('Failed');
    await expectAccessible(page, 'back-office messages');
    await screenshots(page, 'admin-messages');

    // A form whose message id was tampered with: notifications' reason, nothing sent.
    await row.locator('input[name="messageId"]').evaluate((input: HTMLInputElement) => {
      input.value = 'not-a-message';
    });
    await row.getByRole('button', { name: 'Send again' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('"not-a-message" is not a valid message id. id must be a UUID.');
    expect((await messagesOf(stack, customer.id)).find((m) => m.id === welcome.id)!.deliveryLog).toHaveLength(1);

    await page.reload();
    await page.locator(`tr[data-message="${welcome.id}"]`).getByRole('button', { name: 'Send again' }).click();
    await formDone(page, 'The message is queued to be sent again, with a fresh round of tries.');
    // Sent again: a second try in its log (it fails again here, where no mail server listens).
    const retried = await until(
      async () => (await messagesOf(stack, customer.id)).find((m) => m.id === welcome.id),
      (m) => m.deliveryLog.length === 2,
    );
    expect(retried.deliveryLog.map((t) => t.outcome)).toEqual(['FAILED', 'FAILED']);
    await page.context().close();
  });

  it('staff read the rate table in force and publish a new version with a changed price and a new zone; bad prices change nothing', async () => {
    await firstRateTable(stack);
    const page = await staffPage('/admin/rate-tables');
    await page.getByRole('heading', { level: 1, name: 'Rate tables' }).waitFor();
    const shown = page.getByTestId('rate-table');
    expect(await shown.getByRole('row').filter({ hasText: 'EU' }).locator('td').allTextContents()).toEqual([
      '1 kg: $9.00 · 2 kg: $13.00 · 5 kg: $21.00',
      '$2.50 per started kg',
    ]);

    await page.getByRole('link', { name: 'Publish a new version' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publish a rate table' }).waitFor();
    const eu = page.locator('[name="method.0.zone.0.brackets"]');
    expect(await eu.inputValue()).toBe('1000 9.00\n2000 13.00\n5000 21.00');
    // A price that is not an amount: the page says where, nothing is sent.
    await page.locator('[name="method.0.zone.0.perExtraKg"]').fill('two fifty');
    await page.getByRole('button', { name: 'Publish this table' }).click();
    await page.getByTestId('problems').waitFor();
    expect(await page.getByTestId('problems').locator('li').allTextContents()).toEqual([
      'STANDARD from E2E-FR to EU, per extra kilogram: “two fifty” is not an amount in USD (e.g. 9.50).',
    ]);
    // A heavier bracket cheaper than a lighter one: logistics' rule, said where it is.
    await page.locator('[name="method.0.zone.0.perExtraKg"]').fill('2.50');
    await eu.fill('1000 9.00\n2000 5.00\n5000 21.00');
    await page.getByRole('button', { name: 'Publish this table' }).click();
    await page.getByTestId('problems').filter({ hasText: 'bracket 2' }).waitFor();
    expect(await page.getByTestId('problems').locator('li').allTextContents()).toEqual([
      'The rate table is not valid.',
      'STANDARD from E2E-FR to EU, bracket 2: A heavier bracket never costs less.',
    ]);
    expect((await rateTables(stack)).map((t) => t.version)).toEqual([1]);
    await expectAccessible(page, 'back-office rate table form');
    await screenshots(page, 'admin-rate-table-publish');

    await eu.fill('1000 9.50\n2000 13.00\n5000 21.00');
    await page.locator('[name="zone.2.code"]').fill('NA');
    await page.locator('[name="zone.2.name"]').fill('North America');
    await page.locator('[name="zone.2.countries"]').fill('US CA');
    await page.locator('[name="method.0.zone.2.brackets"]').fill('1000 22.00\n5000 45.00');
    await page.locator('[name="method.0.zone.2.perExtraKg"]').fill('6');
    await page.getByLabel('Note (why this version)').fill('Autumn rates');
    await page.getByRole('button', { name: 'Publish this table' }).click();
    await formDone(page, 'Version 2 is published: new estimates and quotes use it from now.');
    const [latest] = await rateTables(stack);
    expect(latest).toEqual({
      version: 2,
      note: 'Autumn rates',
      zones: [
        { code: 'EU', name: 'European Union', countries: ['FR', 'DE'] },
        { code: 'WORLD', name: 'Rest of the world', countries: [] },
        { code: 'NA', name: 'North America', countries: ['US', 'CA'] },
      ],
      methods: [
        {
          code: 'STANDARD',
          origin: 'E2E-FR',
          rates: [
            {
              zone: 'EU',
              brackets: [
                { upToGrams: 1000, amount: 950 },
                { upToGrams: 2000, amount: 1300 },
                { upToGrams: 5000, amount: 2100 },
              ],
              perExtraKg: 250,
            },
            { zone: 'WORLD', brackets: [{ upToGrams: 5000, amount: 5200 }], perExtraKg: null },
            {
              zone: 'NA',
              brackets: [
                { upToGrams: 1000, amount: 2200 },
                { upToGrams: 5000, amount: 4500 },
              ],
              perExtraKg: 600,
            },
          ],
        },
      ],
    });
    expect(await shown.getByRole('row').filter({ hasText: 'NA' }).locator('td').allTextContents()).toEqual([
      '1 kg: $22.00 · 5 kg: $45.00',
      '$6.00 per started kg',
    ]);
    await expectAccessible(page, 'back-office rate tables');
    await screenshots(page, 'admin-rate-tables');
    await page.context().close();
  });

  it('a page of the money sections refuses a customer', async () => {
    const customer = await stack.newCustomer();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, webUrl, customer.email, customerPassword, '/');
    for (const path of ['/admin/payments', '/admin/ledger', '/admin/rate-tables', '/admin/messages', `/admin/partners/${randomUUID()}`]) {
      const response = await page.goto(`${webUrl}${path}`);
      expect(response?.status(), path).toBe(403);
      await page.getByRole('heading', { level: 1, name: 'Staff only' }).waitFor();
    }
    await context.close();
  });
});
