import { formatDate, formatMoney, shortReference } from './formatting.js';
import type { Language } from './languages.js';
import { isMoney, type Money, type NoticeFacts } from './notice.js';
import { ruleSentence } from './rule-words.js';

type Words = Readonly<Record<string, string>>;

/** What a claim is about (contracts' claimKinds), as the customer reads it. */
const claimKindWords: Record<Language, Words> = {
  en: {
    MIS_SHIPMENT: 'wrong item shipped',
    ACCESSORY_MISSING: 'missing accessory',
    ACCESSORY_DAMAGED: 'damaged accessory',
    ACCESSORY_PRODUCED_IN_ERROR: 'accessory produced in error',
    SHIPPING_DAMAGE: 'damaged in shipping',
    QUALITY_DEFECT: 'quality defect',
  },
  fr: {
    MIS_SHIPMENT: 'erreur d’expédition',
    ACCESSORY_MISSING: 'accessoire manquant',
    ACCESSORY_DAMAGED: 'accessoire endommagé',
    ACCESSORY_PRODUCED_IN_ERROR: 'accessoire produit par erreur',
    SHIPPING_DAMAGE: 'dommage pendant le transport',
    QUALITY_DEFECT: 'défaut de qualité',
  },
};

const gradeWords: Record<Language, Words> = {
  en: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', STAFF: 'set by our team' },
  fr: { LOW: 'faible', MEDIUM: 'moyen', HIGH: 'élevé', STAFF: 'fixé par notre équipe' },
};

/** The part categories of the store policy's compensation table (packages/policy partCategories). */
const partWords: Record<Language, Words> = {
  en: {
    DETACHMENT_ONLY: 'Detached part',
    HEAD_SCULPT: 'Head sculpt',
    HEAD_SCULPT_SPECIAL: 'Head sculpt with special functions',
    JOINED_FIGURE_HARD_PLASTIC: 'Jointed figure (hard plastic)',
    SEAMLESS_FIGURE_SILICONE: 'Seamless figure (silicone)',
    BODY_SPECIAL_DESIGN: 'Body with special design',
    CLOTHES_SMALL: 'Clothing piece (small)',
    CLOTHES_MIDDLE: 'Clothing piece (medium)',
    CLOTHES_LARGE: 'Clothing piece (large)',
    CLOTHES_SPECIAL_SMALL: 'Special clothing piece (small)',
    CLOTHES_SPECIAL_MIDDLE: 'Special clothing piece (medium)',
    CLOTHES_SPECIAL_LARGE: 'Special clothing piece (large)',
    WEAPON_LARGE: 'Weapon (large)',
    WEAPON_SMALL: 'Weapon (small)',
    SCENE_PROP: 'Scene prop',
    FIGURE_STAND: 'Figure stand',
    FIGURE_STAND_SPECIAL: 'Figure stand with special design',
    PACKAGING_BOX: 'Packaging box',
  },
  fr: {
    DETACHMENT_ONLY: 'Pièce détachée',
    HEAD_SCULPT: 'Tête sculptée',
    HEAD_SCULPT_SPECIAL: 'Tête sculptée à fonctions spéciales',
    JOINED_FIGURE_HARD_PLASTIC: 'Figurine articulée (plastique dur)',
    SEAMLESS_FIGURE_SILICONE: 'Figurine sans jointure (silicone)',
    BODY_SPECIAL_DESIGN: 'Corps au design spécial',
    CLOTHES_SMALL: 'Vêtement (petit)',
    CLOTHES_MIDDLE: 'Vêtement (moyen)',
    CLOTHES_LARGE: 'Vêtement (grand)',
    CLOTHES_SPECIAL_SMALL: 'Vêtement spécial (petit)',
    CLOTHES_SPECIAL_MIDDLE: 'Vêtement spécial (moyen)',
    CLOTHES_SPECIAL_LARGE: 'Vêtement spécial (grand)',
    WEAPON_LARGE: 'Arme (grande)',
    WEAPON_SMALL: 'Arme (petite)',
    SCENE_PROP: 'Accessoire de décor',
    FIGURE_STAND: 'Socle',
    FIGURE_STAND_SPECIAL: 'Socle au design spécial',
    PACKAGING_BOX: "Boîte d'emballage",
  },
};

const graded: Record<Language, (part: string, grade: string) => string> = {
  en: (part, grade) => `${part} (grade: ${grade})`,
  fr: (part, grade) => `${part} (niveau : ${grade})`,
};

/** What a claim may resolve into (contracts' claimResolutionKinds), as an offer's row names it. */
const offerWords: Record<Language, Words> = {
  en: {
    PARTIAL_REFUND: 'Keep the item, partial refund',
    KEEP_WITH_DISCOUNT: 'Keep the item with a discount',
    REPLACEMENT_PART: 'Replacement part',
    RETURN: 'Send the item back',
    EXCHANGE: 'Exchange',
  },
  fr: {
    PARTIAL_REFUND: 'Garder l’article, remboursement partiel',
    KEEP_WITH_DISCOUNT: 'Garder l’article avec une remise',
    REPLACEMENT_PART: 'Pièce de remplacement',
    RETURN: 'Renvoyer l’article',
    EXCHANGE: 'Échange',
  },
};

// Who pays to send a return back, as a sentence of the return's email.
const returnPostageWords: Record<Language, Words> = {
  en: {
    STORE: 'We pay the postage to send it back.',
    SHARED: 'You and the store share the postage to send it back.',
    CUSTOMER: 'You pay the postage to send it back.',
  },
  fr: {
    STORE: 'Nous payons le port du retour.',
    SHARED: 'Le port du retour est partagé entre vous et la boutique.',
    CUSTOMER: 'Le port du retour est à votre charge.',
  },
};

const postageWords: Record<Language, Words> = {
  en: { STORE: 'postage paid by the store', SHARED: 'postage shared with the store', CUSTOMER: 'postage paid by you' },
  fr: { STORE: 'port payé par la boutique', SHARED: 'port partagé avec la boutique', CUSTOMER: 'port à votre charge' },
};

interface LeadTime {
  outcome: string;
  earliest: string | null;
  latest: string | null;
}

const leadTimeWords: Record<Language, (lead: LeadTime, date: (iso: string) => string) => string> = {
  en: ({ outcome, earliest, latest }, date) =>
    outcome === 'MADE_ON_DEMAND'
      ? 'made on demand'
      : earliest && latest
        ? `arrives between ${date(earliest)} and ${date(latest)}`
        : latest
          ? `arrives by ${date(latest)}`
          : 'no delivery date yet',
  fr: ({ outcome, earliest, latest }, date) =>
    outcome === 'MADE_ON_DEMAND'
      ? 'fabriquée à la demande'
      : earliest && latest
        ? `livrée entre le ${date(earliest)} et le ${date(latest)}`
        : latest
          ? `livrée d’ici le ${date(latest)}`
          : 'pas encore de date de livraison',
};

const exchangeWords: Record<Language, string> = { en: 'a new unit', fr: 'un article neuf' };

interface Offer {
  resolution: string;
  refund: Money | null;
  returnPostage: string | null;
  leadTime: (LeadTime & { rule: unknown }) | null;
  rule: unknown;
}

/** One offer as a row: what the customer would get (an amount, a return's postage, a part's delivery, a new unit). */
function offerRow(offer: Offer, language: Language): { label: string; value: string } {
  const value = isMoney(offer.refund)
    ? formatMoney(offer.refund, language)
    : offer.returnPostage
      ? wordFor(postageWords[language], offer.returnPostage).toLowerCase()
      : offer.leadTime
        ? leadTimeWords[language](offer.leadTime, (iso) => formatDate(iso, language))
        : offer.resolution === 'EXCHANGE'
          ? exchangeWords[language]
          : '-';
  return { label: wordFor(offerWords[language], offer.resolution), value };
}

// A code the lists above do not know yet (a policy's new category) still reads: HEAD_SCULPT -> "Head sculpt".
const humanized = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');
const wordFor = (words: Words, code: string) => words[code] ?? humanized(code);

/**
 * A claim's or a return's facts as its messages print them (CLAIM_SUBMITTED,
 * CLAIM_DECIDED, CLAIM_OFFERED, CLAIM_EVIDENCE_REQUESTED, CLAIM_REFUSED,
 * CLAIM_RESOLVED, RETURN_RECEIVED, RETURN_REQUESTED): the issue and parts in the customer's
 * language, each graded part and each offer as a row with its figure, staff's
 * note, and the policy's sentences that set them (once each).
 */
export function presentClaim(facts: NoticeFacts, language: Language): Record<string, unknown> {
  const parts = Array.isArray(facts.parts) ? (facts.parts as { category: string; grade: string; amount: Money | null; rule: unknown }[]) : [];
  const offers = Array.isArray(facts.offers) ? (facts.offers as Offer[]) : [];
  const replacementParts = Array.isArray(facts.replacementParts) ? (facts.replacementParts as string[]) : [];
  return {
    claimRef: typeof facts.claimId === 'string' ? shortReference(facts.claimId) : '',
    claimKind: typeof facts.claimKind === 'string' ? wordFor(claimKindWords[language], facts.claimKind) : '',
    evidenceCount: typeof facts.evidenceCount === 'number' ? facts.evidenceCount : '',
    resolution: typeof facts.resolution === 'string' ? facts.resolution : '',
    replacementParts: replacementParts.map((p) => wordFor(partWords[language], p).toLowerCase()).join(', '),
    parts: parts.map((p) => ({
      label: graded[language](wordFor(partWords[language], p.category), wordFor(gradeWords[language], p.grade)),
      value: isMoney(p.amount) ? formatMoney(p.amount, language) : '',
    })),
    partRules: [...new Set(parts.map((p) => ruleSentence(p.rule, language)))].join(' '),
    offers: offers.map((o) => offerRow(o, language)),
    offerRules: [...new Set(offers.flatMap((o) => (o.leadTime ? [o.rule, o.leadTime.rule] : [o.rule])).map((r) => ruleSentence(r, language)))].join(' '),
    note: typeof facts.note === 'string' ? facts.note : '',
    returnRef: typeof facts.returnId === 'string' ? shortReference(facts.returnId) : '',
    accepted: facts.accepted === true,
    restockingFee: isMoney(facts.restockingFee) ? formatMoney(facts.restockingFee, language) : '',
    hasRestockingFee: isMoney(facts.restockingFee) && facts.restockingFee.amount > 0,
    quotedRefund: isMoney(facts.quotedRefund) ? formatMoney(facts.quotedRefund, language) : '',
    shippingRefund: isMoney(facts.shippingRefund) && facts.shippingRefund.amount > 0 ? formatMoney(facts.shippingRefund, language) : '',
    returnPostage: typeof facts.returnPostage === 'string' ? wordFor(returnPostageWords[language], facts.returnPostage) : '',
  };
}
