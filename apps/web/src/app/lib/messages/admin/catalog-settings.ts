import type { Wording } from '../../i18n.js';

// The catalog settings page (routes/admin/catalog-settings.tsx): the store-wide settings catalog keeps.

const en = {
  saved: (hours: number) => `Waitlist offers now hold units for ${hours} hour${hours === 1 ? '' : 's'}; offers already made keep theirs.`,
  wholeNumber: 'Give a whole number of hours.',
  now: (hours: number) => `A waitlist offer holds the units that come back for ${hours} hour${hours === 1 ? '' : 's'}.`,
  help:
    'When units come back to a sold-out limited run (a cancellation, a lapsed order), they are held for the oldest waitlist entry first: ' +
    'the customer is emailed and has this long to order them before they go to the next one. Customers see it on the product page.',
  form: 'Waitlist offer duration',
  hours: 'Hours an offer holds its units (1 to 720)',
  submit: 'Save the duration',
};

const fr: typeof en = {
  saved: (hours) =>
    `Les offres de liste d’attente réservent désormais les unités pendant ${hours} heure${hours <= 1 ? '' : 's'} ; les offres déjà faites gardent la leur.`,
  wholeNumber: 'Indiquez un nombre entier d’heures.',
  now: (hours) => `Une offre de liste d’attente réserve les unités revenues pendant ${hours} heure${hours <= 1 ? '' : 's'}.`,
  help:
    'Quand des unités reviennent dans une série limitée épuisée (une annulation, une commande expirée), elles sont réservées d’abord à l’inscription la plus ancienne ' +
    'de la liste d’attente : le client reçoit un e-mail et dispose de ce délai pour les commander avant qu’elles passent au suivant. Les clients le voient sur la page du produit.',
  form: 'Durée des offres de liste d’attente',
  hours: 'Heures pendant lesquelles une offre réserve ses unités (1 à 720)',
  submit: 'Enregistrer la durée',
};

export const catalogSettingsWords: Wording<typeof en> = { en, fr };
