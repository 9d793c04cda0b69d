import { formatMoney, shortReference } from './formatting.js';
import type { Language } from './languages.js';
import { isMoney, type Money, type NoticeFacts } from './notice.js';

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

// A code the lists above do not know yet (a policy's new category) still reads: HEAD_SCULPT -> "Head sculpt".
const humanized = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');
const wordFor = (words: Words, code: string) => words[code] ?? humanized(code);

/**
 * A claim's facts as its messages print them (CLAIM_SUBMITTED, CLAIM_DECIDED):
 * the issue and parts in the customer's language, each graded part as a row
 * with its amount, and the policy's sentences that set them (once each).
 */
export function presentClaim(facts: NoticeFacts, language: Language): Record<string, unknown> {
  const parts = Array.isArray(facts.parts) ? (facts.parts as { category: string; grade: string; amount: Money | null; rule: string }[]) : [];
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
    partRules: [...new Set(parts.map((p) => p.rule))].join(' '),
  };
}
