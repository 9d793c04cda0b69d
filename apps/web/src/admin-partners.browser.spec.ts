import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack } from '@vitrine/e2e/support/store-scenario';
import { type BrowserStack, expectAccessible, formDone, screenshots, staffPageAt, startBrowserStack } from './test-support/browser-stack.js';
import { credentialsOf, partnerTokenFor } from './test-support/admin-money-setup.js';
import { partnerSettings, registeredPartner } from './test-support/admin-partners-setup.js';

// The back office changes and removes partners in a real browser, on the whole platform. Every effect is read
// back through the API as staff; a refused change shows notifications' reason and changes nothing.

let running: BrowserStack;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  running = await startBrowserStack(() => startStoreStack('web_admin_partners', 'deposit-store'));
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
});

const staffPage = (path: string) => staffPageAt(browser, webUrl, path);

describe('the back office changes and removes partners', () => {
  it('staff edit a partner’s name, webhook and events; a webhook notifications refuses changes nothing', async () => {
    const { partnerId } = await registeredPartner(stack, {
      name: 'Figure Radar',
      webhookUrl: 'https://hooks.radar.invalid/v1',
      eventTypes: ['orders.order.placed'],
    });
    const page = await staffPage(`/admin/partners/${partnerId}`);
    await page.getByRole('heading', { level: 1, name: 'Figure Radar' }).waitFor();
    const edit = page.getByRole('form', { name: 'Edit the partner' });
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('Figure Radar');
    // The events are notifications' list to tick, the partner's own ticked.
    const events = edit.getByRole('group', { name: 'Events it receives' });
    const ticked = () => events.locator('input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(await ticked()).toEqual(['orders.order.placed']);
    expect(await events.getByRole('checkbox').count()).toBeGreaterThan(20);
    await expectAccessible(page, 'back-office partner edit');
    await screenshots(page, 'admin-partner-edit');

    // A URL with credentials in it: the browser takes it, notifications refuses it; nothing changes.
    const before = await partnerSettings(stack, partnerId);
    await edit.getByLabel('Name', { exact: true }).fill('Figure Radar EU');
    await edit.getByLabel('Webhook URL (https)').fill('https://robot:hunter2@hooks.radar.invalid/v2');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Some partner settings need attention. Put no credentials in the URL: deliveries are signed.');
    expect(await partnerSettings(stack, partnerId)).toEqual(before);
    // What was typed is still there to correct.
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('Figure Radar EU');

    await edit.getByLabel('Webhook URL (https)').fill('https://hooks.radar.invalid/v2');
    await events.getByLabel('orders.order.placed', { exact: true }).uncheck();
    await events.getByLabel('orders.order.status-changed', { exact: true }).check();
    await events.getByLabel('logistics.shipment.dispatched', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await formDone(page, 'The partner’s settings are saved. Deliveries still waiting go to its webhook as it is now.');
    expect(await partnerSettings(stack, partnerId)).toMatchObject({
      name: 'Figure Radar EU',
      webhookUrl: 'https://hooks.radar.invalid/v2',
      eventTypes: ['logistics.shipment.dispatched', 'orders.order.status-changed'],
      removedAt: null,
    });
    await page.getByRole('heading', { level: 1, name: 'Figure Radar EU' }).waitFor();
    await page.context().close();
  });

  it('staff remove a partner after confirming: it is listed as removed and its API credentials stop working', async () => {
    const { partnerId, clientId, clientSecret } = await registeredPartner(stack, {
      name: 'Old Figure Feed',
      webhookUrl: 'https://hooks.oldfeed.invalid/',
      eventTypes: ['orders.order.cancelled'],
    });
    expect(await partnerTokenFor(stack, clientId, clientSecret)).toEqual({ issued: true });
    const page = await staffPage(`/admin/partners/${partnerId}`);
    const remove = page.getByRole('form', { name: 'Remove this partner' });

    // Not confirmed: the page says so and nothing is removed.
    await remove.getByRole('button', { name: 'Remove this partner' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Tick the box to confirm the removal: nothing was removed.');
    expect((await partnerSettings(stack, partnerId))!.removedAt).toBeNull();

    await remove.getByLabel('Yes, remove Old Figure Feed').check();
    await remove.getByRole('button', { name: 'Remove this partner' }).click();
    await formDone(
      page,
      'The partner is removed: nothing more is sent to it and its deliveries still waiting are cancelled. Its API credentials are revoked (1).',
    );
    const removed = await partnerSettings(stack, partnerId);
    expect(removed!.removedAt).not.toBeNull();
    expect(removed!.removedBy).toEqual(expect.any(String));
    expect((await credentialsOf(stack, partnerId))[0]!.revokedAt).not.toBeNull();
    expect(await partnerTokenFor(stack, clientId, clientSecret)).toEqual({ issued: false, code: 'UNAUTHENTICATED' });
    // The page no longer offers what a removed partner cannot have.
    await page.getByTestId('partner-removed').waitFor();
    expect(await page.getByRole('form', { name: 'Edit the partner' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Remove this partner' }).count()).toBe(0);
    await expectAccessible(page, 'back-office removed partner');

    await page.goto(`${webUrl}/admin/partners?partner=${partnerId}`);
    const listed = page.getByRole('article', { name: /^Old Figure Feed/ });
    await listed.waitFor();
    expect(await listed.getByText('Removed', { exact: true }).count()).toBe(1);
    expect(await listed.textContent()).toMatch(/Removed on .+: nothing is sent to it\./);
    expect(await page.getByRole('form', { name: 'Send events again to Old Figure Feed' }).count()).toBe(0);
    await page.context().close();
  });
});
