import { deadlineAfter, type Deadline } from '../calendar/deadline.js';
import type { ClaimExclusion } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { durationText } from './texts.js';

export type DamageSeverity = 'STANDARD' | 'SIGNIFICANT';

export function claimWindowRule(policy: StorePolicy): Rule {
  const { damage, significantDamage } = policy.claims.windows;
  const significant = significantDamage ? `; significant damage within ${durationText(significantDamage)}` : '';
  return rule('claims.report-window', `Report damage within ${durationText(damage)} of the courier's delivery date${significant}.`);
}

/** Until when a claim can be made for damage of this severity, from the courier's delivery date. */
export function claimWindow(policy: StorePolicy, deliveredAt: Date, severity: DamageSeverity, region?: string | null): Decision<Deadline> {
  const { damage, significantDamage } = policy.claims.windows;
  const within = severity === 'SIGNIFICANT' && significantDamage ? significantDamage : damage;
  return { ...deadlineAfter(policy, deliveredAt, within, region), rule: claimWindowRule(policy) };
}

const exclusionWords: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'the exterior brown box',
  ART_BOX: 'the coloured art box',
  MINOR_SCRATCHES: 'minor scratches or flaws',
  GLUE_FIXABLE_PARTS: 'pre-glued parts that glue alone restores',
  MINOR_PACKAGING_WRINKLES: 'slight packaging wrinkles or deformation from transport',
};

export function evidenceRule(policy: StorePolicy): Rule {
  const { photos, unboxingVideo } = policy.claims.evidence;
  const needs = [photos && 'photos of the damage', unboxingVideo && 'an unboxing video from the sealed parcel until all contents are out'].filter(Boolean);
  return rule('claims.evidence', needs.length ? `A claim needs ${needs.join(' and ')}.` : 'A claim needs a description of the problem.');
}

export function exclusionsRule(policy: StorePolicy): Rule | null {
  const ex = policy.claims.coverage.exclusions;
  return ex.length ? rule('claims.exclusions', `Not covered: ${ex.map((e) => exclusionWords[e]).join('; ')}.`) : null;
}

export interface ClaimProduct {
  orderKind: 'PREORDER' | 'IN_STOCK';
  /** The product's status when it was ordered (CHINA_STOCK, IN_STOCK...). */
  statusWhenOrdered: string;
  releasedAt: Date | null;
  orderedAt: Date;
}

export function preordersCoveredRule(): Rule {
  return rule('claims.preorders-covered', 'Preorders are always covered by after-sales service.');
}

export function statusNotCoveredRule(status: string): Rule {
  return rule(
    `claims.not-covered-${status.toLowerCase().replaceAll('_', '-')}`,
    `Products sold as ${status.toLowerCase().replaceAll('_', ' ')} are not covered by after-sales service.`,
  );
}

export function releasedLongAgoRule(policy: StorePolicy): Rule | null {
  const limit = policy.claims.coverage.inStockCoveredAfterRelease;
  if (!limit) return null;
  return rule(
    'claims.not-covered-released-long-ago',
    `In-stock products ordered more than ${durationText(limit)} after their release are not covered by after-sales service.`,
  );
}

/** Every coverage rule of the policy, for describePolicy. */
export function coverageRules(policy: StorePolicy): Rule[] {
  const c = policy.claims.coverage;
  const released = releasedLongAgoRule(policy);
  return [...(c.preordersAlwaysCovered ? [preordersCoveredRule()] : []), ...c.notCoveredStatuses.map(statusNotCoveredRule), ...(released ? [released] : [])];
}

/** Whether after-sales covers the product at all (the window and the evidence are separate). */
export function claimCoverage(policy: StorePolicy, product: ClaimProduct): Decision<{ covered: boolean }> {
  const c = policy.claims.coverage;
  if (product.orderKind === 'PREORDER' && c.preordersAlwaysCovered) return { covered: true, rule: preordersCoveredRule() };
  if (c.notCoveredStatuses.includes(product.statusWhenOrdered)) return { covered: false, rule: statusNotCoveredRule(product.statusWhenOrdered) };
  const limit = c.inStockCoveredAfterRelease;
  const released = releasedLongAgoRule(policy);
  if (limit && released && product.orderKind === 'IN_STOCK' && product.releasedAt) {
    const end = deadlineAfter(policy, product.releasedAt, limit);
    if (product.orderedAt.getTime() >= end.at.getTime()) return { covered: false, rule: released };
  }
  return { covered: true, rule: rule('claims.covered', 'This product is covered by after-sales service.') };
}
