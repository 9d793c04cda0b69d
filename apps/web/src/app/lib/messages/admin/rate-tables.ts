import type { Wording } from '../../i18n.js';

// The rate tables page (routes/admin/rate-tables.tsx): the published versions and one of them read in full.

const en = {
  published: (version: number) => `Version ${version} is published: new estimates and quotes use it from now.`,
  publishLink: 'Publish a new version',
  publishAfter: ' (filled in with the one in force). Orders already placed keep the estimate they paid.',
  none: 'No rate table is published: the store cannot estimate shipping yet.',
  versions: 'Versions, newest first',
  version: (version: number) => `Version ${version}`,
  publishedOn: (at: string) => `published ${at}`,
  inForce: ' (in force)',
  colon: ': ',
  shown: (version: number, currency: string) => `Version ${version} in ${currency}`,
  /** A weight in kilograms, from grams. */
  kg: (grams: number) => `${(grams / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} kg`,
  referenceItem: (kg: string, length: number, width: number, height: number) =>
    `Reference item (the size a product without measures is priced at): ${kg}, ${length} × ${width} × ${height} mm.`,
  zones: 'Zones',
  zone: (name: string, countries: string) => `${name}: ${countries}`,
  everyCountry: 'every country no other zone lists',
  method: (label: string, code: string, origin: string) => `${label} (${code} from ${origin})`,
  chargeable: (divisor: number) => `Chargeable weight: the heavier of the weight and the size (L × W × H in cm³ / ${divisor} kg).`,
  pricesCaption: (label: string, origin: string) => `Prices of ${label} from ${origin} per zone and weight`,
  zoneHeader: 'Zone',
  upTo: 'Up to a weight',
  heavier: 'Heavier',
  bracket: (kg: string, price: string) => `${kg}: ${price}`,
  notShipped: 'not shipped',
  perStartedKg: (price: string) => `${price} per started kg`,
  surcharge: (label: string, code: string) => `${label} (${code}): `,
  percentOfPrice: (percent: number) => `${percent}% of the price`,
  toZones: (zones: string) => ` to ${zones}`,
  toEveryZone: ' to every zone',
};

const fr: typeof en = {
  published: (version) => `La version ${version} est publiée : les nouvelles estimations et les nouveaux devis l’utilisent dès maintenant.`,
  publishLink: 'Publier une nouvelle version',
  publishAfter: ' (préremplie avec celle en vigueur). Les commandes déjà passées gardent l’estimation qu’elles ont payée.',
  none: 'Aucune grille tarifaire n’est publiée : la boutique ne peut pas encore estimer la livraison.',
  versions: 'Versions, de la plus récente à la plus ancienne',
  version: (version) => `Version ${version}`,
  publishedOn: (at) => `publiée le ${at}`,
  inForce: ' (en vigueur)',
  colon: ' : ',
  shown: (version, currency) => `Version ${version} en ${currency}`,
  kg: (grams) => `${(grams / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 3 })} kg`,
  referenceItem: (kg, length, width, height) =>
    `Article de référence (le gabarit auquel est tarifé un produit sans dimensions) : ${kg}, ${length} × ${width} × ${height} mm.`,
  zones: 'Zones',
  zone: (name, countries) => `${name} : ${countries}`,
  everyCountry: 'tous les pays qu’aucune autre zone ne liste',
  method: (label, code, origin) => `${label} (${code} depuis ${origin})`,
  chargeable: (divisor) => `Poids taxable : le plus élevé entre le poids réel et le poids volumétrique (L × l × H en cm³ / ${divisor} kg).`,
  pricesCaption: (label, origin) => `Tarifs de ${label} depuis ${origin} par zone et par poids`,
  zoneHeader: 'Zone',
  upTo: 'Jusqu’à un poids',
  heavier: 'Au-delà',
  bracket: (kg, price) => `${kg} : ${price}`,
  notShipped: 'pas d’envoi',
  perStartedKg: (price) => `${price} par kg entamé`,
  surcharge: (label, code) => `${label} (${code}) : `,
  percentOfPrice: (percent) => `${percent.toLocaleString('fr-FR')} % du prix`,
  toZones: (zones) => ` vers ${zones}`,
  toEveryZone: ' vers toutes les zones',
};

export const rateTablesWords: Wording<typeof en> = { en, fr };
