import { createHash } from 'node:crypto';

export interface QuotedTerms {
  orderId: string;
  outcome: string;
  fee: number;
  refund: number;
  ruleId: string;
}

/**
 * A fingerprint of the terms a cancellation quote showed. `cancelOrder`
 * recomputes the terms and applies them only if they still match the token
 * the customer saw; nothing secret is in it: the server never trusts amounts
 * from the client, it only compares.
 */
export function quoteToken(terms: QuotedTerms): string {
  return createHash('sha256')
    .update(JSON.stringify([terms.orderId, terms.outcome, terms.fee, terms.refund, terms.ruleId]))
    .digest('base64url')
    .slice(0, 32);
}
