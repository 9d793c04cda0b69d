import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayLink } from '../domain/pay-link.js';
import { localDefaults } from '../config/payments-env.js';
import { bootPayments, sandboxBooks, type PaymentsHarness } from './harness.js';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_pay_page');
});
afterAll(async () => {
  await h?.stop();
});

/** A due, and the pay-now link payments issued for it (as the balance-due email carries it). */
async function dueWithLink(goods: number, shipping = 0) {
  const customer = await h.tokens.customer();
  const { orderId, dueId } = await h.due({ customerId: customer.id, goods, shipping, purpose: 'BALANCE' });
  const [event] = (await h.published('payments.payment.link-issued')).filter((e) => e.dueId === dueId);
  return { customer, orderId, dueId, url: event!.url as string, token: new URL(event!.url).searchParams.get('t')! };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Submits the page's own form, as a browser would: application/x-www-form-urlencoded. */
async function submit(html: string, action: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ t: hidden(html, 't')!, k: hidden(html, 'k')!, ...fields });
  const res = await fetch(`${h.origin}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, html: await res.text() };
}

const card = (number: string) => ({ number, exp_month: '12', exp_year: String(new Date().getUTCFullYear() + 3), cvc: '123' });
const dueState = async (dueId: string) => (await h.sql(`select state from payments.payment_due where id = ?`, [dueId]))[0]!.state;

describe('the hosted pay-now page', () => {
  it('shows what is due and takes a card posted by its real HTML form; the card number is never stored', async () => {
    const { url, dueId } = await dueWithLink(12000, 1500);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('135.00 USD');
    expect(html).toContain('<form method="post" action="/pay"');
    const before = await sandboxBooks(h);
    const paid = await submit(html, '/pay', card('4242 4242 4242 4242'));
    expect(paid.status).toBe(200);
    expect(paid.html).toContain('Your payment went through.');
    expect(await dueState(dueId)).toBe('SETTLED');
    expect((await sandboxBooks(h)).captured - before.captured).toBe(13500);
    // Sending the same form again (a double click, a reload) charges nothing more.
    const again = await submit(html, '/pay', card('4242 4242 4242 4242'));
    expect(again.html).toContain('Your payment went through.');
    expect((await sandboxBooks(h)).charges - before.charges).toBe(1);
    const stored = await h.sql(`select count(*) as n from payments.sandbox_payment_method where last4 = '4242' and brand = 'visa'`);
    expect(Number(stored[0]!.n)).toBeGreaterThan(0);
    // No column anywhere in payments' schema (the sandbox's tables included) holds the card number.
    const columns = await h.sql<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'payments' and data_type in ('text', 'character varying', 'jsonb')`,
    );
    const leaks: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [hit] = await h.sql(`select count(*) as n from payments."${table_name}" where "${column_name}"::text like '%4242424242424242%'`);
      if (Number(hit!.n) > 0) leaks.push(`${table_name}.${column_name}`);
    }
    expect(leaks).toEqual([]);
    // Once paid, the link says so.
    expect(await (await fetch(url)).text()).toContain('This is already paid.');
  });

  it('declined and insufficient cards come back with the reason and a fresh form; the due stays open', async () => {
    const { url, dueId } = await dueWithLink(3000);
    const html = await (await fetch(url)).text();
    const declined = await submit(html, '/pay', card('4000 0000 0000 0002'));
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('Your card was declined. Please use another card or contact your bank.');
    const poor = await submit(declined.html, '/pay', card('4000000000009995'));
    expect(poor.html).toContain('Your card has insufficient funds. Please use another card.');
    const typo = await submit(poor.html, '/pay', card('4242 4242 4242 4241'));
    expect(typo.status).toBe(422);
    expect(typo.html).toContain('Some of your card details are incorrect.');
    expect(await dueState(dueId)).toBe('OPEN');
    expect((await submit(typo.html, '/pay', card('5555 5555 5555 4444'))).html).toContain('Your payment went through.');
  });

  it('walks through the bank’s confirmation step', async () => {
    const { url, dueId } = await dueWithLink(2000);
    const html = await (await fetch(url)).text();
    const asked = await submit(html, '/pay', card('4000 0025 0000 3155'));
    expect(asked.html).toContain('Your bank asks you to confirm this payment.');
    const confirmed = await submit(asked.html, '/pay/confirm', { intent: hidden(asked.html, 'intent')! });
    expect(confirmed.html).toContain('Your payment went through.');
    expect(await dueState(dueId)).toBe('SETTLED');
  });

  it('refuses a tampered, foreign or expired link', async () => {
    const { token, customer, orderId, dueId } = await dueWithLink(1000);
    const [body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, c: randomUUID(), o: [orderId], d: [dueId], e: 4_000_000_000 })).toString('base64url');
    for (const t of [`${forged}.${signature}`, `${body}.${signature}x`, 'garbage']) {
      const res = await fetch(`${h.origin}/pay?t=${encodeURIComponent(t)}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This payment link is not valid.');
    }
    const expired = signPayLink(
      { customerId: customer.id, orderIds: [orderId], dueIds: [dueId], expiresAt: new Date(Date.now() - 1000) },
      localDefaults.PAYMENTS_PAY_LINK_SECRET,
    );
    const res = await fetch(`${h.origin}/pay?t=${expired}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This payment link has expired.');
    // A valid link for someone else's due shows nothing to pay.
    const other = signPayLink(
      { customerId: randomUUID(), orderIds: [orderId], dueIds: [dueId], expiresAt: new Date(Date.now() + 60_000) },
      localDefaults.PAYMENTS_PAY_LINK_SECRET,
    );
    expect(await (await fetch(`${h.origin}/pay?t=${other}`)).text()).toContain('There is nothing to pay on this link');
  });

  it('escapes what it shows', async () => {
    const { url } = await dueWithLink(1000);
    const html = await (await fetch(url)).text();
    const injected = await submit(html.replace(/name="k" value="[^"]*"/, 'name="k" value="&lt;script&gt;"'), '/pay', card('4242424242424242'));
    expect(injected.html).not.toContain('<script>');
  });
});
