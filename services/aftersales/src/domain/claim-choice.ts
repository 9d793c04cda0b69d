import type { ClaimResolutionKind } from '@vitrine/contracts';
import type { ClaimOffer } from './claim-offers.js';

/** Resolutions that money alone carries out: the claim closes as the customer picks them. */
const settledByMoney: readonly ClaimResolutionKind[] = ['PARTIAL_REFUND', 'KEEP_WITH_DISCOUNT'];

export type Choice = { ok: true; offer: ClaimOffer; refund: number | null; next: 'CLOSED' | 'RESOLVING' } | { ok: false; message: string };

/**
 * The customer picks one of the offers. Its money is capped again by what
 * the line has left now: another claim on the line may have been paid since
 * staff made the offer. A refund or a discount closes the claim at once;
 * a part, an exchange or a return stays RESOLVING until staff carry it out.
 */
export function chooseOffer(offers: readonly ClaimOffer[], resolution: ClaimResolutionKind, remaining: number): Choice {
  const offer = offers.find((o) => o.resolution === resolution);
  if (!offer) return { ok: false, message: `Choose one of the resolutions offered: ${offers.map((o) => o.resolution).join(', ')}.` };
  const refund = offer.refund === null ? null : Math.min(offer.refund, Math.max(remaining, 0));
  return { ok: true, offer, refund, next: settledByMoney.includes(resolution) ? 'CLOSED' : 'RESOLVING' };
}
