import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { loadConfig as loadGatewayConfig, startGateway, subgraphs, subgraphUrlVariable, type RunningGateway } from '@vitrine/gateway';
import { freePort, startProcess, stopProcess, waitUntilReady, type ManagedProcess } from '@vitrine/local-infra';
import { eventually } from '@vitrine/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { testAdmin } from '@vitrine/e2e/support/identities';
import { rows } from '@vitrine/e2e/support/sql';
import type { TestStack } from '@vitrine/e2e/support/stack';

// What every browser spec of the app stands on: the whole platform (every service on the shared PostgreSQL and
// Kafka), a gateway of its own that runs only the app's trusted documents for client `web`, the built web server
// (`npm run build -w @vitrine/web`) as its own process, and Debian's Chromium; then the checks each spec makes
// of its pages (axe-core, screenshots at desktop and phone sizes).

const appDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const screenshotDir = join(appDir, 'screenshots');
export const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

export interface BrowserStack {
  stack: TestStack;
  gateway: RunningGateway;
  webUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** The web server's own settings for a spec: a port chosen before (e.g. for a redirect URI) and more variables. */
export interface WebServerOptions {
  port?: number;
  env?: Record<string, string>;
}

/** Starts the web server and Chromium on a stack `start` brings up (stopped with them by `stop`). */
export async function startBrowserStack(start: () => Promise<TestStack>, webOptions: WebServerOptions = {}): Promise<BrowserStack> {
  let stack: TestStack | undefined;
  let gateway: RunningGateway | undefined;
  let web: ManagedProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (web) await stopProcess(web, 5_000);
    await gateway?.stop();
    await stack?.stop();
  };
  try {
    stack = await start();
    // The app must work on its manifest alone: the gateway requires trusted documents from `web`.
    const urls = Object.fromEntries(subgraphs.map((s) => [subgraphUrlVariable(s.name), stack![s.name].url]));
    gateway = await startGateway(
      loadGatewayConfig({
        PORT: '0',
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
        AUTH_JWKS_URL: new URL('/.well-known/jwks.json', stack.accounts.url).href,
        TRUSTED_DOCUMENTS_PATH: join(appDir, 'dist/trusted-documents.json'),
        TRUSTED_DOCUMENTS_REQUIRED_FOR: 'web',
        ...urls,
      }),
    );
    const port = webOptions.port ?? (await freePort());
    const webUrl = `http://127.0.0.1:${port}`;
    web = startProcess('web', join(appDir, 'dist/node/main.js'), { ...webOptions.env, PORT: String(port), GATEWAY_URL: gateway.url, NODE_ENV: 'production' });
    await waitUntilReady(web, `${webUrl}/health`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(screenshotDir, { recursive: true });
    return { stack, gateway, webUrl, browser, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** No serious or critical accessibility violation on the page (axe-core, WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(grave, `${name}: ${grave.join('; ')}`).toEqual([]);
}

/** The page at desktop and phone sizes, saved under apps/web/screenshots/ (the README shows them). */
export async function screenshots(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

/** Waits until catalog and orders know the customer's region, as the e2e stack does for its customers. */
export async function regionKnown(stack: TestStack, email: string) {
  const [customer] = await rows<{ id: string }>(stack, 'select id from accounts.customer where email = ?', [email]);
  expect(customer).toBeDefined();
  await eventually(async () => {
    for (const schema of ['catalog', 'orders']) {
      if ((await rows(stack, `select 1 from "${schema}".customer_region where customer_id = ?`, [customer!.id])).length === 0) return false;
    }
    return true;
  });
}

/** Signs in through the app's own sign-in page (customers and staff alike). */
export async function signInAs(page: Page, webUrl: string, email: string, password: string, next = '/') {
  await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  // The URL changes before React renders the route it names: until the sign-in page is gone, the next page's
  // content is not there to read (a spec that read the order page's buttons at once found none).
  await page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }).waitFor({ state: 'detached' });
}

/** A desktop page of the bootstrap admin, signed in and on `path` (the back office's specs start each step so). */
export async function staffPageAt(browser: Browser, webUrl: string, path = '/admin'): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
  const page = await context.newPage();
  await signInAs(page, webUrl, testAdmin.email, testAdmin.password, path);
  return page;
}

/** Waits for the success message the last back-office form's redirect shows. */
export async function formDone(page: Page, message: string | RegExp) {
  await page.getByRole('status').filter({ hasText: message }).waitFor();
}
