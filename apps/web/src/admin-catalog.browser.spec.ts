import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@vitrine/e2e/support/sql';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack } from '@vitrine/e2e/support/store-scenario';
import { type BrowserStack, expectAccessible, formDone, screenshots, staffPageAt, startBrowserStack } from './test-support/browser-stack.js';
import { addStudio, addWarehouse, adjustStock, openWindowClosingIn, studioNow, warehousesNow } from './test-support/catalog-admin-setup.js';

// The back office's catalog leftovers in a real browser: a warehouse corrected and retired (refused while it holds
// units, then gone from every receipt form), a studio removed (refused while a product names it), and the products
// list narrowed by series, price and "closing soon", with paging keeping those filters, and the waitlist offer's
// duration set. Each change is checked
// through the API afterwards, and each refusal shows catalog's message and changes nothing.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_admin_catalog', 'deposit-store'));
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

/** A fresh word for this run's names (the shared database keeps earlier runs' studios and warehouses). */
const run = Date.now().toString(36).toUpperCase();
const staffPage = (path: string) => staffPageAt(browser, webUrl, path);
/** Catalog only: no need to wait for orders' projection of each product. */
const catalogOnly = () => ({ ...stack, orders: undefined });

describe('the back office’s warehouses, studios and product filters', () => {
  it('staff correct a warehouse, are refused the factory flag and retirement while it holds units, then retire it once empty', async () => {
    const code = `RT-${run.slice(-6)}`;
    const id = await addWarehouse(stack, code, `Retiring ${run}`);
    const product = await createProduct(catalogOnly(), 2, 5_000, { warehouseId: id, name: `Stocked ${run}` });
    const mine = async () => (await warehousesNow(stack)).find((w) => w.id === id)!;

    const page = await staffPage('/admin/warehouses');
    await page.getByRole('link', { name: `Change ${code}` }).click();
    const edit = page.getByRole('form', { name: `Correct ${code}` });
    await edit.getByLabel('Name').fill(`Lyon south ${run}`);
    await edit.getByLabel(/^Priority/).fill('40');
    await edit.getByRole('button', { name: `Save ${code}` }).click();
    await formDone(page, 'The warehouse was saved.');
    expect(await mine()).toMatchObject({ code, name: `Lyon south ${run}`, country: 'FR', allocationPriority: 40, heldByFactory: false, retiredAt: null });

    // Its return address (where customers send items back), none yet: typed in the form, kept by catalog in the warehouse's
    // country, and the list shows the API's address.
    const row = page.getByTestId('warehouses').getByRole('row').filter({ hasText: code });
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('None yet');
    expect((await mine()).returnAddress).toBeNull();
    await edit.getByLabel('Recipient').fill(`Returns ${run}`);
    await edit.getByLabel('Address line 1').fill(' 3 rue Garibaldi ');
    await edit.getByLabel('Postal code').fill('69003');
    await edit.getByLabel('City').fill('Lyon');
    await edit.getByRole('button', { name: `Save ${code}` }).click();
    // The first save's "saved" is still on the page: the second is awaited by what it changed, not by that message.
    const address = { name: `Returns ${run}`, line1: '3 rue Garibaldi', line2: null, postalCode: '69003', city: 'Lyon', region: null, country: 'FR' };
    await expect.poll(async () => (await mine()).returnAddress, { timeout: 10_000 }).toEqual(address);
    await expect
      .poll(() => row.getByRole('cell').nth(4).textContent(), { timeout: 10_000 })
      .toBe(`${address.name}, ${address.line1}, ${address.postalCode} ${address.city}, France`);
    // The form shows it back; a city left blank is refused with catalog's reason, changing nothing.
    expect(await edit.getByLabel('Address line 1').inputValue()).toBe('3 rue Garibaldi');
    await edit.getByLabel('City').fill(' ');
    await edit.getByRole('button', { name: `Save ${code}` }).click();
    await edit.getByRole('alert').waitFor();
    expect(await edit.getByRole('alert').textContent()).toContain('Please fill this in correctly.');
    expect((await mine()).returnAddress).toEqual(address);
    await page.reload();

    // Held by the factory while 2 units are there: catalog's refusal, nothing changed (not even the name typed with it).
    await edit.getByLabel('Name').fill(`Renamed ${run}`);
    await edit.getByLabel(/^Held by the factory/).check();
    await edit.getByRole('button', { name: `Save ${code}` }).click();
    await edit.getByRole('alert').waitFor();
    expect(await edit.getByRole('alert').textContent()).toContain(
      `${code} holds 2 units (0 reserved): whether the factory holds it can change only once it is empty.`,
    );
    expect(await mine()).toMatchObject({ name: `Lyon south ${run}`, heldByFactory: false });

    // Retiring: the box must be ticked, and a warehouse holding units is refused with catalog's reason.
    const retire = page.getByRole('form', { name: `Retire ${code}` });
    await retire.getByRole('button', { name: 'Retire this warehouse' }).click();
    await retire.getByRole('alert').waitFor();
    expect(await retire.getByRole('alert').textContent()).toBe('Tick the box to confirm: the warehouse was not retired.');
    await retire.getByLabel(`Yes, retire ${code}`).check();
    await retire.getByRole('button', { name: 'Retire this warehouse' }).click();
    await retire.getByRole('alert').filter({ hasText: 'still holds' }).waitFor();
    expect(await retire.getByRole('alert').textContent()).toContain(
      `${code} still holds 2 units, 0 of them reserved for orders: move them to another warehouse or write them off`,
    );
    expect((await mine()).retiredAt).toBeNull();
    await expectAccessible(page, 'back-office warehouse being changed');
    await screenshots(page, 'admin-warehouse-change');

    // Emptied (written off through the API), it retires: shown as such and kept in the list.
    await adjustStock(stack, product.id, id, -2);
    await page.reload();
    await retire.getByLabel(`Yes, retire ${code}`).check();
    await retire.getByRole('button', { name: 'Retire this warehouse' }).click();
    await formDone(page, 'The warehouse was retired: it takes no more units.');
    expect((await mine()).retiredAt).toEqual(expect.any(String));
    expect(await row.textContent()).toMatch(/Retired on/);
    expect(await page.getByRole('form', { name: `Retire ${code}` }).count()).toBe(0);
    await expectAccessible(page, 'back-office warehouses with a retired one');
    await screenshots(page, 'admin-warehouse-retired');

    // No receipt form offers it any more: the stock page's receipt and count, a new product's stock.
    await page.goto(`${webUrl}/admin/stock?sku=${encodeURIComponent(product.sku)}`);
    await page.getByRole('form', { name: 'Receive units' }).waitFor();
    for (const form of ['Receive units', 'Correct the count']) {
      const options = await page.getByRole('form', { name: form }).getByLabel('Warehouse').locator('option').allTextContents();
      expect(options.length).toBeGreaterThan(0);
      expect(options.some((o) => o.includes(code))).toBe(false);
    }
    await page.goto(`${webUrl}/admin/products`);
    const newProductWarehouses = await page.getByRole('combobox', { name: 'Warehouse' }).locator('option').allTextContents();
    expect(newProductWarehouses.some((o) => o.includes(code))).toBe(false);
    expect(newProductWarehouses.length).toBeGreaterThan(1);
    await page.context().close();
  });

  it('staff are refused removing a studio a product names, and remove one no product names', async () => {
    const used = await addStudio(stack, `Busy studio ${run}`);
    const unused = await addStudio(stack, `Idle studio ${run}`);
    await createProduct(catalogOnly(), 0, 5_000, { studioId: used, name: `Made by busy ${run}` });

    const page = await staffPage(`/admin/studios/${used}`);
    await page.getByRole('heading', { level: 1, name: `Busy studio ${run}` }).waitFor();
    const remove = page.getByRole('form', { name: 'Remove this studio' });
    await remove.getByLabel(`Yes, remove Busy studio ${run}`).check();
    await remove.getByRole('button', { name: 'Remove this studio' }).click();
    await remove.getByRole('alert').waitFor();
    expect(await remove.getByRole('alert').textContent()).toBe(`Busy studio ${run} makes 1 product: give it another studio (or none) before removing it.`);
    expect(await studioNow(stack, used)).toEqual({ id: used, name: `Busy studio ${run}` });
    await expectAccessible(page, 'back-office studio refused removal');
    await screenshots(page, 'admin-studio-remove-refused');

    await page.goto(`${webUrl}/admin/studios/${unused}`);
    await page.getByRole('heading', { level: 1, name: `Idle studio ${run}` }).waitFor();
    await remove.getByRole('button', { name: 'Remove this studio' }).click();
    await remove.getByRole('alert').waitFor();
    expect(await remove.getByRole('alert').textContent()).toBe('Tick the box to confirm: the studio was not removed.');
    expect(await studioNow(stack, unused)).not.toBeNull();
    await remove.getByLabel(`Yes, remove Idle studio ${run}`).check();
    await remove.getByRole('button', { name: 'Remove this studio' }).click();
    await formDone(page, `Studio Idle studio ${run} was removed.`);
    expect(new URL(page.url()).pathname).toBe('/admin/studios');
    expect(await studioNow(stack, unused)).toBeNull();
    expect(await page.getByRole('link', { name: `Edit Idle studio ${run}` }).count()).toBe(0);
    expect((await page.goto(`${webUrl}/admin/studios/${unused}`))?.status()).toBe(404);
    await page.context().close();
  });

  it('staff set how long a waitlist offer holds its units: a duration catalog refuses changes nothing', async () => {
    const offerHours = async () =>
      (await rows<{ waitlist_offer_hours: number }>(stack, 'select waitlist_offer_hours from catalog.catalog_setting'))[0]!.waitlist_offer_hours;
    const before = await offerHours();
    const page = await staffPage('/admin');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Catalog settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog settings' }).waitFor();
    expect(await page.getByTestId('offer-hours').textContent()).toBe(`A waitlist offer holds the units that come back for ${before} hours.`);
    const form = page.getByRole('form', { name: 'Waitlist offer duration' });
    const hours = form.getByLabel('Hours an offer holds its units (1 to 720)');
    expect(await hours.inputValue()).toBe(String(before));

    await hours.fill('721');
    await form.getByRole('button', { name: 'Save the duration' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('An offer lasts 1 to 720 hours.');
    expect(await offerHours()).toBe(before);
    await expectAccessible(page, 'back-office catalog settings refused');

    const chosen = before === 36 ? 37 : 36;
    await hours.fill(String(chosen));
    await form.getByRole('button', { name: 'Save the duration' }).click();
    await formDone(page, `Waitlist offers now hold units for ${chosen} hours; offers already made keep theirs.`);
    expect(await offerHours()).toBe(chosen);
    expect(await page.getByTestId('offer-hours').textContent()).toBe(`A waitlist offer holds the units that come back for ${chosen} hours.`);
    await page.context().close();
  });

  it('staff narrow the products list by series, price and closing soon, and page through it with those filters kept', async () => {
    const word = `Filter ${run}`;
    const alpha = `Alpha ${run}`;
    const beta = `Beta ${run}`;
    const make = (n: number, price: number, series: string, status: 'IN_STOCK' | 'ANNOUNCED' = 'IN_STOCK') =>
      createProduct(catalogOnly(), 0, price, { name: `${word} ${n}`, series, status });
    await make(1, 5_000, alpha);
    await make(2, 15_000, alpha);
    const closingTomorrow = await make(3, 30_000, beta, 'ANNOUNCED');
    const closingInDays = await make(4, 12_000, beta, 'ANNOUNCED');
    const closingLater = await make(5, 8_000, beta, 'ANNOUNCED');
    await openWindowClosingIn(stack, closingTomorrow.id, 12);
    await openWindowClosingIn(stack, closingInDays.id, 5 * 24);
    await openWindowClosingIn(stack, closingLater.id, 10 * 24);

    const page = await staffPage('/admin/products');
    const catalog = page.getByRole('region', { name: /^Catalog/ });
    const names = async () => (await catalog.getByRole('row').locator('td:first-child').allTextContents()).sort();
    // The list as drawn once the navigation settled (React may draw the new page just after the URL changes).
    const expectListed = (expected: string[]) => expect.poll(names, { timeout: 5_000 }).toEqual(expected);
    const search = async (fields: { series?: string; min?: string; max?: string; closing?: string }) => {
      await page.getByLabel('Name, SKU, series or studio').fill(word);
      await page.getByLabel('Series (whole name)').fill(fields.series ?? '');
      await page.getByLabel('From', { exact: true }).fill(fields.min ?? '');
      await page.getByLabel('Up to', { exact: true }).fill(fields.max ?? '');
      await page.getByLabel('Preorder window').selectOption(fields.closing ?? '');
      await page.getByRole('button', { name: 'Search' }).click();
      // The new page, not the one before it: every field as sent.
      const sent = { q: word, series: '', min: '', max: '', closing: '', ...fields };
      await page.waitForURL((url) => Object.entries(sent).every(([k, v]) => (url.searchParams.get(k) ?? '') === v));
      await page.getByRole('heading', { name: /^Catalog \(\d+\)$/ }).waitFor();
    };

    await search({});
    await expectListed([1, 2, 3, 4, 5].map((n) => `${word} ${n}`));
    await search({ series: alpha.toLowerCase() });
    await expectListed([`${word} 1`, `${word} 2`]);
    await search({ min: '100', max: '200' });
    await expectListed([`${word} 2`, `${word} 4`]);
    await search({ closing: '24h' });
    await expectListed([`${word} 3`]);
    await search({ closing: '7d' });
    await expectListed([`${word} 3`, `${word} 4`]);
    await search({ series: beta, max: '200', closing: '7d' });
    await expectListed([`${word} 4`]);
    expect(await page.getByLabel('Preorder window').inputValue()).toBe('7d');
    await expectAccessible(page, 'back-office products filtered');
    await screenshots(page, 'admin-products-filtered');

    // A price that is not an amount is said, and the list is not filtered by price (nothing guessed).
    await search({ series: alpha, min: 'cheap' });
    await page.getByRole('alert').filter({ hasText: 'Enter the prices' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Enter the prices as amounts in USD, e.g. 129.99. The list is not filtered by price.');
    await expectListed([`${word} 1`, `${word} 2`]);

    // 26 more of one series in a price band: two pages, the filters kept on the second and back on the first.
    const gamma = `Gamma ${run}`;
    for (let n = 10; n < 36; n++) await make(n, 2_000, gamma);
    await make(36, 9_000, gamma); // same series, above the band
    await search({ series: gamma, min: '10', max: '25' });
    await page.getByRole('heading', { name: 'Catalog (26)' }).waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages of products' });
    await pages.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.searchParams.has('after'));
    await catalog.getByRole('link', { name: `${word} 10`, exact: true }).waitFor();
    const url = new URL(page.url());
    expect(Object.fromEntries(['q', 'series', 'min', 'max', 'currency'].map((k) => [k, url.searchParams.get(k)]))).toEqual({
      q: word,
      series: gamma,
      min: '10',
      max: '25',
      currency: 'USD',
    });
    expect(await catalog.getByRole('row').count()).toBe(2); // the header and the oldest of the 26
    await expectListed([`${word} 10`]);
    expect(await page.getByLabel('Series (whole name)').inputValue()).toBe(gamma);
    await pages.getByRole('link', { name: 'First page' }).click();
    await page.waitForURL((u) => !u.searchParams.has('after'));
    await catalog.getByRole('link', { name: `${word} 35`, exact: true }).waitFor();
    expect(await catalog.getByRole('row').count()).toBe(26);
    expect(new URL(page.url()).searchParams.get('series')).toBe(gamma);
    await page.context().close();
  });
});
