/** A return for preference; `transition` is the only way between statuses. */
export const returnStatuses = ['REQUESTED', 'REFUNDED', 'REJECTED'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/**
 * REQUESTED: accepted within the window, the item on its way back at the
 * customer's cost. On arrival staff inspect it: in the condition the policy
 * asks, it is REFUNDED (the price less the restocking fee); otherwise
 * REJECTED and nothing is refunded (000).
 */
const moves: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REQUESTED: ['REFUNDED', 'REJECTED'],
  REFUNDED: [],
  REJECTED: [],
};

export function canMoveReturn(from: ReturnStatus, to: ReturnStatus): boolean {
  return moves[from].includes(to);
}

export function transitionReturn(from: ReturnStatus, to: ReturnStatus): ReturnStatus {
  if (!canMoveReturn(from, to)) throw new Error(`A ${from.toLowerCase()} return cannot become ${to.toLowerCase()}.`);
  return to;
}
