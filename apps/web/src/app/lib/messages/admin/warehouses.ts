import type { Wording } from '../../i18n.js';

// The warehouses page (routes/admin/warehouses.tsx): the list, adding one, correcting one and retiring it.

const en = {
  done: {
    created: 'The warehouse was added.',
    saved: 'The warehouse was saved.',
    retired: 'The warehouse was retired: it takes no more units.',
  } as Record<string, string>,
  confirmRetire: 'Tick the box to confirm: the warehouse was not retired.',
  priorityNumber: 'The priority is a whole number: 0 is drawn from first.',
  caption: 'Warehouses, in the order in-stock sales draw from them; retired ones last',
  code: 'Code',
  name: 'Name',
  country: 'Country',
  priority: 'Priority',
  heldByFactory: 'Held by the factory',
  returnAddress: 'Return address',
  state: 'State',
  factoryYes: 'Yes: used last, no after-sales',
  factoryNo: 'No',
  noAddress: 'None yet',
  retiredOn: (day: string) => `Retired on ${day}`,
  inUse: 'In use',
  change: (code: string) => `Change ${code}`,
  changeHeading: (code: string, country: string) => `Change ${code} (${country})`,
  stays: 'The code and country stay as they are (rate tables and delivery deadlines use them): a warehouse elsewhere is a new one.',
  retiredHelp: (day: string) => ` Retired on ${day}: it takes no more units and sells none.`,
  correct: (code: string) => `Correct ${code}`,
  priorityField: 'Priority (0 is drawn from first)',
  heldByFactoryField: 'Held by the factory (China stock: sold last, no after-sales)',
  heldByFactoryHelp: 'Changes only while the warehouse holds no unit.',
  returnAddressIn: (country: string) => `Return address (in ${country})`,
  save: (code: string) => `Save ${code}`,
  retire: (code: string) => `Retire ${code}`,
  retireHelp:
    'A retired warehouse stays listed with its ledger but receives no more units and sells none. Only an empty one can be retired: move or write off ' +
    'its units on the stock page first. This cannot be undone.',
  retireConfirm: (code: string) => `Yes, retire ${code}`,
  retireSubmit: 'Retire this warehouse',
  add: 'Add a warehouse',
  codeHelp: '2 to 16 letters, digits or dashes, e.g. FR-LYS.',
  countryField: 'Country (ISO code, e.g. FR)',
  newReturnAddress: 'Return address (optional, in the warehouse’s country)',
  addSubmit: 'Add the warehouse',
};

const fr: typeof en = {
  done: {
    created: 'L’entrepôt a été ajouté.',
    saved: 'L’entrepôt a été enregistré.',
    retired: 'L’entrepôt a été mis hors service : il ne prend plus d’unités.',
  },
  confirmRetire: 'Cochez la case pour confirmer : l’entrepôt n’a pas été mis hors service.',
  priorityNumber: 'La priorité est un nombre entier : 0 est puisé en premier.',
  caption: 'Entrepôts, dans l’ordre où les ventes en stock y puisent ; ceux hors service en dernier',
  code: 'Code',
  name: 'Nom',
  country: 'Pays',
  priority: 'Priorité',
  heldByFactory: 'Détenu par l’usine',
  returnAddress: 'Adresse de retour',
  state: 'État',
  factoryYes: 'Oui : utilisé en dernier, sans après-vente',
  factoryNo: 'Non',
  noAddress: 'Aucune pour l’instant',
  retiredOn: (day) => `Hors service depuis le ${day}`,
  inUse: 'En service',
  change: (code) => `Modifier ${code}`,
  changeHeading: (code, country) => `Modifier ${code} (${country})`,
  stays:
    'Le code et le pays restent tels quels (les grilles tarifaires et les délais de livraison s’en servent) : un entrepôt ailleurs est un nouvel entrepôt.',
  retiredHelp: (day) => ` Hors service depuis le ${day} : il ne prend plus d’unités et n’en vend aucune.`,
  correct: (code) => `Corriger ${code}`,
  priorityField: 'Priorité (0 est puisé en premier)',
  heldByFactoryField: 'Détenu par l’usine (stock en Chine : vendu en dernier, sans après-vente)',
  heldByFactoryHelp: 'Ne se modifie que tant que l’entrepôt ne détient aucune unité.',
  returnAddressIn: (country) => `Adresse de retour (pays : ${country})`,
  save: (code) => `Enregistrer ${code}`,
  retire: (code) => `Mettre ${code} hors service`,
  retireHelp:
    'Un entrepôt hors service reste listé avec son registre, mais ne reçoit plus d’unités et n’en vend aucune. Seul un entrepôt vide peut être mis hors service : ' +
    'déplacez d’abord ses unités ou passez-les en perte sur la page du stock. C’est irréversible.',
  retireConfirm: (code) => `Oui, mettre ${code} hors service`,
  retireSubmit: 'Mettre cet entrepôt hors service',
  add: 'Ajouter un entrepôt',
  codeHelp: '2 à 16 lettres, chiffres ou tirets, par ex. FR-LYS.',
  countryField: 'Pays (code ISO, par ex. FR)',
  newReturnAddress: 'Adresse de retour (facultative, dans le pays de l’entrepôt)',
  addSubmit: 'Ajouter l’entrepôt',
};

export const warehousesWords: Wording<typeof en> = { en, fr };
