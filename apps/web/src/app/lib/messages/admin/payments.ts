import type { Wording } from '../../i18n.js';

// The payments page (routes/admin/payments.tsx). Payments' states: lib/payment-words.ts; what a payment is for: the
// storefront's `t.purpose`.

const en = {
  /** "Every payment, newest first. Whether the ledger balances: <link>ledger reconciliation</link>." */
  intro: { before: 'Every payment, newest first. Whether the ledger balances: ', link: 'ledger reconciliation', after: '.' },
  find: 'Find payments',
  state: 'State',
  anyState: 'Any state',
  purpose: 'For',
  anyPurpose: 'Anything',
  orderId: 'Order id',
  /** Ends "Several customers match: whose …?". */
  whose: 'payments',
  noneMatch: 'No payment matches.',
  found: 'Payments, newest first',
  caption: 'Payments found, newest first',
  started: 'Started',
  amount: 'Amount',
  orders: 'Orders it pays',
  card: 'Card',
  failure: (message: string) => `: ${message}`,
  since: (when: string) => ` (since ${when})`,
  orderLabel: (orderId: string) => `Order ${orderId}`,
  newestPage: 'Newest payments',
  olderPage: 'Older payments',
};

const fr: typeof en = {
  intro: { before: 'Tous les paiements, les plus récents d’abord. Si le grand livre est équilibré : ', link: 'rapprochement du grand livre', after: '.' },
  find: 'Trouver des paiements',
  state: 'État',
  anyState: 'Tous les états',
  purpose: 'Objet',
  anyPurpose: 'Tous les objets',
  orderId: 'Identifiant de commande',
  whose: 'les paiements',
  noneMatch: 'Aucun paiement ne correspond.',
  found: 'Paiements, les plus récents d’abord',
  caption: 'Paiements trouvés, les plus récents d’abord',
  started: 'Commencé',
  amount: 'Montant',
  orders: 'Commandes réglées',
  card: 'Carte',
  failure: (message) => ` : ${message}`,
  since: (when) => ` (depuis le ${when})`,
  orderLabel: (orderId) => `Commande ${orderId}`,
  newestPage: 'Paiements les plus récents',
  olderPage: 'Paiements plus anciens',
};

export const paymentsWords: Wording<typeof en> = { en, fr };
