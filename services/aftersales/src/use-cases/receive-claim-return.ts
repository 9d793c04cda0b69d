import type { EntityManager } from '@mikro-orm/postgresql';
import { returnReceivedV1 } from '@vitrine/contracts';
import { PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { claimReturnRefund } from '../domain/claim-return.js';
import type { ReturnedCondition } from '../domain/preference-return.js';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { moveClaim, staffClaim } from './claim-steps.js';
import { announceResolved } from './close-claim.js';
import { lockLineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';
import { eventRule } from '../domain/rule-words.js';

/**
 * Staff (aftersales:decide) record that the item of a claim the customer
 * chose to RETURN came back, and the condition they found it in: it refunds
 * what the offer said (as chosen, capped by what the line has left now; the
 * line is locked) and closes the claim. ReturnReceived carries the money, so
 * payments refunds it as a return, as for a return for preference;
 * ClaimResolved follows without a refund. Audited. Another resolution, or a
 * claim not RESOLVING, is POLICY_VIOLATION and nothing changes.
 */
export async function receiveClaimReturn(
  em: EntityManager,
  caller: Caller,
  claimId: string,
  input: { condition: ReturnedCondition; note: string | null },
): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const note = input.note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, 'RESOLVING', 'received back');
    if (claim.resolution !== 'RETURN') {
      throw new PolicyViolation(`This claim is resolved by ${claim.resolution?.toLowerCase().replaceAll('_', ' ')}, not a return.`, 'CLAIM_NOT_A_RETURN', {
        resolution: claim.resolution,
      });
    }
    const line = await lockLineBalance(tx, claim, { claimId: claim.id });
    const { refund, rule } = claimReturnRefund(claim.offers ?? [], claim.refundAmount ?? null, line.remaining);
    const now = storeNow();
    moveClaim(claim, 'CLOSED');
    Object.assign(claim, { refundAmount: refund, returnCondition: input.condition, closedBy: staffId, closedAt: now });
    recordAudit(tx, staffId, 'claim.return-received', claim.id, { condition: input.condition, refund, rule, note });
    const money = (amount: number) => ({ amount, currency: claim.currency });
    const policy = await policyVersion(tx, claim.policyVersion);
    aftersales.recordEvent(tx, {
      definition: returnReceivedV1,
      subject: claim.orderId,
      data: {
        returnId: claim.id,
        claimId: claim.id,
        orderId: claim.orderId,
        customerId: claim.customerId,
        productId: claim.productId,
        condition: input.condition,
        accepted: true,
        refund: money(refund),
        restockingFee: money(0),
        rule: eventRule(policy, rule),
        receivedBy: staffId,
        receivedAt: now.toISOString(),
      },
    });
    announceResolved(tx, claim);
    return claim;
  });
}
