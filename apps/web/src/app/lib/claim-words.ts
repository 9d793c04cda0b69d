import type { ClaimGrade, ClaimKind, ClaimResolution, ClaimStatus, ReturnPostage } from '../../__generated__/app/graphql.js';
import type { Wording } from './i18n.js';
import { fr as storefront } from './messages/fr.js';

// The claim queue's codes in staff's words (routes/admin/claims.tsx), in English and French. The English of the codes
// the page shows as they are (a part's category, its issue, a grade) is the code itself in words: HEAD_SCULPT is
// "Head sculpt"; French has a word for each (the storefront's for what the customer picked).

/** A code as English words: HEAD_SCULPT_SPECIAL is "Head sculpt special". */
const codeWords = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

const en = {
  status: {
    DRAFT: 'Draft (evidence being uploaded)',
    SUBMITTED: 'Submitted: waiting for staff',
    UNDER_REVIEW: 'Under review',
    NEEDS_MORE_EVIDENCE: 'Waiting for more evidence',
    DECIDED: 'Offered: waiting for the customer',
    RESOLVING: 'Being carried out',
    CLOSED: 'Closed',
    REFUSED: 'Refused',
  } satisfies Record<ClaimStatus, string>,
  kind: {
    MIS_SHIPMENT: 'Wrong item shipped',
    ACCESSORY_MISSING: 'Accessory missing',
    ACCESSORY_DAMAGED: 'Accessory damaged',
    ACCESSORY_PRODUCED_IN_ERROR: 'Accessory produced in error',
    SHIPPING_DAMAGE: 'Damaged in shipping',
    QUALITY_DEFECT: 'Quality defect',
  } satisfies Record<ClaimKind, string>,
  resolution: {
    PARTIAL_REFUND: 'Partial refund',
    REPLACEMENT_PART: 'Replacement part',
    RETURN: 'Return for a refund',
    EXCHANGE: 'Exchange',
    KEEP_WITH_DISCOUNT: 'Keep it with a discount',
  } satisfies Record<ClaimResolution, string>,
  /** The grades staff pick from for a part, in order. */
  grades: [
    ['LOW', 'Low'],
    ['MEDIUM', 'Medium'],
    ['HIGH', 'High'],
    ['STAFF', 'Staff decide the amount'],
  ] as [ClaimGrade, string][],
  /** The grade a part was given, read after "graded". */
  grade: (code: ClaimGrade | string) => codeWords(code),
  severity: (code: string) => codeWords(code),
  category: (code: string) => codeWords(code),
  issue: (code: string) => codeWords(code),
  /** An evidence file's kind (PHOTO, VIDEO). */
  evidenceKind: (code: string) => codeWords(code),
  /** Who pays a return's postage. */
  postage: (code: ReturnPostage | string) => codeWords(code),
};

const frGrade: Record<string, string> = { LOW: 'faible', MEDIUM: 'moyenne', HIGH: 'élevée', STAFF: 'par le personnel' };
const frSeverity: Record<string, string> = { STANDARD: 'normale', SIGNIFICANT: 'importante' };
const frPostage: Record<string, string> = { CUSTOMER: 'payé par le client', SHARED: 'partagé', STORE: 'payé par la boutique' };

const fr: typeof en = {
  status: {
    DRAFT: 'Brouillon (justificatifs en cours d’envoi)',
    SUBMITTED: 'Envoyée : en attente du personnel',
    UNDER_REVIEW: 'En cours d’examen',
    NEEDS_MORE_EVIDENCE: 'En attente de justificatifs supplémentaires',
    DECIDED: 'Proposée : en attente du client',
    RESOLVING: 'En cours de traitement',
    CLOSED: 'Close',
    REFUSED: 'Refusée',
  },
  kind: {
    MIS_SHIPMENT: 'Mauvais article expédié',
    ACCESSORY_MISSING: 'Accessoire manquant',
    ACCESSORY_DAMAGED: 'Accessoire abîmé',
    ACCESSORY_PRODUCED_IN_ERROR: 'Accessoire mal fabriqué',
    SHIPPING_DAMAGE: 'Abîmé pendant le transport',
    QUALITY_DEFECT: 'Défaut de qualité',
  },
  resolution: {
    PARTIAL_REFUND: 'Remboursement partiel',
    REPLACEMENT_PART: 'Pièce de remplacement',
    RETURN: 'Retour contre remboursement',
    EXCHANGE: 'Échange',
    KEEP_WITH_DISCOUNT: 'La garder avec une remise',
  },
  grades: [
    ['LOW', 'Faible'],
    ['MEDIUM', 'Moyenne'],
    ['HIGH', 'Élevée'],
    ['STAFF', 'Le personnel décide du montant'],
  ],
  grade: (code) => frGrade[code] ?? code,
  severity: (code) => frSeverity[code] ?? code,
  category: (code) => storefront.claim.categories[code] ?? code,
  issue: (code) => storefront.claim.issues[code] ?? code,
  evidenceKind: (code) => storefront.claim.fileKind[code] ?? code,
  postage: (code) => frPostage[code] ?? code,
};

export const claimWords: Wording<typeof en> = { en, fr };
