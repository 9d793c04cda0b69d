import type { Wording } from '../../i18n.js';

// A product's campaign and release date page (routes/admin/product.tsx): its facts, its preorder campaign (open,
// change the terms, close early) and its release date's moves.

const en = {
  /** The tab's title when the product is not loaded. */
  product: 'Product',
  notFound: 'There is no product with this id.',
  pickClosingDay: 'Pick the closing day.',
  done: {
    created: 'The product was added.',
    open: 'Preorders are open.',
    terms: 'The campaign’s terms were changed.',
    close: 'Preorders were closed.',
    slip: 'The release date was moved.',
  } as Record<string, string>,
  facts: {
    sku: 'SKU',
    status: 'Status',
    price: 'Price',
    release: 'Release',
    notAnnounced: 'Not announced',
    orderable: 'Can be ordered',
    openEnded: 'Open-ended',
  },
  plan: {
    legend: 'Payment plan',
    plan: 'Plan',
    storeDefault: 'The store’s default plan',
    kinds: {
      DEPOSIT: 'A deposit at order, the balance on release',
      FULL_PAYMENT: 'Paid in full at order',
      PAY_ON_ARRIVAL: 'Paid when it arrives at our warehouse',
      CHARGE_AT_SHIP: 'Charged on the shipping day',
    } as Record<string, string>,
    deposit: 'Deposit (% of the price, deposit plan only)',
    fullAllowed: 'The customer may pay it all at order instead (deposit plan only)',
  },
  campaign: {
    heading: 'Preorder campaign',
    open: 'Open',
    scheduled: 'Scheduled',
    closed: 'Closed',
    /** After the campaign's state: when it opens and closes (the dates already worded). */
    when: (opens: string, closes: string | null) => `: opens ${opens}, ${closes ? `closes ${closes}` : 'open until staff close it'}.`,
    storeDefaultPlan: 'The store’s default plan.',
    limited: (units: number) => `Limited run of ${units}.`,
    openEnded: 'Open-ended run.',
    closedAt: (at: string, note: string | null) => ` Closed ${at}${note ? `: ${note}` : ''}.`,
    none: 'No preorder campaign yet.',
  },
  openForm: {
    heading: 'Open preorders now',
    closes: 'Closing day (orders until the end of the day, UTC)',
    limited: 'Limited run (units; empty: the product’s)',
    submit: 'Open preorders',
  },
  termsForm: {
    heading: 'Change the terms',
    closes: 'Closing day (empty: until staff close it)',
    limited: 'Limited run (units; empty: open-ended)',
    reason: 'Why (customers and the audit log read it)',
    submit: 'Change the terms',
  },
  closeForm: {
    heading: 'Close preorders early',
    reason: 'Reason',
    reasons: {
      SOLD_OUT: 'The limited run sold out',
      MAKER_REQUEST: 'The maker asked to stop',
      STORE_DECISION: 'The store’s decision',
    } as Record<string, string>,
    note: 'Note shown to customers',
    submit: 'Close preorders now',
  },
  release: {
    heading: 'Release date',
    /** A move of the release date, before its reason (the estimates already worded). */
    moved: (from: string, to: string) => `Moved from ${from} to ${to}:`,
    set: (to: string) => `Set to ${to}:`,
    none: 'No release date yet.',
    heading3: 'Move the release date',
    estimate: 'New estimate (YYYY-MM or YYYY-MM-DD)',
    reason: 'Reason (customers read it)',
    submit: 'Move the release date',
  },
};

const fr: typeof en = {
  product: 'Produit',
  notFound: 'Il n’y a aucun produit avec cet identifiant.',
  pickClosingDay: 'Choisissez le jour de fermeture.',
  done: {
    created: 'Le produit a été ajouté.',
    open: 'Les précommandes sont ouvertes.',
    terms: 'Les conditions de la campagne ont été modifiées.',
    close: 'Les précommandes ont été fermées.',
    slip: 'La date de sortie a été déplacée.',
  },
  facts: {
    sku: 'SKU',
    status: 'Statut',
    price: 'Prix',
    release: 'Sortie',
    notAnnounced: 'Pas encore annoncée',
    orderable: 'Commandable',
    openEnded: 'Sans limite',
  },
  plan: {
    legend: 'Mode de paiement',
    plan: 'Mode',
    storeDefault: 'Le mode de paiement par défaut de la boutique',
    kinds: {
      DEPOSIT: 'Un acompte à la commande, le solde à la sortie',
      FULL_PAYMENT: 'Payé en totalité à la commande',
      PAY_ON_ARRIVAL: 'Payé à son arrivée dans notre entrepôt',
      CHARGE_AT_SHIP: 'Débité le jour de l’expédition',
    },
    deposit: 'Acompte (% du prix, mode avec acompte seulement)',
    fullAllowed: 'Le client peut plutôt tout payer à la commande (mode avec acompte seulement)',
  },
  campaign: {
    heading: 'Campagne de précommande',
    open: 'Ouverte',
    scheduled: 'Programmée',
    closed: 'Fermée',
    when: (opens, closes) => ` : ouverture le ${opens}, ${closes ? `fermeture le ${closes}` : 'ouverte jusqu’à ce que le personnel la ferme'}.`,
    storeDefaultPlan: 'Le mode de paiement par défaut de la boutique.',
    limited: (units) => `Série limitée à ${units} ${units <= 1 ? 'unité' : 'unités'}.`,
    openEnded: 'Série sans limite.',
    closedAt: (at, note) => ` Fermée le ${at}${note ? ` : ${note}` : ''}.`,
    none: 'Pas encore de campagne de précommande.',
  },
  openForm: {
    heading: 'Ouvrir les précommandes maintenant',
    closes: 'Jour de fermeture (commandes jusqu’à la fin de la journée, UTC)',
    limited: 'Série limitée (unités ; vide : celle du produit)',
    submit: 'Ouvrir les précommandes',
  },
  termsForm: {
    heading: 'Modifier les conditions',
    closes: 'Jour de fermeture (vide : jusqu’à ce que le personnel la ferme)',
    limited: 'Série limitée (unités ; vide : sans limite)',
    reason: 'Pourquoi (les clients et le journal d’audit le lisent)',
    submit: 'Modifier les conditions',
  },
  closeForm: {
    heading: 'Fermer les précommandes plus tôt',
    reason: 'Motif',
    reasons: {
      SOLD_OUT: 'La série limitée est épuisée',
      MAKER_REQUEST: 'Le fabricant a demandé l’arrêt',
      STORE_DECISION: 'La décision de la boutique',
    },
    note: 'Note montrée aux clients',
    submit: 'Fermer les précommandes maintenant',
  },
  release: {
    heading: 'Date de sortie',
    moved: (from, to) => `Déplacée de ${from} à ${to} :`,
    set: (to) => `Fixée à ${to} :`,
    none: 'Pas encore de date de sortie.',
    heading3: 'Déplacer la date de sortie',
    estimate: 'Nouvelle estimation (AAAA-MM ou AAAA-MM-JJ)',
    reason: 'Motif (les clients le lisent)',
    submit: 'Déplacer la date de sortie',
  },
};

export const productWords: Wording<typeof en> = { en, fr };
