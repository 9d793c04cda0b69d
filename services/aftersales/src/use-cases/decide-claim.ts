import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimDecidedV1, type ClaimResolution } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import type { ClaimGrade } from '@vitrine/policy';
import { partialRefund } from '../domain/claim-compensation.js';
import { transition, type ClaimStatus } from '../domain/claim-status.js';
import { aftersales } from '../identity.js';
import { Claim, type GradedPartRecord } from '../store/claim.entity.js';
import { ClaimableLine } from '../store/claimable-order.entity.js';
import { loadClaimFor } from './load-claim.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';

export interface DecideClaim {
  resolution: ClaimResolution;
  /** One per part of the claim, in its order: staff's grade (absent: the policy's chart) and an amount where the policy leaves it to staff. */
  grades: { grade: ClaimGrade | null; staffAmount: number | null }[];
  note: string | null;
}

/**
 * Staff (aftersales:decide) grade a submitted claim and decide it. A partial
 * refund is the policy's table (grade % x the part's maximum reimbursement,
 * or staff's amount where it says "staff decide"), never more than what the
 * line paid less what earlier claims on it refunded (the line is locked, so
 * two decisions at once cannot both spend it). Audited; ClaimDecided tells
 * payments (refund) and logistics (replacement part) what to do.
 */
export async function decideClaim(em: EntityManager, caller: Caller, claimId: string, input: DecideClaim): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const note = input.note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await loadClaimFor(tx, caller, claimId, { lock: true });
    if (claim.status !== 'SUBMITTED') throw new PolicyViolation(`A ${claim.status.toLowerCase()} claim cannot be decided.`, 'CLAIM_STATUS_TRANSITION');
    if (input.grades.length !== claim.parts.length) {
      throw new BadUserInput('Grade every part of the claim.', [
        { field: 'grades', reason: 'ONE_PER_PART', message: `This claim has ${claim.parts.length} parts.` },
      ]);
    }
    const line = await tx.findOneOrFail(ClaimableLine, { orderId: claim.orderId, productId: claim.productId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const policy = await policyVersion(tx, claim.policyVersion);
    let refund: number | null = null;
    let graded: GradedPartRecord[] = [];
    if (input.resolution === 'PARTIAL_REFUND') {
      const earlier = await tx.find(
        Claim,
        { orderId: claim.orderId, productId: claim.productId, status: 'DECIDED', id: { $ne: claim.id } },
        { fields: ['refundAmount'] },
      );
      const remaining = line.unitPriceAmount * line.quantity - earlier.reduce((sum, c) => sum + (c.refundAmount ?? 0), 0);
      const parts = claim.parts.map((part, i) => ({ ...part, grade: input.grades[i]!.grade, staffAmount: input.grades[i]!.staffAmount }));
      const result = partialRefund(policy, parts, remaining);
      if (!result.ok) {
        throw new BadUserInput(
          'This decision is not complete: nothing was decided.',
          result.problems.map((p) => ({ field: `grades.${p.index}.staffAmount`, reason: p.reason, message: p.message })),
        );
      }
      refund = result.total.amount;
      graded = result.parts.map((p) => ({ category: p.category, grade: p.grade, amount: p.amount, rule: p.rule }));
    }
    const now = storeNow();
    claim.status = transition(claim.status as ClaimStatus, 'DECIDED');
    Object.assign(claim, { resolution: input.resolution, gradedParts: graded, refundAmount: refund, decidedBy: staffId, decidedAt: now, staffNote: note });
    recordAudit(tx, staffId, 'claim.decided', claim.id, { resolution: input.resolution, refund, parts: graded, note });
    aftersales.recordEvent(tx, {
      definition: claimDecidedV1,
      subject: claim.orderId,
      data: {
        claimId: claim.id,
        orderId: claim.orderId,
        customerId: claim.customerId,
        productId: claim.productId,
        resolution: input.resolution,
        refund: refund === null ? null : { amount: refund, currency: policy.currency },
        replacementParts: input.resolution === 'REPLACEMENT_PART' ? claim.parts.map((p) => p.category) : [],
        parts: graded.map((p) => ({ ...p, amount: p.amount === null ? null : { amount: p.amount, currency: policy.currency } })),
        decidedBy: staffId,
        decidedAt: now.toISOString(),
      },
    });
    return claim;
  });
}
