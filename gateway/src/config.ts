import { ConfigError, loadConfig as parseEnv } from '@vitrine/platform/config';
import { z } from 'zod';
import { defaultSupergraphPath } from './paths.js';
import { subgraphs, subgraphUrlVariable, type SubgraphDefinition } from './subgraphs.js';

/** Limits checked on every GraphQL document before it is planned or executed. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: number;
}

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly workers: number;
  readonly supergraphPath: string;
  /**
   * Subgraph name -> the URLs of its replicas, which the gateway spreads fetches over (the supergraph's URL
   * unless overridden; `SUBGRAPH_<NAME>_URL` takes a comma list).
   */
  readonly subgraphUrls: Readonly<Record<string, readonly string[]>>;
  /** Between readiness probes of each subgraph (`/ready`); 0 routes to every subgraph without probing. */
  readonly readinessProbeMs: number;
  /** Where access tokens are verified: accounts' JWKS and the issuer it signs as. */
  readonly auth: { readonly jwksUrl: string; readonly issuer: string };
  /** Proxies in front of the gateway whose x-forwarded-for entry is believed (0: only the socket peer). */
  readonly trustProxyHops: number;
  readonly limits: QueryLimits;
  /** Serve GraphiQL at / and /graphql (browsers). Off in production unless GRAPHIQL=on. */
  readonly graphiql: boolean;
  /** Introspection and "Did you mean ..." suggestions: schema details kept from production clients. */
  readonly exposeSchema: boolean;
  /**
   * Queries one subgraph answers whole are forwarded to it as the client sent them, once Apollo has planned them
   * (passthrough/query-passthrough.ts). On unless QUERY_PASSTHROUGH=off.
   */
  readonly queryPassthrough: boolean;
  readonly trustedDocuments: {
    /** JSON manifest `{ "<sha256 hex>": "<document>" }`; absent means no registered documents. */
    readonly manifestPath: string | undefined;
    /** Client names that may only send registered documents; `*` means every client. */
    readonly requiredFor: readonly string[];
  };
}

export { ConfigError };

export { subgraphUrlVariable };

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** One URL, or a comma list of a subgraph's replicas. */
const replicaUrls = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const urls = value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean);
      if (urls.length === 0 || urls.some((url) => !httpUrl.safeParse(url).success)) {
        ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL, or a comma list of them' });
        return z.NEVER;
      }
      return urls;
    });
const limit = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const onOff = z.enum(['on', 'off']);
const clientList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );

const fixedShape = {
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).default(1),
  SUPERGRAPH_PATH: z.string().default(defaultSupergraphPath),
  // The accounts subgraph of the local stack.
  AUTH_JWKS_URL: httpUrl.default('http://127.0.0.1:4003/.well-known/jwks.json'),
  AUTH_ISSUER: z.string().min(1).default('vitrine-accounts'),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  SUBGRAPH_READINESS_PROBE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MAX_BODY_BYTES: limit(1024 * 1024),
  MAX_QUERY_DEPTH: limit(12),
  MAX_QUERY_COST: limit(5000),
  MAX_QUERY_ALIASES: limit(15),
  MAX_QUERY_TOKENS: limit(2000),
  MAX_QUERY_DIRECTIVES: limit(10),
  GRAPHIQL: onOff.optional(),
  QUERY_PASSTHROUGH: onOff.default('on'),
  TRUSTED_DOCUMENTS_PATH: z.string().optional(),
  TRUSTED_DOCUMENTS_REQUIRED_FOR: clientList,
};

/** Parses the environment once at startup; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, definitions: readonly SubgraphDefinition[] = subgraphs): GatewayConfig {
  const subgraphUrlFields = Object.fromEntries(definitions.map((s) => [subgraphUrlVariable(s.name), replicaUrls(s.url)]));
  // Platform's loader drops empty variables (`PORT=` means unset, not zero) and names every bad one.
  const values = parseEnv({ ...fixedShape, ...subgraphUrlFields }, env) as z.infer<z.ZodObject<typeof fixedShape>> & Record<string, unknown>;
  // Checked once every variable parses, as a zod refinement would be.
  if (values.TRUSTED_DOCUMENTS_REQUIRED_FOR.length > 0 && values.TRUSTED_DOCUMENTS_PATH === undefined) {
    // Requiring registered documents with none registered would lock those clients out entirely.
    throw new ConfigError(['TRUSTED_DOCUMENTS_PATH: required when TRUSTED_DOCUMENTS_REQUIRED_FOR names clients']);
  }
  const production = values.NODE_ENV === 'production';
  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    nodeEnv: values.NODE_ENV,
    workers: values.GATEWAY_WORKERS,
    supergraphPath: values.SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(definitions.map((s) => [s.name, values[subgraphUrlVariable(s.name)] as string[]])),
    readinessProbeMs: values.SUBGRAPH_READINESS_PROBE_MS,
    auth: { jwksUrl: values.AUTH_JWKS_URL, issuer: values.AUTH_ISSUER },
    trustProxyHops: values.TRUST_PROXY_HOPS,
    limits: {
      maxDepth: values.MAX_QUERY_DEPTH,
      maxCost: values.MAX_QUERY_COST,
      maxAliases: values.MAX_QUERY_ALIASES,
      maxTokens: values.MAX_QUERY_TOKENS,
      maxDirectives: values.MAX_QUERY_DIRECTIVES,
      maxBodyBytes: values.MAX_BODY_BYTES,
    },
    graphiql: values.GRAPHIQL === undefined ? !production : values.GRAPHIQL === 'on',
    exposeSchema: !production,
    queryPassthrough: values.QUERY_PASSTHROUGH === 'on',
    trustedDocuments: {
      manifestPath: values.TRUSTED_DOCUMENTS_PATH,
      requiredFor: values.TRUSTED_DOCUMENTS_REQUIRED_FOR,
    },
  };
}
