/** A claim's life; `transition` is the only way between statuses. */
export const claimStatuses = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'RESOLVING', 'CLOSED', 'REFUSED'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/**
 * From -> allowed next statuses. DRAFT collects evidence; staff take a
 * SUBMITTED claim into review (UNDER_REVIEW: the customer sees someone is on
 * it, and other staff see it is taken), and from either they ask for more
 * evidence (the customer adds it and submits again), refuse it under a policy
 * rule, or decide it by offering resolutions (DECIDED). Deciding straight from
 * SUBMITTED stays allowed: a claim staff settle at first sight needs no
 * review. The customer's pick closes it at once when money settles it
 * (a partial refund, a discount), or leaves it RESOLVING until staff have
 * carried it out (a part shipped, an exchange; a return closes when staff
 * receive it and its refund goes out).
 */
const moves: Record<ClaimStatus, readonly ClaimStatus[]> = {
  DRAFT: ['SUBMITTED'],
  SUBMITTED: ['UNDER_REVIEW', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'REFUSED'],
  UNDER_REVIEW: ['NEEDS_MORE_EVIDENCE', 'DECIDED', 'REFUSED'],
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
