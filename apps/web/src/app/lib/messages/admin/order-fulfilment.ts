import type { Wording } from '../../i18n.js';

// The fulfilment steps on the back office's order page (components/order-fulfilment.tsx), and the refusal of their
// form before the API (lib/order-steps.server.ts).

const en = {
  title: 'Fulfilment',
  confirmShippingDate: 'Confirm the shipping date',
  confirmShippingDateHelp:
    'A released preorder: fixing its shipping date charges a charge-at-ship order on its stored card, and fixes the address where the policy says so.',
  startFulfilment: 'Start fulfilment',
  markShipped: 'Mark as shipped',
  trackingNumber: 'Tracking number (4-80 characters)',
  markDelivered: 'Mark as delivered',
  deliveredAt: 'Delivered at (UTC; empty: now)',
  badDeliveredAt: 'Give the delivery as a date and a time (UTC), or leave it empty for now.',
};

const fr: typeof en = {
  title: 'Préparation',
  confirmShippingDate: 'Confirmer la date d’expédition',
  confirmShippingDateHelp:
    'Une précommande sortie : fixer sa date d’expédition débite la carte enregistrée d’une commande payée à l’expédition, et fixe l’adresse là où la politique le prévoit.',
  startFulfilment: 'Lancer la préparation',
  markShipped: 'Marquer comme expédiée',
  trackingNumber: 'Numéro de suivi (4 à 80 caractères)',
  markDelivered: 'Marquer comme livrée',
  deliveredAt: 'Livrée le (UTC ; vide : maintenant)',
  badDeliveredAt: 'Indiquez la livraison par une date et une heure (UTC), ou laissez le champ vide pour maintenant.',
};

export const orderFulfilmentWords: Wording<typeof en> = { en, fr };
