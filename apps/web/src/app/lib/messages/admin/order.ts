import type { Wording } from '../../i18n.js';

// The back office's order page (routes/admin/order.tsx): its facts, lines, refund and cancel forms. The money and
// fulfilment sections word themselves (order-money.ts, money-trail.ts, order-fulfilment.ts).

const en = {
  allOrders: 'All orders',
  title: (id: string) => `Order ${id}`,
  /** What the last step did, by the `done` the action sent back. */
  done: {
    cancelled: 'The order was cancelled.',
    refunded: 'The refund was recorded.',
    confirmShippingDate: 'The shipping date was confirmed.',
    startFulfilment: 'Fulfilment started: the warehouse is on it.',
    markShipped: 'The order was marked as shipped.',
    markDelivered: 'The order was marked as delivered: its return and claim windows are open.',
  },
  orderId: 'Order id',
  status: 'Status',
  placed: 'Placed',
  placedLine: (at: string, kind: string, plan: string, version: number) => `${at} · ${kind} · plan ${plan} · store policy version ${version}`,
  shipsTo: 'Ships to',
  noAddress: 'No address yet',
  noMethod: 'no method',
  estimate: (amount: string) => `estimate ${amount}`,
  tracking: (number: string) => `tracking ${number}`,
  cancellationAsked: 'Cancellation asked',
  staffDecide: (at: string) => `${at} (staff decide)`,
  ended: { CANCELLED: 'Cancelled', EXPIRED: 'Expired' } as Record<string, string>,
  outcome: (at: string, by: string, reason: string, kept: string, refund: string, feesWaived: boolean) =>
    `${at} by ${by}: ${reason}. Kept ${kept}, refund ${refund}${feesWaived ? ' (fees waived)' : ''}.`,
  /** Who ended the order (outcome.by). */
  by: { CUSTOMER: 'Customer', STAFF: 'Staff', SYSTEM: 'System' } as Record<string, string>,
  /** The codes an order's ending gives as its reason (staff write theirs): English shows them as the API gives them. */
  outcomeReasons: {} as Record<string, string>,
  kinds: { IN_STOCK: 'In stock', PREORDER: 'Preorder' } as Record<string, string>,
  plans: {
    CHARGE_AT_SHIP: 'Charge at ship',
    DEPOSIT: 'Deposit',
    FULL_PAYMENT: 'Full payment',
    IN_STOCK: 'In stock',
    PAY_ON_ARRIVAL: 'Pay on arrival',
  } as Record<string, string>,
  /** Why an order is in its status (a rejected order: catalog's reason). */
  statusReasons: {
    INSUFFICIENT_STOCK: 'Insufficient stock',
    UNKNOWN_PRODUCT: 'Unknown product',
    PRODUCT_NOT_ORDERABLE: 'Product not orderable',
  } as Record<string, string>,
  figures: 'Figures',
  /** After a line's linked product name. */
  lineAfter: (sku: string, unitPrice: string, lineTotal: string) => ` (${sku}) at ${unitPrice}: ${lineTotal}`,
  goods: (amount: string) => `Goods: ${amount}`,
  refund: 'Refund',
  refundSubmit: 'Refund',
  amount: (currency: string) => `Amount (${currency})`,
  refundReason: 'Why (kept with the refund and audited)',
  badAmount: (currency: string) => `Enter the refund as an amount above zero in ${currency}, e.g. 12.50.`,
  cancel: 'Cancel the order',
  cancelReason: 'Reason (kept in the audit)',
  waiveFees: 'Waive the fees: refund everything paid instead of what the order’s policy keeps',
};

const fr: typeof en = {
  allOrders: 'Toutes les commandes',
  title: (id) => `Commande ${id}`,
  done: {
    cancelled: 'La commande a été annulée.',
    refunded: 'Le remboursement a été enregistré.',
    confirmShippingDate: 'La date d’expédition a été confirmée.',
    startFulfilment: 'Préparation lancée : l’entrepôt s’en occupe.',
    markShipped: 'La commande a été marquée comme expédiée.',
    markDelivered: 'La commande a été marquée comme livrée : ses délais de retour et de réclamation sont ouverts.',
  },
  orderId: 'Identifiant de la commande',
  status: 'État',
  placed: 'Passée le',
  placedLine: (at, kind, plan, version) => `${at} · ${kind} · formule ${plan} · politique de la boutique, version ${version}`,
  shipsTo: 'Livrée à',
  noAddress: 'Pas encore d’adresse',
  noMethod: 'aucun mode de livraison',
  estimate: (amount) => `port estimé ${amount}`,
  tracking: (number) => `suivi ${number}`,
  cancellationAsked: 'Annulation demandée',
  staffDecide: (at) => `${at} (le personnel décide)`,
  ended: { CANCELLED: 'Annulée', EXPIRED: 'Expirée' },
  outcome: (at, by, reason, kept, refund, feesWaived) =>
    `${at} par ${by} : ${reason}. Conservé ${kept}, remboursement ${refund}${feesWaived ? ' (frais annulés)' : ''}.`,
  by: { CUSTOMER: 'le client', STAFF: 'le personnel', SYSTEM: 'le système' },
  outcomeReasons: {
    UNPAID: 'Restée impayée',
    PAYMENT_NOT_COMPLETED: 'Paiement non abouti',
    RETURNED_TO_SENDER: 'Colis revenu à l’expéditeur',
  },
  kinds: { IN_STOCK: 'En stock', PREORDER: 'Précommande' },
  plans: {
    CHARGE_AT_SHIP: 'Débit à l’expédition',
    DEPOSIT: 'Acompte',
    FULL_PAYMENT: 'Paiement complet',
    IN_STOCK: 'En stock',
    PAY_ON_ARRIVAL: 'Paiement à l’arrivée',
  },
  statusReasons: {
    INSUFFICIENT_STOCK: 'Stock insuffisant',
    UNKNOWN_PRODUCT: 'Produit inconnu',
    PRODUCT_NOT_ORDERABLE: 'Produit non commandable',
  },
  figures: 'Figurines',
  lineAfter: (sku, unitPrice, lineTotal) => ` (${sku}) à ${unitPrice} : ${lineTotal}`,
  goods: (amount) => `Articles : ${amount}`,
  refund: 'Remboursement',
  refundSubmit: 'Rembourser',
  amount: (currency) => `Montant (${currency})`,
  refundReason: 'Motif (conservé avec le remboursement et audité)',
  badAmount: (currency) => `Indiquez le remboursement en montant supérieur à zéro, en ${currency}, par ex. 12,50.`,
  cancel: 'Annuler la commande',
  cancelReason: 'Motif (conservé dans l’audit)',
  waiveFees: 'Annuler les frais : rembourser tout ce qui a été payé au lieu de ce que la politique de la commande conserve',
};

export const orderWords: Wording<typeof en> = { en, fr };
