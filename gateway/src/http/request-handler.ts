import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalMessage } from '@vitrine/platform/auth';
import { requestIdFrom } from '@vitrine/platform/http';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate.js';
import { graphiqlContentSecurityPolicy, graphiqlHtml } from '../graphiql/graphiql-page.js';
import type { StaticAsset } from '../graphiql/graphiql-assets.js';
import { clientAddressOf } from './client-address.js';
import { handleGraphqlRequest, type GraphqlHandlerDeps } from './graphql-handler.js';
import { findSubgraphOutages } from './readiness.js';
import { sendBody, sendGraphqlError, sendJson } from './send.js';

export interface RequestHandlerDeps {
  readonly graphql: GraphqlHandlerDeps;
  readonly authenticate: Authenticator;
  readonly trustProxyHops: number;
  readonly subgraphUrls: Readonly<Record<string, readonly string[]>>;
  /** Absent when GraphiQL is off (production): its page and files answer 404. */
  readonly graphiqlAssets: ReadonlyMap<string, StaticAsset> | undefined;
  readonly log: Logger;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  readonly isDraining: () => boolean;
  /** Which subgraphs the gateway routes to now (readiness probes), shown on `/ready`. */
  readonly routing: () => Record<string, unknown>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

// Probes would drown the request log at info level.
const quietPaths = new Set(['/health', '/ready']);

export function createRequestHandler(deps: RequestHandlerDeps): Handler {
  return async (req, res) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const log = deps.log.child({ requestId });
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    res.setHeader('x-request-id', requestId);
    if (deps.isDraining()) res.setHeader('connection', 'close');
    res.on('finish', () => {
      const level = quietPaths.has(url.pathname) ? 'debug' : 'info';
      const ms = Math.round(performance.now() - started);
      log[level]({ method: req.method, path: url.pathname, status: res.statusCode, ms }, 'request completed');
    });

    try {
      await route(deps, req, res, url, requestId, log);
    } catch (error) {
      // A client that hung up mid-request (closed tab, lost mobile signal) is not a server fault.
      if (req.destroyed && !res.headersSent) {
        log.info({ reason: (error as Error).message }, 'client went away before the response');
        return;
      }
      // Details go to the log only: clients never see internals or stack traces.
      log.error({ err: error }, 'unhandled error while serving request');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    }
  };
}

async function route(deps: RequestHandlerDeps, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: Logger): Promise<void> {
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  const path = url.pathname;
  const graphiql = deps.graphiqlAssets;

  if (path === '/health' && isRead) return sendJson(res, 200, { status: 'alive' });
  if (path === '/ready' && isRead) return sendReadiness(deps, res);
  if (graphiql && isRead && (path === '/' || (path === '/graphql' && wantsHtml(req)))) return sendGraphiql(req, res);
  if (graphiql && isRead && path.startsWith('/graphiql/')) return sendGraphiqlAsset(graphiql, req, res, path.slice('/graphiql/'.length));
  if (path === '/graphql') return serveGraphql(deps, req, res, url, requestId, log);
  sendJson(res, 404, { error: 'not found' });
}

/** Authenticates the caller, then lets the GraphQL handler run the operation. */
async function serveGraphql(deps: RequestHandlerDeps, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: Logger): Promise<void> {
  const auth = await deps.authenticate(req.headers.authorization);
  if (!auth.ok && auth.reason === 'UNAVAILABLE') {
    log.info({ reason: auth.reason }, 'access token refused');
    // The keys could not be fetched: a 503 tells clients to retry, not to sign the customer out.
    return sendGraphqlError(res, 503, 'SERVICE_UNAVAILABLE', refusalMessage(auth.reason), { 'retry-after': '5' });
  }
  // Every later line of this request (Apollo's and "request completed") names the caller.
  log.setBindings({ callerId: auth.ok ? auth.callerId : null });
  return handleGraphqlRequest(deps.graphql, req, res, url, {
    requestId,
    authorization: auth.ok ? auth.authorization : undefined,
    clientAddress: clientAddressOf(req, deps.trustProxyHops),
    log,
    // A bad token is refused (401) once the body shows the operation is not a sign-in or session renewal.
    ...(!auth.ok && {
      refuseToken: () => {
        // The reason, never the token: logs must not hold credentials.
        log.info({ reason: auth.reason }, 'access token refused');
        sendGraphqlError(res, 401, 'UNAUTHENTICATED', refusalMessage(auth.reason), { 'www-authenticate': 'Bearer error="invalid_token"' });
      },
    }),
  });
}

async function sendReadiness(deps: RequestHandlerDeps, res: ServerResponse): Promise<void> {
  if (deps.isDraining()) return sendJson(res, 503, { status: 'draining' });
  // The server only listens once the supergraph is loaded, so subgraphs are what is left to check.
  const down = await findSubgraphOutages(deps.subgraphUrls);
  if (down.length > 0) return sendJson(res, 503, { status: 'unavailable', down, routing: deps.routing() });
  sendJson(res, 200, { status: 'ready', routing: deps.routing() });
}

function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function sendGraphiql(req: IncomingMessage, res: ServerResponse): void {
  sendBody(
    res,
    200,
    graphiqlHtml,
    {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': graphiqlContentSecurityPolicy,
      'cache-control': 'no-cache',
    },
    req.method,
  );
}

function sendGraphiqlAsset(assets: ReadonlyMap<string, StaticAsset>, req: IncomingMessage, res: ServerResponse, name: string): void {
  const asset = assets.get(name);
  if (!asset) return sendJson(res, 404, { error: 'not found' });
  sendBody(
    res,
    200,
    asset.body,
    {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
    req.method,
  );
}
