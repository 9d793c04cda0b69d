import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { bootPayments, sandboxBooks, type PaymentsHarness, type TestIdentity } from './harness.js';

// One hosted pay-now link for several orders' balances (payLink): the same rules as pay, one charge on the page
// however many tabs submit it, and a way back to the store only to an allowed origin.

const store = 'https://shop.example.com';
let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_pay_link', { PAYMENTS_DUE_WAIT_MS: '300', PAYMENTS_RETURN_ORIGINS: `${store},http://localhost:3000` });
});
afterAll(async () => {
  await h?.stop();
});

const payLinkMutation = graphql(`
  mutation SpecPayLink($orderIds: [ID!]!, $returnUrl: String, $locale: String) {
    payLink(orderIds: $orderIds, returnUrl: $returnUrl, locale: $locale) {
      url
      expiresAt
    }
  }
`);

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
const card = (number: string) => ({ number, exp_month: '12', exp_year: String(new Date().getUTCFullYear() + 3), cvc: '123' });

/** Submits the page's own form as a browser would, every hidden field included. */
async function submit(html: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ ...fields });
  for (const name of ['t', 'k', 'lang', 'return']) {
    const value = hidden(html, name);
    if (value !== undefined) body.set(name, value.replace(/&amp;/g, '&'));
  }
  const res = await fetch(`${h.origin}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, html: await res.text() };
}

const dueState = async (dueId: string) => (await h.sql(`select state from payments.payment_due where id = ?`, [dueId]))[0]!.state;

async function balances(customer: TestIdentity, amounts: number[], currency = 'USD') {
  const out: { orderId: string; dueId: string }[] = [];
  for (const goods of amounts) out.push(await h.due({ customerId: customer.id, goods, purpose: 'BALANCE', currency }));
  return out;
}

describe('a hosted pay-now link for several orders', () => {
  it('pays two balances in one charge on the page, in French, with the way back to the store; a second tab charges nothing more', async () => {
    const customer = await h.tokens.customer();
    const [a, b] = await balances(customer, [8500, 4000]);
    const returnUrl = `${store}/orders?paid=2`;
    const answer = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId], returnUrl, locale: 'fr-FR' }, customer);
    expect(answer.errors).toBeUndefined();
    const url = new URL(answer.data!.payLink.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.origin}/pay`);
    expect(url.searchParams.get('return')).toBe(returnUrl);
    expect(url.searchParams.get('lang')).toBe('fr');
    expect(new Date(answer.data!.payLink.expiresAt).getTime()).toBeGreaterThan(Date.now());
    // Nothing was created by asking for the link.
    expect(await h.sql(`select id from payments.payment_intent where customer_id = ?`, [customer.id])).toEqual([]);

    // Two tabs open the link; the page lists both balances and their total, in French with Intl's money.
    const [tab1, tab2] = await Promise.all([fetch(url).then((r) => r.text()), fetch(url).then((r) => r.text())]);
    expect(tab1).toContain('<html lang="fr">');
    expect(tab1).toContain(`Commande <code>${a!.orderId.slice(0, 8)}</code> · solde`);
    expect(tab1).toContain('85,00');
    expect(tab1).toContain('40,00');
    expect(tab1).toMatch(/<th class="n">125,00\s\$US<\/th>/);
    expect(tab1).toContain('Numéro de carte');
    expect(tab1).toContain(`<a href="${returnUrl}">Retour à la boutique</a>`);

    const before = await sandboxBooks(h);
    const paid = await submit(tab1, card('4242 4242 4242 4242'));
    expect(paid.status).toBe(200);
    expect(paid.html).toContain('Votre paiement est passé.');
    expect(paid.html).toContain(`<a href="${returnUrl}">Retour à la boutique</a>`);
    expect(await dueState(a!.dueId)).toBe('SETTLED');
    expect(await dueState(b!.dueId)).toBe('SETTLED');
    const after = await sandboxBooks(h);
    expect(after.charges - before.charges).toBe(1);
    expect(after.captured - before.captured).toBe(12500);
    // One intent allocated to both dues.
    const allocations = await h.sql(`select distinct intent_id from payments.payment_allocation where due_id in (?, ?)`, [a!.dueId, b!.dueId]);
    expect(allocations).toHaveLength(1);

    // The second tab's form (its own key) is refused as already paid, in French, and charges nothing.
    const second = await submit(tab2, card('4242 4242 4242 4242'));
    expect(second.html).toContain('C’est déjà payé. Merci !');
    expect(second.html).toContain('Retour à la boutique');
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    // The link itself now says so.
    expect(await (await fetch(url)).text()).toContain('Déjà payé');
    // And a new link for those orders is refused: nothing left to pay.
    const again = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId] }, customer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_PAID' });
  });

  it('shows a declined card’s reason in the page’s language, with the way back, and leaves both balances open', async () => {
    const customer = await h.tokens.customer();
    const [a, b] = await balances(customer, [1000, 2000]);
    const answer = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId], returnUrl: `${store}/orders`, locale: 'fr' }, customer);
    const html = await (await fetch(answer.data!.payLink.url)).text();
    const declined = await submit(html, card('4000 0000 0000 0002'));
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('Votre carte a été refusée.');
    expect(declined.html).toContain(`<a href="${store}/orders">Retour à la boutique</a>`);
    expect([await dueState(a!.dueId), await dueState(b!.dueId)]).toEqual(['OPEN', 'OPEN']);
  });

  it('refuses a return address outside the store’s origins, at the API and on the page', async () => {
    const customer = await h.tokens.customer();
    const [a, b] = await balances(customer, [1000, 1000]);
    for (const returnUrl of ['https://evil.example.net/orders', `${store}.evil.net/`, 'javascript:alert(1)']) {
      const refused = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId], returnUrl }, customer);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.problems?.[0]?.field).toBe('returnUrl');
      expect(['RETURN_URL_NOT_ALLOWED', 'MALFORMED_URL']).toContain(refused.errors?.[0]?.extensions?.problems?.[0]?.reason);
    }
    const refused = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId], returnUrl: 'https://evil.example.net/' }, customer);
    expect(refused.errors?.[0]?.message).toBe('The return address is not one of the store’s addresses: the payment page only links back to the store.');
    expect(refused.errors?.[0]?.extensions?.problems?.[0]?.reason).toBe('RETURN_URL_NOT_ALLOWED');

    // A link whose return address was changed by hand: the page still takes the payment but links nowhere.
    const ok = await h.call(payLinkMutation, { orderIds: [a!.orderId, b!.orderId], returnUrl: `${store}/orders` }, customer);
    const tampered = new URL(ok.data!.payLink.url);
    tampered.searchParams.set('return', 'https://evil.example.net/phish');
    const html = await (await fetch(tampered)).text();
    expect(html).not.toContain('evil.example.net');
    expect(html).not.toContain('Back to the store');
    expect(html).toContain('is not one of the store’s, so this page shows no link back');
    // The form does not carry it on: paid, the page links nowhere.
    const paid = await submit(html, card('4242 4242 4242 4242'));
    expect(paid.html).toContain('Your payment went through.');
    expect(paid.html).not.toContain('evil.example.net');
    expect(paid.html).not.toContain('<a ');
  });

  it('answers NOT_FOUND for someone else’s order, and the same refusals as pay, creating nothing', async () => {
    const owner = await h.tokens.customer();
    const other = await h.tokens.customer();
    const [mine] = await balances(other, [1000]);
    const [theirs] = await balances(owner, [1000]);
    const foreign = await h.call(payLinkMutation, { orderIds: [mine!.orderId, theirs!.orderId] }, other);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(`Order ${theirs!.orderId} was not found.`);

    const [euro] = await balances(other, [1000], 'EUR');
    const mixed = await h.call(payLinkMutation, { orderIds: [mine!.orderId, euro!.orderId] }, other);
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'MIXED_CURRENCIES' });

    const deposit = await h.due({ customerId: other.id, goods: 3000, purpose: 'DEPOSIT' });
    const deposit2 = await h.due({ customerId: other.id, goods: 3000, purpose: 'DEPOSIT' });
    const bulkDeposits = await h.call(payLinkMutation, { orderIds: [deposit.orderId, deposit2.orderId] }, other);
    expect(bulkDeposits.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'BULK_PAYMENT_PURPOSE' });

    const twice = await h.call(payLinkMutation, { orderIds: [mine!.orderId, mine!.orderId] }, other);
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await h.call(payLinkMutation, { orderIds: [mine!.orderId] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await h.sql(`select id from payments.payment_intent where customer_id in (?, ?)`, [owner.id, other.id])).toEqual([]);

    // One order alone: its own link, English by default.
    const single = await h.call(payLinkMutation, { orderIds: [mine!.orderId] }, other);
    expect(await (await fetch(single.data!.payLink.url)).text()).toContain('Order <code>');
  });
});
