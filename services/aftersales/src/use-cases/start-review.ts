import type { EntityManager } from '@mikro-orm/postgresql';
import { requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import type { Claim } from '../store/claim.entity.js';
import { moveClaim, staffClaim } from './claim-steps.js';
import { recordAudit } from './record-audit.js';

/**
 * A staff member (aftersales:decide) takes a submitted claim into review:
 * the customer sees it is being looked at (UNDER_REVIEW, since when); who
 * took it is kept on the claim and in the audit.
 * The decision steps then work from UNDER_REVIEW as from SUBMITTED. A claim
 * in any other status (already in review included) is CLAIM_STATUS_TRANSITION,
 * nothing changed. Audited.
 */
export async function startClaimReview(em: EntityManager, caller: Caller, claimId: string): Promise<Claim> {
  const staffId = requireCallerId(caller);
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, 'SUBMITTED', 'taken into review');
    const now = storeNow();
    moveClaim(claim, 'UNDER_REVIEW');
    Object.assign(claim, { reviewedBy: staffId, reviewStartedAt: now });
    recordAudit(tx, staffId, 'claim.review-started', claim.id, {});
    return claim;
  });
}
