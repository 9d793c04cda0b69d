import type { ClaimKind } from '@vitrine/contracts';
import type { ResolutionOption } from '../schema/claim-resolutions.js';
import { claimExclusions, type ClaimExclusion } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { releasedLongAgoRule, statusNotCoveredRule } from './claims.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { money, percentOf, type Money } from './money.js';
import { kebab, nb, percentText } from './texts.js';

const kindWords: Record<ClaimKind, string> = {
  MIS_SHIPMENT: 'a mis-shipment',
  ACCESSORY_MISSING: 'a missing accessory',
  ACCESSORY_DAMAGED: 'a damaged accessory',
  ACCESSORY_PRODUCED_IN_ERROR: 'an accessory produced in error',
  SHIPPING_DAMAGE: 'severe shipping damage to the packaging',
  QUALITY_DEFECT: 'a quality defect',
};

const kindWordsFr: Record<ClaimKind, string> = {
  MIS_SHIPMENT: 'une erreur d’envoi',
  ACCESSORY_MISSING: 'un accessoire manquant',
  ACCESSORY_DAMAGED: 'un accessoire endommagé',
  ACCESSORY_PRODUCED_IN_ERROR: 'un accessoire produit par erreur',
  SHIPPING_DAMAGE: 'un emballage gravement endommagé pendant le transport',
  QUALITY_DEFECT: 'un défaut de qualité',
};

const postageWords = { STORE: 'at our cost', SHARED: 'with the postage shared between us', CUSTOMER: 'with the postage paid by you' } as const;
const postageWordsFr = { STORE: 'à nos frais', SHARED: 'avec le port partagé entre nous', CUSTOMER: 'avec le port à votre charge' } as const;

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

function optionWordsFr(policy: StorePolicy, option: ResolutionOption): string {
  switch (option.resolution) {
    case 'REPLACEMENT_PART':
      return 'une pièce de rechange du studio';
    case 'PARTIAL_REFUND':
      return policy.claims.compensation ? 'un remboursement partiel selon notre barème' : 'un remboursement partiel fixé par notre équipe';
    case 'RETURN':
      return `un retour ${postageWordsFr[option.postage]}`;
    case 'EXCHANGE':
      return 'un échange contre un neuf';
    case 'KEEP_WITH_DISCOUNT': {
      const bps = policy.claims.resolutions.keepDiscountBps;
      return bps === null ? 'le garder avec une remise fixée par notre équipe' : `le garder avec une remise de ${percentText(bps, 'fr')} du prix`;
    }
  }
}

export function claimResolutionsRule(policy: StorePolicy, kind: ClaimKind, lang: Language = 'en'): Rule {
  const options = policy.claims.resolutions.byKind[kind];
  const words = options.map((o) => optionWords(policy, o));
  const offered = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  const order = words.length > 1 ? ', in this order of preference' : '';
  const wordsFr = options.map((o) => optionWordsFr(policy, o));
  const offeredFr = wordsFr.length === 1 ? wordsFr[0] : `${wordsFr.slice(0, -1).join(', ')} ou ${wordsFr.at(-1)}`;
  const orderFr = wordsFr.length > 1 ? ', par ordre de préférence' : '';
  return rule(
    `claims.resolutions-${kebab(kind)}`,
    { en: `For ${kindWords[kind]} we offer${order}: ${offered}.`, fr: `Pour ${kindWordsFr[kind]}, nous proposons${orderFr}${nb}: ${offeredFr}.` },
    lang,
  );
}

/** The resolutions a claim of this kind may be offered, in the store's order of preference. */
export function claimResolutionOptions(policy: StorePolicy, kind: ClaimKind, lang: Language = 'en'): Decision<{ options: ResolutionOption[] }> {
  return { options: policy.claims.resolutions.byKind[kind], rule: claimResolutionsRule(policy, kind, lang) };
}

/** A mis-shipped item kept: the policy's percentage of what the line paid, or STAFF_DECIDES. */
export function keepDiscount(
  policy: StorePolicy,
  linePaid: number,
  lang: Language = 'en',
): Decision<{ outcome: 'AMOUNT' | 'STAFF_DECIDES'; amount: Money | null }> {
  const bps = policy.claims.resolutions.keepDiscountBps;
  if (bps === null) {
    return {
      outcome: 'STAFF_DECIDES',
      amount: null,
      rule: rule(
        'claims.keep-discount-staff-decide',
        { en: 'Keeping the item: our staff set the discount.', fr: `Vous gardez l’article${nb}: notre équipe fixe la remise.` },
        lang,
      ),
    };
  }
  return {
    outcome: 'AMOUNT',
    amount: money(percentOf(linePaid, bps), policy.currency),
    rule: rule(
      'claims.keep-discount',
      {
        en: `Keeping the item: a discount of ${percentText(bps)} of the price paid.`,
        fr: `Vous gardez l’article${nb}: une remise de ${percentText(bps, 'fr')} du prix payé.`,
      },
      lang,
    ),
  };
}

const exclusionWords: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'damage to the exterior brown box',
  ART_BOX: 'damage to the coloured art box',
  MINOR_SCRATCHES: 'minor damage such as scratches or flaws',
  GLUE_FIXABLE_PARTS: 'factory pre-glued parts that glue alone restores',
  MINOR_PACKAGING_WRINKLES: 'slight packaging wrinkles or deformation from transport',
};

const exclusionWordsFr: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'les dommages au carton extérieur',
  ART_BOX: 'les dommages à la boîte illustrée',
  MINOR_SCRATCHES: 'les dommages mineurs comme les rayures ou petits défauts',
  GLUE_FIXABLE_PARTS: 'les pièces précollées en usine qu’un peu de colle suffit à réparer',
  MINOR_PACKAGING_WRINKLES: 'les légers plis ou déformations de l’emballage dus au transport',
};

export function exclusionRule(exclusion: ClaimExclusion, lang: Language = 'en'): Rule {
  return rule(
    `claims.not-covered-${kebab(exclusion)}`,
    { en: `After-sales service does not cover ${exclusionWords[exclusion]}.`, fr: `Le service après-vente ne couvre pas ${exclusionWordsFr[exclusion]}.` },
    lang,
  );
}

export interface RefusalGround {
  rule: Rule;
  /** COVERAGE grounds (a status, the release date) never apply to preorders where the policy always covers them. */
  kind: 'EXCLUSION' | 'COVERAGE';
}

/** What staff may refuse a claim for under this policy: its exclusions, the statuses it does not cover, the limit after release. */
export function refusalGrounds(policy: StorePolicy, lang: Language = 'en'): RefusalGround[] {
  const c = policy.claims.coverage;
  const released = releasedLongAgoRule(policy, lang);
  return [
    ...claimExclusions.filter((e) => c.exclusions.includes(e)).map((e) => ({ rule: exclusionRule(e, lang), kind: 'EXCLUSION' as const })),
    ...c.notCoveredStatuses.map((s) => ({ rule: statusNotCoveredRule(s, lang), kind: 'COVERAGE' as const })),
    ...(released ? [{ rule: released, kind: 'COVERAGE' as const }] : []),
  ];
}
