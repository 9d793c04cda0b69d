import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney } from './format.js';
import { pickLocale } from './i18n.js';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';
import { planInWords } from './payment-plan.js';

describe('the locale of a request', () => {
  it('the switch’s cookie wins over the browser’s languages', () => {
    expect(pickLocale('fr', 'en-GB,en;q=0.9')).toBe('fr');
    expect(pickLocale('en', 'fr-FR')).toBe('en');
  });

  it('else the first language of Accept-Language the store speaks, by weight, regional variants counting', () => {
    expect(pickLocale(null, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLocale(null, 'de-DE,de;q=0.9,fr;q=0.7,en;q=0.8')).toBe('en');
    expect(pickLocale(null, 'en;q=0.5, fr;q=0.6')).toBe('fr');
    expect(pickLocale(undefined, 'fr;q=0, en')).toBe('en');
  });

  it('English when nothing says otherwise, and an unknown cookie value is ignored', () => {
    expect(pickLocale(null, null)).toBe('en');
    expect(pickLocale('de', 'ja-JP')).toBe('en');
    expect(pickLocale('xx', 'fr')).toBe('fr');
  });
});

describe('French money, dates and words', () => {
  it('money and dates through Intl in French', () => {
    // Intl writes a narrow no-break space before the currency and between thousands in French.
    expect(formatMoney({ amount: 123_456, currency: 'EUR' }, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(formatMoney({ amount: 8_500, currency: 'USD' }, 'fr').replace(/\s/g, ' ')).toBe('85,00 $US');
    expect(formatDay('2027-03-15T00:00:00Z', 'fr')).toBe('15 mars 2027');
    expect(formatMoney({ amount: 8_500, currency: 'USD' })).toBe('$85.00');
  });

  it('the payment plan in French', () => {
    const plan = { kind: 'DEPOSIT' as const, depositPercent: 30, fullPaymentAllowed: false, price: { amount: 10_000, currency: 'EUR' } };
    expect(planInWords(plan, 'fr')[0]!.replace(/\s/g, ' ')).toBe(
      'Payez un acompte de 30 % maintenant (30,00 €) et le solde (70,00 €, plus le port) à la sortie.',
    );
  });

  it('every enum the English catalogue names has its French words', () => {
    for (const group of ['productStatus', 'orderStatus', 'purpose', 'countries'] as const) {
      expect(Object.keys(fr[group]).sort()).toEqual(Object.keys(en[group]).sort());
    }
    for (const group of ['kinds', 'categories', 'issues', 'status', 'resolution'] as const) {
      expect(Object.keys(fr.claim[group]).sort()).toEqual(Object.keys(en.claim[group]).sort());
    }
  });
});
