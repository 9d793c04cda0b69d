import type { Wording } from '../../i18n.js';

// What the rate-table form (lib/rate-table-form.ts) says of what was typed before publishing, and where a problem
// logistics names by its path is on the form.

const en = {
  currency: 'The currency is a three-letter code, e.g. USD.',
  notAmount: (where: string, typed: string, currency: string) => `${where}: “${typed}” is not an amount in ${currency} (e.g. 9.50).`,
  notWhole: (where: string) => `${where}: give a whole number.`,
  notBracket: (where: string, line: string) => `${where}: “${line}” is not “grams price” (e.g. 1000 9.50).`,
  notPercent: (where: string, typed: string) => `${where}: “${typed}” is not a percentage (e.g. 8 or 12.5).`,
  referenceWeight: 'Reference item weight',
  referenceLength: 'Reference item length',
  referenceWidth: 'Reference item width',
  referenceHeight: 'Reference item height',
  /** A method with no code typed yet. */
  aMethod: 'A method',
  from: (method: string, origin: string) => `${method} from ${origin}`,
  to: (method: string, zone: string) => `${method} to ${zone}`,
  zoneRow: (row: number) => `zone ${row}`,
  perExtraKg: (place: string) => `${place}, per extra kilogram`,
  surcharge: (method: string, surcharge: string) => `${method}, surcharge ${surcharge}`,
  divisor: (method: string) => `${method}, volumetric divisor`,
  bracket: (place: string, n: number) => `${place}, bracket ${n}`,
  zone: (zone: string) => `Zone ${zone}`,
  referenceItem: 'Reference item',
  currencyField: 'Currency',
  note: 'Note',
};

const fr: typeof en = {
  currency: 'La devise est un code de trois lettres, par ex. EUR.',
  notAmount: (where, typed, currency) => `${where} : « ${typed} » n’est pas un montant en ${currency} (par ex. 9,50).`,
  notWhole: (where) => `${where} : indiquez un nombre entier.`,
  notBracket: (where, line) => `${where} : « ${line} » n’est pas « grammes prix » (par ex. 1000 9,50).`,
  notPercent: (where, typed) => `${where} : « ${typed} » n’est pas un pourcentage (par ex. 8 ou 12,5).`,
  referenceWeight: 'Poids de l’article de référence',
  referenceLength: 'Longueur de l’article de référence',
  referenceWidth: 'Largeur de l’article de référence',
  referenceHeight: 'Hauteur de l’article de référence',
  aMethod: 'Un mode de livraison',
  from: (method, origin) => `${method} depuis ${origin}`,
  to: (method, zone) => `${method} vers ${zone}`,
  zoneRow: (row) => `zone ${row}`,
  perExtraKg: (place) => `${place}, par kilogramme supplémentaire`,
  surcharge: (method, surcharge) => `${method}, supplément ${surcharge}`,
  divisor: (method) => `${method}, diviseur volumétrique`,
  bracket: (place, n) => `${place}, tranche ${n}`,
  zone: (zone) => `Zone ${zone}`,
  referenceItem: 'Article de référence',
  currencyField: 'Devise',
  note: 'Note',
};

export const rateTableFormWords: Wording<typeof en> = { en, fr };
