import type { EntityManager } from '@mikro-orm/postgresql';
import { claimResolvedV1 } from '@vitrine/contracts';
import { requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { moveClaim, staffClaim } from './claim-steps.js';
import { recordAudit } from './record-audit.js';

/** ClaimResolved for a claim that just closed: payments refunds its compensation, if any. */
export function announceResolved(tx: EntityManager, claim: Claim): void {
  aftersales.recordEvent(tx, {
    definition: claimResolvedV1,
    subject: claim.orderId,
    data: {
      claimId: claim.id,
      orderId: claim.orderId,
      customerId: claim.customerId,
      productId: claim.productId,
      resolution: claim.resolution!,
      refund: claim.refundAmount == null ? null : { amount: claim.refundAmount, currency: claim.currency },
      closedBy: claim.closedBy ?? null,
      resolvedAt: claim.closedAt!.toISOString(),
    },
  });
}

/**
 * Staff close a resolving claim once its resolution is carried out (the part
 * reached the customer, the exchange shipped, the return was handled).
 * Audited; ClaimResolved.
 */
export async function closeClaim(em: EntityManager, caller: Caller, claimId: string, note: string | null): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const said = note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, 'RESOLVING', 'closed');
    moveClaim(claim, 'CLOSED');
    Object.assign(claim, { closedBy: staffId, closedAt: storeNow() });
    recordAudit(tx, staffId, 'claim.closed', claim.id, { resolution: claim.resolution, note: said });
    announceResolved(tx, claim);
    return claim;
  });
}
