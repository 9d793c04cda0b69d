import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack, until } from '@vitrine/e2e/support/store-scenario';
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
import {
  chosen,
  claimOnDeliveredOrder,
  claimState,
  clockAhead,
  deliveriesOf,
  fulfilmentStarted,
  orderMoney,
  policyVersions,
  stockOfProduct,
  unreachablePartner,
} from './test-support/admin-setup.js';

// The back office's records in a real browser, on the whole platform under deposit-store (in-stock orders: free to
// cancel until the warehouse starts, then a 30% restocking fee; shipping to France 15.00): orders found by their
// customer's email with their money trail, refunded and cancelled with the fee waived; a product's stock per
// warehouse with its ledger, units received and moved to another warehouse; a partner's webhook deliveries replayed; claims sent back for evidence, refused, graded
// at staff's own amount, received back and closed; a policy version published from a preset and compared with the
// first; the store clock moved forward. Each refused step shows the API's message and changes
// nothing, which the API confirms afterwards.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_admin_records', 'deposit-store', { WEBHOOK_ALLOW_PLAIN_HTTP: 'true' }));
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const cost = { price: 10_000, shipping: 1_500 };

const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

const after = formDone;

describe('the back office’s records', () => {
  it('staff find an order by its customer’s email, read its money trail, refund part of it and cancel it with the fee waived', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, cost.price);
    const { id: orderId } = await paidInStockOrder(stack, customer, product.id, cost);
    await fulfilmentStarted(stack, orderId);

    const page = await staffPage('/admin/orders');
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page.getByLabel('Customer email (or its start)').fill(customer.email);
    await page.getByRole('button', { name: 'Find orders' }).click();
    await page.getByRole('heading', { name: '1 order, newest first' }).waitFor();
    await expectAccessible(page, 'back-office orders');
    await screenshots(page, 'admin-orders');
    await page.getByRole('link', { name: `Order ${orderId}` }).click();

    await page.getByRole('heading', { level: 1, name: `Order ${orderId.slice(0, 8)}` }).waitFor();
    expect(await page.getByTestId('order-status').textContent()).toBe('Being packed');
    expect(await page.getByTestId('order-money').textContent()).toMatch(/^Paid \$115\.00 · refunded/);
    const trail = page.getByTestId('money-trail');
    expect(await trail.getByRole('row').filter({ hasText: 'Payment captured' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'back-office order');
    await screenshots(page, 'admin-order');

    // More than was paid: payments' message, no refund.
    const refund = page.getByRole('form', { name: 'Refund' });
    await refund.getByLabel(/^Amount/).fill('200');
    await refund.getByLabel(/^Why/).fill('Goodwill for the wait.');
    await refund.getByRole('button', { name: 'Refund' }).click();
    expect(await refund.getByRole('alert').textContent()).toBe(
      'At most 115.00 USD can still be refunded on this order (115.00 USD paid, 0.00 USD already refunded).',
    );
    expect((await orderMoney(stack, orderId)).refunds).toEqual([]);

    await refund.getByLabel(/^Amount/).fill('15.00');
    await refund.getByLabel(/^Why/).fill('The box arrived dented.');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await after(page, 'The refund was recorded.');
    expect((await orderMoney(stack, orderId)).refunds).toEqual([{ amount: { amount: 1_500 }, reason: 'STAFF' }]);
    expect(await page.getByTestId('refunds').textContent()).toContain('$15.00 (Staff)');

    // Cancelling needs a reason: orders refuses an empty one and the order stays with the warehouse.
    const cancel = page.getByRole('form', { name: 'Cancel the order' });
    await cancel.getByRole('button', { name: 'Cancel the order' }).click();
    expect(await cancel.getByRole('alert').textContent()).toBe(
      'Please say why the order is cancelled. Say why (it is kept with the change, for whoever reads it later).',
    );
    expect((await orderMoney(stack, orderId)).status).toBe('IN_FULFILMENT');

    // The warehouse started: the policy keeps a 30% restocking fee, which staff waive.
    await cancel.getByLabel(/^Reason/).fill('The customer called: wrong size ordered.');
    await cancel.getByLabel(/^Waive the fees/).check();
    await cancel.getByRole('button', { name: 'Cancel the order' }).click();
    await after(page, 'The order was cancelled.');
    expect((await orderMoney(stack, orderId)).outcome).toEqual({ by: 'STAFF', feesWaived: true, reason: 'The customer called: wrong size ordered.' });
    expect(await page.getByTestId('order-status').textContent()).toBe('Cancelled');
    expect(await page.getByText(/Kept \$0\.00, refund .*\(fees waived\)/).count()).toBe(1);
    await page.context().close();
  });

  it('staff read a product’s stock per warehouse with its ledger and reconciliation, are refused a count below zero, receive units and move some to another warehouse', async () => {
    const product = await createProduct(stack, 5, cost.price);
    const inFrance = async () => (await stockOfProduct(stack, product.id)).stockLevels.find((s) => s.warehouse.id === stack.warehouses.france)!;
    const { code } = (await inFrance()).warehouse;

    const page = await staffPage('/admin/stock');
    await page.getByLabel('Product SKU').fill(product.sku);
    await page.getByRole('button', { name: 'Show its stock' }).click();
    const levels = page.getByTestId('stock-levels');
    await levels.waitFor();
    const franceRow = levels.getByRole('row').filter({ hasText: `(${code})` });
    expect(await franceRow.getByRole('cell').allTextContents()).toEqual(['5', '0', '5']);
    expect(await page.getByTestId('reconciliation').textContent()).toBe('The counts match the ledger.');
    expect(await page.getByTestId('stock-ledger').getByRole('row').filter({ hasText: 'Received' }).filter({ hasText: '+5' }).count()).toBe(1);
    await expectAccessible(page, 'back-office stock');
    await screenshots(page, 'admin-stock');

    const correct = page.getByRole('form', { name: 'Correct the count' });
    await correct.getByLabel('Warehouse').selectOption(stack.warehouses.france);
    await correct.getByLabel(/^Units/).fill('-10');
    await correct.getByLabel('Reason').fill('Shelf count');
    await correct.getByRole('button', { name: 'Correct the count' }).click();
    expect(await correct.getByRole('alert').textContent()).toBe('Only 5 units are on hand: removing 10 would go below zero.');
    expect((await inFrance()).onHand).toBe(5);

    const receive = page.getByRole('form', { name: 'Receive units' });
    await receive.getByLabel('Warehouse').selectOption(stack.warehouses.france);
    await receive.getByLabel('Units received').fill('3');
    await receive.getByRole('button', { name: 'Receive' }).click();
    await after(page, 'The units were received.');
    expect((await inFrance()).onHand).toBe(8);
    expect(await franceRow.getByRole('cell').allTextContents()).toEqual(['8', '0', '8']);
    const stock = await stockOfProduct(stack, product.id);
    expect(stock.stockMovements.filter((m) => m.kind === 'RECEIVED').map((m) => m.quantity)).toEqual([3, 5]);
    expect(await page.getByTestId('stock-ledger').getByRole('row').filter({ hasText: '+3' }).count()).toBe(1);
    expect(await page.getByTestId('reconciliation').textContent()).toBe('The counts match the ledger.');

    // Units moved to the factory's warehouse: more than are free is refused by the form, changing nothing; then 2 move.
    const move = page.getByRole('form', { name: 'Move units to another warehouse' });
    await move.getByLabel('From', { exact: true }).selectOption(stack.warehouses.france);
    await move.getByLabel('To', { exact: true }).selectOption(stack.warehouses.factory);
    await move.getByLabel('Units to move').fill('9');
    await move.getByLabel('Reason').fill('Rebalancing before the sale');
    await move.getByRole('button', { name: 'Move the units' }).click();
    expect(await move.getByRole('alert').textContent()).toBe(`${code} has 8 free units of this product: at most 8 can be moved.`);
    expect((await inFrance()).onHand).toBe(8);
    await move.getByLabel('Units to move').fill('2');
    await move.getByRole('button', { name: 'Move the units' }).click();
    await after(page, `2 units moved from ${code} to `);
    const moved = await stockOfProduct(stack, product.id);
    const factory = moved.stockLevels.find((s) => s.warehouse.id === stack.warehouses.factory)!;
    expect(await page.getByRole('status').textContent()).toBe(`2 units moved from ${code} to ${factory.warehouse.code}.`);
    expect(moved.stockLevels.map((l) => [l.warehouse.id, l.onHand]).sort()).toEqual(
      [
        [stack.warehouses.france, 6],
        [stack.warehouses.factory, 2],
      ].sort(),
    );
    for (const level of moved.stockLevels) {
      const row = levels.getByRole('row').filter({ hasText: `(${level.warehouse.code})` });
      expect(await row.getByRole('cell').allTextContents()).toEqual([level.onHand, level.reserved, level.available].map(String));
    }
    const ledger = page.getByTestId('stock-ledger');
    expect(
      await ledger
        .getByRole('row')
        .filter({ hasText: `Moved to ${factory.warehouse.code}` })
        .filter({ hasText: '-2' })
        .count(),
    ).toBe(1);
    expect(
      await ledger
        .getByRole('row')
        .filter({ hasText: `Moved from ${code}` })
        .filter({ hasText: '+2' })
        .count(),
    ).toBe(1);
    expect(moved.stockMovements.filter((m) => m.kind === 'TRANSFERRED').map((m) => m.quantity)).toEqual([2, -2]);
    expect(await page.getByTestId('reconciliation').textContent()).toBe('The counts match the ledger.');
    await expectAccessible(page, 'back-office stock after a move');
    await page.context().close();
  });

  it('staff read a partner’s webhook deliveries and send its events again', async () => {
    const name = `Order tracker ${Date.now()}`;
    const partnerId = await unreachablePartner(stack, name, ['orders.order.status-changed']);
    const from = new Date(Date.now() - 60_000);
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 5, cost.price);
    await paidInStockOrder(stack, customer, product.id, cost);
    // Nothing listens on the endpoint: the order's first event is tried, fails and is recorded (its later events
    // wait behind it, so the partner sees them in order).
    await until(
      () => deliveriesOf(stack, partnerId),
      (ds) => ds.some((d) => d.attemptCount > 0),
    );

    const page = await staffPage(`/admin/partners?partner=${partnerId}`);
    const partner = page.getByRole('article', { name: new RegExp(`^${name}`) });
    await partner.waitFor();
    expect(await partner.textContent()).toContain('Subscribed to: orders.order.status-changed');
    const log = page.getByTestId('deliveries');
    expect(await log.getByRole('row').filter({ hasText: 'orders.order.status-changed' }).filter({ hasText: 'no answer' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'back-office partners');
    await screenshots(page, 'admin-partners');

    // Neither a moment nor an event: notifications asks where to start, and replays nothing.
    const replay = page.getByRole('form', { name: `Send events again to ${name}` });
    await replay.getByRole('button', { name: 'Send again' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Say where to replay from. Give since or afterEventId.');
    expect((await deliveriesOf(stack, partnerId)).filter((d) => d.replayOf)).toEqual([]);

    await replay.getByLabel('Since (UTC)').fill(from.toISOString().slice(0, 16));
    await replay.getByRole('button', { name: 'Send again' }).click();
    const done = page.getByRole('status').filter({ hasText: /queued to be sent again/ });
    await done.waitFor();
    const queued = Number(/^(\d+) event/.exec((await done.textContent()) ?? '')?.[1]);
    expect(queued).toBeGreaterThan(0);
    expect((await deliveriesOf(stack, partnerId)).filter((d) => d.replayOf)).toHaveLength(queued);
    expect(await log.getByText('Replay', { exact: true }).count()).toBe(queued);
    await page.context().close();
  });

  it('staff ask for more evidence, refuse a claim under its policy’s rule, grade a part at their own amount, receive a returned item and close a resolved claim', async () => {
    const customer = await stack.newCustomer();
    const [asked, refused, returned, replaced] = await Promise.all([1, 2, 3, 4].map(() => claimOnDeliveredOrder(stack, customer, cost)));
    const page = await staffPage('/admin/claims?kind=ACCESSORY_DAMAGED');
    const card = (orderId: string) => page.getByRole('article', { name: /^Accessory damaged/ }).filter({ hasText: `Order ${orderId.slice(0, 8)}` });

    // More evidence: after-sales wants a real request (at least 10 characters) and sends nothing until then.
    const ask = card(asked!.orderId).getByRole('form', { name: /^Ask for more evidence/ });
    await ask.getByLabel('What the customer should add').fill('More');
    await ask.getByRole('button', { name: 'Ask for more evidence' }).click();
    expect(await card(asked!.orderId).getByRole('alert').textContent()).toBe(
      'Say what evidence is missing: nothing was sent. Tell the customer what to add, in at least 10 characters.',
    );
    expect((await claimState(stack, asked!.claimId)).status).toBe('SUBMITTED');
    await ask.getByLabel('What the customer should add').fill('A close-up photo of the neck joint, please.');
    await ask.getByRole('button', { name: 'Ask for more evidence' }).click();
    await after(page, 'Sent back to the customer for more evidence.');
    expect(await claimState(stack, asked!.claimId)).toMatchObject({
      status: 'NEEDS_MORE_EVIDENCE',
      evidenceRequest: 'A close-up photo of the neck joint, please.',
    });

    // Refused under one of the rules its policy lists.
    const refuse = card(refused!.orderId).getByRole('form', { name: /^Refuse the claim/ });
    const rule = await refuse.getByLabel('Refuse under the rule').inputValue();
    await refuse.getByRole('button', { name: 'Refuse the claim' }).click();
    await after(page, 'The claim was refused.');
    expect(await claimState(stack, refused!.claimId)).toMatchObject({ status: 'REFUSED', refusal: { id: rule } });

    // An amount where the chart sets one is after-sales' refusal; a mistyped one is the page's; then staff grade it themselves.
    const grade = card(returned!.orderId).getByRole('form', { name: /^Grade the claim/ });
    await grade.getByLabel(/^Grade of Head sculpt special/).selectOption('HIGH');
    await grade.getByLabel(/^Its amount/).fill('12.50');
    await grade.getByRole('button', { name: 'Grade and offer' }).click();
    expect(await card(returned!.orderId).getByRole('alert').textContent()).toMatch(
      /^This decision is not complete: nothing was decided\. The policy sets this amount: /,
    );
    await grade.getByLabel(/^Its amount/).fill('12.5O');
    await grade.getByRole('button', { name: 'Grade and offer' }).click();
    // The previous refusal is on the page until the answer replaces it.
    await card(returned!.orderId)
      .getByRole('alert')
      .filter({ hasText: /^Enter amounts in USD, e\.g\. 12\.50\.$/ })
      .waitFor();
    expect((await claimState(stack, returned!.claimId)).gradedParts).toEqual([]);
    await grade.getByLabel(/^Grade of Head sculpt special/).selectOption('STAFF');
    await grade.getByLabel(/^Its amount/).fill('12.50');
    await grade.getByRole('button', { name: 'Grade and offer' }).click();
    await after(page, /^Graded/);
    expect((await claimState(stack, returned!.claimId)).gradedParts).toEqual([{ grade: 'STAFF', amount: { amount: 1_250 } }]);
    await card(replaced!.orderId)
      .getByRole('form', { name: /^Grade the claim/ })
      .getByRole('button', { name: 'Grade and offer' })
      .click();
    // The first grading's "Graded" is still shown: this one is awaited at after-sales.
    await until(
      () => claimState(stack, replaced!.claimId),
      (c) => c.gradedParts.length > 0,
    );

    // The customers choose: one sends the figure back, the other takes a replacement part.
    await chosen(stack, customer, returned!.claimId, 'RETURN');
    await chosen(stack, customer, replaced!.claimId, 'REPLACEMENT_PART');
    await page.goto(`${webUrl}/admin/claims?status=RESOLVING&kind=ACCESSORY_DAMAGED`);
    const receive = card(returned!.orderId).getByRole('form', { name: /^Receive the returned item/ });
    await receive.waitFor();
    // Where the figure comes back to (or why it is not known yet) and the reference on its parcel; nothing for a part.
    expect(await card(returned!.orderId).getByTestId('return-destination').textContent()).toMatch(/^Coming back to .+ · parcel marked CLM-\w+/);
    expect(await card(replaced!.orderId).getByTestId('return-destination').count()).toBe(0);
    await expectAccessible(page, 'back-office claims being resolved');
    await screenshots(page, 'admin-claims-resolving');
    await receive.getByLabel('Condition on arrival').selectOption('PERFECT_UNUSED');
    await receive.getByRole('button', { name: 'Record the returned item' }).click();
    await after(page, 'The returned item was received: the refund follows and the claim is closed.');
    expect(await claimState(stack, returned!.claimId)).toMatchObject({ status: 'CLOSED', resolution: 'RETURN', returnCondition: 'PERFECT_UNUSED' });

    await card(replaced!.orderId).getByRole('button', { name: 'Close: the resolution is carried out' }).click();
    await after(page, 'The claim was closed.');
    expect(await claimState(stack, replaced!.claimId)).toMatchObject({ status: 'CLOSED', resolution: 'REPLACEMENT_PART' });
    await page.context().close();
  });

  it('staff publish a policy version from a preset and compare it with the first; a customer is refused the page', async () => {
    expect(await policyVersions(stack)).toEqual([{ version: 1, preset: 'deposit-store', note: 'Initial policy (configured preset).' }]);
    const page = await staffPage('/admin/policies');
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { level: 2, name: 'Version 1: deposit-store' }).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(2);

    const publish = page.getByRole('form', { name: 'Publish a new version' });
    await publish.getByLabel('From the preset').selectOption('statue-store');
    await publish.getByLabel(/^Note/).fill('Statues season.');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await after(page, 'Version 2 is published: new orders take it, placed orders keep theirs.');
    expect((await policyVersions(stack))[0]).toEqual({ version: 2, preset: 'statue-store', note: 'Statues season.' });
    await page.getByRole('heading', { level: 2, name: 'Version 2: statue-store' }).waitFor();

    const compare = page.getByRole('form', { name: 'Compare two versions' });
    await compare.getByLabel('Compare version').selectOption('1');
    await compare.getByLabel('with version').selectOption('2');
    await compare.getByRole('button', { name: 'Compare' }).click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    const idRow = diff.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'id', exact: true }) });
    expect(await idRow.getByRole('cell').allTextContents()).toEqual(['"deposit-store"', '"statue-store"']);
    expect(await diff.getByRole('row').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'back-office policies');
    await screenshots(page, 'admin-policies');
    await page.context().close();

    const customer = await stack.newCustomer();
    const context = await browser.newContext({ viewport: viewports.desktop });
    const theirs = await context.newPage();
    await signInAs(theirs, webUrl, customer.email, customerPassword, '/');
    const response = await theirs.goto(`${webUrl}/admin/policies`);
    expect(response?.status()).toBe(403);
    await theirs.getByRole('heading', { level: 1, name: 'Staff only' }).waitFor();
    expect(await policyVersions(stack)).toHaveLength(2);
    await context.close();
  });

  it('staff read the store’s clock and move it forward; a move of nothing is refused', async () => {
    const ahead = await clockAhead(stack);
    const page = await staffPage('/admin/clock');
    await page.getByRole('heading', { level: 1, name: 'Store clock' }).waitFor();
    const move = page.getByRole('form', { name: 'Move the clock forward' });
    await move.getByLabel('Move forward by').fill('0');
    await move.getByRole('button', { name: 'Move the clock forward' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Move the clock by a whole number of hours. 1 to 9600 hours.');
    expect(await clockAhead(stack)).toBe(ahead);

    await move.getByLabel('Move forward by').fill('2');
    await move.getByLabel('Unit').selectOption('days');
    await move.getByRole('button', { name: 'Move the clock forward' }).click();
    await after(page, 'The store’s clock moved 48 hours forward.');
    expect(await clockAhead(stack)).toBe(ahead + 48);
    expect(await page.getByTestId('ahead').textContent()).toBe(`${ahead + 48} hours`);
    await expectAccessible(page, 'back-office clock');
    await screenshots(page, 'admin-clock');
    await page.context().close();
  });
});
