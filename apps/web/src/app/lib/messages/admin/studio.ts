import type { Wording } from '../../i18n.js';

// One studio's page (routes/admin/studio.tsx): correcting it, or removing it.

const en = {
  /** The tab's title when the studio is not loaded. */
  studio: 'Studio',
  notFound: 'There is no studio with this id.',
  confirmFirst: 'Tick the box to confirm: the studio was not removed.',
  everyStudio: 'Every studio',
  saved: 'The studio was saved.',
  correct: 'Correct the studio',
  save: 'Save the studio',
  remove: 'Remove this studio',
  removeHelp: 'Only a studio no product names can go: give its products another studio (or none) first. This cannot be undone.',
  confirm: (name: string) => `Yes, remove ${name}`,
};

const fr: typeof en = {
  studio: 'Studio',
  notFound: 'Il n’y a aucun studio avec cet identifiant.',
  confirmFirst: 'Cochez la case pour confirmer : le studio n’a pas été supprimé.',
  everyStudio: 'Tous les studios',
  saved: 'Le studio a été enregistré.',
  correct: 'Corriger le studio',
  save: 'Enregistrer le studio',
  remove: 'Supprimer ce studio',
  removeHelp:
    'Seul un studio qu’aucun produit ne nomme peut être supprimé : attribuez d’abord un autre studio (ou aucun) à ses produits. Cette action est irréversible.',
  confirm: (name) => `Oui, supprimer ${name}`,
};

export const studioWords: Wording<typeof en> = { en, fr };
