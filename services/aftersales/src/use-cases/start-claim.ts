import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClaimKind } from '@vitrine/contracts';
import { BadUserInput, NotFound, PolicyViolation, requireCallerId, storeNow, type Caller } from '@vitrine/platform';
import type { DamageSeverity } from '@vitrine/policy';
import { nameClaimParts, type NamedPart } from '../domain/catalog-parts.js';
import { claimEligibility } from '../domain/claim-eligibility.js';
import { Claim } from '../store/claim.entity.js';
import { ClaimableLine, ClaimableOrder } from '../store/claimable-order.entity.js';
import { policyVersion } from './policy-versions.js';
import { knownPartsOf } from './projections.js';
import { claimRuleTexts } from '../domain/rule-words.js';

export interface StartClaim {
  orderId: string;
  productId: string;
  kind: ClaimKind;
  severity: DamageSeverity;
  description: string;
  /** Each by catalog's part name or by category (the compensation table's). */
  parts: NamedPart[];
}

/**
 * Opens a claim (DRAFT) on a line of the caller's delivered order, judged by
 * the order's policy version: refused at once, naming the rule, when the
 * product is not covered or the window has closed. Parts are named from
 * catalog's list when after-sales knows it. Evidence is uploaded next;
 * `submitClaim` checks it arrived.
 */
export async function startClaim(em: EntityManager, caller: Caller, input: StartClaim): Promise<Claim> {
  const customerId = requireCallerId(caller);
  const description = input.description.trim();
  const problems = [
    ...(description.length < 10 ? [{ field: 'description', reason: 'TOO_SHORT', message: 'Describe the problem in at least 10 characters.' }] : []),
    ...(input.parts.length === 0 ? [{ field: 'parts', reason: 'REQUIRED', message: 'Name at least one part concerned.' }] : []),
  ];
  if (problems.length) throw new BadUserInput('This claim is not complete: nothing was saved.', problems);
  const order = await em.findOne(ClaimableOrder, { id: input.orderId });
  // Someone else's order is NOT_FOUND, never FORBIDDEN.
  if (!order || order.customerId !== customerId) throw new NotFound('Order', input.orderId);
  const line = await em.findOne(ClaimableLine, { orderId: order.id, productId: input.productId });
  if (!line)
    throw new BadUserInput('This product is not in the order.', [{ field: 'productId', reason: 'NOT_IN_ORDER', message: 'Choose a product of the order.' }]);
  const named = nameClaimParts(input.parts, await knownPartsOf(em, line.productId));
  if (named.problems.length) throw new BadUserInput('These parts are not ones of this product: nothing was saved.', named.problems);
  if (!order.deliveredAt) throw new PolicyViolation('A claim is made once the order has been delivered.', 'claims.after-delivery');
  const policy = await policyVersion(em, order.policyVersion);
  const now = storeNow();
  const product = {
    orderKind: order.kind === 'PREORDER' ? ('PREORDER' as const) : ('IN_STOCK' as const),
    statusWhenOrdered: line.statusWhenOrdered ?? 'UNKNOWN',
    releasedAt: line.releasedAt ?? null,
    orderedAt: order.orderedAt,
  };
  // Evidence is not there yet: only coverage and the window can refuse now.
  const eligible = claimEligibility(policy, { product, deliveredAt: order.deliveredAt, severity: input.severity, photos: 1, videos: 1, now });
  if (!eligible.ok)
    throw new PolicyViolation(eligible.message, eligible.rule.id, {
      ruleText: eligible.rule.text,
      ruleTexts: claimRuleTexts(policy, eligible.rule),
      ...eligible.facts,
    });
  const claim = em.create(Claim, {
    id: randomUUID(),
    orderId: order.id,
    productId: line.productId,
    customerId,
    kind: input.kind,
    severity: input.severity,
    description,
    parts: named.parts.map((p) => ({ name: p.name, category: p.category, issue: p.issue, note: p.note?.trim() || null })),
    status: 'DRAFT',
    policyVersion: order.policyVersion,
    createdAt: now,
    submittedAt: null,
    reviewedBy: null,
    reviewStartedAt: null,
    evidenceRequest: null,
    offers: null,
    gradedParts: null,
    refusalRule: null,
    decidedBy: null,
    decidedAt: null,
    staffNote: null,
    resolution: null,
    refundAmount: null,
    currency: line.currency,
    chosenAt: null,
    returnCondition: null,
    closedBy: null,
    closedAt: null,
  });
  await em.persist(claim).flush();
  return claim;
}
