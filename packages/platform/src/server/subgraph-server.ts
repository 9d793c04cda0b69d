import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { acceptRequestId, requestIdHeader, withRequestId, currentRequestId } from '../context/request-context.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { BodyTooLarge, readBody } from './http-body.js';
import { checkReadiness, isServing, sharedWithin, type ReadinessChecks } from './readiness.js';

export interface SubgraphServerOptions<TContext extends object> {
  schema: GraphQLSchema;
  logger: Logger;
  host: string;
  port: number;
  /** `body`: the parsed JSON body of a POST (undefined for GET). */
  createContext: (req: IncomingMessage, requestId: string, body: unknown) => Promise<TContext> | TContext;
  /** What `/ready` checks (see readiness.ts for why the two parts differ). */
  readiness: ReadinessChecks;
  /** Probes within this long of a finished check share its answer (readiness.ts, sharedWithin); default 900 ms. */
  readinessShareMs?: number;
  introspection?: boolean;
  maxBodyBytes?: number;
  /** Extra plain HTTP routes by exact path. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
}

export interface RunningSubgraphServer {
  url: string;
  /** Stops taking requests and waits for the in-flight ones. */
  stop(): Promise<void>;
}

export async function startSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraphServer> {
  const { logger, maxBodyBytes = 1_000_000 } = options;
  const readiness = sharedWithin(options.readinessShareMs ?? 900, options.readiness);
  // Set on stop: a probe already in flight on a kept-alive socket hears 503 (the drain then closes the listener and idle sockets).
  let draining = false;
  const httpServer: Server = createServer();
  // The gateway keeps sockets to subgraphs open with no idle limit of its own. With Node's 5 s default, a subgraph
  // closing an idle socket raced the gateway reusing it: the request failed with "socket hang up" (a pay in the
  // bench's drop day). Idle sockets are kept well past any gap in traffic; the drain still closes them on stop.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // runMain owns the signals and stops the parts in order; Apollo's own handler, racing it, held every stop for the drain's full 10 s.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, { hideSuggestions: !(options.introspection ?? true) }),
    // Inline traces would expose resolver timings to any caller; we have our own logs. No cache hints either (no type
    // declares one, and the gateway answers `no-store`): Apollo's cache control wrapped every field's resolver to
    // collect them, a few per cent of catalog's CPU on a product listing (bench CPU profile, 2026-12-06).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = acceptRequestId(req.headers[requestIdHeader]);
    withRequestId(requestId, () => {
      res.setHeader(requestIdHeader, currentRequestId()!);
      route(req, res).catch((err) => {
        logger.error({ err, requestId: currentRequestId() }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health') return void res.writeHead(200).end('ok');
    if (url.pathname === '/ready') {
      const report = await checkReadiness(readiness, draining, (part, err) => logger.warn({ err, part }, `readiness: ${part} down`));
      // 503 is what takes this subgraph out of the gateway's routing (and a load balancer's).
      res.writeHead(isServing(report.status) ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify(report));
    }
    const extra = options.routes?.[url.pathname];
    if (extra) return extra(req, res);
    if (url.pathname !== '/graphql') return void res.writeHead(404).end('not found');

    let body: unknown;
    if (req.method === 'POST') {
      try {
        const text = await readBody(req, maxBodyBytes);
        body = text ? JSON.parse(text) : undefined;
      } catch (err) {
        const tooLarge = err instanceof BodyTooLarge;
        res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({
            errors: [{ message: tooLarge ? 'Request body is too large.' : 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
          }),
        );
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => options.createContext(req, currentRequestId()!, body),
    });
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return void res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // A drop opens hundreds of connections at once: queue them (the kernel caps it at somaxconn) rather than reset them past Node's default 511.
    httpServer.listen({ port: options.port, host: options.host, backlog: 4096 }, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    stop: () => {
      draining = true;
      return apollo.stop();
    },
  };
}
