import { defineEntity, p } from '@mikro-orm/core';

/**
 * Where to write to a customer (accounts' CustomerContactChanged), and in
 * which language (their own choice here; else their country's). Erased, not
 * deleted, when the account is deleted, so a late event cannot bring the
 * address back.
 */
export const CustomerContactSchema = defineEntity({
  name: 'CustomerContact',
  tableName: 'customer_contact',
  properties: {
    customerId: p.uuid().primary(),
    email: p.string().length(254).nullable(),
    displayName: p.string().length(200).nullable(),
    /** The customer's choice (`setNotificationLanguage`); null: from their country. */
    language: p.string().length(2).nullable(),
    /** The time of the contact event applied last: an older one delivered late changes nothing. */
    contactChangedAt: p.datetime().nullable(),
    erasedAt: p.datetime().nullable(),
  },
});

export class CustomerContact extends CustomerContactSchema.class {}
CustomerContactSchema.setClass(CustomerContact);
