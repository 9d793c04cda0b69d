import type { claimReplacementRequestedV1, EventData, ReplacementResolution } from '@vitrine/contracts';
import { deadlineAfter, type StorePolicy } from '@vitrine/policy';
import type { ClaimOffer } from './claim-offers.js';

type ReplacementRequested = EventData<typeof claimReplacementRequestedV1>;

export function isReplacement(resolution: string | null | undefined): resolution is ReplacementResolution {
  return resolution === 'REPLACEMENT_PART' || resolution === 'EXCHANGE';
}

export interface ChosenClaim {
  id: string;
  orderId: string;
  customerId: string;
  productId: string;
  parts: readonly { name?: string | null; category: string; issue: string }[];
}

/**
 * What logistics needs to ship a replacement the customer chose: the claim's
 * parts, the offer's lead time to the customer and, for a part the studio has
 * (a WINDOW), when it should reach our warehouse (the policy's
 * `replacementParts.inStockAtStudio.toWarehouse`, at its shortest and
 * longest, in the store's local days): logistics holds the shipment until
 * then. A part made on demand has no date; an exchange ships a unit from
 * stock. Null for any other resolution.
 */
export function replacementRequest(
  policy: StorePolicy,
  claim: ChosenClaim,
  offer: Pick<ClaimOffer, 'resolution' | 'leadTime'>,
  now: Date,
): ReplacementRequested | null {
  if (!isReplacement(offer.resolution)) return null;
  const lead = offer.resolution === 'REPLACEMENT_PART' ? (offer.leadTime ?? null) : null;
  const toWarehouse = policy.claims.replacementParts?.inStockAtStudio.toWarehouse;
  const atWarehouse =
    lead?.outcome === 'WINDOW' && toWarehouse
      ? {
          earliest: deadlineAfter(policy, now, { amount: toWarehouse.min, unit: toWarehouse.unit }).lastDay,
          latest: deadlineAfter(policy, now, { amount: toWarehouse.max, unit: toWarehouse.unit }).lastDay,
        }
      : null;
  return {
    claimId: claim.id,
    orderId: claim.orderId,
    customerId: claim.customerId,
    productId: claim.productId,
    resolution: offer.resolution,
    parts: claim.parts.map((p) => ({ name: p.name ?? null, category: p.category, issue: p.issue })),
    leadTime: lead ? { outcome: lead.outcome, earliest: lead.earliest, latest: lead.latest } : null,
    atWarehouse,
    requestedAt: now.toISOString(),
  };
}

/**
 * Logistics dispatched a replacement parcel for this claim: it closes when it
 * is still RESOLVING by a part or an exchange. Staff may have closed it by hand
 * already (closeClaim), or the parcel may carry another resolution's claim (a
 * bug elsewhere): nothing then, and the caller says why.
 */
export function closesOnDispatch(claim: { status: string; resolution?: string | null }): { close: true } | { close: false; why: string } {
  if (claim.status !== 'RESOLVING') return { close: false, why: `the claim is ${claim.status.toLowerCase()}` };
  if (!isReplacement(claim.resolution)) return { close: false, why: `the claim is resolved by ${claim.resolution ?? 'nothing'}, not a shipment` };
  return { close: true };
}
