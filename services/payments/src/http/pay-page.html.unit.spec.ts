import { describe, expect, it } from 'vitest';
import { confirmForm, escapeHtml, outcomePage, payForm } from './pay-page.html.js';

describe('the pay-now page’s HTML', () => {
  it('escapes everything it shows', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(outcomePage('<b>', '<script>alert(1)</script>')).not.toContain('<script>');
  });

  it('lists each due and the total, and posts the card to the page itself', () => {
    const html = payForm({
      token: 'tok"en',
      formKey: 'key',
      sandbox: true,
      lines: [
        { orderId: '12345678-aaaa', purpose: 'BALANCE', amount: 12000, currency: 'USD', dueAt: new Date('2027-01-10T00:00:00Z') },
        { orderId: '87654321-bbbb', purpose: 'BALANCE', amount: 1500, currency: 'USD', dueAt: null },
      ],
    });
    expect(html).toContain('120.00 USD');
    expect(html).toContain('15.00 USD');
    expect(html).toContain('<th class="n">135.00 USD</th>');
    expect(html).toContain('due by 2027-01-10');
    expect(html).toContain('value="tok&quot;en"');
    expect(html).toContain('<form method="post" action="/pay" autocomplete="off">');
  });

  it('sends Stripe stores to the storefront instead of a card form', () => {
    expect(payForm({ token: 't', formKey: 'k', sandbox: false, lines: [] })).not.toContain('<form');
  });

  it('speaks French with Intl’s money and dates when the link says so, and carries the language and return address on', () => {
    const settings = { locale: 'fr' as const, returnUrl: 'https://shop.example.com/orders?a=1&b=2', returnRefused: false };
    const html = payForm({
      token: 't',
      formKey: 'k',
      sandbox: true,
      settings,
      returnParam: 'https://shop.example.com/orders?a=1&b=2',
      lines: [{ orderId: '12345678-aaaa', purpose: 'BALANCE', amount: 123456, currency: 'EUR', dueAt: new Date('2027-01-10T00:00:00Z') }],
    });
    const plain = html.replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('<html lang="fr">');
    expect(plain).toContain('Commande <code>12345678</code> · solde');
    expect(plain).toContain('1 234,56 €');
    expect(plain).toContain('à régler avant le 10 janvier 2027');
    expect(plain).toContain('Payer 1 234,56 €');
    expect(html).toContain('<input type="hidden" name="lang" value="fr">');
    expect(html).toContain('<input type="hidden" name="return" value="https://shop.example.com/orders?a=1&amp;b=2">');
    expect(html).toContain('<a href="https://shop.example.com/orders?a=1&amp;b=2">Retour à la boutique</a>');
    expect(confirmForm({ token: 't', formKey: 'k', intentId: 'i', settings })).toContain('Confirmez votre paiement');
  });

  it('links back only to an accepted address, and says why there is no link otherwise', () => {
    expect(outcomePage('Thank you', 'ok')).not.toContain('class="back"');
    const refused = outcomePage('Thank you', 'ok', 'ok', { locale: null, returnUrl: null, returnRefused: true });
    expect(refused).not.toContain('<a ');
    expect(refused).toContain('so this page shows no link back');
    expect(outcomePage('Thank you', 'ok', 'ok', { locale: 'en', returnUrl: 'http://localhost:3000/orders/1', returnRefused: false })).toContain(
      '<a href="http://localhost:3000/orders/1">Back to the store</a>',
    );
  });
});
