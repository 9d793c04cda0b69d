import type { PublicEventType } from '@vitrine/contracts';
import type { Language } from './languages.js';
import { partnerEventTypes } from './partners.js';

/**
 * What each event a partner may be granted tells it, in staff's words (the
 * back office's checkboxes), in each language notifications writes. Contracts
 * name the events but do not describe them; keyed by contracts' type, so a new
 * public event does not compile here until it is described in every language.
 */
const english: Record<PublicEventType, string> = {
  'orders.order.placed': 'An order was placed.',
  'orders.order.confirmed': 'An order was confirmed (its first payment or deposit went through).',
  'orders.order.status-changed': "An order's status changed.",
  'orders.order.payment-due': 'A payment of an order is due (a balance after release, a retry), with its deadline.',
  'orders.order.cancelled': 'An order was cancelled.',
  'orders.order.expired': 'An order expired unpaid.',
  'orders.order.cancellation-offered': 'The customer was offered to cancel an order (e.g. after a release-date slip).',
  'payments.payment.failed': 'A payment failed.',
  'payments.refund.issued': 'A refund was issued.',
  'catalog.product.release-date-changed': "A product's release date moved, with the reason.",
  'catalog.product.spec-changed': "A product's specification changed, with the reason.",
  'catalog.product.arrived': 'A preordered product arrived at the warehouse.',
  'logistics.shipment.quoted': "A parcel's final shipping cost is known.",
  'logistics.shipment.dispatched': 'A parcel left with a carrier, with its tracking number.',
  'logistics.shipment.delivered': 'A parcel was delivered.',
  'logistics.shipment.returned-to-sender': 'A parcel came back to the sender.',
  'aftersales.claim.submitted': 'A customer submitted a claim.',
  'aftersales.claim.decided': 'A claim was decided.',
  'aftersales.claim.offered': 'A claim’s resolutions were offered to the customer.',
  'aftersales.claim.refused': 'A claim was refused.',
  'aftersales.claim.resolved': 'A claim was resolved.',
  'aftersales.return.requested': 'A customer asked to send an item back.',
  'aftersales.return.received': 'A returned item was received.',
};

const french: Record<PublicEventType, string> = {
  'orders.order.placed': 'Une commande a été passée.',
  'orders.order.confirmed': 'Une commande a été confirmée (son premier paiement ou son acompte est passé).',
  'orders.order.status-changed': 'Le statut d’une commande a changé.',
  'orders.order.payment-due': 'Un paiement d’une commande est dû (un solde après la sortie, une nouvelle tentative), avec son échéance.',
  'orders.order.cancelled': 'Une commande a été annulée.',
  'orders.order.expired': 'Une commande a expiré sans être payée.',
  'orders.order.cancellation-offered': 'Le client s’est vu proposer d’annuler une commande (par ex. après un report de la date de sortie).',
  'payments.payment.failed': 'Un paiement a échoué.',
  'payments.refund.issued': 'Un remboursement a été émis.',
  'catalog.product.release-date-changed': 'La date de sortie d’un produit a changé, avec la raison.',
  'catalog.product.spec-changed': 'Les caractéristiques d’un produit ont changé, avec la raison.',
  'catalog.product.arrived': 'Un produit précommandé est arrivé à l’entrepôt.',
  'logistics.shipment.quoted': 'Le coût d’expédition définitif d’un colis est connu.',
  'logistics.shipment.dispatched': 'Un colis est parti avec un transporteur, avec son numéro de suivi.',
  'logistics.shipment.delivered': 'Un colis a été livré.',
  'logistics.shipment.returned-to-sender': 'Un colis est revenu à l’expéditeur.',
  'aftersales.claim.submitted': 'Un client a envoyé une réclamation.',
  'aftersales.claim.decided': 'Une réclamation a été tranchée.',
  'aftersales.claim.offered': 'Les solutions d’une réclamation ont été proposées au client.',
  'aftersales.claim.refused': 'Une réclamation a été refusée.',
  'aftersales.claim.resolved': 'Une réclamation a été réglée.',
  'aftersales.return.requested': 'Un client a demandé à renvoyer un article.',
  'aftersales.return.received': 'Un article retourné a été reçu.',
};

const descriptions: Record<Language, Record<PublicEventType, string>> = { en: english, fr: french };

export interface PartnerEventTypeInfo {
  type: PublicEventType;
  description: string;
}

/** Every event type a partner may be granted, in contracts' order, each with what it tells in `language`. */
export function partnerEventTypeList(language: Language = 'en'): PartnerEventTypeInfo[] {
  return partnerEventTypes.map((type) => ({ type, description: descriptions[language][type] }));
}
