import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { accessToken } from '@vitrine/platform';
import { privateKeyOf } from './signing-key-material.js';
import type { SigningKey } from '../store/signing-key.entity.js';

export interface AccessTokenSubject {
  customerId: string;
  roles: readonly string[];
  scopes: readonly string[];
}

/**
 * Signs an access token per the platform contract (auth/access-token.ts):
 * ES256, `kid` in the header, aud 'vitrine', roles as an array and scope as
 * a space-separated string. `typ: at+jwt` (RFC 9068) keeps it from being
 * mistaken for an ID token once external sign-in arrives.
 */
export async function signAccessToken(
  key: SigningKey,
  subject: AccessTokenSubject,
  options: { issuer: string; ttlSeconds: number; now?: Date },
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ roles: [...subject.roles], scope: subject.scopes.join(' ') })
    .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(accessToken.audience)
    .setSubject(subject.customerId)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(await privateKeyOf(key));
}
