import type { ClaimGrade, ClaimKind, ClaimResolution, ClaimStatus } from '../../__generated__/app/graphql.js';

// The claim queue's codes in staff's words (the back office is English).

export const statusWords: Record<ClaimStatus, string> = {
  DRAFT: 'Draft (evidence being uploaded)',
  SUBMITTED: 'Submitted: waiting for staff',
  UNDER_REVIEW: 'Under review',
  NEEDS_MORE_EVIDENCE: 'Waiting for more evidence',
  DECIDED: 'Offered: waiting for the customer',
  RESOLVING: 'Being carried out',
  CLOSED: 'Closed',
  REFUSED: 'Refused',
};
export const kindWords: Record<ClaimKind, string> = {
  MIS_SHIPMENT: 'Wrong item shipped',
  ACCESSORY_MISSING: 'Accessory missing',
  ACCESSORY_DAMAGED: 'Accessory damaged',
  ACCESSORY_PRODUCED_IN_ERROR: 'Accessory produced in error',
  SHIPPING_DAMAGE: 'Damaged in shipping',
  QUALITY_DEFECT: 'Quality defect',
};
export const resolutionWords: Record<ClaimResolution, string> = {
  PARTIAL_REFUND: 'Partial refund',
  REPLACEMENT_PART: 'Replacement part',
  RETURN: 'Return for a refund',
  EXCHANGE: 'Exchange',
  KEEP_WITH_DISCOUNT: 'Keep it with a discount',
};
export const gradeWords: [ClaimGrade, string][] = [
  ['LOW', 'Low'],
  ['MEDIUM', 'Medium'],
  ['HIGH', 'High'],
  ['STAFF', 'Staff decide the amount'],
];
