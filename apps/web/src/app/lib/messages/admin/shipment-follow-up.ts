import type { TrackingStatus } from '../../../../__generated__/app/graphql.js';
import type { Wording } from '../../i18n.js';

// A shipment's life after packing, in the back office's shipment queue (components/shipment-follow-up.tsx): what each
// order paid for shipping against the parcel's cost, the carrier's steps, and the form recording the next step.

const en = {
  consolidatedInto: (shipment: string) => `Its orders travel in shipment ${shipment} now.`,
  /** "Order …: paid … for shipping, its share of the parcel …" (the share null: not set yet). */
  orderShipping: (order: string, paid: string, share: string | null) =>
    `Order ${order}: paid ${paid} for shipping, its share of the parcel ${share ?? 'not set'}`,
  excessRefunded: (amount: string) => `${amount} refunded`,
  extraWaived: (amount: string, at: string) => `extra shipping ${amount} invoiced, waived ${at} (the store absorbs it)`,
  extraPaid: (amount: string, at: string) => `extra shipping ${amount} invoiced, paid ${at}`,
  extraAwaited: (amount: string) => `extra shipping ${amount} invoiced, waiting for the customer’s payment (dispatch waits for it)`,
  waived: (amount: string, at: string) => `Extra postage of ${amount} waived ${at}`,
  waiverReason: (reason: string) => `: “${reason}”`,
  trackingOf: (shipment: string) => `Tracking of shipment ${shipment}`,
  stepAt: (at: string, step: string) => `${at}: ${step}`,
  delivered: (at: string) => `Delivered ${at}.`,
  returned: (at: string) => `Back at the store ${at}.`,
  recordStepOf: (shipment: string) => `Record a tracking step of shipment ${shipment}`,
  step: 'Step',
  when: 'When (UTC; empty: now)',
  note: 'Carrier’s note (optional)',
  recordStep: 'Record the step',
  /** A carrier's step, by the API's value. */
  steps: {
    DISPATCHED: 'Handed to the carrier',
    IN_TRANSIT: 'In transit',
    OUT_FOR_DELIVERY: 'Out for delivery',
    DELIVERED: 'Delivered',
    RETURNED_TO_SENDER: 'Returned to sender (refunds per the order’s policy)',
  } as Record<TrackingStatus, string>,
};

const fr: typeof en = {
  consolidatedInto: (shipment) => `Ses commandes voyagent maintenant dans l’expédition ${shipment}.`,
  orderShipping: (order, paid, share) => `Commande ${order} : port payé ${paid}, sa part du colis ${share ?? 'pas encore fixée'}`,
  excessRefunded: (amount) => `${amount} remboursés`,
  extraWaived: (amount, at) => `supplément de port de ${amount} facturé, offert le ${at} (la boutique le prend à sa charge)`,
  extraPaid: (amount, at) => `supplément de port de ${amount} facturé, payé le ${at}`,
  extraAwaited: (amount) => `supplément de port de ${amount} facturé, en attente du paiement du client (l’expédition l’attend)`,
  waived: (amount, at) => `Supplément de port de ${amount} offert le ${at}`,
  waiverReason: (reason) => ` : « ${reason} »`,
  trackingOf: (shipment) => `Suivi de l’expédition ${shipment}`,
  stepAt: (at, step) => `${at} : ${step}`,
  delivered: (at) => `Livrée le ${at}.`,
  returned: (at) => `De retour à la boutique le ${at}.`,
  recordStepOf: (shipment) => `Enregistrer une étape de suivi de l’expédition ${shipment}`,
  step: 'Étape',
  when: 'Quand (UTC ; vide : maintenant)',
  note: 'Note du transporteur (facultative)',
  recordStep: 'Enregistrer l’étape',
  steps: {
    DISPATCHED: 'Remis au transporteur',
    IN_TRANSIT: 'En transit',
    OUT_FOR_DELIVERY: 'En cours de livraison',
    DELIVERED: 'Livré',
    RETURNED_TO_SENDER: 'Retourné à l’expéditeur (remboursements selon la politique de la commande)',
  },
};

export const shipmentFollowUpWords: Wording<typeof en> = { en, fr };
