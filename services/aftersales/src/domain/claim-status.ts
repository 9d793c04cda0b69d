/** A claim's life; `transition` is the only way between statuses. */
export const claimStatuses = ['DRAFT', 'SUBMITTED', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'RESOLVING', 'CLOSED', 'REFUSED'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/**
 * From -> allowed next statuses. DRAFT collects evidence; staff ask a
 * SUBMITTED claim for more evidence (the customer adds it and submits again),
 * refuse it under a policy rule, or decide it by offering resolutions
 * (DECIDED). The customer's pick closes it at once when money settles it
 * (a partial refund, a discount), or leaves it RESOLVING until staff have
 * carried it out (a part shipped, an exchange, a return).
 */
const moves: Record<ClaimStatus, readonly ClaimStatus[]> = {
  DRAFT: ['SUBMITTED'],
  SUBMITTED: ['NEEDS_MORE_EVIDENCE', 'DECIDED', 'REFUSED'],
  NEEDS_MORE_EVIDENCE: ['SUBMITTED'],
  DECIDED: ['RESOLVING', 'CLOSED'],
  RESOLVING: ['CLOSED'],
  CLOSED: [],
  REFUSED: [],
};

export class ClaimTransitionError extends Error {
  constructor(
    readonly from: ClaimStatus,
    readonly to: ClaimStatus,
  ) {
    super(`A ${from.toLowerCase().replaceAll('_', ' ')} claim cannot become ${to.toLowerCase().replaceAll('_', ' ')}.`);
  }
}

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return moves[from].includes(to);
}

export function transition(from: ClaimStatus, to: ClaimStatus): ClaimStatus {
  if (!canMove(from, to)) throw new ClaimTransitionError(from, to);
  return to;
}
