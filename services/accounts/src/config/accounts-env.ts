import { z } from 'zod';
import { ConfigError, loadConfig } from '@vitrine/platform';
import { oidcProvidersVariable } from './oidc-providers.js';

/** Settings only accounts reads, on top of the platform's serviceEnv. */
export const accountsEnv = {
  /** `iss` of the tokens; verifiers' AUTH_ISSUER must say the same. */
  ACCOUNTS_ISSUER: z.string().min(1).default('vitrine-accounts'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * 24 * 3600),
  /** How long past a key's retirement (beyond one access-token lifetime) the JWKS keeps listing it: clock skew and JWKS caches. */
  KEY_RETIREMENT_MARGIN_SECONDS: z.coerce.number().int().min(0).default(300),
  /**
   * How long a rotated-in key is published in the JWKS before it signs
   * (staged rotation). Must cover the longest a verifier keeps a JWKS: the
   * platform's verifier (createRemoteJWKSet) holds one up to 600 s
   * (cacheMaxAge) and refetches for an unknown kid at most every 30 s
   * (cooldownDuration): 600 + 30 + 30 s margin (clock skew, fetch time) = 660.
   * 0 signs with the new key at once (verifiers may refuse its tokens briefly).
   */
  KEY_PUBLISH_LEAD_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(660),
  /** Both or neither: creates this admin at start when no account has the email. */
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
  BOOTSTRAP_ADMIN_COUNTRY: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')
    .default('US'),
  /** External identity providers (OIDC), JSON; none by default. See config/oidc-providers.ts. */
  OIDC_PROVIDERS: oidcProvidersVariable,
};

export type AccountsSettings = z.infer<z.ZodObject<typeof accountsEnv>>;

/** Parses and cross-checks the accounts settings, naming every bad variable (fail fast at start). */
export function loadAccountsSettings(environment: Record<string, string | undefined>): AccountsSettings {
  const settings = loadConfig(accountsEnv, environment);
  const hasEmail = settings.BOOTSTRAP_ADMIN_EMAIL !== undefined;
  const hasPassword = settings.BOOTSTRAP_ADMIN_PASSWORD !== undefined;
  if (hasEmail !== hasPassword) {
    const missing = hasEmail ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL';
    throw new ConfigError([`${missing}: missing (BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD go together)`]);
  }
  return settings;
}
