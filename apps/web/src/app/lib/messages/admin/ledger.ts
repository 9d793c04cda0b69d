import type { Wording } from '../../i18n.js';

// The ledger reconciliation page (routes/admin/ledger.tsx). Each finding's words: lib/payment-words.ts.

const en = {
  heading: 'Ledger reconciliation',
  checked: (when: string, transactions: number, orders: number) =>
    `Checked ${when}: ${transactions} transaction${transactions === 1 ? '' : 's'} over ${orders} order${orders === 1 ? '' : 's'}. Reload the page to check again.`,
  balanced:
    'The ledger balances: every transaction adds up to zero, no order was refunded more than it paid, and every charge and refund matches the payment ' +
    'provider’s.',
  unbalanced: (problems: number) => `The ledger does not reconcile: ${problems} problem${problems === 1 ? '' : 's'} found, listed below.`,
  processing: (payments: number) =>
    `${payments} payment${payments === 1 ? ' is' : 's are'} still waiting on the provider; they are checked again on their own.`,
  problems: 'Problems found',
  totals: 'Totals per currency',
  noMoney: 'No money has moved yet.',
  caption: 'What the ledger holds, per currency',
  currency: 'Currency',
  paid: 'Captured from customers',
  refunded: 'Refunds decided',
  refundedOut: 'Refunds paid out',
  held: 'Held for orders not shipped',
};

const fr: typeof en = {
  heading: 'Rapprochement du grand livre',
  checked: (when, transactions, orders) =>
    `Vérifié le ${when} : ${transactions} transaction${transactions > 1 ? 's' : ''} sur ${orders} commande${orders > 1 ? 's' : ''}. ` +
    'Rechargez la page pour vérifier à nouveau.',
  balanced:
    'Le grand livre est équilibré : chaque transaction s’équilibre à zéro, aucune commande n’a été remboursée de plus qu’elle n’a payé, et chaque débit ' +
    'et chaque remboursement concordent avec ceux du prestataire de paiement.',
  unbalanced: (problems) =>
    problems > 1
      ? `Le grand livre ne concorde pas : ${problems} problèmes trouvés, listés ci-dessous.`
      : `Le grand livre ne concorde pas : ${problems} problème trouvé, indiqué ci-dessous.`,
  processing: (payments) =>
    payments > 1
      ? `${payments} paiements attendent encore le prestataire ; ils seront vérifiés à nouveau d’eux-mêmes.`
      : `${payments} paiement attend encore le prestataire ; il sera vérifié à nouveau de lui-même.`,
  problems: 'Problèmes trouvés',
  totals: 'Totaux par devise',
  noMoney: 'Aucun mouvement d’argent pour l’instant.',
  caption: 'Ce que contient le grand livre, par devise',
  currency: 'Devise',
  paid: 'Encaissé auprès des clients',
  refunded: 'Remboursements décidés',
  refundedOut: 'Remboursements versés',
  held: 'Retenu pour les commandes non expédiées',
};

export const ledgerWords: Wording<typeof en> = { en, fr };
