import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { freePort } from '@vitrine/local-infra';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack } from '@vitrine/e2e/support/store-scenario';
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
import { securedPreorder } from './test-support/back-office-setup.js';
import { pngImage } from './test-support/png.js';
import { catalogPlaces, discontinue, productState } from './test-support/product-admin-setup.js';

// The back office's product pages in a real browser, on the whole platform under deposit-store: a product's
// details, images and spec edited (a spec change before release needs a reason), its price, status and sale rules
// changed, preorder stock arriving at a warehouse and taking the waiting preorder; studios added and corrected,
// a warehouse added; the products list paged with its search kept; an image uploaded from the browser straight to
// catalog's image store (its `file` store, as on npm start, in a folder of this spec) and removed. Each refused step
// shows the API's message and changes nothing, which the API confirms afterwards.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;
let imageFolder: string;

beforeAll(async () => {
  imageFolder = await mkdtemp(join(tmpdir(), 'vitrine-web-product-images-'));
  // The back office's origin is known before the stack starts: catalog's file store answers its upload preflights.
  const port = await freePort();
  const catalog = { PRODUCT_IMAGE_STORE: 'file', PRODUCT_IMAGE_FILE_DIR: imageFolder, PRODUCT_IMAGE_CORS_ORIGINS: `http://127.0.0.1:${port}` };
  running = await startBrowserStack(() => startStoreStack('web_admin_products', 'deposit-store', {}, { catalog }), { port });
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
  if (imageFolder) await rm(imageFolder, { recursive: true, force: true });
});

/** A fresh word for this run's names (the shared database keeps earlier runs' studios and warehouses). */
const run = Date.now().toString(36).toUpperCase();

const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

const after = formDone;

describe('the back office’s product pages', () => {
  it('staff edit an announced product’s details and images, are refused a spec change without a reason, and record spec changes', async () => {
    const product = await createProduct(stack, 0, 10_000, { status: 'ANNOUNCED', name: `Shinobu Kocho ${run}` });
    const page = await staffPage(`/admin/products/${product.id}`);
    await page.getByRole('navigation', { name: 'This product' }).getByRole('link', { name: 'Details and spec' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/details'));
    // The overview has the same h1 and React renders the new route in a transition after the URL changes: wait for
    // a heading only the details page has.
    await page.getByRole('heading', { level: 2, name: 'Spec changes' }).waitFor();
    expect(await page.getByText('No spec change recorded.').count()).toBe(1);

    const details = page.getByRole('form', { name: 'Details' });
    const name = `Shinobu Kocho 1/7 ${run}`;
    await details.getByLabel('Name', { exact: true }).fill(name);
    await details.getByLabel('Description').fill('Standing on a wisteria base.');
    await details.getByLabel(/^Images/).fill('https://img.vitrine.test/shinobu/cover.jpg\n\nhttps://img.vitrine.test/shinobu/back.jpg');
    await details.getByLabel('Scale').fill('1/7');
    await details.getByLabel('Material').fill('PVC, ABS');
    for (const [label, value] of [
      ['Package weight (g)', '1200'],
      ['Length (mm)', '300'],
      ['Width (mm)', '200'],
      ['Height (mm)', '150'],
    ]) {
      await details.getByLabel(label!).fill(value!);
    }
    await details.getByLabel('Assembly', { exact: true }).selectOption('MAGNETS');
    await details.getByLabel('Part 1', { exact: true }).fill('Smiling face');
    await details.getByLabel('Kind of part 1', { exact: true }).selectOption('HEAD_SCULPT_SPECIAL');
    // Before release a spec field changed without a reason: the API refuses it, and nothing changes.
    await details.getByRole('button', { name: 'Save the details' }).click();
    expect(await details.getByRole('alert').textContent()).toMatch(/^Please give a reason\./);
    const untouched = await productState(stack, product.id);
    expect(untouched).toMatchObject({ name: `Shinobu Kocho ${run}`, scale: null, images: [], weightGrams: null, parts: [], specChanges: [] });

    await details.getByLabel('Reason for a spec change').fill('The maker announced the final spec.');
    await details.getByRole('button', { name: 'Save the details' }).click();
    await after(page, 'The details were saved.');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const saved = await productState(stack, product.id);
    expect(saved).toMatchObject({
      name,
      description: 'Standing on a wisteria base.',
      images: ['https://img.vitrine.test/shinobu/cover.jpg', 'https://img.vitrine.test/shinobu/back.jpg'],
      scale: '1/7',
      material: 'PVC, ABS',
      weightGrams: 1200,
      packageDimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 },
      assembly: { kind: 'MAGNETS' },
      parts: [{ name: 'Smiling face', category: 'HEAD_SCULPT_SPECIAL' }],
    });
    // The form shows what was saved, the parts with a new empty row.
    expect(await details.getByLabel('Part 1', { exact: true }).inputValue()).toBe('Smiling face');
    expect(await details.getByLabel('Part 2', { exact: true }).inputValue()).toBe('');
    expect(await details.getByLabel('Reason for a spec change').inputValue()).toBe('');
    const shownChoices = async () => [
      await details.getByLabel('Assembly', { exact: true }).inputValue(),
      await details.getByLabel('Kind of part 1', { exact: true }).inputValue(),
    ];
    expect(await shownChoices()).toEqual(['MAGNETS', 'HEAD_SCULPT_SPECIAL']);
    // The spec fields' change is a spec change customers are told about, with the reason.
    expect(saved.specChanges).toHaveLength(1);
    expect(saved.specChanges[0]!.reason).toBe('The maker announced the final spec.');
    expect(saved.specChanges[0]!.changes).toContainEqual({ field: 'scale', from: null, to: '1/7' });
    expect(await page.getByTestId('spec-changes').textContent()).toContain('scale: — → 1/7');

    // A spec change the fields do not hold (the paint and the base), two rows of one change, recorded with its reason
    // and listed. A row with a "to" but no name is refused by the page first, nothing recorded.
    const spec = page.getByRole('form', { name: 'Record a spec change' });
    const row = (n: number) => spec.getByRole('group', { name: `Change ${n}` });
    await row(1).getByLabel('What changed').fill('paint finish');
    await row(1).getByLabel('From', { exact: true }).fill('matte');
    await row(1).getByLabel('To', { exact: true }).fill('glossy');
    await row(3).getByLabel('To', { exact: true }).fill('diorama');
    await spec.getByLabel(/^Reason/).fill('Factory sample review.');
    await spec.getByRole('button', { name: 'Record the spec change' }).click();
    expect(await spec.getByRole('alert').textContent()).toBe('Say what changed in each row you filled in.');
    expect((await productState(stack, product.id)).specChanges).toHaveLength(1);
    await row(2).getByLabel('What changed').fill('base');
    await row(2).getByLabel('To', { exact: true }).fill('diorama');
    await row(3).getByLabel('To', { exact: true }).fill('');
    await spec.getByRole('button', { name: 'Record the spec change' }).click();
    await after(page, 'The spec change was recorded; customers are told.');
    expect(await page.getByTestId('spec-changes').getByRole('listitem').nth(1).textContent()).toMatch(
      /^paint finish: matte → glossy; base: — → diorama \(why: Factory sample review\.\)/,
    );
    // Drawn afresh after the change: the spec form is empty, the details form still shows what is saved.
    expect(await row(1).getByLabel('What changed').inputValue()).toBe('');
    expect(await shownChoices()).toEqual(['MAGNETS', 'HEAD_SCULPT_SPECIAL']);
    const recorded = await productState(stack, product.id);
    expect(recorded.specChanges.at(-1)).toEqual({
      changes: [
        { field: 'paint finish', from: 'matte', to: 'glossy' },
        { field: 'base', from: null, to: 'diorama' },
      ],
      reason: 'Factory sample review.',
    });
    await expectAccessible(page, 'back-office product details');
    await screenshots(page, 'admin-product-details');
    await page.context().close();
  });

  it('staff upload a PNG from the browser straight to the image store, see it, are refused a wrong file, and remove the image', async () => {
    const product = await createProduct(stack, 0, 10_000, { status: 'ANNOUNCED', name: `Kanao Tsuyuri ${run}` });
    const page = await staffPage(`/admin/products/${product.id}/details`);
    await page.getByRole('heading', { level: 2, name: 'Images' }).waitFor();
    expect(await page.getByText('No image yet.').count()).toBe(1);
    const upload = page.getByRole('form', { name: 'Add an image' });
    const fileInput = upload.getByLabel('Upload an image');
    // The picker offers the types catalog takes (its productImageLimits).
    expect(await fileInput.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    // The page works once hydrated: the button is enabled then.
    await upload.getByRole('button', { name: 'Upload the image' }).and(page.locator(':enabled')).waitFor();
    const stored = async () => readdir(join(imageFolder, 'products', product.id)).catch(() => []);

    // A GIF (the picker's filter is only a hint) and a PNG over 10 MB: catalog refuses each, nothing is stored or added.
    await fileInput.setInputFiles({ name: 'sketch.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await upload.getByRole('button', { name: 'Upload the image' }).click();
    expect(await upload.getByRole('alert').textContent()).toBe(
      'This file cannot be uploaded as a product image. A product image is image/jpeg, image/png, image/webp.',
    );
    await fileInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await upload.getByRole('button', { name: 'Upload the image' }).click();
    await upload.getByRole('alert').filter({ hasText: 'at most 10 MB' }).waitFor();
    expect((await productState(stack, product.id)).images).toEqual([]);
    expect(await stored()).toEqual([]);

    // A real PNG: from the browser to catalog's store (another origin: CORS), then added to the product.
    const png = Buffer.from(pngImage(64, 48));
    await fileInput.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
    await upload.getByRole('button', { name: 'Upload the image' }).click();
    await upload.getByRole('status').filter({ hasText: 'The image was uploaded and added to the product.' }).waitFor();
    const { images } = await productState(stack, product.id);
    const catalogOrigin = new URL(stack.catalog.url).origin;
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(new RegExp(`^${catalogOrigin}/product-images\\?key=products/${product.id}/[0-9a-f-]{36}\\.png$`));
    expect(await stored()).toHaveLength(1);
    // Anyone reads it (a storefront page shows it as is): the bytes uploaded, as a PNG.
    const served = await fetch(images[0]!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    // The preview is that image, decoded by the browser, with its alt text; the details form lists it too.
    const preview = page.getByRole('img', { name: `Kanao Tsuyuri ${run}, image 1 of 1 (the cover)` });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    expect(
      await page
        .getByRole('form', { name: 'Details' })
        .getByLabel(/^Images/)
        .inputValue(),
    ).toBe(images[0]);
    await expectAccessible(page, 'back-office product details with an image');
    await screenshots(page, 'admin-product-images');

    // Removed from the product (the stored file stays: its URL may still be cached or shown elsewhere).
    await page.getByRole('button', { name: 'Remove image 1' }).click();
    await after(page, 'The image was removed from the product.');
    expect((await productState(stack, product.id)).images).toEqual([]);
    expect(await page.getByText('No image yet.').count()).toBe(1);
    await page.context().close();
  });

  it('staff change a preorder’s price, status and sale rules, are refused what the catalog does not allow, and record its stock arriving', async () => {
    const product = await createProduct(stack, 0, 10_000, { status: 'PREORDER', name: `Giyu Tomioka ${run}` });
    const customer = await stack.newCustomer();
    await securedPreorder(stack, customer, product.id);

    const page = await staffPage(`/admin/products/${product.id}/selling`);
    await page.getByRole('heading', { level: 1, name: `Giyu Tomioka ${run}` }).waitFor();
    const facts = page.getByTestId('selling-facts');
    expect(await facts.textContent()).toContain('Price$100.00');

    const price = page.getByRole('form', { name: 'Change the price' });
    await price.getByLabel(/^New price in USD/).fill('149.99');
    await price.getByLabel(/^Reason/).fill('The maker raised its price.');
    await price.getByRole('button', { name: 'Change the price' }).click();
    await after(page, 'The price was changed; orders already placed keep theirs.');
    expect(await facts.textContent()).toContain('Price$149.99');
    expect((await productState(stack, product.id)).price.amount).toBe(14_999);

    // A down payment above the price is refused by the API, and none is set; 30.00 is.
    const down = page.getByRole('form', { name: 'Down payment' });
    await down.getByLabel('A down payment is required').check();
    await down.getByLabel(/^Amount in USD/).fill('200.00');
    await down.getByRole('button', { name: 'Save the down payment' }).click();
    expect(await down.getByRole('alert').textContent()).toContain('below the price');
    expect((await productState(stack, product.id)).downPayment).toEqual({ required: false, amount: null });
    await down.getByLabel(/^Amount in USD/).fill('30.00');
    await down.getByRole('button', { name: 'Save the down payment' }).click();
    await after(page, 'The down payment was saved.');
    expect(await facts.textContent()).toContain('Down payment$30.00 required');
    expect((await productState(stack, product.id)).downPayment).toEqual({ required: true, amount: { amount: 3_000 } });

    // Only the moves the catalog lists for a preorder are offered (its allowedStatusMoves): not in stock.
    const status = page.getByRole('form', { name: 'Move the status' });
    const offeredMoves = () =>
      status
        .getByLabel('New status')
        .locator('option:not([disabled])')
        .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
    expect(await offeredMoves()).toEqual(['PREORDER_CLOSED', 'DISCONTINUED']);
    expect(await offeredMoves()).toEqual((await productState(stack, product.id)).allowedStatusMoves);
    // A form that still offers in stock (a page from before another move, or a forged one): the catalog's rule, and the status stays.
    await status.getByLabel('New status').evaluate((select) => select.append(new Option('In stock', 'IN_STOCK')));
    await status.getByLabel('New status').selectOption('IN_STOCK');
    await status.getByLabel(/^Reason/).fill('Arrived early.');
    await status.getByRole('button', { name: 'Move the status' }).click();
    expect(await status.getByRole('alert').textContent()).toBe('A product cannot go from PREORDER to IN_STOCK.');
    expect((await productState(stack, product.id)).status).toBe('PREORDER');
    await status.getByLabel('New status').selectOption('PREORDER_CLOSED');
    await status.getByLabel(/^Reason/).fill('Orders went to the maker.');
    await status.getByRole('button', { name: 'Move the status' }).click();
    await after(page, 'The status was changed.');
    expect((await productState(stack, product.id)).status).toBe('PREORDER_CLOSED');
    expect(await offeredMoves()).toEqual(['PREORDER', 'RELEASED', 'DISCONTINUED']);

    // Sale rules: an unknown country is refused with the API's reason and nothing changes; then Germany and the
    // United States blocked, two per order, four per customer.
    const rules = page.getByRole('form', { name: 'Sale rules' });
    await rules.getByLabel(/^Not sold in/).fill('DE, XX');
    await rules.getByLabel(/^Reason/).fill('Licensing.');
    await rules.getByRole('button', { name: 'Save the sale rules' }).click();
    expect(await rules.getByRole('alert').textContent()).toContain('XX is not an ISO 3166-1 alpha-2 country code.');
    expect(await productState(stack, product.id)).toMatchObject({ regionBlocks: [], maxQuantityPerOrder: null, maxQuantityPerCustomer: null });
    await rules.getByLabel(/^Not sold in/).fill('de us');
    await rules.getByLabel('At most per order').fill('2');
    await rules.getByLabel('At most per customer').fill('4');
    await rules.getByLabel(/^Reason/).fill('Licensing: not for Germany or the United States.');
    await rules.getByRole('button', { name: 'Save the sale rules' }).click();
    await after(page, 'The sale rules were saved; later orders follow them.');
    expect(await facts.textContent()).toContain('Not sold inDE, US');
    expect(await productState(stack, product.id)).toMatchObject({ regionBlocks: ['DE', 'US'], maxQuantityPerOrder: 2, maxQuantityPerCustomer: 4 });

    // Three units arrive in France: the waiting preorder moves onto one of them, two can be sold.
    const arrival = page.getByRole('form', { name: 'Record an arrival' });
    await arrival.getByLabel('Units arrived').fill('0');
    await arrival.getByRole('button', { name: 'Record the arrival' }).click();
    expect(await arrival.getByRole('alert').textContent()).toBe('Units arrived are a whole number above zero.');
    expect((await productState(stack, product.id)).stockLevels.filter((s) => s.onHand > 0)).toEqual([]);
    await arrival.getByLabel('Arrived at').selectOption(stack.warehouses.france);
    await arrival.getByLabel('Units arrived').fill('3');
    await arrival.getByRole('button', { name: 'Record the arrival' }).click();
    await after(page, 'The units arrived: 1 went to waiting preorders, 2 can be sold.');
    const france = (await productState(stack, product.id)).stockLevels.find((s) => s.warehouse.id === stack.warehouses.france);
    expect(france).toMatchObject({ onHand: 3, reserved: 1 });
    expect(await page.getByTestId('stock-levels').getByRole('row').filter({ hasText: '(E2E-FR)' }).textContent()).toMatch(/312$/);
    await expectAccessible(page, 'back-office product selling');
    await screenshots(page, 'admin-product-selling');

    // The product's history: each change, newest first, with its reason.
    await page.getByRole('navigation', { name: 'This product' }).getByRole('link', { name: 'History' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/history'));
    const trail = page.getByTestId('audit-trail');
    await trail.waitFor();
    const rowsOf = (what: string) => trail.getByRole('row').filter({ hasText: what });
    expect(await rowsOf('Price changed').filter({ hasText: 'The maker raised its price.' }).count()).toBe(1);
    expect(await rowsOf('Status moved').filter({ hasText: 'Orders went to the maker.' }).count()).toBe(1);
    expect(await rowsOf('Sale rules changed').count()).toBe(1);
    expect(await rowsOf('Preorder stock arrived').filter({ hasText: 'quantity: 3' }).count()).toBe(1);
    expect(await trail.getByRole('row').nth(1).textContent()).toContain('Preorder stock arrived');
    await expectAccessible(page, 'back-office product history');
    await screenshots(page, 'admin-product-history');
    await page.context().close();
  });

  it('a discontinued product offers no status move: the page says its status is final', async () => {
    const product = await createProduct(stack, 0, 10_000, { status: 'ANNOUNCED', name: `Tengen Uzui ${run}` });
    await discontinue(stack, product.id);
    expect((await productState(stack, product.id)).allowedStatusMoves).toEqual([]);

    const page = await staffPage(`/admin/products/${product.id}/selling`);
    await page.getByRole('heading', { level: 1, name: `Tengen Uzui ${run}` }).waitFor();
    const status = page.getByRole('region', { name: 'Move the status' });
    expect(await status.getByTestId('status-final').textContent()).toBe('Discontinued is final: the catalog allows no move from it.');
    expect(await page.getByRole('form', { name: 'Move the status' }).count()).toBe(0);
    expect(await status.getByRole('combobox').count()).toBe(0);
    await page.context().close();
  });

  it('staff add a studio and correct it, are refused a second studio of the same name, and add a warehouse after a bad code', async () => {
    const page = await staffPage('/admin');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Studios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Studios' }).waitFor();
    const studioName = `Studio ${run}`;
    const add = page.getByRole('form', { name: 'Add a studio' });
    const fillStudio = async (form: typeof add, name: string, email: string) => {
      await form.getByLabel('Name').fill(name);
      await form.getByLabel(/^Country/).fill('jp');
      await form.getByLabel('Contact email').fill(email);
    };
    await fillStudio(add, studioName, 'hello@studio.test');
    await add.getByRole('button', { name: 'Add the studio' }).click();
    await after(page, `Studio ${studioName} was added.`);
    const named = async (name: string) => (await catalogPlaces(stack)).studios.filter((s) => s.name === name);
    expect(await named(studioName)).toMatchObject([{ country: 'JP', contactEmail: 'hello@studio.test' }]);

    // The same name again: the API's refusal, and still one studio of that name.
    await fillStudio(add, studioName, 'other@studio.test');
    await add.getByRole('button', { name: 'Add the studio' }).click();
    expect(await add.getByRole('alert').textContent()).toBe(`A studio named ${studioName} already exists.`);
    expect(await named(studioName)).toHaveLength(1);
    await expectAccessible(page, 'back-office studios');
    await screenshots(page, 'admin-studios');

    await page.getByRole('link', { name: `Edit ${studioName}` }).click();
    await page.getByRole('heading', { level: 1, name: studioName }).waitFor();
    const edit = page.getByRole('form', { name: 'Correct the studio' });
    await edit.getByLabel('Name').fill(`${studioName} Works`);
    await edit.getByLabel('Contact email').fill('orders@studio.test');
    await edit.getByRole('button', { name: 'Save the studio' }).click();
    await after(page, 'The studio was saved.');
    expect(await named(studioName)).toHaveLength(0);
    expect(await named(`${studioName} Works`)).toMatchObject([{ country: 'JP', contactEmail: 'orders@studio.test' }]);
    await expectAccessible(page, 'back-office studio');

    await page.goto(`${webUrl}/admin/warehouses`);
    await page.getByRole('heading', { level: 1, name: 'Warehouses' }).waitFor();
    const warehouse = page.getByRole('form', { name: 'Add a warehouse' });
    const code = `LY-${run.slice(-6)}`;
    await warehouse.getByLabel('Code', { exact: true }).fill('x');
    await warehouse.getByLabel('Name').fill(`Lyon annex ${run}`);
    await warehouse.getByLabel(/^Country/).fill('fr');
    await warehouse.getByLabel(/^Priority/).fill('50');
    await warehouse.getByRole('button', { name: 'Add the warehouse' }).click();
    expect(await warehouse.getByRole('alert').textContent()).toContain('Code must be 2-16 letters, digits or dashes, e.g. FR-LYS.');
    expect((await catalogPlaces(stack)).warehouses.filter((w) => w.name === `Lyon annex ${run}`)).toEqual([]);
    await warehouse.getByLabel('Code', { exact: true }).fill(code);
    await warehouse.getByRole('button', { name: 'Add the warehouse' }).click();
    await after(page, 'The warehouse was added.');
    expect(await page.getByTestId('warehouses').getByRole('row').filter({ hasText: code }).textContent()).toContain(`Lyon annex ${run}`);
    expect((await catalogPlaces(stack)).warehouses.filter((w) => w.code === code)).toEqual([
      { code, name: `Lyon annex ${run}`, heldByFactory: false, allocationPriority: 50 },
    ]);
    await expectAccessible(page, 'back-office warehouses');
    await screenshots(page, 'admin-warehouses');

    // A customer is refused the page, saying why.
    const customer = await stack.newCustomer();
    const customerContext = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const customerPage = await customerContext.newPage();
    await signInAs(customerPage, webUrl, customer.email, customerPassword, '/');
    expect((await customerPage.goto(`${webUrl}/admin/studios`))?.status()).toBe(403);
    expect(await customerPage.getByRole('heading', { level: 1 }).textContent()).toBe('Staff only');
    await customerContext.close();
    await page.context().close();
  });

  it('staff page through the products list with its search and filters kept', async () => {
    // 25 a page, newest first: 26 products in stock make a second page holding the first of them; one more,
    // announced, is left out by the status filter.
    const word = `Paging ${run}`;
    const catalogOnly = { ...stack, orders: undefined };
    await createProduct(catalogOnly, 0, 5_000, { name: `${word} 1`, status: 'ANNOUNCED' });
    for (let n = 2; n <= 27; n++) await createProduct(catalogOnly, 0, 5_000, { name: `${word} ${n}`, status: 'IN_STOCK' });

    const page = await staffPage('/admin/products');
    await page.getByLabel('Name, SKU, series or studio').fill(word);
    await page.getByLabel('Only products that are').selectOption('IN_STOCK');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Catalog (26)' }).waitFor();
    const catalog = page.getByRole('region', { name: /^Catalog/ });
    const listed = (n: number) => catalog.getByRole('link', { name: `${word} ${n}`, exact: true });
    expect(await catalog.getByRole('row').count()).toBe(26); // the header and 25 products
    expect(await listed(27).count()).toBe(1);
    expect(await listed(2).count()).toBe(0);
    expect(await listed(1).count()).toBe(0);
    const pages = page.getByRole('navigation', { name: 'Pages of products' });
    expect(await pages.getByRole('link', { name: 'First page' }).count()).toBe(0);
    await pages.getByRole('link', { name: 'Next page' }).click();
    await listed(2).waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('q'), url.searchParams.get('status'), url.searchParams.has('after')]).toEqual([word, 'IN_STOCK', true]);
    expect(await page.getByLabel('Name, SKU, series or studio').inputValue()).toBe(word);
    expect(await page.getByLabel('Only products that are').inputValue()).toBe('IN_STOCK');
    expect(await catalog.getByRole('row').count()).toBe(2);
    expect(await pages.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await expectAccessible(page, 'back-office products, second page');
    await screenshots(page, 'admin-products-page-2');
    await pages.getByRole('link', { name: 'First page' }).click();
    await listed(27).waitFor();
    expect(await catalog.getByRole('row').count()).toBe(26);

    // The announced one alone: one page, no pager.
    await page.getByLabel('Only products that are').selectOption('ANNOUNCED');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Catalog (1)' }).waitFor();
    expect(await listed(1).count()).toBe(1);
    expect(await pages.count()).toBe(0);
    await page.context().close();
  });
});
