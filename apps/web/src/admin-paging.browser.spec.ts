import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import type { Identity } from '@vitrine/e2e/support/identities';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import { unreachablePartner } from './test-support/admin-setup.js';
import { shipmentState } from './test-support/admin-more-setup.js';
import { deliveryPages, messageCount, messagePages, shipmentPages } from './test-support/admin-paging-setup.js';
import { type BrowserStack, expectAccessible, formDone, staffPageAt, startBrowserStack } from './test-support/browser-stack.js';

// The back office's long lists by pages, in a real browser on the whole platform under deposit-store: one customer
// orders 26 times (one figure each, paid in full), so a partner granted the orders' events has a delivery log of more
// than one page (30 a page), the shipment queue holds more than one page (20) and the customer's messages too (25).
// Each page shown is the API's page (same filter, size and cursor), read as staff.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;
let customer: Identity;
let partnerId: string;
const cost = { price: 10_000, shipping: 1_500 };
const orders = 26;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_admin_paging', 'deposit-store', { WEBHOOK_ALLOW_PLAIN_HTTP: 'true' }));
  ({ stack, webUrl, browser } = running);
  partnerId = await unreachablePartner(stack, 'Paged Tracker', ['orders.order.placed', 'orders.order.confirmed', 'orders.order.status-changed']);
  customer = await stack.newCustomer();
  const product = await createProduct(stack, orders + 4, cost.price);
  for (let i = 0; i < orders; i += 5) {
    await Promise.all(Array.from({ length: Math.min(5, orders - i) }, () => paidInStockOrder(stack, customer, product.id, cost)));
  }
}, 600_000);

afterAll(async () => {
  await running?.stop();
});

const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

/** The API's answer once it stops changing (the orders' last events may still be travelling). */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let last = JSON.stringify(await read());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const now = await read();
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
}

const attributes = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((nodes, attribute) => nodes.map((n) => n.getAttribute(attribute)!), name);
// The URL changes before React renders the page it names, so a page's rows are awaited, not read once.
const delivered = (page: Page) => () => attributes(page, '[data-testid="deliveries"] tr[data-delivery]', 'data-delivery');

describe('the back office’s long lists by pages', () => {
  it('staff read a partner’s delivery log page by page', async () => {
    await until(
      () => deliveryPages(stack, partnerId, 30).catch(() => null),
      ([, second]) => second.ids.length > 0,
    );
    const [first, second] = await settled(() => deliveryPages(stack, partnerId, 30));
    expect(first.ids).toHaveLength(30);

    const page = await staffPage(`/admin/partners?partner=${partnerId}`);
    const log = page.getByTestId('deliveries');
    await log.waitFor();
    expect(await delivered(page)()).toEqual(first.ids);
    expect(await page.getByRole('link', { name: 'Newest deliveries' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Older deliveries' }).click();
    await page.waitForURL((url) => url.searchParams.has('after') && url.searchParams.get('partner') === partnerId);
    await expect.poll(delivered(page), { timeout: 10_000 }).toEqual(second.ids);
    await expectAccessible(page, 'back-office partner deliveries, second page');
    await page.getByRole('link', { name: 'Newest deliveries' }).click();
    await page.waitForURL((url) => !url.searchParams.has('after'));
    await expect.poll(delivered(page), { timeout: 10_000 }).toEqual(first.ids);
    await page.context().close();
  });

  it('staff page through the shipment queue and combine two shipments ticked on different pages', async () => {
    const [first, second] = await settled(() => shipmentPages(stack, 20));
    expect(first.ids).toHaveLength(20);
    const shown = (page: Page) => attributes(page, 'article[aria-labelledby^="shipment-"]', 'aria-labelledby');
    const ids = (labels: string[]) => labels.map((l) => l.replace(/^shipment-/, ''));

    const page = await staffPage('/admin/shipments');
    await page.getByRole('heading', { level: 1, name: 'Shipments' }).waitFor();
    // Late ones come first within a page; the page holds the API's page.
    expect(ids(await shown(page)).sort()).toEqual([...first.ids].sort());
    const [older, later] = [first.ids[0]!, second.ids[0]!];
    await page.locator(`#combine-${older}`).check();
    await page.getByRole('button', { name: 'Keep them ticked and show later shipments' }).click();
    await page.waitForURL((url) => url.searchParams.has('after') && url.searchParams.getAll('combine').includes(older));
    await expect.poll(async () => ids(await shown(page)).sort(), { timeout: 10_000 }).toEqual([...second.ids].sort());
    const kept = page.getByRole('group', { name: 'Ticked on other pages' });
    expect(await kept.getByLabel(`Shipment ${older.slice(0, 8)}`).isChecked()).toBe(true);
    await expectAccessible(page, 'back-office shipments, second page');

    await page.locator(`#combine-${later}`).check();
    await page.getByRole('form', { name: 'Combine shipments' }).getByRole('button', { name: 'Combine the ticked shipments' }).click();
    await formDone(page, 'The shipments were combined into one parcel.');
    const combined = await shipmentState(stack, older);
    expect(combined.orders).toHaveLength(2);
    expect(await shipmentState(stack, later)).toMatchObject({ status: 'CONSOLIDATED', consolidatedInto: older });
    // Back on the queue's first page, with nothing ticked any more.
    const url = new URL(page.url());
    expect([url.searchParams.has('after'), url.searchParams.has('combine')]).toEqual([false, false]);
    await page.context().close();
  });

  it('staff page through a customer’s messages, newest first', async () => {
    await until(
      () => messageCount(stack, customer.id),
      (n) => n > 25,
    );
    const [first, second] = await settled(() => messagePages(stack, customer.id, 25));
    expect(first.ids).toHaveLength(25);

    const page = await staffPage('/admin/messages');
    await page.getByLabel('Customer email (or its start)').fill(customer.email);
    await page.getByRole('button', { name: 'Find messages' }).click();
    await page.waitForURL((url) => url.searchParams.get('email') === customer.email);
    await page.getByTestId('messages').waitFor();
    expect(await attributes(page, 'tr[data-message]', 'data-message')).toEqual(first.ids);
    await page.getByRole('link', { name: 'Older messages' }).click();
    await page.waitForURL((url) => url.searchParams.has('after'));
    await expect.poll(() => attributes(page, 'tr[data-message]', 'data-message'), { timeout: 10_000 }).toEqual(second.ids);
    expect(await page.getByRole('heading', { level: 2, name: /older messages, newest first$/ }).count()).toBe(1);
    await expectAccessible(page, 'back-office messages, second page');
    await page.context().close();
  });
});
