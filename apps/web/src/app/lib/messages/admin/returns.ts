import type { ReturnedCondition, ReturnPostage, ReturnStatus } from '../../../../__generated__/app/graphql.js';
import type { Wording } from '../../i18n.js';

// The returns page (routes/admin/returns.tsx): after-sales' queue of returns for preference.

const en = {
  intro: 'Items customers send back because they changed their mind, under their order’s policy. Record each one when it arrives.',
  received: 'The return was recorded: after-sales applied the order’s policy (see it below under its new state).',
  conditionMissing: 'Say in what condition the item came back.',
  stateFilter: 'State (none ticked: waiting for the item)',
  show: 'Show returns',
  count: (n: number) => `${n} return${n === 1 ? '' : 's'}, oldest request first`,
  card: (id: string, status: string) => `Return ${id} · ${status}`,
  /** "Asked … · order <link> · <the figure>". */
  askedOrder: (at: string) => `Asked ${at} · order `,
  theFigure: 'the figure',
  /** What it refunds if it comes back as the policy asks; the rule's own words follow. */
  quote: (refund: string, fee: string, shipping: string, postage: string) =>
    `Refund if it comes back as the policy asks: ${refund} (restocking fee ${fee}, shipping ${shipping}, ${postage}). `,
  arrived: (at: string) => `Arrived ${at}`,
  refunded: (amount: string | null) => ` · refunded ${amount ?? 'nothing'}`,
  recordArrivalOf: (id: string) => `Record the arrival of return ${id}`,
  condition: 'Condition',
  note: 'Note (optional, audited)',
  recordArrival: 'Record the arrival',
  later: 'Later requests',
  /** A return's state, by the API's value. */
  statuses: {
    REQUESTED: 'Waiting for the item',
    REFUNDED: 'Came back as the policy asks: refunded',
    REJECTED: 'Did not come back as the policy asks: nothing refunded',
  } as Record<ReturnStatus, string>,
  conditions: { PERFECT_UNUSED: 'Perfect and unused', USED_OR_DAMAGED: 'Used or damaged' } as Record<ReturnedCondition, string>,
  postage: {
    STORE: 'the store pays the postage',
    SHARED: 'postage shared',
    CUSTOMER: 'the customer pays the postage',
  } as Record<ReturnPostage, string>,
};

const fr: typeof en = {
  intro: 'Les articles que les clients renvoient parce qu’ils ont changé d’avis, selon la politique de leur commande. Enregistrez chacun d’eux à son arrivée.',
  received: 'Le retour a été enregistré : le service après-vente a appliqué la politique de la commande (voyez-le ci-dessous, sous son nouvel état).',
  conditionMissing: 'Indiquez dans quel état l’article est revenu.',
  stateFilter: 'État (aucun coché : en attente de l’article)',
  show: 'Afficher les retours',
  count: (n) => `${n} retour${n > 1 ? 's' : ''}, les demandes les plus anciennes d’abord`,
  card: (id, status) => `Retour ${id} · ${status}`,
  askedOrder: (at) => `Demandé le ${at} · commande `,
  theFigure: 'la figurine',
  quote: (refund, fee, shipping, postage) =>
    `Remboursement s’il revient comme le demande la politique : ${refund} (frais de remise en stock ${fee}, port ${shipping}, ${postage}). `,
  arrived: (at) => `Arrivé le ${at}`,
  refunded: (amount) => (amount ? ` · remboursé ${amount}` : ' · aucun remboursement'),
  recordArrivalOf: (id) => `Enregistrer l’arrivée du retour ${id}`,
  condition: 'État',
  note: 'Note (facultative, journalisée)',
  recordArrival: 'Enregistrer l’arrivée',
  later: 'Demandes suivantes',
  statuses: {
    REQUESTED: 'En attente de l’article',
    REFUNDED: 'Revenu comme le demande la politique : remboursé',
    REJECTED: 'Pas revenu comme le demande la politique : aucun remboursement',
  },
  conditions: { PERFECT_UNUSED: 'Parfait état, jamais utilisé', USED_OR_DAMAGED: 'Utilisé ou abîmé' },
  postage: {
    STORE: 'la boutique paie le port',
    SHARED: 'port partagé',
    CUSTOMER: 'le client paie le port',
  },
};

export const returnsWords: Wording<typeof en> = { en, fr };
