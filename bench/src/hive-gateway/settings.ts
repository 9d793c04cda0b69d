// What the bench's Hive Gateway reads from its environment: the same variables as our gateway (gateway/README.md),
// so the bench starts both alike. Deliberately free of @vitrine/gateway: importing it would load Apollo Server into
// the process being measured against it.

export interface HiveGatewaySettings {
  host: string;
  port: number;
  /** Processes sharing the port (node:cluster), as `GATEWAY_WORKERS` for ours. */
  workers: number;
  supergraphPath: string;
  auth: { jwksUrl: string; issuer: string };
}

export class HiveSettingsError extends Error {
  override name = 'HiveSettingsError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new HiveSettingsError(`${name}=${raw}: expected an integer between ${min} and ${max}`);
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new HiveSettingsError(`${name} is required`);
  return value;
}

export function loadHiveGatewaySettings(env: NodeJS.ProcessEnv = process.env): HiveGatewaySettings {
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4100, 0, 65_535),
    workers: integer(env, 'GATEWAY_WORKERS', 1, 1, 64),
    supergraphPath: required(env, 'SUPERGRAPH_PATH'),
    // Our gateway's defaults (gateway/src/config.ts), so a token it accepts is accepted here.
    auth: { jwksUrl: required(env, 'AUTH_JWKS_URL'), issuer: env.AUTH_ISSUER || 'vitrine-accounts' },
  };
}

/** Our gateway's variable for a subgraph's URL (gateway/src/config.ts `subgraphUrlVariable`). */
export const subgraphUrlVariable = (subgraph: string) => `SUBGRAPH_${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;

/**
 * Where each subgraph of the supergraph is reached: `SUBGRAPH_<NAME>_URL` when set, else the URL composed into the
 * SDL. Keyed by the `@join__graph(name:)` Hive Gateway names its transport entries by. One URL per subgraph: Hive
 * Gateway has no replica list, so a comma list (our gateway's replicas) is refused rather than half-used.
 */
export function subgraphLocations(supergraphSdl: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const locations: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g)) {
    const [, name, composedUrl] = match as unknown as [string, string, string];
    const variable = subgraphUrlVariable(name);
    const configured = env[variable];
    if (configured?.includes(',')) throw new HiveSettingsError(`${variable}=${configured}: the Hive Gateway of the bench takes one URL per subgraph`);
    locations[name] = configured || composedUrl;
  }
  if (Object.keys(locations).length === 0) throw new HiveSettingsError('SUPERGRAPH_PATH: no @join__graph in the supergraph');
  return locations;
}
