import { describe, expect, it } from 'vitest';
import { checkReturnUrl, parseReturnOrigins, payPageLocale } from './return-address.js';

const allowed = parseReturnOrigins('http://localhost:3000, https://shop.example.com/');

describe('the pay page’s return address', () => {
  it('reads the configured origins and refuses an entry that is not one', () => {
    expect(allowed).toEqual(['http://localhost:3000', 'https://shop.example.com']);
    expect(parseReturnOrigins('')).toEqual([]);
    expect(() => parseReturnOrigins('https://shop.example.com/orders')).toThrow(/not an origin/);
    expect(() => parseReturnOrigins('ftp://shop.example.com')).toThrow(/not an origin/);
    expect(() => parseReturnOrigins('shop.example.com')).toThrow();
  });

  it('accepts an address on an allowed origin, normalised', () => {
    expect(checkReturnUrl('http://localhost:3000/orders/abc?paid=1', allowed)).toEqual({ ok: true, url: 'http://localhost:3000/orders/abc?paid=1' });
    expect(checkReturnUrl('https://SHOP.example.com', allowed)).toEqual({ ok: true, url: 'https://shop.example.com/' });
  });

  it('refuses another origin, even one that looks alike', () => {
    for (const raw of [
      'https://evil.example.net/orders',
      'http://shop.example.com/orders', // another scheme
      'https://shop.example.com:8443/', // another port
      'http://localhost:3001/',
      'https://shop.example.com.evil.net/',
      'https://shop.example.com@evil.net/',
      'https://user:pw@shop.example.com/',
    ]) {
      expect(checkReturnUrl(raw, allowed), raw).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
    }
  });

  it('refuses what is not an absolute web address', () => {
    for (const raw of ['', '/orders', '//evil.net/x', 'javascript:alert(1)', 'data:text/html,hi', `https://shop.example.com/${'a'.repeat(2000)}`]) {
      expect(checkReturnUrl(raw, allowed), raw.slice(0, 40)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });
});

describe('the pay page’s language', () => {
  it('takes the primary language it has words for', () => {
    expect(payPageLocale('fr')).toBe('fr');
    expect(payPageLocale('fr-CA')).toBe('fr');
    expect(payPageLocale('EN_gb')).toBe('en');
    expect(payPageLocale('de')).toBeNull();
    expect(payPageLocale(null)).toBeNull();
    expect(payPageLocale('')).toBeNull();
  });
});
