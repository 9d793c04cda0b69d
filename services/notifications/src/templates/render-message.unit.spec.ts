import { describe, expect, it } from 'vitest';
import { languages } from '../domain/languages.js';
import { noticeKinds } from '../domain/notice.js';
import { present } from '../domain/presentation.js';
import { sampleCustomerName, sampleFacts, sampleIds, sampleProductName } from '../domain/samples.js';
import { renderMessage } from './render-message.js';

const context = (language: 'en' | 'fr', extra: Partial<Parameters<typeof present>[1]> = {}) => ({
  language,
  customerName: sampleCustomerName,
  orderId: sampleIds.orderId,
  productNames: { [sampleIds.productId]: sampleProductName },
  storefrontUrl: 'https://shop.example',
  ...extra,
});

describe('messages', () => {
  it.each(noticeKinds.flatMap((kind) => languages.map((language) => [kind, language] as const)))(
    '%s in %s has a subject, an HTML and a text part',
    (kind, language) => {
      const message = renderMessage(kind, language, present(sampleFacts[kind], context(language)));
      expect(message.subject.length).toBeGreaterThan(5);
      expect(message.subject).not.toMatch(/{{|{%/);
      expect(message.html).toMatch(/^<!doctype html>/);
      expect(message.html).toContain(`lang="${language}"`);
      expect(message.text).not.toMatch(/<|{{|{%/);
    },
  );

  it("renders each message from its own facts, though the copy's templates are parsed once", () => {
    const first = renderMessage('PAYMENT_DUE', 'en', present(sampleFacts.PAYMENT_DUE, context('en', { storefrontUrl: 'https://first.example' })));
    const second = renderMessage('PAYMENT_DUE', 'en', present(sampleFacts.PAYMENT_DUE, context('en', { storefrontUrl: 'https://second.example' })));
    expect(first.text).toContain('https://first.example');
    expect(second.text).toContain('https://second.example');
    expect(second.text).not.toContain('https://first.example');
  });

  it('states the figures: amounts in the currency and language, the due date and the pay link', () => {
    const en = renderMessage('PAYMENT_DUE', 'en', present(sampleFacts.PAYMENT_DUE, context('en')));
    expect(en.subject).toBe('Payment due for order 3F2C9A1E: €217.70 by March 14, 2027 at 11:59 PM UTC');
    expect(en.text).toContain(`Pay now: https://shop.example/orders/${sampleIds.orderId}/pay?due=${sampleIds.dueId}`);
    const fr = renderMessage('PAYMENT_DUE', 'fr', present(sampleFacts.PAYMENT_DUE, context('fr')));
    expect(fr.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('Merci de régler 217,70 € pour la commande 3F2C9A1E avant le 14 mars 2027');
    expect(fr.html).toContain('Payer maintenant');
  });

  it('lists an order’s lines with their totals', () => {
    const message = renderMessage('ORDER_CONFIRMED', 'en', present(sampleFacts.ORDER_CONFIRMED, context('en')));
    expect(message.text).toContain(`- 1 × ${sampleProductName}: €249.00`);
    expect(message.text).toContain('Estimated shipping: €18.50');
    expect(message.text).toContain('Next payment: balance of €199.20.');
  });

  it('escapes what customers and staff typed in the HTML part, and only there', () => {
    const vars = present(sampleFacts.WELCOME, context('en', { customerName: '<b>Eve</b> & co' }));
    const message = renderMessage('WELCOME', 'en', vars);
    expect(message.html).toContain('Welcome, &lt;b&gt;Eve&lt;/b&gt; &amp; co');
    expect(message.html).not.toContain('<b>Eve</b>');
    expect(message.text).toContain('Welcome, <b>Eve</b> & co');
  });

  it('leaves out a fee row when nothing was kept', () => {
    const message = renderMessage('ORDER_EXPIRED', 'en', present({ ...sampleFacts.ORDER_EXPIRED, kept: { amount: 0, currency: 'EUR' } }, context('en')));
    expect(message.text).not.toContain('Kept by the store');
  });
});
