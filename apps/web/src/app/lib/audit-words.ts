// Catalog's audit entries in staff's words: what was done, and the details recorded with it (a JSON object) as
// short "what: value" facts, the reason apart, so a product's history reads without opening the JSON. In English or
// French (the back office page's language).

import type { Locale } from './format.js';

const actionWordsEn: Record<string, string> = {
  'product.created': 'Added to the catalog',
  'product.updated': 'Details changed',
  'product.spec-changed': 'Spec change recorded',
  'product.price-changed': 'Price changed',
  'product.status-changed': 'Status moved',
  'product.sale-rules-changed': 'Sale rules changed',
  'product.release-date-changed': 'Release date moved',
  'product.preorder-limit-set': 'Limited run set',
  'product.arrived': 'Preorder stock arrived',
  'preorder.opened': 'Preorders opened',
  'preorder.scheduled': 'Preorders scheduled',
  'preorder.reopened': 'Preorders reopened',
  'preorder.terms-changed': 'Preorder terms changed',
  'preorder.closed': 'Preorders closed',
  'stock.received': 'Units received',
  'stock.adjusted': 'Count corrected',
  'stock.transferred': 'Units moved between warehouses',
};

const actionWordsFr: Record<string, string> = {
  'product.created': 'Ajouté au catalogue',
  'product.updated': 'Détails modifiés',
  'product.spec-changed': 'Modification des caractéristiques enregistrée',
  'product.price-changed': 'Prix modifié',
  'product.status-changed': 'Statut changé',
  'product.sale-rules-changed': 'Règles de vente modifiées',
  'product.release-date-changed': 'Date de sortie déplacée',
  'product.preorder-limit-set': 'Série limitée fixée',
  'product.arrived': 'Stock de précommande arrivé',
  'preorder.opened': 'Précommandes ouvertes',
  'preorder.scheduled': 'Précommandes programmées',
  'preorder.reopened': 'Précommandes rouvertes',
  'preorder.terms-changed': 'Conditions de précommande modifiées',
  'preorder.closed': 'Précommandes fermées',
  'stock.received': 'Unités reçues',
  'stock.adjusted': 'Comptage corrigé',
  'stock.transferred': 'Unités déplacées entre entrepôts',
};

const actionWords: Record<Locale, Record<string, string>> = { en: actionWordsEn, fr: actionWordsFr };

/** An audit action in words ("product.price-changed": "Price changed"); one catalog adds later reads as itself. */
export const auditActionWords = (action: string, locale: Locale = 'en') => actionWords[locale][action] ?? action;

/** A value of the details as a short text: amounts and lists as JSON, text as it is, nothing as "—". */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The details' reason (if any) and every other field as "field: value" ("field : value" in French), in the order recorded. */
export function auditDetails(details: string, locale: Locale = 'en'): { reason: string | null; facts: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return { reason: null, facts: [details] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { reason: null, facts: [valueText(parsed)] };
  const { reason, ...rest } = parsed as Record<string, unknown>;
  return {
    reason: typeof reason === 'string' && reason.length > 0 ? reason : null,
    facts: Object.entries(rest).map(([key, value]) => `${key}${locale === 'fr' ? ' : ' : ': '}${valueText(value)}`),
  };
}
