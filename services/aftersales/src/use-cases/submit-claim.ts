import type { EntityManager } from '@mikro-orm/postgresql';
import { claimSubmittedV1, type ClaimKind } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, storeNow, type Caller } from '@vitrine/platform';
import type { DamageSeverity } from '@vitrine/policy';
import { claimEligibility } from '../domain/claim-eligibility.js';
import { transition, type ClaimStatus } from '../domain/claim-status.js';
import { aftersales } from '../identity.js';
import { evidenceStore } from '../storage/configure-evidence-store.js';
import type { Claim } from '../store/claim.entity.js';
import { ClaimableLine, ClaimableOrder } from '../store/claimable-order.entity.js';
import { Evidence } from '../store/evidence.entity.js';
import { loadClaimFor } from './load-claim.js';
import { policyVersion } from './policy-versions.js';
import { claimRuleTexts } from '../domain/rule-words.js';

/**
 * The customer submits a draft claim, or submits again one staff sent back
 * for more evidence (judged by the window at its first submission): every
 * announced file must be in storage
 * with the announced type and size (one never uploaded is BAD_USER_INPUT,
 * naming it, and nothing changes); then the order's policy decides
 * (coverage, the window, the evidence it requires) and ClaimSubmitted goes out.
 */
export async function submitClaim(em: EntityManager, caller: Caller, claimId: string): Promise<Claim> {
  return em.transactional(async (tx) => {
    const claim = await loadClaimFor(tx, caller, claimId, { lock: true });
    if (claim.customerId !== caller.id) throw new PolicyViolation('Only the customer who made the claim submits it.', 'claims.submitted-by-customer');
    // Submitted already (a retry), or past that: nothing to do.
    if (claim.status !== 'DRAFT' && claim.status !== 'NEEDS_MORE_EVIDENCE') return claim;
    const files = await tx.find(Evidence, { claimId }, { orderBy: { createdAt: 'asc' } });
    const problems = [];
    for (const [index, file] of files.entries()) {
      if (file.status === 'CONFIRMED') continue;
      const stored = await evidenceStore().stat(file.objectKey);
      if (!stored) {
        problems.push({
          field: `evidence.${index}`,
          reason: 'NOT_UPLOADED',
          message: `Evidence ${file.id} was never uploaded (or its upload URL expired): upload it or ask for a new URL.`,
        });
      } else if (stored.sizeBytes !== file.sizeBytes || (stored.contentType !== null && stored.contentType !== file.contentType)) {
        problems.push({ field: `evidence.${index}`, reason: 'NOT_AS_ANNOUNCED', message: `Evidence ${file.id} is not the file announced.` });
      }
    }
    if (problems.length) throw new BadUserInput('Some evidence has not arrived: the claim was not submitted.', problems);
    const order = await tx.findOneOrFail(ClaimableOrder, { id: claim.orderId });
    const line = await tx.findOneOrFail(ClaimableLine, { orderId: claim.orderId, productId: claim.productId });
    const policy = await policyVersion(tx, claim.policyVersion);
    const now = storeNow();
    const eligible = claimEligibility(policy, {
      product: {
        orderKind: order.kind === 'PREORDER' ? 'PREORDER' : 'IN_STOCK',
        statusWhenOrdered: line.statusWhenOrdered ?? 'UNKNOWN',
        releasedAt: line.releasedAt ?? null,
        orderedAt: order.orderedAt,
      },
      deliveredAt: order.deliveredAt!,
      severity: claim.severity as DamageSeverity,
      photos: files.filter((f) => f.kind === 'PHOTO').length,
      videos: files.filter((f) => f.kind === 'VIDEO').length,
      now,
      reportedAt: claim.submittedAt,
    });
    if (!eligible.ok)
      throw new PolicyViolation(eligible.message, eligible.rule.id, {
        ruleText: eligible.rule.text,
        ruleTexts: claimRuleTexts(policy, eligible.rule),
        ...eligible.facts,
      });
    for (const file of files.filter((f) => f.status !== 'CONFIRMED')) {
      file.status = 'CONFIRMED';
      file.confirmedAt = now;
    }
    claim.status = transition(claim.status as ClaimStatus, 'SUBMITTED');
    // The first submission is when the claim was reported: the window keeps judging that.
    claim.submittedAt ??= now;
    aftersales.recordEvent(tx, {
      definition: claimSubmittedV1,
      subject: claim.orderId,
      data: {
        claimId: claim.id,
        orderId: claim.orderId,
        customerId: claim.customerId,
        productId: claim.productId,
        kind: claim.kind as ClaimKind,
        policyVersion: claim.policyVersion,
        evidenceCount: files.length,
        submittedAt: now.toISOString(),
      },
    });
    return claim;
  });
}
