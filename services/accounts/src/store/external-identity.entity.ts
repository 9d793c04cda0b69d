import { defineEntity, p } from '@mikro-orm/core';

/**
 * An identity at an external OIDC provider bound to an account: the
 * provider's name (OIDC_PROVIDERS) and its stable subject (`sub`), never the
 * email, which can change at the provider.
 */
export const ExternalIdentitySchema = defineEntity({
  name: 'ExternalIdentity',
  tableName: 'external_identity',
  properties: {
    id: p.uuid().primary(),
    provider: p.string().length(32),
    subject: p.string().length(255),
    customerId: p.uuid().index(),
    /** How the customer recognises it on their account page (the email or name the provider gave); a label, never used to sign in. */
    label: p.string().length(254).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime(),
  },
  uniques: [{ properties: ['provider', 'subject'] }],
});

export class ExternalIdentity extends ExternalIdentitySchema.class {}
ExternalIdentitySchema.setClass(ExternalIdentity);
