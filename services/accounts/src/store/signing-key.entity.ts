import { defineEntity, p } from '@mikro-orm/core';
import type { JWK } from 'jose';

/**
 * Access-token signing keys, on a schedule (domain/published-keys): a key is
 * published from its creation, signs from `activates_at`, and stops signing at
 * `retired_at`, which rotation sets to its successor's `activates_at` (in the
 * future while the successor is pending). The private JWK sits in the
 * database for now (see README: a KMS/HSM is the way out). At most one key
 * per algorithm has no successor scheduled (retired_at null), which the
 * partial unique index enforces even when two replicas start or rotate at once.
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
    /** When it was created, and published in the JWKS. */
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When it starts signing: creation + KEY_PUBLISH_LEAD_SECONDS for a rotated-in key. */
    activatesAt: p.datetime(),
    /** When it stops signing: its successor's activatesAt; null until a successor is scheduled. */
    retiredAt: p.datetime().nullable(),
  },
  uniques: [{ name: 'signing_key_one_latest_per_algorithm', properties: ['algorithm'], where: 'retired_at is null' }],
});

export class SigningKey extends SigningKeySchema.class {}
SigningKeySchema.setClass(SigningKey);
