import { randomUUID, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput, NotFound, Unauthenticated } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { signAccessToken } from '../security/access-token-signer.js';
import { hashClientSecret, newClientSecret } from '../security/client-secret.js';
import { partnerGrantableScopes } from '../domain/roles.js';
import { PartnerCredential } from '../store/partner-credential.entity.js';
import { findSigningKey } from './signing-keys.js';

export const credentialNameMaxLength = 100;
const badCredentials = 'The client id or secret is incorrect.';

/**
 * Staff give a partner application (notifications' partner) API
 * credentials: a client id and a secret shown once. Several may exist per
 * partner, so a partner can rotate: create the new one, switch, revoke the old.
 */
export async function createPartnerCredential(
  em: EntityManager,
  actor: string,
  input: { partnerId: string; name: string; scopes: readonly string[] },
): Promise<{ credential: PartnerCredential; secret: string }> {
  const name = input.name.trim();
  const problems = [
    ...(name.length === 0 || name.length > credentialNameMaxLength
      ? [{ field: 'name', reason: 'LENGTH', message: `A name is 1 to ${credentialNameMaxLength} characters.` }]
      : []),
    ...input.scopes
      .filter((scope) => !partnerGrantableScopes.includes(scope as never))
      .map((scope) => ({
        field: 'scopes',
        reason: 'NOT_GRANTABLE',
        message: `"${scope}" cannot be granted to a partner. Grantable: ${partnerGrantableScopes.join(', ') || 'none'}.`,
      })),
  ];
  if (problems.length > 0) throw new BadUserInput('Please check the credential.', problems);
  const scopes = [...new Set(input.scopes)].sort();
  const { secret, hash } = newClientSecret();
  return em.transactional(async (tx) => {
    const credential = tx.create(PartnerCredential, {
      clientId: randomUUID(),
      partnerId: input.partnerId,
      name,
      secretHash: hash,
      scopes,
      createdBy: actor,
      revokedAt: null,
    });
    tx.persist(credential);
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor,
        action: 'partner-credential.created',
        subject: credential.clientId,
        details: { partnerId: input.partnerId, name, scopes },
      }),
    );
    return { credential, secret };
  });
}

/** Revoked at once for new tokens; tokens already issued expire within their short lifetime. Revoking twice changes nothing. */
export async function revokePartnerCredential(em: EntityManager, actor: string, clientId: string): Promise<PartnerCredential> {
  return em.transactional(async (tx) => {
    const credential = await tx.findOne(PartnerCredential, clientId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!credential) throw new NotFound('Partner credential', clientId);
    if (credential.revokedAt) return credential;
    credential.revokedAt = new Date();
    tx.persist(
      tx.create(AuditEntry, { id: randomUUID(), actor, action: 'partner-credential.revoked', subject: clientId, details: { partnerId: credential.partnerId } }),
    );
    return credential;
  });
}

export function listPartnerCredentials(em: EntityManager, partnerId: string | null): Promise<PartnerCredential[]> {
  return em.find(PartnerCredential, partnerId ? { partnerId } : {}, { orderBy: { createdAt: 'desc' }, limit: 200 });
}

/**
 * OAuth 2 client credentials: a valid, unrevoked client id and secret get a
 * short-lived access token naming the partner, with the role `partner` and
 * the scopes its credential was granted; the gateway and every subgraph
 * verify it like any token. Every failure reads the same, so an answer never
 * tells which half was wrong.
 */
export async function issuePartnerToken(
  em: EntityManager,
  runtime: AccountsRuntime,
  clientId: string | null,
  secret: string,
): Promise<{ accessToken: string; expiresIn: number }> {
  const credential = clientId ? await em.findOne(PartnerCredential, clientId) : null;
  const presented = Buffer.from(hashClientSecret(secret), 'hex');
  const expected = Buffer.from(credential?.secretHash ?? hashClientSecret(`no-such-client:${secret}`), 'hex');
  if (!credential || credential.revokedAt || !timingSafeEqual(presented, expected)) throw new Unauthenticated(badCredentials);
  const now = new Date();
  const key = await findSigningKey(em, now);
  if (!key) throw new Error('no active signing key (onStart creates one)');
  const ttlSeconds = runtime.settings.ACCESS_TOKEN_TTL_SECONDS;
  const accessToken = await signAccessToken(
    key,
    { customerId: credential.partnerId, roles: ['partner'], scopes: credential.scopes },
    { issuer: runtime.settings.ACCOUNTS_ISSUER, ttlSeconds, now },
  );
  return { accessToken, expiresIn: ttlSeconds };
}
