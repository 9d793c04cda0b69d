import type { Wording } from '../../i18n.js';

// The form moving a product's units to another warehouse (components/stock-transfer-form.tsx, on the stock page).

const en = {
  title: 'Move units to another warehouse',
  nothingFree: 'No warehouse holds a free unit of this product (units reserved for orders stay where they are).',
  from: 'From',
  /** A warehouse offered as the source, with its free units. */
  source: (name: string, code: string, free: number) => `${name} (${code}): ${free === 1 ? '1 unit' : `${free} units`} free`,
  to: 'To',
  units: 'Units to move',
  reason: 'Reason',
  submit: 'Move the units',
};

const fr: typeof en = {
  title: 'Déplacer des unités vers un autre entrepôt',
  nothingFree: 'Aucun entrepôt ne détient d’unité libre de ce produit (les unités réservées pour des commandes restent où elles sont).',
  from: 'Depuis',
  source: (name, code, free) => `${name} (${code}) : ${free === 1 ? '1 unité libre' : `${free} unités libres`}`,
  to: 'Vers',
  units: 'Unités à déplacer',
  reason: 'Motif',
  submit: 'Déplacer les unités',
};

export const stockTransferFormWords: Wording<typeof en> = { en, fr };
