import type { Wording } from '../../i18n.js';

// Where a returned item comes back to, for staff (components/return-destination.tsx, on the returns and claims pages).

const en = {
  /** "Coming back to <where> · parcel marked <reference>". */
  destination: (where: string, reference: string) => `Coming back to ${where} · parcel marked ${reference}`,
  warehouse: (code: string, address: string) => `${code}: ${address}`,
  /** Why after-sales cannot say yet where the item comes back to, by its `sendToUnknown`. */
  unknown: {
    NOT_A_RETURN: 'nowhere: the customer did not choose a return',
    PARCEL_UNKNOWN: 'a warehouse not known yet (logistics has not said where the order left from)',
    WAREHOUSE_UNKNOWN: 'a warehouse after-sales has not heard of yet',
    NO_RETURN_ADDRESS: 'a warehouse without a return address: add one on the warehouses page',
  } as Record<string, string>,
  notKnown: 'not known yet',
};

const fr: typeof en = {
  destination: (where, reference) => `Retour vers ${where} · colis marqué ${reference}`,
  warehouse: (code, address) => `${code} : ${address}`,
  unknown: {
    NOT_A_RETURN: 'nulle part : le client n’a pas choisi de retour',
    PARCEL_UNKNOWN: 'un entrepôt encore inconnu (la logistique n’a pas dit d’où la commande est partie)',
    WAREHOUSE_UNKNOWN: 'un entrepôt dont le service après-vente n’a pas encore connaissance',
    NO_RETURN_ADDRESS: 'un entrepôt sans adresse de retour : ajoutez-en une sur la page des entrepôts',
  },
  notKnown: 'un lieu encore inconnu',
};

export const returnDestinationWords: Wording<typeof en> = { en, fr };
