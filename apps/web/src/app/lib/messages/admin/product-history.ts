import type { Wording } from '../../i18n.js';

// A product's history page (routes/admin/product-history.tsx): every change catalog's audit log holds for it.

const en = {
  /** The tab's title: the product's name (or this word when it is not loaded), then the page's. */
  product: 'Product',
  title: (product: string) => `${product}: history`,
  notFound: 'There is no product with this id.',
  caption: 'Every change, newest first',
  latest: (entries: number) => ` (the latest ${entries})`,
  when: 'When',
  what: 'What',
  why: 'Why',
  details: 'Details',
  by: 'By',
  staff: (id: string) => `Staff ${id}`,
  catalog: 'Catalog',
};

const fr: typeof en = {
  product: 'Produit',
  title: (product) => `${product} : historique`,
  notFound: 'Il n’y a aucun produit avec cet identifiant.',
  caption: 'Chaque modification, la plus récente d’abord',
  latest: (entries) => ` (les ${entries} dernières)`,
  when: 'Quand',
  what: 'Quoi',
  why: 'Pourquoi',
  details: 'Détails',
  by: 'Par',
  staff: (id) => `Personnel ${id}`,
  catalog: 'Catalogue',
};

export const productHistoryWords: Wording<typeof en> = { en, fr };
