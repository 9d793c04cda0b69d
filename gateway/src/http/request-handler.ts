import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../apollo/gateway-context.js';
import { graphiqlContentSecurityPolicy, graphiqlHtml } from '../graphiql/graphiql-page.js';
import type { StaticAsset } from '../graphiql/graphiql-assets.js';
import { handleGraphqlRequest } from './graphql-handler.js';
import { findSubgraphOutages } from './readiness.js';
import { requestIdFrom } from './request-id.js';
import { sendBody, sendJson } from './send.js';

export interface RequestHandlerDeps {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly graphiqlAssets: ReadonlyMap<string, StaticAsset>;
  readonly log: Logger;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  readonly isDraining: () => boolean;
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
      await route(deps, req, res, url, { requestId, authorization: req.headers.authorization, log });
    } catch (error) {
      // Details go to the log only: clients never see internals or stack traces.
      log.error({ err: error }, 'unhandled error while serving request');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    }
  };
}

async function route(
  deps: RequestHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: GatewayContext,
): Promise<void> {
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  const path = url.pathname;

  if (path === '/health' && isRead) return sendJson(res, 200, { status: 'alive' });
  if (path === '/ready' && isRead) return sendReadiness(deps, res);
  if (isRead && (path === '/' || (path === '/graphql' && wantsHtml(req)))) return sendGraphiql(req, res);
  if (path.startsWith('/graphiql/') && isRead) return sendGraphiqlAsset(deps, req, res, path.slice('/graphiql/'.length));
  if (path === '/graphql') return handleGraphqlRequest(deps.apollo, req, res, url, context);
  sendJson(res, 404, { error: 'not found' });
}

async function sendReadiness(deps: RequestHandlerDeps, res: ServerResponse): Promise<void> {
  if (deps.isDraining()) return sendJson(res, 503, { status: 'draining' });
  // The server only listens once the supergraph is loaded, so subgraphs are what is left to check.
  const down = await findSubgraphOutages(deps.subgraphUrls);
  if (down.length > 0) return sendJson(res, 503, { status: 'unavailable', down });
  sendJson(res, 200, { status: 'ready' });
}

function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function sendGraphiql(req: IncomingMessage, res: ServerResponse): void {
  sendBody(res, 200, graphiqlHtml, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': graphiqlContentSecurityPolicy,
    'cache-control': 'no-cache',
  }, req.method);
}

function sendGraphiqlAsset(deps: RequestHandlerDeps, req: IncomingMessage, res: ServerResponse, name: string): void {
  const asset = deps.graphiqlAssets.get(name);
  if (!asset) return sendJson(res, 404, { error: 'not found' });
  sendBody(res, 200, asset.body, {
    'content-type': asset.contentType,
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  }, req.method);
}
