import { z } from 'zod';

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** One external identity provider (Google/Facebook style OIDC) customers may sign in with. */
const providerSchema = z.object({
  /** What clients pass as `provider` to loginWithExternalIdentity, and what external_identity.provider stores. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes, at most 32'),
  /** Exactly as the provider's discovery document and ID tokens spell it. https, except on this machine. */
  issuer: z.url().refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && localHosts.has(url.hostname));
  }, 'must be an https URL (http only for localhost)'),
  /** Our client id at the provider: the `aud` its ID tokens for us carry. */
  clientId: z.string().min(1),
  /** Used by the storefront for the code exchange; accounts verifies ID tokens with the provider's public keys and never needs it. */
  clientSecret: z.string().min(1).optional(),
});

export type OidcProviderSettings = z.infer<typeof providerSchema>;

const providersSchema = z.array(providerSchema).refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'provider names must be unique');

/**
 * `OIDC_PROVIDERS` as JSON: `[{ "name": "google", "issuer": "https://accounts.google.com", "clientId": "...", "clientSecret": "..." }]`.
 * Every problem is reported against the variable itself (with the path inside it), so a
 * misconfigured service stops at start naming OIDC_PROVIDERS.
 */
export const oidcProvidersVariable = z
  .string()
  .default('[]')
  .transform((raw, ctx): OidcProviderSettings[] => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON (expected an array of { name, issuer, clientId, clientSecret })' });
      return z.NEVER;
    }
    const parsed = providersSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const where = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
      ctx.addIssue({ code: 'custom', message: `${where ? `${where.replace(/^\./, '')} ` : ''}${issue.message}` });
    }
    return z.NEVER;
  });
