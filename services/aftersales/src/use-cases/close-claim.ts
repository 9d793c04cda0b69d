import type { EntityManager } from '@mikro-orm/postgresql';
import { claimResolvedV1 } from '@vitrine/contracts';
import { PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { moveClaim, staffClaim } from './claim-steps.js';
import { recordAudit } from './record-audit.js';

/**
 * ClaimResolved for a claim that just closed: payments refunds its
 * compensation, if any. A return's money went out with ReturnReceived (as a
 * return, not compensation), so it carries none here.
 */
export function announceResolved(tx: EntityManager, claim: Claim): void {
  const compensation = claim.resolution === 'RETURN' ? null : claim.refundAmount;
  aftersales.recordEvent(tx, {
    definition: claimResolvedV1,
    subject: claim.orderId,
    data: {
      claimId: claim.id,
      orderId: claim.orderId,
      customerId: claim.customerId,
      productId: claim.productId,
      resolution: claim.resolution!,
      refund: compensation == null ? null : { amount: compensation, currency: claim.currency },
      closedBy: claim.closedBy ?? null,
      resolvedAt: claim.closedAt!.toISOString(),
    },
  });
}

/**
 * Staff close a resolving claim once its resolution is carried out (the part
 * reached the customer, the exchange shipped). A return closes only when its
 * item is received (`receiveClaimReturn`, which refunds it): closing it here
 * would refund nothing, so it is POLICY_VIOLATION `CLAIM_RETURN_NOT_RECEIVED`.
 * Audited; ClaimResolved.
 */
export async function closeClaim(em: EntityManager, caller: Caller, claimId: string, note: string | null): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const said = note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, 'RESOLVING', 'closed');
    if (claim.resolution === 'RETURN') {
      throw new PolicyViolation('A claim resolved by a return closes when its item is received: record the receipt instead.', 'CLAIM_RETURN_NOT_RECEIVED');
    }
    moveClaim(claim, 'CLOSED');
    Object.assign(claim, { closedBy: staffId, closedAt: storeNow() });
    recordAudit(tx, staffId, 'claim.closed', claim.id, { resolution: claim.resolution, note: said });
    announceResolved(tx, claim);
    return claim;
  });
}
