import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import { createTokenVerifier, presentedToken, refusalMessage, type TokenVerifier } from '@vitrine/platform/auth';
import { subgraphLocations, type HiveGatewaySettings } from './settings.js';

/**
 * Hive Gateway (graphql-hive/gateway, MIT) set up as our gateway is where the bench's reads touch it: the committed
 * supergraph, the `authorization` header verified with the same platform verifier (and its per-token cache) and
 * forwarded unchanged to every subgraph, introspection off (production), no response cache and no merging of identical
 * in-flight requests, no usage reporting (none is configured), no GraphiQL. What it lacks of ours (trusted documents, query limits, readiness routing, replicas,
 * client address forwarding) is listed in gateway/README.md: this exists to be measured, not served.
 */
export async function createHiveGatewayServer(settings: HiveGatewaySettings, env: NodeJS.ProcessEnv = process.env): Promise<Server> {
  const supergraph = await readFile(settings.supergraphPath, 'utf8');
  const locations = subgraphLocations(supergraph, env);
  const gateway = createGatewayRuntime({
    supergraph,
    transports: { http: httpTransport },
    // Its HTTP transport merges identical in-flight subgraph queries by default. The bench's connections all send one
    // identical request, so that would answer most of them from another's fetch: a shared response our gateway does
    // not have, and which real traffic (each customer their own token and order) rarely gets. Off, to compare gateways.
    transportEntries: Object.fromEntries(
      Object.entries(locations).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false } }]),
    ),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return authorization ? { authorization } : {};
      },
    },
    disableIntrospection: {},
    graphiql: false,
    landingPage: false,
    logging: 'warn',
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
  });
  const verify = createTokenVerifier(settings.auth);
  const server = createServer((req, res) => {
    void refusal(verify, req.headers.authorization).then(
      (refused) => (refused ? sendRefusal(res, refused) : gateway(req, res)),
      () => sendRefusal(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }),
    );
  });
  server.on('close', () => void gateway.dispose());
  return server;
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** As our gateway: no header is anonymous; any other header must be a valid bearer token, checked before the body is read. */
async function refusal(verify: TokenVerifier, header: string | undefined): Promise<Refusal | undefined> {
  const presented = presentedToken(header);
  if (presented.kind === 'anonymous') return undefined;
  if (presented.kind === 'malformed') return { status: 401, code: 'UNAUTHENTICATED', message: refusalMessage('INVALID') };
  const verdict = await verify(presented.token);
  if (verdict.ok) return undefined;
  return verdict.reason === 'UNAVAILABLE'
    ? { status: 503, code: 'SERVICE_UNAVAILABLE', message: refusalMessage(verdict.reason) }
    : { status: 401, code: 'UNAUTHENTICATED', message: refusalMessage(verdict.reason) };
}

function sendRefusal(res: ServerResponse, { status, code, message }: Refusal): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
