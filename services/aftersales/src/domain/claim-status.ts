/** A claim's life; `transition` is the only way between statuses. */
export const claimStatuses = ['DRAFT', 'SUBMITTED', 'DECIDED', 'REFUSED'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** From -> allowed next statuses. DRAFT collects evidence; staff decide or refuse a SUBMITTED claim. */
const moves: Record<ClaimStatus, readonly ClaimStatus[]> = {
  DRAFT: ['SUBMITTED'],
  SUBMITTED: ['DECIDED', 'REFUSED'],
  DECIDED: [],
  REFUSED: [],
};

export class ClaimTransitionError extends Error {
  constructor(
    readonly from: ClaimStatus,
    readonly to: ClaimStatus,
  ) {
    super(`A ${from.toLowerCase()} claim cannot become ${to.toLowerCase()}.`);
  }
}

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return moves[from].includes(to);
}

export function transition(from: ClaimStatus, to: ClaimStatus): ClaimStatus {
  if (!canMove(from, to)) throw new ClaimTransitionError(from, to);
  return to;
}
