/*
 * Where the hosted pay-now page may send the customer back to ("Back to the
 * store"), and which language it speaks. A return address is only ever
 * followed to an origin payments was configured with (PAYMENTS_RETURN_ORIGINS):
 * anything else would make the page an open redirect that carries the
 * store's name to someone else's site.
 */

export type ReturnAddressCheck = { ok: true; url: string } | { ok: false; reason: 'MALFORMED' | 'NOT_ALLOWED' };

/** Longer than any order or orders page of the storefront; a bound on what a link carries. */
export const maxReturnUrlLength = 2000;

/** The configured list (comma separated) as origins; throws on an entry that is not a bare http(s) origin (a config error). */
export function parseReturnOrigins(list: string): string[] {
  const origins = list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return origins.map((entry) => {
    const url = new URL(entry);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/+$/, '')) {
      throw new Error(`"${entry}" is not an origin (scheme://host[:port], nothing after it)`);
    }
    return url.origin;
  });
}

/**
 * An absolute http(s) address whose origin is exactly one of `allowedOrigins`
 * (scheme, host and port; no user or password in it). The address comes back
 * normalised, as the page will link it.
 */
export function checkReturnUrl(raw: string, allowedOrigins: readonly string[]): ReturnAddressCheck {
  if (raw.length === 0 || raw.length > maxReturnUrlLength) return { ok: false, reason: 'MALFORMED' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'MALFORMED' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'NOT_ALLOWED' };
  if (!allowedOrigins.includes(url.origin)) return { ok: false, reason: 'NOT_ALLOWED' };
  return { ok: true, url: url.href };
}

/** The languages the page has words for; English when the link names none or another one. */
export const payPageLocales = ['en', 'fr'] as const;
export type PayPageLocale = (typeof payPageLocales)[number];

/** `fr`, `fr-FR`, `FR-ca` -> `fr`; anything unknown -> null (the caller's default). */
export function payPageLocale(raw: string | null | undefined): PayPageLocale | null {
  const primary = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (payPageLocales as readonly string[]).includes(primary ?? '') ? (primary as PayPageLocale) : null;
}
