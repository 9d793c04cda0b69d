import type { Rule } from '@vitrine/policy';
import type { ClaimOffer } from './claim-offers.js';
import { capRule } from './own-rules.js';

export interface ClaimReturnRefund {
  refund: number;
  rule: Rule;
}

/**
 * What a claim resolved by RETURN refunds once its item is back: what the
 * customer chose (the offer's amount, capped when chosen), capped again by
 * what the line has left now (another claim on the line may have been paid
 * since), under the offer's rule, or the cap's when the cap cut it. An offer
 * made before returns carried an amount refunds what the line has left. The
 * item's condition is recorded, not judged: the claim already established
 * what is wrong with it, and no policy sets a condition for a claim's return.
 */
export function claimReturnRefund(offers: readonly ClaimOffer[], chosenRefund: number | null, remaining: number): ClaimReturnRefund {
  const offer = offers.find((o) => o.resolution === 'RETURN');
  if (!offer) throw new Error('a claim resolving by RETURN has a RETURN offer');
  const left = Math.max(remaining, 0);
  const asked = chosenRefund ?? offer.refund ?? left;
  const refund = Math.min(asked, left);
  return { refund, rule: refund < asked || (offer.refund !== null && refund < offer.refund) ? capRule : offer.rule };
}
