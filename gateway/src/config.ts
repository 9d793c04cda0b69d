import { z } from 'zod';
import { defaultSupergraphPath } from './paths.js';
import { subgraphs, type SubgraphDefinition } from './subgraphs.js';

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly workers: number;
  readonly supergraphPath: string;
  /** Subgraph name -> URL the gateway sends its fetches to (the supergraph's URL unless overridden). */
  readonly subgraphUrls: Readonly<Record<string, string>>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `catalog` -> `SUBGRAPH_CATALOG_URL`, `after-sales` -> `SUBGRAPH_AFTER_SALES_URL`. */
export function subgraphUrlVariable(subgraph: string): string {
  return `SUBGRAPH_${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

function envSchema(definitions: readonly SubgraphDefinition[]) {
  const subgraphUrlFields = Object.fromEntries(
    definitions.map((s) => [subgraphUrlVariable(s.name), httpUrl.default(s.url)]),
  );
  return z.object({
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).default(1),
    SUPERGRAPH_PATH: z.string().default(defaultSupergraphPath),
    ...subgraphUrlFields,
  });
}

/** Parses the environment once at startup; throws a ConfigError naming every bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  definitions: readonly SubgraphDefinition[] = subgraphs,
): GatewayConfig {
  // `PORT=` in a shell or compose file means "unset", not zero.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema(definitions).safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid gateway environment:\n${problems.join('\n')}`);
  }
  const values = parsed.data as Record<string, unknown> & z.infer<ReturnType<typeof envSchema>>;
  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    nodeEnv: values.NODE_ENV,
    workers: values.GATEWAY_WORKERS,
    supergraphPath: values.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(
      definitions.map((s) => [s.name, String(values[subgraphUrlVariable(s.name)])]),
    ),
  };
}
