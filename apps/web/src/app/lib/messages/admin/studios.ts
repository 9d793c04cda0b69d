import type { Wording } from '../../i18n.js';

// The studios page (routes/admin/studios.tsx): every studio by name, and adding one.

const en = {
  added: (name: string) => `Studio ${name} was added.`,
  removed: (name: string) => `Studio ${name} was removed.`,
  caption: 'Every studio, by name',
  name: 'Name',
  country: 'Country',
  contact: 'Contact',
  edit: (name: string) => `Edit ${name}`,
  add: 'Add a studio',
  submit: 'Add the studio',
};

const fr: typeof en = {
  added: (name) => `Le studio ${name} a été ajouté.`,
  removed: (name) => `Le studio ${name} a été supprimé.`,
  caption: 'Tous les studios, par nom',
  name: 'Nom',
  country: 'Pays',
  contact: 'Contact',
  edit: (name) => `Modifier ${name}`,
  add: 'Ajouter un studio',
  submit: 'Ajouter le studio',
};

export const studiosWords: Wording<typeof en> = { en, fr };
