import { createHash } from 'node:crypto';
import type { RequestedLine } from './draft-order.js';

const keyPattern = /^[A-Za-z0-9._:-]{8,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return keyPattern.test(key);
}

/**
 * What a retry must repeat exactly for the same key: the lines, in order.
 * A different payload under a used key is a client bug, not a retry.
 */
export function fingerprintOrderRequest(customerId: string | null, lines: RequestedLine[]): string {
  const canonical = JSON.stringify([customerId, lines.map((l) => [l.productId.toLowerCase(), l.quantity])]);
  return createHash('sha256').update(canonical).digest('hex');
}
