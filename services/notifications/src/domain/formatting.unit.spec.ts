import { describe, expect, it } from 'vitest';
import { formatDate, formatDeadline, formatMoney, formatSize, formatWeight } from './formatting.js';
import { languageFor } from './languages.js';

// Intl separates French thousands and the currency sign with (narrow) no-break spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money as customers read it', () => {
  it('uses the currency’s own decimals and the language’s conventions', () => {
    expect(formatMoney({ amount: 24_900, currency: 'EUR' }, 'en')).toBe('€249.00');
    expect(plain(formatMoney({ amount: 24_900, currency: 'EUR' }, 'fr'))).toBe('249,00 €');
    expect(formatMoney({ amount: 123_456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(plain(formatMoney({ amount: 123_456, currency: 'USD' }, 'fr'))).toBe('1 234,56 $US');
  });

  it('reads zero-decimal currencies as whole units', () => {
    expect(formatMoney({ amount: 12_000, currency: 'JPY' }, 'en')).toBe('¥12,000');
    expect(plain(formatMoney({ amount: 12_000, currency: 'JPY' }, 'fr'))).toBe('12 000 JPY');
  });

  it('shows zero as zero', () => {
    expect(formatMoney({ amount: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
  });
});

describe('dates', () => {
  it('says days and deadlines in the language, on UTC', () => {
    expect(formatDate('2027-03-14T23:59:00.000Z', 'en')).toBe('March 14, 2027');
    expect(formatDate('2027-03-14T23:59:00.000Z', 'fr')).toBe('14 mars 2027');
    expect(plain(formatDeadline('2027-03-14T23:59:00.000Z', 'en'))).toMatch(/^March 14, 2027 at 11:59 PM UTC$/);
    expect(plain(formatDeadline('2027-03-14T23:59:00.000Z', 'fr'))).toMatch(/^14 mars 2027 (à )?23:59 UTC$/);
  });
});

describe('a parcel’s measures', () => {
  it('in kilograms and centimetres, with the language’s decimal sign', () => {
    expect(formatWeight(2_350, 'en')).toBe('2.35 kg');
    expect(plain(formatWeight(2_350, 'fr'))).toBe('2,35 kg');
    expect(formatWeight(800, 'en')).toBe('0.8 kg');
    expect(formatSize({ lengthMm: 420, widthMm: 300, heightMm: 255 }, 'en')).toBe('42 × 30 × 25.5 cm');
    expect(plain(formatSize({ lengthMm: 420, widthMm: 300, heightMm: 255 }, 'fr'))).toBe('42 × 30 × 25,5 cm');
  });
});

describe('the language of a customer’s mail', () => {
  it('is their choice, else their country’s, else English', () => {
    expect(languageFor('en', 'FR')).toBe('en');
    expect(languageFor(null, 'FR')).toBe('fr');
    expect(languageFor(undefined, 'be')).toBe('fr');
    expect(languageFor(null, 'JP')).toBe('en');
    expect(languageFor('de', null)).toBe('en');
  });
});
