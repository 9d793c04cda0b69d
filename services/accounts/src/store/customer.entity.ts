import { defineEntity, p } from '@mikro-orm/core';

export const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.uuid().primary(),
    /** Stored normalised (trimmed, lowercased), so this unique index is the case-insensitive one. */
    email: p.string().length(254).unique(),
    /** argon2id, PHC string (parameters and salt included). Null: no password sign-in (external identity only, or deleted). */
    passwordHash: p.text().nullable(),
    displayName: p.string().length(200),
    /** ISO 3166-1 alpha-2: the country of residence, where orders ship. */
    country: p.string().length(2),
    roles: p.array(),
    /** Back-office scopes granted to staff one by one; role scopes are not stored. */
    grantedScopes: p.array(),
    /** Set when the customer deleted the account: personal data erased, no sign-in possible. */
    deletedAt: p.datetime().nullable(),
    /** When the customer proved they read this address (a verification or email-change link); null until then. */
    emailVerifiedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Customer extends CustomerSchema.class {}
CustomerSchema.setClass(Customer);
