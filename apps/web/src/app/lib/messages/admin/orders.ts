import type { Wording } from '../../i18n.js';

// The orders list (routes/admin/orders.tsx): finding orders by id, customer, day and status.

const en = {
  find: 'Find orders',
  orderId: 'Order id',
  placedFrom: 'Placed from',
  placedUntil: 'Placed until',
  statusLegend: 'Status (none ticked: every status)',
  notAnOrderId: 'An order id looks like 0b6f1c2e-… (36 characters). Copy it from an order page or an email.',
  daysAsDates: 'Give the days as dates (YYYY-MM-DD).',
  /** Ends "Several customers match: whose …?". */
  whose: 'orders',
  count: (n: number) => `${n} order${n === 1 ? '' : 's'}, newest first`,
  caption: 'Orders found, newest first',
  order: 'Order',
  placed: 'Placed',
  status: 'Status',
  figures: 'Figures',
  goods: 'Goods',
  orderLink: (id: string) => `Order ${id}`,
  older: 'Older orders',
};

const fr: typeof en = {
  find: 'Trouver des commandes',
  orderId: 'Identifiant de commande',
  placedFrom: 'Passée à partir du',
  placedUntil: 'Passée jusqu’au',
  statusLegend: 'Statut (aucun coché : tous les statuts)',
  notAnOrderId: 'Un identifiant de commande ressemble à 0b6f1c2e-… (36 caractères). Copiez-le depuis la page d’une commande ou un e-mail.',
  daysAsDates: 'Indiquez les jours sous forme de dates (AAAA-MM-JJ).',
  whose: 'commandes',
  count: (n) => `${n} commande${n > 1 ? 's' : ''}, les plus récentes d’abord`,
  caption: 'Commandes trouvées, les plus récentes d’abord',
  order: 'Commande',
  placed: 'Passée le',
  status: 'Statut',
  figures: 'Figurines',
  goods: 'Marchandises',
  orderLink: (id) => `Commande ${id}`,
  older: 'Commandes plus anciennes',
};

export const ordersWords: Wording<typeof en> = { en, fr };
