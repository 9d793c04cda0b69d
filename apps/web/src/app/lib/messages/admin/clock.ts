import type { Wording } from '../../i18n.js';

// The store clock page (routes/admin/clock.tsx).

const en = {
  moved: (hours: number) => `The store’s clock moved ${hours} hour${hours === 1 ? '' : 's'} forward.`,
  wholeNumber: 'Give a whole number.',
  storesTime: 'The store’s time: ',
  ahead: (hours: number) => `${hours} hours`,
  aheadAfter: ' ahead of real time.',
  realTime: ', the real time.',
  help:
    'Outside production only (the API refuses it in production). Every service’s rules and deadlines follow the store’s clock: moving it forward makes ' +
    'balances fall due, unpaid orders expire and windows close as they would after that time. It never moves back.',
  form: 'Move the clock forward',
  moveBy: 'Move forward by',
  unit: 'Unit',
  hours: 'hours',
  days: 'days',
  submit: 'Move the clock forward',
};

const fr: typeof en = {
  moved: (hours) => `L’horloge de la boutique a avancé de ${hours} heure${hours === 1 ? '' : 's'}.`,
  wholeNumber: 'Indiquez un nombre entier.',
  storesTime: 'L’heure de la boutique : ',
  ahead: (hours) => `${hours} heures`,
  aheadAfter: ' d’avance sur l’heure réelle.',
  realTime: ', l’heure réelle.',
  help:
    'Hors production seulement (l’API le refuse en production). Les règles et les échéances de chaque service suivent l’horloge de la boutique : l’avancer fait ' +
    'arriver les soldes à échéance, expirer les commandes impayées et se fermer les délais comme après ce temps. Elle ne recule jamais.',
  form: 'Avancer l’horloge',
  moveBy: 'Avancer de',
  unit: 'Unité',
  hours: 'heures',
  days: 'jours',
  submit: 'Avancer l’horloge',
};

export const clockWords: Wording<typeof en> = { en, fr };
