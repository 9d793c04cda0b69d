import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverParcel, packAndDispatch, paidInStockOrder } from '@vitrine/e2e/support/fulfilment-steps';
import { customerPassword } from '@vitrine/e2e/support/identities';
import { count, rows } from '@vitrine/e2e/support/sql';
import { createProduct, type TestStack } from '@vitrine/e2e/support/stack';
import { startStoreStack } from '@vitrine/e2e/support/store-scenario';
import { eventually } from '@vitrine/testing';
import { securedPreorder } from './test-support/back-office-setup.js';
import { claimAsCustomer } from './test-support/claim-reads.js';
import { policyRuleAsCustomer } from './test-support/policy-reads.js';
import { expectAccessible, screenshots, signInAs, startBrowserStack, viewports, type BrowserStack } from './test-support/browser-stack.js';
import { startEvidenceStore, type EvidenceStore } from './test-support/evidence-store.js';

// The storefront's customer pages beyond checkout, in a real browser on the whole platform under deposit-store
// (shipping to France 15.00 for one item), with after-sales' evidence on a real MinIO: the site in French
// (Accept-Language, then the switch), an order's tracking after dispatch, a claim whose photo the browser uploads
// straight to the evidence store with its progress, the password reset from its link, the region change (refused
// with the API's reason while an order is open), notify-me and waitlist entries, and the session renewed by the
// web server once the access token has expired.

let running: BrowserStack;
let evidence: EvidenceStore;
let stack: TestStack;
let webUrl: string;
let browser: Browser;

beforeAll(async () => {
  evidence = await startEvidenceStore();
  running = await startBrowserStack(() =>
    startStoreStack('web_customer_pages', 'deposit-store', {}, { aftersales: evidence.env, accounts: { TIMER_POLL_MS: '100' } }),
  );
  ({ stack, webUrl, browser } = running);
});

afterAll(async () => {
  await running?.stop();
  await evidence?.stop();
});

const price = 10_000;
const shipping = 1_500;
/** Intl's French money and dates use narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function customerContext(locale: string): Promise<BrowserContext> {
  return browser.newContext({ viewport: viewports.desktop, locale });
}

/** The session cookie as the web server wrote it (createCookie without secrets: base64 of JSON). */
async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === 'vitrine_session');
  expect(cookie?.httpOnly).toBe(true);
  const value = JSON.parse(Buffer.from(decodeURIComponent(cookie!.value), 'base64').toString('utf8')) as {
    accessToken: string;
    refreshToken: string;
    expiresAt: number;
    displayName: string;
  };
  return { cookie: cookie!, value };
}

describe('the storefront in French', () => {
  it('follows Accept-Language, formats money and dates the French way, and the switch keeps the choice in a cookie', async () => {
    const name = `Rengoku Kyojuro 1/7 ${Date.now()}`;
    const product = await createProduct(stack, 5, price, { name, status: 'IN_STOCK', series: 'Demon Slayer', scale: '1/7' });

    // Server-rendered in French for a French browser, without any script.
    const html = await (await fetch(`${webUrl}/products/${product.id}`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } })).text();
    expect(html).toContain('<html lang="fr"');
    expect(plain(html)).toContain('100,00 $US');
    expect(html).toContain('Ajouter au panier');

    const context = await customerContext('fr-FR');
    const page = await context.newPage();
    await page.goto(`${webUrl}/?series=demon+slayer&min=99,5&max=100`);
    await page.getByRole('heading', { level: 1, name: 'Figurines et statues' }).waitFor();
    // The series filter offers the series catalog knows (seriesNames), this product's among them.
    expect(await page.locator('#series-names option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toContain('Demon Slayer');
    const card = page.getByRole('listitem').filter({ hasText: name });
    expect(plain(await card.locator('.price').textContent())).toBe('100,00 $US');
    expect(await card.getByText('En stock', { exact: true }).count()).toBe(1);
    // The price range is the API's: a figure outside it is not listed.
    await page.goto(`${webUrl}/?series=demon+slayer&min=100,01`);
    await page.getByRole('heading', { level: 2, name: '0 figurine' }).waitFor();
    // A bad amount is said in French, and nothing is filtered by a guess.
    await page.goto(`${webUrl}/?min=abc`);
    expect(await page.getByRole('alert').textContent()).toBe('Saisissez des prix en montants (par ex. 129,99), le plus bas d’abord.');
    await page.goto(`${webUrl}/?series=demon+slayer`);
    await expectAccessible(page, 'listing in French');
    await screenshots(page, 'listing-fr');

    // The switch: English from now on, whatever the browser says, on the same page.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Changer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures and statues' }).waitFor();
    expect(new URL(page.url()).searchParams.get('series')).toBe('demon slayer');
    expect(plain(await page.getByRole('listitem').filter({ hasText: name }).locator('.price').textContent())).toBe('$100.00');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figurines et statues' }).waitFor();
    await context.close();
  });
});

describe('my orders: tracking, refunds and a claim with a photo', () => {
  it('the order shows its parcel’s tracking after dispatch, and a claim goes from the form through the upload to submitted', async () => {
    const customer = await stack.newCustomer();
    const name = `Shinobu Kocho 1/8 ${Date.now()}`;
    // Its parts list (catalog's): the claim form offers these by name before the kinds of part.
    const parts = [
      { name: 'Tête souriante', category: 'HEAD_SCULPT_SPECIAL' as const },
      { name: 'Katana', category: 'WEAPON_SMALL' as const },
    ];
    const product = await createProduct(stack, 5, price, { name, parts });
    const { id: orderId, shipmentId } = await paidInStockOrder(stack, customer, product.id, { price, shipping });

    const context = await customerContext('fr-FR');
    const page = await context.newPage();
    // Signing in, in French: a wrong password is refused in French (the API's UNAUTHENTICATED), then the right one.
    await page.goto(`${webUrl}/sign-in?next=${encodeURIComponent(`/orders/${orderId}`)}`);
    await page.getByLabel('E-mail').fill(customer.email);
    await page.getByLabel('Mot de passe').fill(`${customerPassword}-not`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('L’e-mail ou le mot de passe est incorrect.');
    await page.getByLabel('Mot de passe').fill(customerPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: `Commande : ${name}` }).waitFor();
    expect(await page.getByRole('region', { name: 'Suivi' }).textContent()).toContain('En préparation');

    // An open order keeps the region: the API's refusal (REGION_LOCKED_BY_OPEN_ORDERS, its count) in French, nothing changes.
    await page.goto(`${webUrl}/account`);
    await page.getByLabel('Où vous habitez').selectOption('DE');
    await page.getByRole('button', { name: 'Changer de région' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Vous avez 1 commande en cours, livrée dans votre région actuelle. Vous pourrez changer de région une fois qu’elle aura été expédiée ou annulée.',
    );
    expect(await count(stack, 'select count(*) as n from accounts.customer where id = ? and country = ?', [customer.id, 'FR'])).toBe(1);

    // Dispatched by staff: the carrier, the tracking number and the step, dated in French.
    const tracking = `6A${Date.now()}`;
    await packAndDispatch(stack, shipmentId, tracking, { price, shipping });
    await page.goto(`${webUrl}/orders/${orderId}`);
    const parcel = page.getByRole('region', { name: /^Colis 1/ });
    await parcel.waitFor();
    expect(plain(await parcel.getByRole('heading').textContent())).toBe('Colis 1 : En route');
    const parcelText = plain(await parcel.textContent());
    expect(parcelText).toContain('TransporteurCOLISSIMO');
    expect(parcelText).toContain(`Numéro de suivi${tracking}`);
    expect(await parcel.getByRole('list', { name: 'Étapes' }).getByRole('listitem').first().textContent()).toMatch(
      /^Remis au transporteur \d{1,2} [a-zéû.]+ \d{4}/,
    );
    const moneyText = plain(await page.getByRole('region', { name: 'Argent' }).textContent());
    expect(moneyText).toContain('Déjà payé115,00 $US');
    expect(moneyText).toMatch(/ : [^,]+, 115,00 \$US · Payé/);
    expect(await page.getByText('Une fois la commande livrée').count()).toBe(1);
    await expectAccessible(page, 'order with tracking');
    await screenshots(page, 'order-tracking');

    // Delivered: a claim for a snapped head sculpt and a stained weapon, opened from the order.
    await deliverParcel(stack, shipmentId, orderId);
    await page.reload();
    expect(plain(await parcel.getByRole('heading').textContent())).toBe('Colis 1 : Livré');
    // The store policy's return rule, worded in French by the API (orders' sections in FR), as the returns region says it.
    const returnRule = await policyRuleAsCustomer(stack, customer, orderId, 'returns.within-window', 'FR');
    expect(plain(returnRule)).toBe(
      'Les retours sont acceptés dans les 7 jours suivant la livraison, en parfait état d’origine, jamais utilisé ; le port du retour est à la charge du client, les frais de livraison ne sont pas remboursés, et des frais de remise en stock de 30 % du prix total sont retenus.',
    );
    expect(await page.getByRole('region', { name: 'Retours' }).textContent()).toContain(returnRule);
    await page.getByRole('link', { name: 'Signaler un problème sur cette commande' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signaler un problème' }).waitFor();
    await page.getByLabel('Ce qui s’est passé').selectOption('ACCESSORY_DAMAGED');
    await page.getByLabel('Le problème, avec vos mots').fill('La tête est arrivée avec le cou cassé net.');
    // The figure's own parts come first, under its name; then every kind of part.
    const firstPart = page.getByLabel('Quelle pièce (pièce 1)', { exact: true });
    expect(await firstPart.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual([
      `Pièces de ${name}`,
      'Une autre pièce, par son type',
    ]);
    expect(await firstPart.locator('optgroup').first().locator('option').allTextContents()).toEqual(['Tête souriante', 'Katana']);
    await firstPart.selectOption({ label: 'Tête souriante' });
    await page.getByLabel('Ce qui ne va pas (pièce 1)', { exact: true }).selectOption('STRUCTURAL_BREAKAGE');
    // A second part: its row comes numbered, focus on its first field, the change said in the status line.
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await page.getByRole('status').filter({ hasText: 'Pièce 2 ajoutée.' }).waitFor();
    expect(await focused()).toBe('part-2-category');
    await page.getByLabel('Quelle pièce (pièce 2)', { exact: true }).selectOption('WEAPON_SMALL');
    await page.getByLabel('Ce qui ne va pas (pièce 2)', { exact: true }).selectOption('ACCESSORY_PAINT_ERROR');
    await page.getByLabel('À propos de cette pièce (facultatif) (pièce 2)', { exact: true }).fill('Une tache de peinture sur la lame.');
    // A third added by mistake, then removed: focus goes back to the last row left, which kept what was typed.
    await page.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await page.getByRole('button', { name: 'Retirer la pièce 3' }).click();
    await page.getByRole('status').filter({ hasText: 'Pièce 3 retirée.' }).waitFor();
    expect(await page.getByRole('group', { name: /^Pièce \d+$/ }).count()).toBe(2);
    expect(await focused()).toBe('part-2-category');
    expect(await page.getByLabel('Quelle pièce (pièce 2)', { exact: true }).inputValue()).toBe('WEAPON_SMALL');
    expect(await page.getByRole('button', { name: 'Retirer la pièce 1' }).count()).toBe(1);
    await expectAccessible(page, 'new claim');
    await page.getByRole('button', { name: 'Continuer : ajouter des photos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réclamation : Accessoire abîmé' }).waitFor();
    const claimId = new URL(page.url()).pathname.split('/').pop()!;
    // After-sales holds both parts, in the form's order; the claim's page lists them.
    expect((await claimAsCustomer(stack, customer, claimId)).parts).toEqual([
      { name: 'Tête souriante', category: 'HEAD_SCULPT_SPECIAL', issue: 'STRUCTURAL_BREAKAGE', note: null },
      { name: null, category: 'WEAPON_SMALL', issue: 'ACCESSORY_PAINT_ERROR', note: 'Une tache de peinture sur la lame.' },
    ]);
    expect((await page.getByRole('region', { name: 'Pièces' }).getByRole('listitem').allTextContents()).map(plain)).toEqual([
      'Tête souriante : Cassé',
      'Arme (petite) : Erreur de peinture (Une tache de peinture sur la lame.)',
    ]);
    expect(await page.getByText('Aucun fichier pour le moment.').count()).toBe(1);

    // Without JavaScript, adding and removing a part row sends the form back drawn again, what was typed kept.
    const noScript = await browser.newContext({ viewport: viewports.desktop, locale: 'fr-FR', javaScriptEnabled: false });
    await noScript.addCookies(await context.cookies());
    const plainPage = await noScript.newPage();
    await plainPage.goto(`${webUrl}/orders/${orderId}/claims/new`);
    await plainPage.getByLabel('Le problème, avec vos mots').fill('Le socle est fendu sur toute sa longueur.');
    await plainPage.getByLabel('Quelle pièce (pièce 1)', { exact: true }).selectOption({ label: 'Katana' });
    await plainPage.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await plainPage.getByRole('group', { name: 'Pièce 2' }).waitFor();
    expect(await plainPage.getByLabel('Le problème, avec vos mots').inputValue()).toBe('Le socle est fendu sur toute sa longueur.');
    expect(await plainPage.getByLabel('Quelle pièce (pièce 1)', { exact: true }).inputValue()).toBe('part:Katana');
    await plainPage.getByRole('button', { name: 'Retirer la pièce 1' }).click();
    await plainPage.getByRole('group', { name: 'Pièce 2' }).waitFor({ state: 'detached' });
    expect(await plainPage.getByRole('group', { name: /^Pièce \d+$/ }).count()).toBe(1);
    await noScript.close();
    // Sent without a photo: the order's policy asks for one (claims.evidence, the photos missing); its refusal is said in
    // French and the claim stays a draft.
    await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Ajoutez des photos des dégâts : la réclamation en a besoin.');
    expect(await rows(stack, 'select status from aftersales.claim where id = ?', [claimId])).toEqual([{ status: 'DRAFT' }]);

    // The photo goes from the browser straight to MinIO through the signed URL, its progress and state shown.
    const upload = page.getByRole('form', { name: 'Ajouter des photos ou vidéos' });
    await upload.getByRole('button', { name: 'Envoyer les fichiers' }).and(page.locator(':enabled')).waitFor();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { uploadStates: string[] }).uploadStates = seen;
      new MutationObserver(() => {
        for (const s of document.querySelectorAll('.uploads [role="status"]')) if (seen.at(-1) !== s.textContent) seen.push(s.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const photo = Buffer.alloc(2 * 1024 * 1024, 0x2a);
    await upload.getByLabel(/^Photos \(JPEG/).setInputFiles({ name: 'cou-casse.jpg', mimeType: 'image/jpeg', buffer: photo });
    await upload.getByRole('button', { name: 'Envoyer les fichiers' }).click();
    const bar = upload.getByRole('progressbar', { name: 'Envoi de cou-casse.jpg' });
    await upload.getByRole('status').filter({ hasText: 'Envoyé' }).waitFor();
    expect(await bar.evaluate((el) => (el as HTMLProgressElement).value)).toBe(100);
    const states = await page.evaluate(() => (window as unknown as { uploadStates: string[] }).uploadStates);
    expect(states.some((s) => s.startsWith('Envoi en cours'))).toBe(true);
    expect(states.at(-1)).toBe('Envoyé');
    // The evidence list, read again: the file is known, checked when the claim is sent.
    const files = page.getByRole('region', { name: 'Photos et vidéos' }).locator('.evidence-list li');
    await files.first().waitFor();
    expect(plain(await files.first().textContent())).toBe('Photo 1 (image/jpeg, 2 048 Ko) : Envoyé, vérifié à l’envoi de la réclamation');
    // Not received yet: nothing to look at.
    expect(await files.first().getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'claim with its photo');
    await screenshots(page, 'claim');

    await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
    await page.getByText('Votre réclamation est envoyée : notre équipe va l’examiner.').waitFor();
    expect(await page.getByText('Envoyée : en attente de notre équipe').count()).toBe(1);
    expect(plain(await files.first().textContent())).toContain(' : Reçu');
    // Received: the file links to itself through after-sales' short-lived read URL (MinIO's presigned GET), the
    // thumbnail shows the same URL, and it is the very file the customer sent.
    const href = (await files.first().getByRole('link', { name: 'Photo 1' }).getAttribute('href'))!;
    expect(await files.first().locator('img').getAttribute('src')).toBe(href);
    const sent = await fetch(href);
    expect([sent.status, sent.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await sent.arrayBuffer()).equals(photo)).toBe(true);
    expect(await rows(stack, 'select status from aftersales.claim where id = ?', [claimId])).toEqual([{ status: 'SUBMITTED' }]);
    await page.getByRole('link', { name: 'Retour à la commande' }).click();
    expect(plain(await page.getByRole('region', { name: 'Réclamations' }).textContent())).toContain('Accessoire abîmé : Envoyée : en attente de notre équipe');
    await context.close();
  });
});

describe('my account', () => {
  it('a forgotten password is reset from its link, and the customer is signed in with it', async () => {
    const customer = await stack.newCustomer();
    const context = await customerContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // (The sign-in page has an Email field too: wait for the new page before filling it.)
    await page.getByRole('heading', { level: 1, name: 'Forgot your password' }).waitFor();
    await page.getByLabel('Email').fill(customer.email);
    await expectAccessible(page, 'forgot password');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    const answer = page.getByRole('main').getByRole('status').or(page.getByRole('alert'));
    await answer.waitFor();
    expect(await answer.textContent()).toBe('If an account has this email, a link to choose a new password is on its way. Check your inbox.');

    // The link's token, as accounts hands it to whoever emails it (notifications does not send this email yet).
    const token = await eventually(async () => {
      const [event] = await rows<{ token: string }>(
        stack,
        "select envelope->'data'->>'token' as token from accounts.outbox_message where type = 'accounts.password-reset.requested' and envelope->'data'->>'customerId' = ?",
        [customer.id],
      );
      return event?.token;
    });
    await page.goto(`${webUrl}/reset-password?token=${encodeURIComponent(token)}`);
    await page.getByLabel('New password', { exact: true }).fill('Another-Figure-2027!');
    await page.getByLabel('The new password again').fill('Another-Figure-2026!');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The two passwords differ.');
    // The API's own refusal of a weak password is shown as it words it.
    await page.getByLabel('New password', { exact: true }).fill('password');
    await page.getByLabel('The new password again').fill('password');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    // (The form's answer replaces the earlier message once the API has answered.)
    await page.getByRole('alert').filter({ hasText: 'Choose another password.' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Choose another password.');
    await expectAccessible(page, 'reset password');
    await screenshots(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill('Another-Figure-2027!');
    await page.getByLabel('The new password again').fill('Another-Figure-2027!');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.getByRole('button', { name: /^Sign out/ }).count()).toBe(1);

    // The old password no longer works; the new one does.
    await page.getByRole('button', { name: /^Sign out/ }).click();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('Password').fill(customerPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await signInAs(page, webUrl, customer.email, 'Another-Figure-2027!', '/account');
    await context.close();
  });

  it('the region changes, notify-me and waitlist entries are added from the product page, listed and withdrawn, and the session outlives its access token', async () => {
    const customer = await stack.newCustomer();
    const stamp = Date.now();
    const announced = await createProduct(stack, 0, price, { name: `Giyu Tomioka 1/8 ${stamp}`, status: 'ANNOUNCED' });
    // Licensing keeps this one out of Germany.
    await createProduct(stack, 3, price, { name: `Sanemi Shinazugawa 1/8 ${stamp}`, status: 'IN_STOCK', regionBlocks: ['DE'] });
    // A limited run of one, preordered by someone else: sold out, its waitlist open.
    const limited = await createProduct(stack, 0, price, { name: `Muzan Kibutsuji 1/6 ${stamp}`, status: 'PREORDER', limitedQuantity: 1 });
    await securedPreorder(stack, await stack.newCustomer(), limited.id);

    const context = await customerContext('en-GB');
    const page = await context.newPage();
    await signInAs(page, webUrl, customer.email, customerPassword, `/products/${announced.id}`);
    await page.getByRole('button', { name: 'Notify me when it can be ordered' }).click();
    await page.getByText('We will email you when it can be ordered.').waitFor();
    expect(await page.getByText(/^You are on it: Notify me when it can be ordered/).count()).toBe(1);

    await page.goto(`${webUrl}/products/${limited.id}`);
    expect(await page.getByText('Limited run of 1:').textContent()).toContain('0 left');
    await page.getByLabel('Units wanted').fill('1');
    await expectAccessible(page, 'product with its waitlist');
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByText('You joined the waitlist.').waitFor();

    await page.goto(`${webUrl}/account`);
    const entries = page.getByRole('region', { name: 'Notify-me and waitlist entries' }).getByRole('listitem');
    expect(await entries.count()).toBe(2);
    const waitlist = entries.filter({ hasText: `Muzan Kibutsuji 1/6 ${stamp}` });
    expect(await waitlist.textContent()).toMatch(/Waitlist, 1 unit · Waiting, place 1 in the queue/);
    expect(await entries.filter({ hasText: `Giyu Tomioka 1/8 ${stamp}` }).textContent()).toMatch(/Notify me · Waiting/);

    // No open order: the region moves.
    await page.getByLabel('Where you live').selectOption('DE');
    await expectAccessible(page, 'account');
    await screenshots(page, 'account');
    await page.getByRole('button', { name: 'Change my region' }).click();
    await page.getByText('Your region is now Germany.').waitFor();
    expect(await page.getByLabel('Where you live').inputValue()).toBe('DE');
    expect(await count(stack, 'select count(*) as n from accounts.customer where id = ? and country = ?', [customer.id, 'DE'])).toBe(1);

    // "Available in my region" on the listing: once catalog knows the move, the figure licensing blocks in Germany is left out.
    const listed = async (query: string) => {
      await page.goto(`${webUrl}/?q=${encodeURIComponent(`Sanemi Shinazugawa 1/8 ${stamp}`)}${query}`);
      return page.getByRole('heading', { level: 2 }).first().textContent();
    };
    expect(await listed('')).toBe('1 figure');
    await eventually(async () => (await listed('&region=mine')) === '0 figures');
    expect(await page.getByLabel('Only figures sold in my region').isChecked()).toBe(true);
    await page.goto(`${webUrl}/account`);

    await page.getByRole('button', { name: `Withdraw the entry for Muzan Kibutsuji 1/6 ${stamp}` }).click();
    await page.getByText('The entry was withdrawn.').waitFor();
    expect(await entries.count()).toBe(1);
    expect(await rows(stack, 'select state from catalog.product_interest where customer_id = ? and product_id = ?', [customer.id, limited.id])).toEqual([
      { state: 'WITHDRAWN' },
    ]);

    // The access token expired (as 15 minutes later): the web server renews it with the refresh token, the
    // customer stays signed in, and the renewed session goes back in the httpOnly cookie.
    const before = await sessionCookie(context);
    const expired = Buffer.from(JSON.stringify({ ...before.value, expiresAt: Date.now() - 1_000 })).toString('base64');
    await context.addCookies([{ ...before.cookie, value: encodeURIComponent(expired) }]);
    await page.goto(`${webUrl}/orders`);
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    const after = await sessionCookie(context);
    expect(after.value.accessToken).not.toBe(before.value.accessToken);
    expect(after.value.refreshToken).not.toBe(before.value.refreshToken);
    expect(after.value.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(await page.evaluate(() => document.cookie)).not.toContain('vitrine_session');
    await context.close();
  });
});
