import type { ClaimKind } from '@vitrine/contracts';
import type { ResolutionOption } from '../schema/claim-resolutions.js';
import { claimExclusions, type ClaimExclusion } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { releasedLongAgoRule, statusNotCoveredRule } from './claims.js';
import { rule, type Decision, type Rule } from './decision.js';
import { money, percentOf, type Money } from './money.js';
import { kebab, percentText } from './texts.js';

const kindWords: Record<ClaimKind, string> = {
  MIS_SHIPMENT: 'a mis-shipment',
  ACCESSORY_MISSING: 'a missing accessory',
  ACCESSORY_DAMAGED: 'a damaged accessory',
  ACCESSORY_PRODUCED_IN_ERROR: 'an accessory produced in error',
  SHIPPING_DAMAGE: 'severe shipping damage to the packaging',
  QUALITY_DEFECT: 'a quality defect',
};

const postageWords = { STORE: 'at our cost', SHARED: 'with the postage shared between us', CUSTOMER: 'with the postage paid by you' } as const;

function optionWords(policy: StorePolicy, option: ResolutionOption): string {
  switch (option.resolution) {
    case 'REPLACEMENT_PART':
      return 'a replacement part from the studio';
    case 'PARTIAL_REFUND':
      return policy.claims.compensation ? 'a partial refund by our compensation table' : 'a partial refund our staff set';
    case 'RETURN':
      return `a return ${postageWords[option.postage]}`;
    case 'EXCHANGE':
      return 'an exchange for a new one';
    case 'KEEP_WITH_DISCOUNT': {
      const bps = policy.claims.resolutions.keepDiscountBps;
      return bps === null ? 'keeping it with a discount our staff set' : `keeping it with a discount of ${percentText(bps)} of the price`;
    }
  }
}

export function claimResolutionsRule(policy: StorePolicy, kind: ClaimKind): Rule {
  const words = policy.claims.resolutions.byKind[kind].map((o) => optionWords(policy, o));
  const offered = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  const order = words.length > 1 ? ', in this order of preference' : '';
  return rule(`claims.resolutions-${kebab(kind)}`, `For ${kindWords[kind]} we offer${order}: ${offered}.`);
}

/** The resolutions a claim of this kind may be offered, in the store's order of preference. */
export function claimResolutionOptions(policy: StorePolicy, kind: ClaimKind): Decision<{ options: ResolutionOption[] }> {
  return { options: policy.claims.resolutions.byKind[kind], rule: claimResolutionsRule(policy, kind) };
}

/** A mis-shipped item kept: the policy's percentage of what the line paid, or STAFF_DECIDES. */
export function keepDiscount(policy: StorePolicy, linePaid: number): Decision<{ outcome: 'AMOUNT' | 'STAFF_DECIDES'; amount: Money | null }> {
  const bps = policy.claims.resolutions.keepDiscountBps;
  if (bps === null) {
    return { outcome: 'STAFF_DECIDES', amount: null, rule: rule('claims.keep-discount-staff-decide', 'Keeping the item: our staff set the discount.') };
  }
  return {
    outcome: 'AMOUNT',
    amount: money(percentOf(linePaid, bps), policy.currency),
    rule: rule('claims.keep-discount', `Keeping the item: a discount of ${percentText(bps)} of the price paid.`),
  };
}

const exclusionWords: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'damage to the exterior brown box',
  ART_BOX: 'damage to the coloured art box',
  MINOR_SCRATCHES: 'minor damage such as scratches or flaws',
  GLUE_FIXABLE_PARTS: 'factory pre-glued parts that glue alone restores',
  MINOR_PACKAGING_WRINKLES: 'slight packaging wrinkles or deformation from transport',
};

export function exclusionRule(exclusion: ClaimExclusion): Rule {
  const words = exclusionWords[exclusion];
  return rule(`claims.not-covered-${kebab(exclusion)}`, `After-sales service does not cover ${words}.`);
}

export interface RefusalGround {
  rule: Rule;
  /** COVERAGE grounds (a status, the release date) never apply to preorders where the policy always covers them. */
  kind: 'EXCLUSION' | 'COVERAGE';
}

/** What staff may refuse a claim for under this policy: its exclusions, the statuses it does not cover, the limit after release. */
export function refusalGrounds(policy: StorePolicy): RefusalGround[] {
  const c = policy.claims.coverage;
  const released = releasedLongAgoRule(policy);
  return [
    ...claimExclusions.filter((e) => c.exclusions.includes(e)).map((e) => ({ rule: exclusionRule(e), kind: 'EXCLUSION' as const })),
    ...c.notCoveredStatuses.map((s) => ({ rule: statusNotCoveredRule(s), kind: 'COVERAGE' as const })),
    ...(released ? [{ rule: released, kind: 'COVERAGE' as const }] : []),
  ];
}
