import { describe, expect, it } from 'vitest';
import { escapeHtml, outcomePage, payForm } from './pay-page.html.js';

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
});
