import type { Money, Notice } from './notice.js';
import { notice, type SourceEvent } from './notices-from-events.js';
import { ruleWords, type EventRule } from './rule-words.js';

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
  parts: { category: string; grade: string; amount: Money | null; rule: EventRule }[];
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
    parts: parts.map(({ category, grade, amount, rule }) => ({ category, grade, amount, rule: ruleWords(rule) })),
  });
}

export interface ClaimOffer {
  claimId: string;
  orderId: string;
  customerId: string;
  productId: string;
  offers: {
    resolution: string;
    refund: Money | null;
    returnPostage: string | null;
    leadTime?: { outcome: string; earliest: string | null; latest: string | null; rule: EventRule } | null;
    rule: EventRule;
  }[];
  parts: { category: string; grade: string; amount: Money | null; rule: EventRule }[];
}

/**
 * Staff graded the claim and offered what the policy allows: the customer is
 * told each resolution they may choose, in the policy's order, with its amount,
 * who pays a return's postage or when a replacement part should arrive, each
 * graded part, and the policy's words for them. Nothing moves money yet.
 */
export function claimOfferedNotice(event: SourceEvent<ClaimOffer>): Notice {
  const { claimId, orderId, customerId, productId, offers, parts } = event.data;
  return notice(event, 'CLAIM_OFFERED', customerId, orderId, {
    claimId,
    productId,
    offers: offers.map(({ resolution, refund, returnPostage, leadTime, rule }) => ({
      resolution,
      refund,
      returnPostage,
      leadTime: leadTime ? { outcome: leadTime.outcome, earliest: leadTime.earliest, latest: leadTime.latest, rule: ruleWords(leadTime.rule) } : null,
      rule: ruleWords(rule),
    })),
    parts: parts.map(({ category, grade, amount, rule }) => ({ category, grade, amount, rule: ruleWords(rule) })),
  });
}

export interface EvidenceRequest {
  claimId: string;
  orderId: string;
  customerId: string;
  note: string;
}

/** Staff need more evidence: the customer is told what they ask for, in their words, and how to add it. */
export function claimEvidenceRequestedNotice(event: SourceEvent<EvidenceRequest>): Notice {
  const { claimId, orderId, customerId, note } = event.data;
  return notice(event, 'CLAIM_EVIDENCE_REQUESTED', customerId, orderId, { claimId, note });
}

export interface ClaimRefusal {
  claimId: string;
  orderId: string;
  customerId: string;
  productId: string;
  rule: EventRule;
}

/** Staff refused the claim: the customer is told the policy's rule that refuses it. */
export function claimRefusedNotice(event: SourceEvent<ClaimRefusal>): Notice {
  const { claimId, orderId, customerId, productId, rule } = event.data;
  return notice(event, 'CLAIM_REFUSED', customerId, orderId, { claimId, productId, rule: ruleWords(rule) });
}

export interface ClaimResolution {
  claimId: string;
  orderId: string;
  customerId: string;
  productId: string;
  resolution: string;
  refund: Money | null;
}

/**
 * The claim is closed with the resolution the customer chose: they are told
 * what was done and the refund, if any. Payments' RefundIssued later says the
 * money left; this says what was resolved.
 */
export function claimResolvedNotice(event: SourceEvent<ClaimResolution>): Notice {
  const { claimId, orderId, customerId, productId, resolution, refund } = event.data;
  return notice(event, 'CLAIM_RESOLVED', customerId, orderId, { claimId, productId, resolution, refund });
}

export interface ReturnInspection {
  returnId: string;
  orderId: string;
  customerId: string;
  productId: string;
  accepted: boolean;
  refund: Money;
  restockingFee: Money;
  rule: EventRule;
}

/** A return for preference arrived and was inspected: the customer is told the refund (or that there is none) and the policy's rule. */
export function returnReceivedNotice(event: SourceEvent<ReturnInspection>): Notice {
  const { returnId, orderId, customerId, productId, accepted, refund, restockingFee, rule } = event.data;
  return notice(event, 'RETURN_RECEIVED', customerId, orderId, { returnId, productId, accepted, refund, restockingFee, rule: ruleWords(rule) });
}

export interface ReturnRequest {
  returnId: string;
  orderId: string;
  customerId: string;
  productId: string;
  quotedRefund: Money;
  restockingFee: Money;
  shippingRefund: Money;
  returnPostage: string;
  rule: EventRule;
}

/**
 * A return for preference was accepted: the customer is told what it will
 * refund if the item comes back as the policy asks (the quote, less the
 * restocking fee, with the shipping refunded if any), who pays the postage
 * back, and the policy's rule. RETURN_RECEIVED follows the inspection.
 */
export function returnRequestedNotice(event: SourceEvent<ReturnRequest>): Notice {
  const { returnId, orderId, customerId, productId, quotedRefund, restockingFee, shippingRefund, returnPostage, rule } = event.data;
  return notice(event, 'RETURN_REQUESTED', customerId, orderId, {
    returnId,
    productId,
    quotedRefund,
    restockingFee,
    shippingRefund,
    returnPostage,
    rule: ruleWords(rule),
  });
}
