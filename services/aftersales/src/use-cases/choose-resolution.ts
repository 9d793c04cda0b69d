import type { EntityManager } from '@mikro-orm/postgresql';
import { claimReplacementRequestedV1, type ClaimResolutionKind } from '@vitrine/contracts';
import { BadUserInput, storeNow, type Caller } from '@vitrine/platform';
import { chooseOffer } from '../domain/claim-choice.js';
import { replacementRequest } from '../domain/replacement-request.js';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { customerClaim, moveClaim } from './claim-steps.js';
import { announceResolved } from './close-claim.js';
import { lockLineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';

/**
 * The customer picks one of the resolutions staff offered on their decided
 * claim. A partial refund or a discount closes it at once (ClaimResolved:
 * payments refunds it), capped again by what the line has left now; a
 * replacement part, an exchange or a return leaves it RESOLVING: a part or
 * an exchange goes to logistics (ReplacementRequested: a replacement shipment
 * at the store's cost, whose dispatch closes the claim); a return waits for
 * the item. Someone else's claim is NOT_FOUND. Audited.
 */
export async function chooseResolution(em: EntityManager, caller: Caller, claimId: string, resolution: ClaimResolutionKind): Promise<Claim> {
  return em.transactional(async (tx) => {
    const claim = await customerClaim(tx, caller, claimId, 'DECIDED', 'resolved by choice');
    const line = await lockLineBalance(tx, claim, { claimId: claim.id });
    const choice = chooseOffer(claim.offers ?? [], resolution, line.remaining);
    if (!choice.ok) throw new BadUserInput(choice.message, [{ field: 'resolution', reason: 'NOT_OFFERED', message: choice.message }]);
    const now = storeNow();
    moveClaim(claim, choice.next);
    Object.assign(claim, { resolution, refundAmount: choice.refund, chosenAt: now });
    recordAudit(tx, claim.customerId, 'claim.resolution-chosen', claim.id, { resolution, refund: choice.refund, rule: choice.offer.rule });
    if (choice.next === 'CLOSED') {
      claim.closedAt = now;
      announceResolved(tx, claim);
    }
    const replacement = replacementRequest(await policyVersion(tx, claim.policyVersion), claim, choice.offer, now);
    if (replacement) aftersales.recordEvent(tx, { definition: claimReplacementRequestedV1, subject: claim.orderId, data: replacement });
    return claim;
  });
}
