import { defineEntity, p } from '@mikro-orm/core';
import type { JWK } from 'jose';

/**
 * Access-token signing keys. The private JWK sits in the database for now
 * (see README: a KMS/HSM is the way out). At most one key per algorithm is
 * active (retired_at null), which the partial unique index enforces even when
 * two replicas start or rotate at once.
 */
export const SigningKeySchema = defineEntity({
  name: 'SigningKey',
  tableName: 'signing_key',
  properties: {
    /** RFC 7638 thumbprint of the public key. */
    kid: p.string().length(64).primary(),
    algorithm: p.string().length(16),
    publicJwk: p.json<JWK>(),
    privateJwk: p.json<JWK>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    retiredAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'signing_key_one_active_per_algorithm', properties: ['algorithm'], where: 'retired_at is null' }],
});

export class SigningKey extends SigningKeySchema.class {}
SigningKeySchema.setClass(SigningKey);
