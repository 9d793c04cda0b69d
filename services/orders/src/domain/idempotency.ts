import { createHash } from 'node:crypto';
import type { RequestedLine } from './draft-order.js';

const keyPattern = /^[A-Za-z0-9._:-]{8,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return keyPattern.test(key);
}

/**
 * What a retry must repeat for the same key: the cart as a set of products
 * with their quantities (the order of the lines, or one product split over two
 * lines, is the same cart) and every checkout choice. A different request
 * under a used key is a client bug, not a retry.
 */
export function fingerprintOrderRequest(customerId: string | null, lines: readonly RequestedLine[], choices: Record<string, unknown> = {}): string {
  const quantities = new Map<string, number>();
  for (const line of lines) quantities.set(line.productId.toLowerCase(), (quantities.get(line.productId.toLowerCase()) ?? 0) + line.quantity);
  const cart = [...quantities].sort(([a], [b]) => a.localeCompare(b));
  const canonical = JSON.stringify([customerId, cart, Object.entries(choices).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(canonical).digest('hex');
}
