import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { StartContext } from '@vitrine/platform';
import type { OidcProviderSettings } from '../config/oidc-providers.js';
import { isAuthorizedParty } from '../domain/external-identity.js';

export type IdTokenVerdict = { ok: true; claims: JWTPayload } | { ok: false; reason: 'INVALID' | 'EXPIRED' | 'UNAVAILABLE' };
export type IdTokenVerifier = (idToken: string) => Promise<IdTokenVerdict>;
type Logger = StartContext['logger'];

/**
 * Asymmetric algorithms only: the provider signs with a private key and
 * publishes the public one. `none` and HS* (keyed with the client secret,
 * which would make any holder of the secret a token minter) are refused.
 */
export const idTokenAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const timeoutMs = 5_000;

/**
 * Verifies a provider's ID tokens: signature against the keys its discovery
 * document (`<issuer>/.well-known/openid-configuration`) points to, `iss` =
 * the configured issuer, `aud` contains our client id (and `azp` is us when
 * present), `exp`/`iat` present and current. Discovery runs on first use and again after a failure; the JWKS is
 * cached and refetched when a token names an unknown key (provider rotation).
 */
export function createIdTokenVerifier(provider: OidcProviderSettings, logger: Logger): IdTokenVerifier {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const loadKeys = () =>
    (keys ??= discoverKeys(provider.issuer).catch((err: unknown) => {
      keys = null;
      throw err;
    }));

  return async (idToken) => {
    try {
      const { payload } = await jwtVerify(idToken, await loadKeys(), {
        issuer: provider.issuer,
        audience: provider.clientId,
        algorithms: idTokenAlgorithms,
        clockTolerance: 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (!isAuthorizedParty(payload, provider.clientId)) return { ok: false, reason: 'INVALID' };
      return { ok: true, claims: payload };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout)) return { ok: false, reason: 'INVALID' };
      logger.warn({ err, provider: provider.name }, 'external identity provider unavailable');
      return { ok: false, reason: 'UNAVAILABLE' };
    }
  };
}

async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`OIDC discovery ${url}: HTTP ${res.status}`);
  const document = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
  // OIDC Discovery 4.3: the document's issuer must be exactly the one we asked about.
  if (document.issuer !== issuer) throw new Error(`OIDC discovery ${url}: issuer ${String(document.issuer)} is not ${issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error(`OIDC discovery ${url}: no jwks_uri`);
  return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: timeoutMs, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
}
