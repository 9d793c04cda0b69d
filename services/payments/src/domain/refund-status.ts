/**
 * Where a refund stands with the provider: PENDING until each of its payouts
 * (one per charge it is taken from) is answered; SUCCEEDED when every payout
 * went through, FAILED when none did, PARTIALLY_FAILED in between.
 */
export const refundStatuses = ['PENDING', 'SUCCEEDED', 'FAILED', 'PARTIALLY_FAILED'] as const;
export type RefundStatus = (typeof refundStatuses)[number];
