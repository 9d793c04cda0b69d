import type { Wording } from '../../i18n.js';

// A product's units per warehouse (components/stock-levels-table.tsx), on the stock and selling pages.

const en = {
  caption: 'Units per warehouse',
  warehouse: 'Warehouse',
  onHand: 'On hand',
  reserved: 'Reserved for orders',
  available: 'Available',
};

const fr: typeof en = {
  caption: 'Unités par entrepôt',
  warehouse: 'Entrepôt',
  onHand: 'En stock',
  reserved: 'Réservées pour des commandes',
  available: 'Disponibles',
};

export const stockLevelsTableWords: Wording<typeof en> = { en, fr };
