import type { Money, Notice } from './notice.js';
import { notice, type SourceEvent } from './notices-from-events.js';

export interface ClaimSubmission {
  claimId: string;
  orderId: string;
  customerId: string;
  productId: string;
  kind: string;
  evidenceCount: number;
}

/** The customer's claim reached after-sales: they are told it is in and what it is about. */
export function claimSubmittedNotice(event: SourceEvent<ClaimSubmission>): Notice {
  const { claimId, orderId, customerId, productId, kind, evidenceCount } = event.data;
  // `claimKind`, not `kind`: a notice's kind is its template.
  return notice(event, 'CLAIM_SUBMITTED', customerId, orderId, { claimId, productId, claimKind: kind, evidenceCount });
}

export interface ClaimDecision {
  claimId: string;
  orderId: string;
  customerId: string;
  productId: string;
  resolution: 'PARTIAL_REFUND' | 'REPLACEMENT_PART' | 'RETURN';
  refund: Money | null;
  replacementParts: string[];
  parts: { category: string; grade: string; amount: Money | null; rule: { id: string; text: string } }[];
}

/**
 * Staff decided the claim: the customer is told the resolution, the refund
 * (a partial refund), the parts coming (a replacement) and, per graded part,
 * its grade, amount and the policy's words for it. Payments' RefundIssued
 * later says the money left; this says what was decided.
 */
export function claimDecidedNotice(event: SourceEvent<ClaimDecision>): Notice {
  const { claimId, orderId, customerId, productId, resolution, refund, replacementParts, parts } = event.data;
  return notice(event, 'CLAIM_DECIDED', customerId, orderId, {
    claimId,
    productId,
    resolution,
    refund,
    replacementParts,
    parts: parts.map(({ category, grade, amount, rule }) => ({ category, grade, amount, rule: rule.text })),
  });
}
