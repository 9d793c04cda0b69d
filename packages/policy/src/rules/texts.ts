import type { CustomerFlagKind } from '@vitrine/contracts';
import type { Duration, DurationRange, Fee, OrderMilestone } from '../schema/units.js';
import type { Language } from './decision.js';

/**
 * Pieces of customer-facing sentences, built from policy numbers, in English
 * and French. French follows French typography: a non-breaking space before
 * ':' and ';' (`nb` below), Intl's fr-FR spacing for percentages and money.
 */

/** The non-breaking space French puts before ':' and ';'. */
export const nb = '\u00a0';

const unitWords: Record<Language, Record<Duration['unit'], [string, string]>> = {
  en: { HOURS: ['hour', 'hours'], DAYS: ['day', 'days'], BUSINESS_DAYS: ['business day', 'business days'], MONTHS: ['month', 'months'] },
  fr: { HOURS: ['heure', 'heures'], DAYS: ['jour', 'jours'], BUSINESS_DAYS: ['jour ouvré', 'jours ouvrés'], MONTHS: ['mois', 'mois'] },
};

/** {24, HOURS} -> "24 hours" ("24 heures"); {1, DAYS} -> "1 day" ("1 jour"). */
export function durationText(d: Duration, lang: Language = 'en'): string {
  const [one, many] = unitWords[lang][d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

/** French "within": {24, HOURS} -> "dans les 24 heures"; {1, HOURS} -> "dans un délai de 1 heure" (followed by "suivant ..." or nothing). */
export function withinFr(d: Duration): string {
  return d.amount === 1 ? `dans un délai de ${durationText(d, 'fr')}` : `dans les ${durationText(d, 'fr')}`;
}

/** {2, 3, BUSINESS_DAYS} -> "2-3 business days" ("2 à 3 jours ouvrés"); {0, 7, ...} -> "up to 7 business days" ("7 jours ouvrés au plus"). */
export function rangeText(r: DurationRange, lang: Language = 'en'): string {
  const many = unitWords[lang][r.unit][r.max === 1 ? 0 : 1];
  if (r.min === 0) return lang === 'fr' ? `${r.max} ${many} au plus` : `up to ${r.max} ${many}`;
  if (r.min === r.max) return `${r.max} ${many}`;
  return lang === 'fr' ? `${r.min} à ${r.max} ${many}` : `${r.min}-${r.max} ${many}`;
}

/** 5000 -> "50%" ("50 %"); 1250 -> "12.5%" ("12,5 %"). */
export function percentText(bps: number, lang: Language = 'en'): string {
  if (lang === 'en') return `${bps / 100}%`;
  return new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

const feeBaseWords: Record<Language, Record<Fee['of'], string>> = {
  en: { DEPOSIT: 'the deposit', TOTAL: 'the total price', PAID: 'the amount paid' },
  fr: { DEPOSIT: 'de l’acompte', TOTAL: 'du prix total', PAID: 'du montant payé' },
};

export type FeeNoun = 'fee' | 'restocking fee';
const feeNounWords: Record<FeeNoun, string> = { fee: 'frais', 'restocking fee': 'frais de remise en stock' };

/** "a fee of 50% of the deposit" or "no fee" ("des frais de 50 % de l’acompte", "sans frais"). */
export function feeText(fee: Fee, noun: FeeNoun = 'fee', lang: Language = 'en'): string {
  if (lang === 'fr') {
    const words = feeNounWords[noun];
    return fee.percentBps === 0 ? `sans ${words}` : `des ${words} de ${percentText(fee.percentBps, 'fr')} ${feeBaseWords.fr[fee.of]}`;
  }
  return fee.percentBps === 0 ? `no ${noun}` : `a ${noun} of ${percentText(fee.percentBps)} of ${feeBaseWords.en[fee.of]}`;
}

/** 500 USD minor units -> "$5.00" ("5,00 $US"). */
export function moneyText(amount: number, currency: string, lang: Language = 'en'): string {
  const format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** A milestone as the clause after "until", "once", "before" ("the order is processed"). */
export const milestoneWords: Record<OrderMilestone, string> = {
  PROCESSED: 'the order is processed',
  SHIPPING_DATE_CONFIRMED: 'the shipping-date confirmation is sent',
  ARRIVED_AT_WAREHOUSE: 'the item arrives at our warehouse',
  SHIPPED: 'the order ships',
};

/** A milestone as the noun after "avant", "dès" (French needs no subjunctive that way). */
export const milestoneWordsFr: Record<OrderMilestone, string> = {
  PROCESSED: 'le traitement de la commande',
  SHIPPING_DATE_CONFIRMED: 'l’envoi de la confirmation de la date d’expédition',
  ARRIVED_AT_WAREHOUSE: 'l’arrivée de l’article dans notre entrepôt',
  SHIPPED: 'l’expédition de la commande',
};

/** "ARRIVED_AT_WAREHOUSE" -> "arrived-at-warehouse", for rule ids. */
export function kebab(value: string): string {
  return value.toLowerCase().replaceAll('_', '-');
}

const flagWordsFr: Record<CustomerFlagKind, string> = {
  PREORDER_ABUSE: 'abus de précommandes',
  REFUSED_DELIVERY: 'livraison refusée',
  BLOCKED: 'compte bloqué',
};

/** "PREORDER_ABUSE" -> "preorder abuse" ("abus de précommandes"; a flag French does not know yet reads as its name). */
export function flagLabel(flag: string, lang: Language = 'en'): string {
  const fr = lang === 'fr' ? (flagWordsFr as Record<string, string | undefined>)[flag] : undefined;
  return fr ?? flag.toLowerCase().replaceAll('_', ' ');
}
