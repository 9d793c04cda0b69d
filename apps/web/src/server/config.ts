import { z } from 'zod';

/** The web server's settings, from the environment; a bad value stops it naming the variable. */
const schema = z.object({
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Cookies marked Secure (HTTPS only): on in production, where the site is served over TLS. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

export interface WebConfig {
  gatewayUrl: string;
  host: string;
  port: number;
  secureCookies: boolean;
}

export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(nonEmpty);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid web settings: ${problems}`);
  }
  const c = parsed.data;
  return { gatewayUrl: c.GATEWAY_URL, host: c.HOST, port: c.PORT, secureCookies: c.SECURE_COOKIES ? c.SECURE_COOKIES === 'true' : c.NODE_ENV === 'production' };
}
