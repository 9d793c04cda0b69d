import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Carrier webhooks are signed the Standard Webhooks way, as payments'
 * provider webhooks and notifications' partner webhooks are: HMAC-SHA256,
 * keyed with the carrier's secret (`whsec_` + base64), over
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, sent as `webhook-signature:
 * v1,<base64>` (several, space-separated, while a secret is rotated). The id
 * and timestamp are signed with the body, so neither can be swapped for a replay.
 */
export interface SignedDelivery {
  /** `webhook-id`: the carrier's event id (deliveries are deduplicated by it). */
  id: string;
  /** `webhook-timestamp`: seconds since the epoch, when the carrier sent it. */
  timestamp: string;
  /** `webhook-signature`. */
  signature: string;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' };

const secretPattern = /^whsec_[A-Za-z0-9+/=]{16,}$/;

/** A Standard Webhooks secret: `whsec_` then at least 16 base64 characters. */
export function isWebhookSecret(secret: string): boolean {
  return secretPattern.test(secret);
}

/** The `webhook-signature` value for a delivery (what a carrier's sender computes; tests and adapters sign with it). */
export function signCarrierWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${digest(secret, id, String(timestampSeconds), body).toString('base64')}`;
}

/**
 * Checks a delivery: every header present, sent within `toleranceSeconds`
 * of `nowMs` either way (real time, not the store's sandbox clock: replay is
 * about when bytes travel), and one of its signatures made with the secret
 * over these exact bytes (compared in constant time).
 */
export function verifyCarrierWebhook(secret: string, delivery: SignedDelivery, body: string, nowMs: number, toleranceSeconds: number): SignatureCheck {
  const { id, timestamp, signature } = delivery;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'MISSING_HEADERS' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'STALE_TIMESTAMP' };
  const expected = digest(secret, id, timestamp, body);
  const matches = signature.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' };
}

function digest(secret: string, id: string, timestamp: string, body: string): Buffer {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
}
