import type { Wording } from '../../i18n.js';

// A warehouse's return address fields (components/warehouse-address-fields.tsx, on the warehouses page).

const en = {
  help: 'Where customers send items back to this warehouse (the storefront shows it with each return). It is in the warehouse’s country.',
  /** The fields' labels, by the address's field. */
  labels: {
    name: 'Recipient',
    line1: 'Address line 1',
    line2: 'Address line 2 (optional)',
    postalCode: 'Postal code',
    city: 'City',
    region: 'Region (optional)',
  },
};

const fr: typeof en = {
  help: 'L’adresse où les clients renvoient les articles à cet entrepôt (la boutique l’affiche avec chaque retour). Elle est dans le pays de l’entrepôt.',
  labels: {
    name: 'Destinataire',
    line1: 'Adresse, ligne 1',
    line2: 'Adresse, ligne 2 (facultatif)',
    postalCode: 'Code postal',
    city: 'Ville',
    region: 'Région (facultatif)',
  },
};

export const warehouseAddressFieldsWords: Wording<typeof en> = { en, fr };
