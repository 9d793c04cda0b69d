import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOver, paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
import { deliveredOrder } from './test-support/account-setup.js';
import { flagsOf, orderState, packedAt, returnDestination, returnRequested, returnState, shipmentState } from './test-support/admin-more-setup.js';
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

// The back office's customer, return, shipment and order-step pages in a real browser, on the whole platform under
// deposit-store (returns within 7 days of delivery, 30% restocking fee, the customer pays the postage; shipping to
// France 15.00): a customer found by email, flagged and unflagged with reasons; a return for preference received
// back and refunded; two parcels of one customer combined, another's extra shipping invoice waiting, a dispatched
// parcel's delivery recorded; an order taken through orders' own steps. Each refused step shows the API's message
// and changes nothing, which the API confirms afterwards.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_admin_more', 'deposit-store'));
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const cost = { price: 10_000, shipping: 1_500 };

const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

const after = formDone;

describe('the back office’s customers, returns, shipments and order steps', () => {
  it('staff find a customer by email, read their region, set a flag with a reason (refused without one) and lift it', async () => {
    const customer = await stack.newCustomer('FR');
    const page = await staffPage('/admin/customers');
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();

    // One letter is too short a name for accounts' search: its message, no list.
    await page.getByLabel('Name (or part of it)').fill('T');
    await page.getByRole('button', { name: 'Find customers' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('A name search needs at least 2 characters. At least 2 characters.');
    expect(await page.getByRole('table').count()).toBe(0);

    await page.getByLabel('Name (or part of it)').fill('');
    await page.getByLabel('Email (or its start)').fill(customer.email);
    await page.getByRole('button', { name: 'Find customers' }).click();
    await page.getByRole('heading', { name: '1 customer, newest accounts first' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: customer.email }).getByRole('cell').nth(2).textContent()).toBe('FR');
    await expectAccessible(page, 'back-office customers');
    await screenshots(page, 'admin-customers');
    await page.getByRole('link', { name: 'Test Customer', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Test Customer' }).waitFor();
    expect(await page.getByTestId('customer-region').textContent()).toBe('FR');
    expect(await page.getByTestId('flags').textContent()).toBe('No flag is set.');
    expect(await page.getByRole('link', { name: 'Every order of this customer' }).getAttribute('href')).toBe(`/admin/orders?customer=${customer.id}`);

    // No reason: accounts refuses, and no flag is set.
    const setFlag = page.getByRole('form', { name: 'Set a flag' });
    await setFlag.getByLabel('Flag').selectOption('BLOCKED');
    await setFlag.getByRole('button', { name: 'Set the flag' }).click();
    expect(await setFlag.getByRole('alert').textContent()).toBe('Please give a reason. Say why (it is kept with the change, for whoever reads it later).');
    expect(await flagsOf(stack, customer.id)).toEqual([]);

    await setFlag.getByLabel('Flag').selectOption('BLOCKED');
    await setFlag.getByLabel(/^Why/).fill('Refused three deliveries in a row.');
    await setFlag.getByRole('button', { name: 'Set the flag' }).click();
    await after(page, 'The flag was set.');
    expect(await flagsOf(stack, customer.id)).toEqual([{ flag: 'BLOCKED', reason: 'Refused three deliveries in a row.' }]);
    expect(await page.getByTestId('flags').textContent()).toContain('“Refused three deliveries in a row.”');
    await expectAccessible(page, 'back-office customer');
    await screenshots(page, 'admin-customer');

    const lift = page.getByRole('form', { name: 'Lift the flag BLOCKED' });
    await lift.getByLabel(/^Why lift it/).fill('Paid the return shipping; service restored.');
    await lift.getByRole('button', { name: 'Lift the flag' }).click();
    await after(page, 'The flag was lifted.');
    expect(await flagsOf(stack, customer.id)).toEqual([]);
    expect(await page.getByTestId('flags').textContent()).toBe('No flag is set.');

    // A customer is refused the back office's customer pages.
    const customerContext = await browser.newContext({ viewport: viewports.desktop });
    const theirs = await customerContext.newPage();
    await signInAs(theirs, webUrl, customer.email, customerPassword, '/');
    expect((await theirs.goto(`${webUrl}/admin/customers`))?.status()).toBe(403);
    expect(await theirs.getByRole('heading', { level: 1 }).textContent()).toBe('Staff only');
    await customerContext.close();
    await page.context().close();
  });

  it('staff record a returned item as perfect: after-sales refunds the quote; recorded again from a stale page, it is refused', async () => {
    const customer = await stack.newCustomer();
    const { orderId, productId } = await deliveredOrder(stack, customer, 'Returned figure', cost);
    const returnId = await returnRequested(stack, customer, orderId, productId);
    // Where it comes back to: the stack's French warehouse the parcel left from, at its return address (after-sales').
    const destination = await until(
      () => returnDestination(stack, returnId),
      (r) => r.sendTo != null,
    );

    const page = await staffPage('/admin/returns');
    const card = page.getByRole('article', { name: new RegExp(`^Return ${returnId.slice(0, 8)}`) });
    await card.waitFor();
    // deposit-store: the price less a 30% restocking fee, shipping not refunded, the customer pays the postage.
    expect(await card.getByTestId('return-quote').textContent()).toContain(
      'Refund if it comes back as the policy asks: $70.00 (restocking fee $30.00, shipping $0.00, the customer pays the postage).',
    );
    const to = destination!.sendTo!;
    expect(to.warehouseCode).toBe('E2E-FR');
    expect(await card.getByTestId('return-destination').textContent()).toBe(
      `Coming back to ${to.warehouseCode}: ${[to.name, to.line1, to.line2, `${to.postalCode} ${to.city}`, to.region].filter(Boolean).join(', ')}, France · parcel marked ${destination!.parcelReference}`,
    );
    await expectAccessible(page, 'back-office returns');
    await screenshots(page, 'admin-returns');
    // A second tab still shows the return as waiting.
    const stale = await page.context().newPage();
    await stale.goto(`${webUrl}/admin/returns`);

    await card.getByLabel('Condition').selectOption('PERFECT_UNUSED');
    await card.getByLabel(/^Note/).fill('Sealed box, unopened.');
    await card.getByRole('button', { name: 'Record the arrival' }).click();
    await after(page, /^The return was recorded/);
    expect(await returnState(stack, returnId)).toEqual({ status: 'REFUNDED', condition: 'PERFECT_UNUSED', refund: { amount: 7_000 } });
    expect(await page.getByRole('article', { name: new RegExp(`^Return ${returnId.slice(0, 8)}`) }).count()).toBe(0);

    const staleCard = stale.getByRole('article', { name: new RegExp(`^Return ${returnId.slice(0, 8)}`) });
    await staleCard.getByLabel('Condition').selectOption('USED_OR_DAMAGED');
    await staleCard.getByRole('button', { name: 'Record the arrival' }).click();
    expect(await stale.getByRole('alert').textContent()).toBe('This return was already inspected (refunded).');
    expect(await returnState(stack, returnId)).toEqual({ status: 'REFUNDED', condition: 'PERFECT_UNUSED', refund: { amount: 7_000 } });

    // The refunded one under its own state, with what arrived and what was refunded.
    await page.goto(`${webUrl}/admin/returns?status=REFUNDED`);
    const done = page.getByRole('article', { name: new RegExp(`^Return ${returnId.slice(0, 8)}`) });
    expect(await done.getByTestId('return-outcome').textContent()).toMatch(/^Arrived .* · Perfect and unused · refunded \$70\.00/);
    await page.context().close();
  });

  it('staff combine one customer’s parcels (another’s refused), see an extra shipping invoice waiting, and record a delivery (refused once delivered)', async () => {
    const ann = await stack.newCustomer();
    const bob = await stack.newCustomer();
    const product = await createProduct(stack, 10, cost.price);
    const first = await paidInStockOrder(stack, ann, product.id, cost);
    const second = await paidInStockOrder(stack, ann, product.id, cost);
    const bobs = await paidInStockOrder(stack, bob, product.id, cost);

    const page = await staffPage('/admin/shipments');
    const combine = page.getByRole('form', { name: 'Combine shipments' });
    await page.locator(`#combine-${first.shipmentId}`).check();
    await page.locator(`#combine-${bobs.shipmentId}`).check();
    await combine.getByRole('button', { name: 'Combine the ticked shipments' }).click();
    expect(await combine.getByRole('alert').textContent()).toBe(`Shipment ${bobs.shipmentId} is another customer's: a parcel goes to one customer.`);
    for (const id of [first.shipmentId, bobs.shipmentId]) expect((await shipmentState(stack, id)).status).toBe('OPEN');

    await page.locator(`#combine-${bobs.shipmentId}`).uncheck();
    await page.locator(`#combine-${first.shipmentId}`).check();
    await page.locator(`#combine-${second.shipmentId}`).check();
    await combine.getByRole('button', { name: 'Combine the ticked shipments' }).click();
    await after(page, 'The shipments were combined into one parcel.');
    const combined = await shipmentState(stack, first.shipmentId);
    expect(combined.orders.map((o) => o.orderId).sort()).toEqual([first.id, second.id].sort());
    expect(await shipmentState(stack, second.shipmentId)).toMatchObject({ status: 'CONSOLIDATED', consolidatedInto: first.shipmentId });

    // The combined parcel costs what both paid; Bob's costs 10.00 more than he paid: an extra invoice waits.
    expect(await packedAt(stack, first.shipmentId, 2, cost.price + cost.shipping, 2 * cost.shipping)).toBe('READY');
    await handOver(stack, first.shipmentId, 'COLISSIMO', `6A${first.shipmentId.slice(0, 8)}`);
    expect(await packedAt(stack, bobs.shipmentId, 1, cost.price + cost.shipping, cost.shipping + 1_000)).toBe('AWAITING_PAYMENT');

    const queue = `${webUrl}/admin/shipments?status=AWAITING_PAYMENT&status=DISPATCHED&status=DELIVERED`;
    await page.goto(queue);
    const stale = await page.context().newPage();
    await stale.goto(queue);
    expect(await page.getByTestId(`shipping-money-${bobs.shipmentId}`).textContent()).toBe(
      `Order ${bobs.id.slice(0, 8)}: paid $15.00 for shipping, its share of the parcel $25.00, extra shipping $10.00 invoiced, waiting for the customer’s payment (dispatch waits for it)`,
    );
    const track = page.getByRole('form', { name: `Record a tracking step of shipment ${first.shipmentId.slice(0, 8)}` });
    await expectAccessible(page, 'back-office shipments after dispatch');
    await screenshots(page, 'admin-shipments-tracking');
    await track.getByLabel('Step').selectOption('DELIVERED');
    await track.getByLabel(/^Carrier’s note/).fill('Left with the concierge.');
    await track.getByRole('button', { name: 'Record the step' }).click();
    await after(page, 'The tracking step was recorded.');
    const delivered = await shipmentState(stack, first.shipmentId);
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.deliveredAt).not.toBeNull();
    expect(delivered.tracking.map((t) => t.status)).toEqual(['DISPATCHED', 'DELIVERED']);
    expect(await page.getByRole('list', { name: `Tracking of shipment ${first.shipmentId.slice(0, 8)}` }).textContent()).toContain(
      'Delivered (Left with the concierge.)',
    );

    // From the page opened before: returned to sender after the delivery is refused, nothing recorded.
    const staleTrack = stale.getByRole('form', { name: `Record a tracking step of shipment ${first.shipmentId.slice(0, 8)}` });
    await staleTrack.getByLabel('Step').selectOption('RETURNED_TO_SENDER');
    await staleTrack.getByRole('button', { name: 'Record the step' }).click();
    expect(await stale.getByRole('alert').textContent()).toBe('Tracking is recorded only for a parcel on its way (dispatched, not yet delivered or returned).');
    expect((await shipmentState(stack, first.shipmentId)).tracking.map((t) => t.status)).toEqual(['DISPATCHED', 'DELIVERED']);

    // Bob's overrun: staff waive it (the store absorbs the 10.00); his parcel is ready to hand over without his payment.
    const waiveForm = (p: typeof page) => p.getByRole('form', { name: `Waive the extra postage of shipment ${bobs.shipmentId.slice(0, 8)}` });
    const waive = waiveForm(page);
    await waive.getByLabel('Why the store absorbs it').fill('A small overrun: the store absorbs it.');
    await waive.getByRole('button', { name: 'Waive the extra postage' }).click();
    await after(page, 'The extra postage was waived: the parcel is ready to hand over.');
    expect((await shipmentState(stack, bobs.shipmentId)).status).toBe('READY');
    expect(await waiveForm(page).count()).toBe(0);
    // From the page opened before: a second waiver is refused, said at the top (the shipment left that queue).
    await waiveForm(stale).getByLabel('Why the store absorbs it').fill('Twice');
    await waiveForm(stale).getByRole('button', { name: 'Waive the extra postage' }).click();
    // The page still shows the tracking refusal until the answer comes: wait for the new one, then it is the only alert.
    await stale.getByRole('alert').filter({ hasText: 'waived' }).waitFor();
    expect(await stale.getByRole('alert').textContent()).toBe('The extra postage cannot be waived: it was waived already.');
    await page.goto(`${webUrl}/admin/shipments?status=READY`);
    expect(await page.getByTestId(`shipping-money-${bobs.shipmentId}`).textContent()).toMatch(
      new RegExp(
        `^Order ${bobs.id.slice(0, 8)}: paid \\$15\\.00 for shipping, its share of the parcel \\$25\\.00, extra shipping \\$10\\.00 invoiced, waived .+ \\(the store absorbs it\\)$`,
      ),
    );
    expect(await page.getByTestId(`extra-waiver-${bobs.shipmentId}`).textContent()).toMatch(
      /^Extra postage of \$10\.00 waived .+: “A small overrun: the store absorbs it\.”$/,
    );
    expect(await page.getByRole('form', { name: `Dispatch shipment ${bobs.shipmentId.slice(0, 8)}` }).count()).toBe(1);
    await expectAccessible(page, 'back-office shipments with a waived extra postage');
    await page.context().close();
  });

  it('staff take an order through orders’ own steps: start, shipped (a short tracking number refused), delivered', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, cost.price);
    const { id: orderId } = await paidInStockOrder(stack, customer, product.id, cost);

    const page = await staffPage(`/admin/orders/${orderId}`);
    const steps = page.getByRole('region', { name: 'Fulfilment' });
    // The page offers the steps orders lists for the order (staffSteps), and the cancellation with them.
    const offered = () => steps.getByRole('button').allTextContents();
    expect((await orderState(stack, orderId)).staffSteps).toEqual(['CONFIRM_SHIPPING_DATE', 'START_FULFILMENT', 'MARK_SHIPPED', 'CANCEL']);
    expect(await offered()).toEqual(['Confirm the shipping date', 'Start fulfilment', 'Mark as shipped']);
    expect(await page.getByRole('form', { name: 'Cancel the order' }).count()).toBe(1);
    await steps.getByRole('button', { name: 'Start fulfilment' }).click();
    await after(page, 'Fulfilment started: the warehouse is on it.');
    expect((await orderState(stack, orderId)).status).toBe('IN_FULFILMENT');
    expect(await page.getByTestId('order-status').textContent()).toBe('Being packed');
    expect(await offered()).toEqual(['Mark as shipped']);

    const shipped = page.getByRole('form', { name: 'Mark as shipped' });
    await shipped.getByLabel(/^Tracking number/).fill('6A1');
    await shipped.getByRole('button', { name: 'Mark as shipped' }).click();
    expect(await shipped.getByRole('alert').textContent()).toBe('Give the carrier tracking number. A tracking number is 4 to 80 characters.');
    expect(await orderState(stack, orderId)).toMatchObject({ status: 'IN_FULFILMENT', trackingNumber: null });

    await shipped.getByLabel(/^Tracking number/).fill('6A12345678');
    await shipped.getByRole('button', { name: 'Mark as shipped' }).click();
    await after(page, 'The order was marked as shipped.');
    expect(await orderState(stack, orderId)).toMatchObject({ status: 'SHIPPED', trackingNumber: '6A12345678', staffSteps: ['MARK_DELIVERED'] });
    // Shipped: orders no longer lists CANCEL, so the form is gone.
    expect(await offered()).toEqual(['Mark as delivered']);
    expect(await page.getByRole('form', { name: 'Cancel the order' }).count()).toBe(0);
    await expectAccessible(page, 'back-office order fulfilment');
    await screenshots(page, 'admin-order-fulfilment');

    await page.getByRole('form', { name: 'Mark as delivered' }).getByRole('button', { name: 'Mark as delivered' }).click();
    await after(page, /^The order was marked as delivered/);
    const done = await orderState(stack, orderId);
    expect(done.status).toBe('DELIVERED');
    expect(done.deliveredAt).not.toBeNull();
    expect(await page.getByRole('region', { name: 'Fulfilment' }).count()).toBe(0);
    await page.context().close();
  });
});
