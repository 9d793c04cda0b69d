import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { scopesFor } from '../domain/roles.js';
import { signAccessToken } from '../security/access-token-signer.js';
import { newRefreshToken } from '../security/refresh-token-secret.js';
import type { Customer } from '../store/customer.entity.js';
import { RefreshToken } from '../store/refresh-token.entity.js';
import { findSigningKey } from './signing-keys.js';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  customer: Customer;
}

/**
 * Stages the next refresh token of a family (a new one when `familyId` is
 * absent) in `em` and signs an access token with the customer's current
 * roles and scopes, so grants apply from the next refresh on. The caller flushes.
 */
export async function issueSession(
  em: EntityManager,
  runtime: AccountsRuntime,
  customer: Customer,
  familyId: string = randomUUID(),
): Promise<{ session: Session; refresh: RefreshToken }> {
  const { settings } = runtime;
  const now = new Date();
  const key = await findSigningKey(em, now);
  if (!key) throw new Error('no active signing key (onStart creates one)');
  const secret = newRefreshToken();
  const refresh = em.create(RefreshToken, {
    id: randomUUID(),
    familyId,
    customerId: customer.id,
    tokenHash: secret.hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + settings.REFRESH_TOKEN_TTL_SECONDS * 1000),
    usedAt: null,
    revokedAt: null,
    replacedBy: null,
  });
  em.persist(refresh);
  const accessToken = await signAccessToken(
    key,
    { customerId: customer.id, roles: customer.roles, scopes: scopesFor(customer.roles, customer.grantedScopes) },
    { issuer: settings.ACCOUNTS_ISSUER, ttlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS, now },
  );
  return { session: { accessToken, refreshToken: secret.token, expiresIn: settings.ACCESS_TOKEN_TTL_SECONDS, customer }, refresh };
}
