import type { Wording } from '../../i18n.js';

// A studio's fields, as the create and edit forms both ask for them (components/studio-fields.tsx).

const en = {
  name: 'Name',
  country: 'Country (ISO code, e.g. JP)',
  contactEmail: 'Contact email',
};

const fr: typeof en = {
  name: 'Nom',
  country: 'Pays (code ISO, par ex. JP)',
  contactEmail: 'E-mail de contact',
};

export const studioFieldsWords: Wording<typeof en> = { en, fr };
