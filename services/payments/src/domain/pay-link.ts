import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentPurpose } from '@vitrine/contracts';

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

/** A due as a link sees it. */
export interface LinkableDue {
  id: string;
  orderId: string;
  purpose: PaymentPurpose;
  state: 'OPEN' | 'SETTLED' | 'VOID' | 'WAIVED';
  collect: 'CUSTOMER' | 'STORED_METHOD';
}

/**
 * The dues one link for several orders pays together, once `amountToCollect`
 * accepted them (same customer, purpose and currency): each order's open
 * dues of that purpose that the customer pays themself (a stored card's
 * charge is not theirs to pay on the page). An order left with none cannot
 * be on the link: that is a bug in the caller, not a refusal.
 */
export function dueIdsToLink(purpose: PaymentPurpose, orderIds: readonly string[], dues: readonly LinkableDue[]): string[] {
  return orderIds.flatMap((orderId) => {
    const ids = dues.filter((d) => d.orderId === orderId && d.purpose === purpose && d.state === 'OPEN' && d.collect === 'CUSTOMER').map((d) => d.id);
    if (ids.length === 0) throw new Error(`order ${orderId} has no open ${purpose} due the customer pays`);
    return ids;
  });
}
