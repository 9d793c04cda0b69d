import { loadConfig } from '@vitrine/platform';
import { z } from 'zod';

/** Settings only notifications reads, on top of the platform's serviceEnv. */
export const notificationsEnv = {
  /** The SMTP server: `smtp://[user:password@]host:port` (STARTTLS when offered) or `smtps://` (TLS from the start). `npm start` runs a local catcher. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'expected smtp://host:port or smtps://host:port')
    .default('smtp://127.0.0.1:1025'),
  /** The From header of every message. */
  MAIL_FROM: z.string().min(3).max(200).default('Vitrine <no-reply@vitrine.local>'),
  /** Links in messages point here (order pages, pay-now, accounts' reset and verification links): the storefront (apps/web, :3000 under npm start). */
  STOREFRONT_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
  /** Bounds one SMTP conversation (connect, greeting, each command). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** A message that could not be sent is tried again after EMAIL_RETRY_BASE_MS, doubling up to EMAIL_RETRY_MAX_MS, EMAIL_MAX_ATTEMPTS tries in all. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  EMAIL_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(55),
  /** Partner webhooks: tried again after WEBHOOK_RETRY_BASE_MS, doubling up to WEBHOOK_RETRY_MAX_MS, WEBHOOK_MAX_ATTEMPTS tries (over three days by default), then the endpoint is disabled. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(85),
  /** Bounds one webhook request (connect to last byte of the answer). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Webhook deliveries in flight at once (each holds a database connection while
   * it waits for the partner's answer, added to the worker pool). One subject's
   * events still go to a partner one after another, in order.
   */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Lets partners register http:// endpoints (local stack and tests); production wants https only. */
  WEBHOOK_ALLOW_PLAIN_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
};

export type NotificationsSettings = ReturnType<typeof loadNotificationsSettings>;

export function loadNotificationsSettings(environment: Record<string, string | undefined>) {
  const settings = loadConfig(notificationsEnv, environment);
  return { ...settings, STOREFRONT_URL: settings.STOREFRONT_URL.replace(/\/+$/, '') };
}
