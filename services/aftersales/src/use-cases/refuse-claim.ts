import type { EntityManager } from '@mikro-orm/postgresql';
import { claimRefusedV1 } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import { refusal } from '../domain/claim-refusal.js';
import { aftersales } from '../identity.js';
import type { Claim } from '../store/claim.entity.js';
import { ClaimableOrder } from '../store/claimable-order.entity.js';
import { awaitingStaff, moveClaim, staffClaim } from './claim-steps.js';
import { policyVersion } from './policy-versions.js';
import { recordAudit } from './record-audit.js';
import { claimRuleTexts, eventRule } from '../domain/rule-words.js';

/**
 * Staff refuse a submitted claim citing one of the order's policy grounds
 * (an exclusion such as the art box or glue-fixable parts, a status it does
 * not cover, the limit after release); the refusal names that rule. A
 * ground the policy does not have is BAD_USER_INPUT; a coverage ground on a
 * preorder the policy always covers is POLICY_VIOLATION. Audited; ClaimRefused.
 */
export async function refuseClaim(em: EntityManager, caller: Caller, claimId: string, input: { rule: string; note: string | null }): Promise<Claim> {
  const staffId = requireCallerId(caller);
  const note = input.note?.trim() || null;
  return em.transactional(async (tx) => {
    const claim = await staffClaim(tx, caller, claimId, awaitingStaff, 'refused');
    const order = await tx.findOneOrFail(ClaimableOrder, { id: claim.orderId });
    const policy = await policyVersion(tx, claim.policyVersion);
    const result = refusal(policy, input.rule.trim(), order.kind === 'PREORDER' ? 'PREORDER' : 'IN_STOCK');
    if (!result.ok && result.reason === 'NOT_A_REFUSAL_GROUND') {
      throw new BadUserInput('Refuse a claim citing a rule of its policy: nothing was refused.', [
        { field: 'rule', reason: result.reason, message: result.message },
      ]);
    }
    if (!result.ok) throw new PolicyViolation(result.message, result.rule.id, { ruleText: result.rule.text, ruleTexts: claimRuleTexts(policy, result.rule) });
    const now = storeNow();
    moveClaim(claim, 'REFUSED');
    Object.assign(claim, { refusalRule: result.rule, decidedBy: staffId, decidedAt: now, staffNote: note });
    recordAudit(tx, staffId, 'claim.refused', claim.id, { rule: result.rule, note });
    aftersales.recordEvent(tx, {
      definition: claimRefusedV1,
      subject: claim.orderId,
      data: {
        claimId: claim.id,
        orderId: claim.orderId,
        customerId: claim.customerId,
        productId: claim.productId,
        rule: eventRule(policy, result.rule),
        refusedBy: staffId,
        refusedAt: now.toISOString(),
      },
    });
    return claim;
  });
}
