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
  /**
   * Tokens verified here are remembered, so the same token on the next
   * request costs a map lookup instead of an ES256 check: until it expires,
   * at most `maxAgeMs` (a key withdrawn from the JWKS stops a remembered token
   * within that time), `maxEntries` at a time (the oldest forgotten first).
   * `false` verifies every time.
   */
  cache?: { maxEntries: number; maxAgeMs: number } | false;
}

const defaultCache = { maxEntries: 10_000, maxAgeMs: 60_000 };

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
  const cache = options.cache === false ? undefined : (options.cache ?? defaultCache);
  const tolerance = options.clockToleranceSeconds ?? 5;
  const verified = new Map<string, { caller: Caller; until: number }>();
  return async (token: string): Promise<TokenVerdict> => {
    const known = verified.get(token);
    if (known) {
      if (known.until > Date.now()) return { ok: true, caller: { ...known.caller, roles: [...known.caller.roles], scopes: [...known.caller.scopes] } };
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...accessToken.algorithms],
        issuer: options.issuer,
        audience: options.audience ?? accessToken.audience,
        clockTolerance: tolerance,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      const caller: Caller = { id: payload.sub!, roles, scopes };
      if (cache) {
        if (verified.size >= cache.maxEntries) verified.delete(verified.keys().next().value!);
        verified.set(token, { caller, until: Math.min((payload.exp! + tolerance) * 1000, Date.now() + cache.maxAgeMs) });
      }
      return { ok: true, caller: { ...caller, roles: [...roles], scopes: [...scopes] } };
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
