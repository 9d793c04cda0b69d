import { createHmac, timingSafeEqual } from 'node:crypto';
import { evidenceContentTypes } from '../domain/evidence-limits.js';

/**
 * The file store's read URLs (`GET /evidence-files?key&type&expires&sig`): after-sales signs, for one stored file,
 * its key, the content type the route will answer with, and an expiry (Unix seconds), with an HMAC keyed by the
 * store's secret. The route serves the file only for a signature it made and before the expiry; nothing else
 * (the caller's identity was checked when the URL was given out, by the GraphQL field).
 */

export interface EvidenceViewGrant {
  key: string;
  contentType: string;
  /** Unix seconds after which the URL is refused. */
  expires: number;
}

export type EvidenceViewCheck = { ok: true; grant: EvidenceViewGrant } | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

/**
 * A key of its own for read URLs, derived from the store's secret: an upload signature (over key, type, size and
 * expiry) can never pass as a read signature, nor the reverse.
 */
function viewKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('vitrine evidence view v1').digest();
}

function signature(secret: string, grant: EvidenceViewGrant): string {
  return createHmac('sha256', viewKey(secret)).update(`${grant.key}\n${grant.contentType}\n${grant.expires}`).digest('base64url');
}

/** The query string of a read URL for this grant. */
export function signEvidenceView(secret: string, grant: EvidenceViewGrant): URLSearchParams {
  return new URLSearchParams({ key: grant.key, type: grant.contentType, expires: String(grant.expires), sig: signature(secret, grant) });
}

/**
 * Whether a read URL's query is one we signed and still lives at `nowMs`. The content type must be one evidence
 * may have (so even a leaked secret cannot make the route answer as HTML); the signature is compared in constant
 * time.
 */
export function checkEvidenceView(secret: string, query: URLSearchParams, nowMs: number): EvidenceViewCheck {
  const [key, contentType, expiresText, sig] = ['key', 'type', 'expires', 'sig'].map((name) => query.get(name));
  if (!key || !contentType || !expiresText || !sig || !/^\d{1,12}$/.test(expiresText) || !Object.hasOwn(evidenceContentTypes, contentType)) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const grant = { key, contentType, expires: Number(expiresText) };
  const expected = Buffer.from(signature(secret, grant));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  // Judged after the signature, so a forged expiry reads as forged, not as expired.
  if (grant.expires * 1000 <= nowMs) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, grant };
}
