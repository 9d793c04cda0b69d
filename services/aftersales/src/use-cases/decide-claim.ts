import type { EntityManager } from '@mikro-orm/postgresql';
import { claimOfferedV1, type ClaimKind, type ClaimResolutionKind } from '@vitrine/contracts';
import { BadUserInput, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import type { ClaimGrade } from '@vitrine/policy';
import { claimOffers } from '../domain/claim-offers.js';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { awaitingStaff, moveClaim, staffClaim } from './claim-steps.js';
import { lockLineBalance } from './line-balance.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';
import { eventRule } from '../domain/rule-words.js';

export interface DecideClaim {
  /** One per part of the claim, in its order: staff's grade (absent: the policy's chart) and an amount where the policy leaves it to staff. */
  grades: { grade: ClaimGrade | null; staffAmount: number | null }[];
  /** The policy's options staff keep (the factory has no spare part...); null: all of them. */
  resolutions: ClaimResolutionKind[] | null;
  discountAmount: number | null;
  /** Whether the studio has the parts (staff ask it): a replacement part's lead time. */
  studioHasParts: boolean | null;
  note: string | null;
}

/**
 * Staff (aftersales:decide) grade a submitted claim and offer the customer
 * the resolutions the order's policy allows for its kind, each with its
 * amount (a partial refund by the compensation table, a discount, who pays a
 * return's postage, when a replacement part should arrive on the store's
 * clock), capped by what the line has left (the line is locked).
 * The claim waits for the customer's choice (DECIDED). Audited with every
 * grade and rule; ClaimOffered.
 */
export async function decideClaim(em: EntityManager, caller: Caller, claimId: string, input: DecideClaim): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const note = input.note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, awaitingStaff, 'decided');
    if (input.grades.length !== claim.parts.length) {
      throw new BadUserInput('Grade every part of the claim.', [
        { field: 'grades', reason: 'ONE_PER_PART', message: `This claim has ${claim.parts.length} parts.` },
      ]);
    }
    const line = await lockLineBalance(tx, claim, { claimId: claim.id });
    const policy = await policyVersion(tx, claim.policyVersion);
    const now = storeNow();
    const result = claimOffers(policy, {
      kind: claim.kind as ClaimKind,
      parts: claim.parts.map((part, i) => ({ ...part, grade: input.grades[i]!.grade, staffAmount: input.grades[i]!.staffAmount })),
      resolutions: input.resolutions,
      discountAmount: input.discountAmount,
      studioHasParts: input.studioHasParts,
      now,
      linePaid: line.paid,
      remaining: line.remaining,
    });
    if (!result.ok) throw new BadUserInput('This decision is not complete: nothing was decided.', result.problems);
    moveClaim(claim, 'DECIDED');
    Object.assign(claim, { offers: result.offers, gradedParts: result.parts, decidedBy: staffId, decidedAt: now, staffNote: note });
    recordAudit(tx, staffId, 'claim.decided', claim.id, { offers: result.offers, parts: result.parts, rule: result.rule, note });
    const money = (amount: number | null) => (amount === null ? null : { amount, currency: claim.currency });
    aftersales.recordEvent(tx, {
      definition: claimOfferedV1,
      subject: claim.orderId,
      data: {
        claimId: claim.id,
        orderId: claim.orderId,
        customerId: claim.customerId,
        productId: claim.productId,
        offers: result.offers.map((o) => ({
          ...o,
          refund: money(o.refund),
          rule: eventRule(policy, o.rule),
          leadTime: o.leadTime ? { ...o.leadTime, rule: eventRule(policy, o.leadTime.rule) } : o.leadTime,
        })),
        parts: result.parts.map((p) => ({ ...p, amount: money(p.amount), rule: eventRule(policy, p.rule) })),
        decidedBy: staffId,
        decidedAt: now.toISOString(),
      },
    });
    return claim;
  });
}
