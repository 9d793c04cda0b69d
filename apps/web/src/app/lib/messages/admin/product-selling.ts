import type { Wording } from '../../i18n.js';

// A product's selling page (routes/admin/product-selling.tsx): price, status, down payment, sale rules and arrivals.

const en = {
  /** The page's name in the browser's tab (the frame adds the back office's). */
  pageTitle: (product: string | undefined) => `${product ?? 'Product'}: selling`,
  noProduct: 'There is no product with this id.',
  done: {
    price: 'The price was changed; orders already placed keep theirs.',
    status: 'The status was changed.',
    downPayment: 'The down payment was saved.',
    rules: 'The sale rules were saved; later orders follow them.',
  },
  arrived: (moved: number, surplus: number) => `The units arrived: ${moved} went to waiting preorders, ${surplus} can be sold.`,
  badPrice: (currency: string) => `Enter the price as an amount in ${currency}, e.g. 129.99.`,
  badDownPayment: (currency: string) => `Enter the down payment as an amount in ${currency}, e.g. 30.00.`,
  badLimits: 'Limits are whole numbers of units (or empty: no limit).',
  badQuantity: 'Units arrived are a whole number above zero.',
  facts: {
    sku: 'SKU',
    status: 'Status',
    price: 'Price',
    downPayment: 'Down payment',
    required: (amount: string) => `${amount} required`,
    none: 'None',
    notSoldIn: 'Not sold in',
    soldEverywhere: 'Sold everywhere the store ships',
    perOrder: 'Per order',
    perCustomer: 'Per customer',
    noLimit: 'No limit',
    canBeOrdered: 'Can be ordered',
    openEnded: 'Open-ended',
  },
  price: {
    heading: 'Change the price',
    field: (currency: string) => `New price in ${currency} (tax included)`,
    reason: 'Reason (the audit log keeps it)',
    submit: 'Change the price',
  },
  status: {
    heading: 'Move the status',
    final: (status: string) => `${status} is final: the catalog allows no move from it.`,
    field: 'New status',
    choose: 'Choose one',
    reason: 'Reason (customers and the audit log read it)',
    submit: 'Move the status',
  },
  downPayment: {
    heading: 'Down payment',
    help: 'What a customer pays at order on plans that ask for one (e.g. pay on arrival): the rest is due later.',
    required: 'A down payment is required',
    amount: (currency: string) => `Amount in ${currency} (required ones only)`,
    submit: 'Save the down payment',
  },
  rules: {
    heading: 'Sale rules',
    notSoldIn: 'Not sold in (country codes, e.g. DE, US)',
    notSoldInHelp: 'Where licensing forbids selling it; empty: nowhere.',
    perOrder: 'At most per order',
    perCustomer: 'At most per customer',
    reason: 'Reason (customers and the audit log read it)',
    submit: 'Save the sale rules',
  },
  arrival: {
    heading: 'Preorder stock arrived',
    form: 'Record an arrival',
    help: 'Waiting preorders move onto the arrived units first (oldest first); the rest can be sold. Customers on pay-on-arrival plans are asked to pay.',
    warehouse: 'Arrived at',
    quantity: 'Units arrived',
    submit: 'Record the arrival',
  },
};

const fr: typeof en = {
  pageTitle: (product) => `${product ?? 'Produit'} : vente`,
  noProduct: 'Il n’y a pas de produit avec cet identifiant.',
  done: {
    price: 'Le prix a été modifié ; les commandes déjà passées gardent le leur.',
    status: 'Le statut a été modifié.',
    downPayment: 'L’acompte a été enregistré.',
    rules: 'Les règles de vente ont été enregistrées ; les prochaines commandes les suivront.',
  },
  arrived: (moved, surplus) =>
    `Les unités sont arrivées : ${moved} ${moved <= 1 ? 'est allée' : 'sont allées'} aux précommandes en attente, ` +
    `${surplus} ${surplus <= 1 ? 'peut être vendue' : 'peuvent être vendues'}.`,
  badPrice: (currency) => `Saisissez le prix comme un montant en ${currency}, par ex. 129,99.`,
  badDownPayment: (currency) => `Saisissez l’acompte comme un montant en ${currency}, par ex. 30,00.`,
  badLimits: 'Les limites sont des nombres entiers d’unités (ou vides : pas de limite).',
  badQuantity: 'Les unités arrivées sont un nombre entier supérieur à zéro.',
  facts: {
    sku: 'Référence',
    status: 'Statut',
    price: 'Prix',
    downPayment: 'Acompte',
    required: (amount) => `${amount} exigé`,
    none: 'Aucun',
    notSoldIn: 'Pays exclus',
    soldEverywhere: 'Vendu partout où la boutique expédie',
    perOrder: 'Par commande',
    perCustomer: 'Par client',
    noLimit: 'Pas de limite',
    canBeOrdered: 'Quantité commandable',
    openEnded: 'Sans limite',
  },
  price: {
    heading: 'Modifier le prix',
    field: (currency) => `Nouveau prix en ${currency} (TTC)`,
    reason: 'Motif (le journal d’audit le conserve)',
    submit: 'Modifier le prix',
  },
  status: {
    heading: 'Changer le statut',
    final: (status) => `« ${status} » est un statut final : le catalogue n’autorise aucun changement à partir de celui-ci.`,
    field: 'Nouveau statut',
    choose: 'Choisissez-en un',
    reason: 'Motif (les clients et le journal d’audit le lisent)',
    submit: 'Changer le statut',
  },
  downPayment: {
    heading: 'Acompte',
    help: 'Ce qu’un client paie à la commande avec les modes de paiement qui en demandent un (par ex. paiement à l’arrivée) : le reste est dû plus tard.',
    required: 'Un acompte est exigé',
    amount: (currency) => `Montant en ${currency} (seulement s’il est exigé)`,
    submit: 'Enregistrer l’acompte',
  },
  rules: {
    heading: 'Règles de vente',
    notSoldIn: 'Pays exclus (codes pays, par ex. DE, US)',
    notSoldInHelp: 'Là où la licence en interdit la vente ; vide : nulle part.',
    perOrder: 'Au plus par commande',
    perCustomer: 'Au plus par client',
    reason: 'Motif (les clients et le journal d’audit le lisent)',
    submit: 'Enregistrer les règles de vente',
  },
  arrival: {
    heading: 'Stock de précommande arrivé',
    form: 'Enregistrer un arrivage',
    help:
      'Les précommandes en attente passent d’abord sur les unités arrivées (les plus anciennes d’abord) ; le reste peut être vendu. ' +
      'Les clients qui paient à l’arrivée sont invités à payer.',
    warehouse: 'Entrepôt d’arrivée',
    quantity: 'Unités arrivées',
    submit: 'Enregistrer l’arrivage',
  },
};

export const productSellingWords: Wording<typeof en> = { en, fr };
