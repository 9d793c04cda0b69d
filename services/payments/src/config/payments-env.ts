import { z } from 'zod';
import { ConfigError, loadConfig } from '@vitrine/platform';
import { parseReturnOrigins } from '../domain/return-address.js';

/** Local-only secrets, so `npm start` runs with nothing to set up; refused in production. */
export const localDefaults = {
  SANDBOX_WEBHOOK_SECRET: `whsec_${Buffer.from('vitrine-local-sandbox-webhook-secret').toString('base64')}`,
  PAYMENTS_PAY_LINK_SECRET: 'vitrine-local-pay-link-secret-not-for-production',
} as const;

const whsec = z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'expected a Standard Webhooks secret: whsec_ followed by base64');

/** Settings only payments reads, on top of the platform's serviceEnv. */
export const paymentsEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Who holds the money: the built-in sandbox (default) or Stripe. */
  PAYMENTS_PROVIDER: z.enum(['sandbox', 'stripe']).default('sandbox'),
  /** A provider call without an answer after this is treated as "maybe done": the intent waits as PROCESSING and is re-checked. */
  PAYMENTS_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** How long `pay` waits for an order's PaymentDue (it may be a few ms behind the order) before NOT_FOUND. */
  PAYMENTS_DUE_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(3_000),
  /** A PROCESSING intent is re-checked with the provider this long after it started (then with backoff). */
  PAYMENTS_RECHECK_AFTER_MS: z.coerce.number().int().min(100).max(86_400_000).default(30_000),
  /** Signs pay-now links (HMAC-SHA256); at least 32 characters. */
  PAYMENTS_PAY_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** How long a pay-now link stays valid. */
  PAYMENTS_PAY_LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Where customers reach payments' pages (the pay-now link's origin); default: where the service listens. */
  PAYMENTS_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Origins (comma separated) the pay-now page may link back to ("Back to the store"); any other return address is
   * refused. Default: the storefront as `npm start` and docker compose serve it.
   */
  PAYMENTS_RETURN_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((list, ctx) => {
      try {
        return parseReturnOrigins(list);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `expected comma-separated origins: ${(err as Error).message}` });
        return z.NEVER;
      }
    }),
  /** Standard Webhooks secret the sandbox signs its webhooks with. */
  SANDBOX_WEBHOOK_SECRET: whsec.optional(),
  /** Where the sandbox POSTs its webhooks; default: this service's own /webhooks/sandbox. */
  SANDBOX_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  SANDBOX_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** How long a `sandbox_processing` payment stays PROCESSING before it succeeds. */
  SANDBOX_PROCESSING_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
  /** How long the sandbox keeps an authorisation (store clock) before a capture is refused: Stripe's card holds last 7 days. */
  SANDBOX_HOLD_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  /** Fault settings at start (staff can change them later with setSandboxFaults): added latency, and 500s for this long. */
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SANDBOX_FAIL_FOR_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'expected a Stripe secret key (sk_test_... or sk_live_...)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9]+$/, 'expected a Stripe webhook signing secret (whsec_...)')
    .optional(),
  /** Another Stripe API base, e.g. stripe-mock at http://127.0.0.1:12111 (tests). */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
};

type Parsed = z.infer<z.ZodObject<typeof paymentsEnv>>;
export type PaymentsSettings = Omit<Parsed, 'PAYMENTS_PAY_LINK_SECRET' | 'SANDBOX_WEBHOOK_SECRET'> & {
  PAYMENTS_PAY_LINK_SECRET: string;
  SANDBOX_WEBHOOK_SECRET: string;
};

/**
 * Parses payments' settings at start, naming every bad variable. Outside
 * production the secrets have local defaults, so the sandbox runs with
 * nothing set; in production they must be given, and Stripe needs its keys.
 */
export function loadPaymentsSettings(environment: Record<string, string | undefined>): PaymentsSettings {
  const settings = loadConfig(paymentsEnv, environment);
  const production = settings.NODE_ENV === 'production';
  const problems: string[] = [];
  const secret = <K extends 'PAYMENTS_PAY_LINK_SECRET' | 'SANDBOX_WEBHOOK_SECRET'>(name: K): string => {
    const value = settings[name];
    if (value !== undefined) {
      if (production && value === localDefaults[name]) problems.push(`${name}: the local default cannot be used in production`);
      return value;
    }
    if (production) problems.push(`${name}: missing (required in production)`);
    return localDefaults[name];
  };
  const payLinkSecret = secret('PAYMENTS_PAY_LINK_SECRET');
  const sandboxSecret =
    settings.PAYMENTS_PROVIDER === 'sandbox' ? secret('SANDBOX_WEBHOOK_SECRET') : (settings.SANDBOX_WEBHOOK_SECRET ?? localDefaults.SANDBOX_WEBHOOK_SECRET);
  if (settings.PAYMENTS_PROVIDER === 'stripe') {
    if (!settings.STRIPE_SECRET_KEY) problems.push('STRIPE_SECRET_KEY: missing (required when PAYMENTS_PROVIDER=stripe)');
    if (!settings.STRIPE_WEBHOOK_SECRET) problems.push('STRIPE_WEBHOOK_SECRET: missing (required when PAYMENTS_PROVIDER=stripe)');
    if (!production && settings.STRIPE_SECRET_KEY?.includes('_live_')) problems.push('STRIPE_SECRET_KEY: a live key outside production; use a test key');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...settings, PAYMENTS_PAY_LINK_SECRET: payLinkSecret, SANDBOX_WEBHOOK_SECRET: sandboxSecret };
}
