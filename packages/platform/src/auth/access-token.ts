import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Caller } from './caller.js';

/**
 * The access-token contract between the accounts service (issuer) and every
 * verifier (gateway, subgraphs). Tokens are short-lived JWTs signed with an
 * asymmetric key whose id is in the header; the public keys are served as a
 * JWKS document by accounts.
 */
export const accessToken = {
  algorithms: ['ES256'] as const,
  audience: 'vitrine',
  jwksPath: '/.well-known/jwks.json',
} as const;

/** Claims Vitrine puts in an access token (besides iss, aud, sub, exp, iat, jti). */
export interface AccessTokenClaims {
  /** Roles: customer, staff, admin. */
  roles: string[];
  /** Space-separated scopes, OAuth style: "catalog:write orders:manage". */
  scope: string;
}

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience?: string;
  /** Allowed clock skew between issuer and verifier. */
  clockToleranceSeconds?: number;
}

/** UNAVAILABLE: the keys could not be fetched, so nothing is known about the token (not the client's fault). */
export type TokenVerdict = { ok: true; caller: Caller } | { ok: false; reason: 'EXPIRED' | 'INVALID' | 'UNAVAILABLE' };

/**
 * Verifies a bearer token against the issuer's JWKS (fetched once, cached,
 * and refetched when a token names an unknown key id, so key rotation needs
 * no restart). Only the algorithms above are accepted: `alg: none` and
 * HMAC-with-the-public-key tricks fail here.
 */
export function createTokenVerifier(
  options: TokenVerifierOptions,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }),
) {
  return async (token: string): Promise<TokenVerdict> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...accessToken.algorithms],
        issuer: options.issuer,
        audience: options.audience ?? accessToken.audience,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      return { ok: true, caller: { id: payload.sub!, roles, scopes } };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      // A JWKS that times out or cannot be reached says nothing about the token itself.
      if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) return { ok: false, reason: 'UNAVAILABLE' };
      return { ok: false, reason: 'INVALID' };
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/** `Authorization: Bearer <token>` → the token, or undefined when absent. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i);
  return match?.[1];
}
