import type { ProductStatus } from '@vitrine/contracts';
import { deadlineAfter, type Deadline } from '../calendar/deadline.js';
import type { ClaimExclusion } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { durationText, nb, withinFr } from './texts.js';

export type DamageSeverity = 'STANDARD' | 'SIGNIFICANT';

export function claimWindowRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { damage, significantDamage } = policy.claims.windows;
  const significant = significantDamage ? `; significant damage within ${durationText(significantDamage)}` : '';
  const significantFr = significantDamage ? `${nb}; un dommage important, ${withinFr(significantDamage)}` : '';
  return rule(
    'claims.report-window',
    {
      en: `Report damage within ${durationText(damage)} of the courier's delivery date${significant}.`,
      fr: `Signalez un dommage ${withinFr(damage)} suivant la date de livraison du transporteur${significantFr}.`,
    },
    lang,
  );
}

/** Until when a claim can be made for damage of this severity, from the courier's delivery date. */
export function claimWindow(
  policy: StorePolicy,
  deliveredAt: Date,
  severity: DamageSeverity,
  region?: string | null,
  lang: Language = 'en',
): Decision<Deadline> {
  const { damage, significantDamage } = policy.claims.windows;
  const within = severity === 'SIGNIFICANT' && significantDamage ? significantDamage : damage;
  return { ...deadlineAfter(policy, deliveredAt, within, region), rule: claimWindowRule(policy, lang) };
}

const exclusionWords: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'the exterior brown box',
  ART_BOX: 'the coloured art box',
  MINOR_SCRATCHES: 'minor scratches or flaws',
  GLUE_FIXABLE_PARTS: 'pre-glued parts that glue alone restores',
  MINOR_PACKAGING_WRINKLES: 'slight packaging wrinkles or deformation from transport',
};

const exclusionWordsFr: Record<ClaimExclusion, string> = {
  EXTERIOR_BROWN_BOX: 'le carton extérieur',
  ART_BOX: 'la boîte illustrée',
  MINOR_SCRATCHES: 'les rayures ou défauts mineurs',
  GLUE_FIXABLE_PARTS: 'les pièces précollées qu’un peu de colle suffit à réparer',
  MINOR_PACKAGING_WRINKLES: 'les légers plis ou déformations de l’emballage dus au transport',
};

export function evidenceRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { photos, unboxingVideo } = policy.claims.evidence;
  const needs = [photos && 'photos of the damage', unboxingVideo && 'an unboxing video from the sealed parcel until all contents are out'].filter(Boolean);
  const needsFr = [photos && 'des photos du dommage', unboxingVideo && 'une vidéo du déballage, du colis scellé jusqu’au dernier élément sorti'].filter(
    Boolean,
  );
  return rule(
    'claims.evidence',
    needs.length
      ? { en: `A claim needs ${needs.join(' and ')}.`, fr: `Une réclamation demande ${needsFr.join(' et ')}.` }
      : { en: 'A claim needs a description of the problem.', fr: 'Une réclamation demande une description du problème.' },
    lang,
  );
}

export function exclusionsRule(policy: StorePolicy, lang: Language = 'en'): Rule | null {
  const ex = policy.claims.coverage.exclusions;
  if (!ex.length) return null;
  return rule(
    'claims.exclusions',
    {
      en: `Not covered: ${ex.map((e) => exclusionWords[e]).join('; ')}.`,
      fr: `Ne sont pas couverts${nb}: ${ex.map((e) => exclusionWordsFr[e]).join(`${nb}; `)}.`,
    },
    lang,
  );
}

export interface ClaimProduct {
  orderKind: 'PREORDER' | 'IN_STOCK';
  /** The product's status when it was ordered (CHINA_STOCK, IN_STOCK...). */
  statusWhenOrdered: string;
  releasedAt: Date | null;
  orderedAt: Date;
}

export function preordersCoveredRule(lang: Language = 'en'): Rule {
  return rule(
    'claims.preorders-covered',
    { en: 'Preorders are always covered by after-sales service.', fr: 'Les précommandes sont toujours couvertes par le service après-vente.' },
    lang,
  );
}

/** How French says a product was sold with a status ("as China stock": "en stock Chine"); a status French does not know yet reads as its name. */
const soldAsFr: Partial<Record<ProductStatus, string>> = {
  PREORDER: 'en précommande',
  RELEASED: 'après leur sortie',
  IN_STOCK: 'en stock',
  CHINA_STOCK: 'en stock Chine',
};

export function statusNotCoveredRule(status: string, lang: Language = 'en'): Rule {
  const words = status.toLowerCase().replaceAll('_', ' ');
  return rule(
    `claims.not-covered-${status.toLowerCase().replaceAll('_', '-')}`,
    {
      en: `Products sold as ${words} are not covered by after-sales service.`,
      fr: `Les produits vendus ${soldAsFr[status as ProductStatus] ?? `comme ${words}`} ne sont pas couverts par le service après-vente.`,
    },
    lang,
  );
}

export function releasedLongAgoRule(policy: StorePolicy, lang: Language = 'en'): Rule | null {
  const limit = policy.claims.coverage.inStockCoveredAfterRelease;
  if (!limit) return null;
  return rule(
    'claims.not-covered-released-long-ago',
    {
      en: `In-stock products ordered more than ${durationText(limit)} after their release are not covered by after-sales service.`,
      fr: `Les produits en stock commandés plus de ${durationText(limit, 'fr')} après leur sortie ne sont pas couverts par le service après-vente.`,
    },
    lang,
  );
}

export function coveredRule(lang: Language = 'en'): Rule {
  return rule('claims.covered', { en: 'This product is covered by after-sales service.', fr: 'Ce produit est couvert par le service après-vente.' }, lang);
}

/** Every coverage rule of the policy, for describePolicy. */
export function coverageRules(policy: StorePolicy, lang: Language = 'en'): Rule[] {
  const c = policy.claims.coverage;
  const released = releasedLongAgoRule(policy, lang);
  return [
    ...(c.preordersAlwaysCovered ? [preordersCoveredRule(lang)] : []),
    ...c.notCoveredStatuses.map((s) => statusNotCoveredRule(s, lang)),
    ...(released ? [released] : []),
  ];
}

/** Whether after-sales covers the product at all (the window and the evidence are separate). */
export function claimCoverage(policy: StorePolicy, product: ClaimProduct, lang: Language = 'en'): Decision<{ covered: boolean }> {
  const c = policy.claims.coverage;
  if (product.orderKind === 'PREORDER' && c.preordersAlwaysCovered) return { covered: true, rule: preordersCoveredRule(lang) };
  if (c.notCoveredStatuses.includes(product.statusWhenOrdered)) return { covered: false, rule: statusNotCoveredRule(product.statusWhenOrdered, lang) };
  const limit = c.inStockCoveredAfterRelease;
  const released = releasedLongAgoRule(policy, lang);
  if (limit && released && product.orderKind === 'IN_STOCK' && product.releasedAt) {
    const end = deadlineAfter(policy, product.releasedAt, limit);
    if (product.orderedAt.getTime() >= end.at.getTime()) return { covered: false, rule: released };
  }
  return { covered: true, rule: coveredRule(lang) };
}
