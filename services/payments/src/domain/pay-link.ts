import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a pay-now link names: who pays, for which orders' dues, until when. */
export interface PayLinkClaims {
  customerId: string;
  orderIds: string[];
  dueIds: string[];
  expiresAt: Date;
}

export type PayLinkCheck = { ok: true; claims: PayLinkClaims } | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`vitrine-pay-link.v1.${body}`).digest();
}

/**
 * A pay-now link's token: the claims as base64url JSON, a dot, and an
 * HMAC-SHA256 of them under payments' secret. The link is the credential (it
 * is emailed to the customer): it lets its holder pay those dues and see
 * what is owed on them, nothing else, and only until it expires.
 */
export function signPayLink(claims: PayLinkClaims, secret: string): string {
  const body = b64(JSON.stringify({ v: 1, c: claims.customerId, o: claims.orderIds, d: claims.dueIds, e: Math.floor(claims.expiresAt.getTime() / 1000) }));
  return `${body}.${b64(mac(secret, body))}`;
}

export function verifyPayLink(token: string, secret: string, now: Date): PayLinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 4000) return { ok: false, reason: 'MALFORMED' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  let raw: { v?: unknown; c?: unknown; o?: unknown; d?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
  if (raw.v !== 1 || typeof raw.c !== 'string' || !strings(raw.o) || !strings(raw.d) || typeof raw.e !== 'number') return { ok: false, reason: 'MALFORMED' };
  const expiresAt = new Date(raw.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, claims: { customerId: raw.c, orderIds: raw.o, dueIds: raw.d, expiresAt } };
}
