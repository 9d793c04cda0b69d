import { z } from 'zod';

/** The web server's settings, from the environment; a bad value stops it naming the variable. */
const schema = z.object({
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Cookies marked Secure (HTTPS only): on in production, where the site is served over TLS. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  WEB_OIDC_PROVIDERS: z.string().optional(),
});

/** An issuer is https, or plain http on this machine only (a local test provider). */
const issuerUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
}, 'must be https (http only for localhost)');

/** The external identity providers offered on the sign-in pages: the same names accounts' OIDC_PROVIDERS trusts. */
const oidcProvidersSchema = z
  .array(
    z.strictObject({
      /** What accounts knows the provider as (`loginWithExternalIdentity(provider: …)`), and the path /auth/<name>. */
      name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens'),
      /** Shown on the button: "Sign in with <label>". */
      label: z.string().trim().min(1).max(40),
      issuer: issuerUrl,
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
    }),
  )
  .refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'each provider name once');

export type OidcProviderSettings = z.infer<typeof oidcProvidersSchema>[number];

export interface WebConfig {
  gatewayUrl: string;
  host: string;
  port: number;
  secureCookies: boolean;
  oidcProviders: OidcProviderSettings[];
}

export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(nonEmpty);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid web settings: ${problems}`);
  }
  const c = parsed.data;
  return {
    gatewayUrl: c.GATEWAY_URL,
    host: c.HOST,
    port: c.PORT,
    secureCookies: c.SECURE_COOKIES ? c.SECURE_COOKIES === 'true' : c.NODE_ENV === 'production',
    oidcProviders: parseOidcProviders(c.WEB_OIDC_PROVIDERS),
  };
}

function parseOidcProviders(raw: string | undefined): OidcProviderSettings[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('invalid web settings: WEB_OIDC_PROVIDERS: not JSON');
  }
  const parsed = oidcProvidersSchema.safeParse(json);
  if (!parsed.success) {
    // Names the entry and its field, never a value (a client secret must not reach the logs).
    const problems = parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ');
    throw new Error(`invalid web settings: WEB_OIDC_PROVIDERS: ${problems}`);
  }
  return parsed.data;
}
