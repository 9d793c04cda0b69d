import type { EntityManager } from '@mikro-orm/postgresql';
import { claimEvidenceRequestedV1 } from '@vitrine/contracts';
import { BadUserInput, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { awaitingStaff, moveClaim, staffClaim } from './claim-steps.js';
import { recordAudit } from './record-audit.js';

/**
 * Staff cannot decide from what was sent: they say what they need and the
 * claim goes back to its customer (NEEDS_MORE_EVIDENCE), who uploads more and
 * submits it again. Audited; ClaimEvidenceRequested.
 */
export async function requestMoreEvidence(em: EntityManager, caller: Caller, claimId: string, note: string): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const asked = note.trim();
  if (asked.length < 10) {
    throw new BadUserInput('Say what evidence is missing: nothing was sent.', [
      { field: 'note', reason: 'TOO_SHORT', message: 'Tell the customer what to add, in at least 10 characters.' },
    ]);
  }
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, awaitingStaff, 'sent back for more evidence');
    const now = storeNow();
    moveClaim(claim, 'NEEDS_MORE_EVIDENCE');
    claim.evidenceRequest = asked;
    recordAudit(tx, staffId, 'claim.evidence-requested', claim.id, { note: asked });
    aftersales.recordEvent(tx, {
      definition: claimEvidenceRequestedV1,
      subject: claim.orderId,
      data: { claimId: claim.id, orderId: claim.orderId, customerId: claim.customerId, note: asked, requestedBy: staffId, requestedAt: now.toISOString() },
    });
    return claim;
  });
}
