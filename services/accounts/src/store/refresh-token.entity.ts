import { defineEntity, p } from '@mikro-orm/core';

/**
 * One refresh token of a sign-in session. A session is a family: each
 * refresh marks the presented token used and adds the next one, so a token
 * presented twice (stolen and replayed) is detected and the family revoked.
 */
export const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.uuid().primary(),
    familyId: p.uuid().index(),
    customerId: p.uuid().index(),
    /** SHA-256 (hex) of the token: a database leak does not leak usable tokens. */
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    /** The token that replaced this one when it was used. */
    replacedBy: p.uuid().nullable(),
  },
});

export class RefreshToken extends RefreshTokenSchema.class {}
RefreshTokenSchema.setClass(RefreshToken);
