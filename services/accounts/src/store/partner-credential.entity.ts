import { defineEntity, p } from '@mikro-orm/core';

/**
 * A partner application's API credential (OAuth 2 client credentials): the
 * client id, and the SHA-256 of its secret (a 256-bit random value, so a
 * fast hash is enough; the secret itself is shown once). Tokens issued with
 * it name the partner (notifications' partner id) as their subject.
 */
export const PartnerCredentialSchema = defineEntity({
  name: 'PartnerCredential',
  tableName: 'partner_credential',
  properties: {
    clientId: p.uuid().primary(),
    partnerId: p.uuid().index(),
    name: p.string().length(100),
    secretHash: p.string().length(64).unique(),
    /** The back-office scopes its tokens carry (roles.ts partnerGrantableScopes). */
    scopes: p.array().default([]),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});

export class PartnerCredential extends PartnerCredentialSchema.class {}
PartnerCredentialSchema.setClass(PartnerCredential);
