import type { Wording } from '../../i18n.js';

// The page publishing a new rate table (routes/admin/rate-table-new.tsx): the form, filled in with the table in force.

const en = {
  title: 'Publish a rate table',
  basedOn: (version: number) => `Filled in with version ${version}, the one in force.`,
  noneYet: 'No table is published yet.',
  help:
    ' Amounts are in the table’s currency (e.g. 9.50). A method’s prices to a zone are its weight brackets, one per line: the weight in grams it goes up ' +
    'to, then the price (e.g. “1000 9.00”). A zone left without brackets is one the method does not ship to; empty rows are left out.',
  /** The API's refusal when logistics lists the problems below it (English: its own message). */
  refusedLead: (apiMessage: string) => apiMessage,
  /** One of logistics' problems (its own English sentence), at its place on the form. */
  problemAt: (place: string, message: string) => `${place}: ${message}`,
  nothingPublished: 'Nothing was published:',
  table: 'The table',
  currency: 'Currency',
  note: 'Note (why this version)',
  referenceHelp: 'The reference item: what a product without measures is priced as.',
  weight: 'Weight (g)',
  length: 'Length (mm)',
  width: 'Width (mm)',
  height: 'Height (mm)',
  zones: 'Zones',
  zonesHelp: 'Countries as ISO codes (FR DE …). One zone may list none: the rest of the world.',
  zone: (code: string) => `Zone ${code}`,
  newZone: (row: number) => `New zone (row ${row})`,
  zoneCode: (row: number) => `Zone ${row} code`,
  zoneName: (row: number) => `Zone ${row} name`,
  zoneCountries: (row: number) => `Zone ${row} countries`,
  /** A zone row not yet named, in "Brackets to …". */
  theNewZone: (row: number) => `the new zone (row ${row})`,
  method: (label: string, code: string, origin: string) => `${label} (${code} from ${origin})`,
  newMethod: (row: number) => `New method (row ${row})`,
  code: 'Code',
  label: 'Label customers see',
  origin: 'From warehouse (code)',
  divisor: 'Volumetric divisor',
  brackets: (zone: string) => `Brackets to ${zone}`,
  perExtraKg: (zone: string) => `Each extra kg to ${zone} (empty: not shipped heavier)`,
  surchargesHelp: 'Surcharges: a flat amount and/or a percentage of the bracket price, to the zones listed (none: every zone).',
  surchargeCode: (row: number) => `Surcharge ${row} code`,
  surchargeLabel: (row: number) => `Surcharge ${row} label`,
  flat: 'Flat amount',
  percent: 'Percent',
  surchargeZones: 'Zones',
  submit: 'Publish this table',
};

const fr: typeof en = {
  title: 'Publier une grille tarifaire',
  basedOn: (version) => `Préremplie avec la version ${version}, celle en vigueur.`,
  noneYet: 'Aucune grille n’est encore publiée.',
  help:
    ' Les montants sont dans la devise de la grille (par ex. 9,50). Les tarifs d’un mode de livraison vers une zone sont ses tranches ' +
    'de poids, une par ligne : le poids en grammes jusqu’auquel elle va, puis le prix (par ex. « 1000 9,00 »). Une zone laissée sans tranche est une zone ' +
    'où le mode n’expédie pas ; les lignes vides sont ignorées.',
  refusedLead: () => 'La logistique a refusé cette grille :',
  problemAt: (place, message) => `${place} : ${message}`,
  nothingPublished: 'Rien n’a été publié :',
  table: 'La grille',
  currency: 'Devise',
  note: 'Note (pourquoi cette version)',
  referenceHelp: 'L’article de référence : le gabarit auquel est tarifé un produit sans dimensions.',
  weight: 'Poids (g)',
  length: 'Longueur (mm)',
  width: 'Largeur (mm)',
  height: 'Hauteur (mm)',
  zones: 'Zones',
  zonesHelp: 'Les pays en codes ISO (FR DE …). Une zone peut n’en lister aucun : le reste du monde.',
  zone: (code) => `Zone ${code}`,
  newZone: (row) => `Nouvelle zone (ligne ${row})`,
  zoneCode: (row) => `Code de la zone ${row}`,
  zoneName: (row) => `Nom de la zone ${row}`,
  zoneCountries: (row) => `Pays de la zone ${row}`,
  theNewZone: (row) => `la nouvelle zone (ligne ${row})`,
  method: (label, code, origin) => `${label} (${code} depuis ${origin})`,
  newMethod: (row) => `Nouveau mode de livraison (ligne ${row})`,
  code: 'Code',
  label: 'Libellé vu par les clients',
  origin: 'Depuis l’entrepôt (code)',
  divisor: 'Diviseur volumétrique',
  brackets: (zone) => `Tranches vers ${zone}`,
  perExtraKg: (zone) => `Chaque kg supplémentaire vers ${zone} (vide : pas d’envoi plus lourd)`,
  surchargesHelp: 'Suppléments : un montant fixe et/ou un pourcentage du prix de la tranche, vers les zones listées (aucune : toutes les zones).',
  surchargeCode: (row) => `Code du supplément ${row}`,
  surchargeLabel: (row) => `Libellé du supplément ${row}`,
  flat: 'Montant fixe',
  percent: 'Pourcentage',
  surchargeZones: 'Zones',
  submit: 'Publier cette grille',
};

export const rateTableNewWords: Wording<typeof en> = { en, fr };
