import type { Wording } from '../../i18n.js';

// The words every back-office page shares: its frame (navigation, home, refusals), the sections' names, and the
// pieces of form several pages use. A page's own words live in its own file beside this one.

export type BackOfficeSection =
  | 'products'
  | 'shipments'
  | 'claims'
  | 'returns'
  | 'orders'
  | 'customers'
  | 'stock'
  | 'studios'
  | 'warehouses'
  | 'policies'
  | 'payments'
  | 'ledger'
  | 'rateTables'
  | 'partners'
  | 'messages'
  | 'catalogSettings'
  | 'clock';

const en = {
  backOffice: 'Back office',
  /** A form sent from a page older than what it changes (or with an unknown step): nothing was done. */
  outOfDate: 'This form is out of date. Please reload the page.',
  /** A page's title in the browser's tab. */
  title: (page: string) => `${page} | Back office | Vitrine`,
  home: {
    signedInAs: (name: string) => `Signed in as ${name}. What your permissions allow:`,
  },
  sections: {
    products: { title: 'Products', about: 'Add and edit figures: details, price, sale rules, campaigns, arrivals.' },
    shipments: { title: 'Shipments', about: 'Pack, combine and dispatch parcels, record their tracking; late first.' },
    claims: { title: 'Claims', about: 'Review claims, grade the damaged parts and offer what the policy allows.' },
    returns: { title: 'Returns', about: 'Items sent back by customers who changed their mind: record what arrived.' },
    orders: { title: 'Orders', about: 'Find orders, read their money trail, cancel them and refund.' },
    customers: { title: 'Customers', about: 'Find customers by email or name; read and change their flags.' },
    stock: { title: 'Stock', about: 'Units per warehouse, the stock ledger and its reconciliation.' },
    studios: { title: 'Studios', about: 'The studios that make the figures: add one, correct its name or contact.' },
    warehouses: { title: 'Warehouses', about: 'The places that hold units, in the order sales draw from them; add one.' },
    policies: { title: 'Store policies', about: 'Read, compare and publish the store’s policy versions.' },
    payments: { title: 'Payments', about: 'Payments by state, purpose, customer or order.' },
    ledger: { title: 'Ledger', about: 'Check that the ledger balances and matches the payment provider.' },
    rateTables: { title: 'Rate tables', about: 'Shipping rates by zone and weight; publish a new version.' },
    partners: { title: 'Partners', about: 'Partner webhooks, secrets, API credentials, delivery logs.' },
    messages: { title: 'Messages', about: 'The emails the store sent customers; send a failed one again.' },
    catalogSettings: { title: 'Catalog settings', about: 'How long a waitlist offer holds the units that come back to a sold-out run.' },
    clock: { title: 'Store clock', about: 'The sandbox store’s time, and moving it forward to rehearse the policy.' },
  } satisfies Record<BackOfficeSection, { title: string; about: string }>,
  refusals: {
    staffOnlyTitle: 'Staff only',
    notFoundTitle: 'Not found',
    failedTitle: 'Something went wrong',
    failed: 'We could not show this page. Please try again in a moment.',
    backToFigures: 'Back to the figures',
    home: 'Back office home',
    customerAccount: 'The back office is for the store’s staff. Your account is a customer account, so there is nothing for you here.',
    missingScope: (scope: string) => `This page needs the “${scope}” permission, which your staff account does not have.`,
  },
  customerChoice: {
    emailField: 'Customer email (or its start)',
    several: (whose: string) => `Several customers match: whose ${whose}?`,
  },
  productPages: {
    nav: 'This product',
    campaign: 'Campaign and release date',
    details: 'Details and spec',
    selling: 'Price, status, sale rules and arrivals',
    history: 'History',
  },
};

const fr: typeof en = {
  backOffice: 'Arrière-boutique',
  outOfDate: 'Ce formulaire n’est plus à jour. Veuillez recharger la page.',
  title: (page) => `${page} | Arrière-boutique | Vitrine`,
  home: {
    signedInAs: (name) => `Connecté en tant que ${name}. Ce que vos autorisations permettent :`,
  },
  sections: {
    products: { title: 'Produits', about: 'Ajouter et modifier les figurines : détails, prix, règles de vente, campagnes, arrivages.' },
    shipments: { title: 'Expéditions', about: 'Emballer, regrouper et expédier les colis, enregistrer leur suivi ; les retards d’abord.' },
    claims: { title: 'Réclamations', about: 'Examiner les réclamations, évaluer les pièces abîmées et proposer ce que la politique permet.' },
    returns: { title: 'Retours', about: 'Les articles renvoyés par les clients qui ont changé d’avis : enregistrer ce qui est arrivé.' },
    orders: { title: 'Commandes', about: 'Trouver les commandes, lire leur historique financier, les annuler et rembourser.' },
    customers: { title: 'Clients', about: 'Trouver les clients par e-mail ou par nom ; lire et modifier leurs signalements.' },
    stock: { title: 'Stock', about: 'Les unités par entrepôt, le registre du stock et son rapprochement.' },
    studios: { title: 'Studios', about: 'Les studios qui fabriquent les figurines : en ajouter un, corriger son nom ou son contact.' },
    warehouses: { title: 'Entrepôts', about: 'Les lieux qui détiennent les unités, dans l’ordre où les ventes y puisent ; en ajouter un.' },
    policies: { title: 'Politiques de la boutique', about: 'Lire, comparer et publier les versions de la politique de la boutique.' },
    payments: { title: 'Paiements', about: 'Les paiements par état, objet, client ou commande.' },
    ledger: { title: 'Grand livre', about: 'Vérifier que le grand livre est équilibré et concorde avec le prestataire de paiement.' },
    rateTables: { title: 'Grilles tarifaires', about: 'Les tarifs d’expédition par zone et par poids ; publier une nouvelle version.' },
    partners: { title: 'Partenaires', about: 'Les webhooks des partenaires, leurs secrets, leurs identifiants d’API, les journaux de livraison.' },
    messages: { title: 'Messages', about: 'Les e-mails que la boutique a envoyés aux clients ; renvoyer celui qui a échoué.' },
    catalogSettings: {
      title: 'Réglages du catalogue',
      about: 'La durée pendant laquelle une offre de liste d’attente réserve les unités revenues dans une série épuisée.',
    },
    clock: { title: 'Horloge de la boutique', about: 'L’heure de la boutique de test, et l’avancer pour répéter la politique.' },
  },
  refusals: {
    staffOnlyTitle: 'Réservé au personnel',
    notFoundTitle: 'Introuvable',
    failedTitle: 'Un problème est survenu',
    failed: 'Nous n’avons pas pu afficher cette page. Veuillez réessayer dans un instant.',
    backToFigures: 'Retour aux figurines',
    home: 'Accueil de l’arrière-boutique',
    customerAccount: 'L’arrière-boutique est réservée au personnel de la boutique. Votre compte est un compte client : il n’y a rien pour vous ici.',
    missingScope: (scope) => `Cette page demande l’autorisation « ${scope} », que votre compte du personnel n’a pas.`,
  },
  customerChoice: {
    emailField: 'E-mail du client (ou son début)',
    several: (whose) => `Plusieurs clients correspondent : ${whose} de qui ?`,
  },
  productPages: {
    nav: 'Ce produit',
    campaign: 'Campagne et date de sortie',
    details: 'Détails et caractéristiques',
    selling: 'Prix, statut, règles de vente et arrivages',
    history: 'Historique',
  },
};

export const backOfficeWords: Wording<typeof en> = { en, fr };
