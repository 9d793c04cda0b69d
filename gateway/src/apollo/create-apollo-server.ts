import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { QueryLimits } from '../config.js';
import type { GatewayContext } from './gateway-context.js';
import { maskErrors, unexpectedErrorMessage } from './mask-errors.js';
import { parseTokenLimit, queryCostPlugin, queryLimitRules } from './query-limits.js';
import type { SubgraphRouting } from '../routing/subgraph-routing.js';
import { subgraphDataSource } from './subgraph-data-source.js';

export interface ApolloServerOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<string, readonly string[]>>;
  /** Introspection and field suggestions; off in production. */
  readonly exposeSchema: boolean;
  readonly limits: QueryLimits;
  readonly log: Logger;
  /** Which replica of a subgraph takes the next request (readiness probes). */
  readonly routing: SubgraphRouting;
  /** Sees each operation's query plan before it runs (the query passthrough learns from it). */
  readonly didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback;
}

export function createApolloServer(options: ApolloServerOptions): ApolloServer<GatewayContext> {
  // ApolloGateway reads this in its constructor: without it, it reports anonymous usage metrics to Apollo.
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  const apolloLog = options.log.child({ component: 'apollo' });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: apolloLog,
    buildService: ({ name, url }) => subgraphDataSource(options.subgraphUrls[name]?.[0] ?? url ?? '', () => options.routing.pick(name)),
    ...(options.didResolveQueryPlan && { experimental_didResolveQueryPlan: options.didResolveQueryPlan }),
  });
  return new ApolloServer<GatewayContext>({
    gateway,
    logger: apolloLog,
    introspection: options.exposeSchema,
    includeStacktraceInErrorResponses: false,
    parseOptions: parseTokenLimit(options.limits),
    validationRules: queryLimitRules(options.limits),
    // One operation per request: a batch would multiply every per-document limit.
    allowBatchedHttpRequests: false,
    // Shutdown is ours (drain HTTP first, then stop Apollo): Apollo's own SIGTERM
    // handler would race it and re-raise the signal, which hangs cluster workers.
    stopOnTerminationSignals: false,
    formatError: maskErrors({ hideSuggestions: !options.exposeSchema }),
    plugins: [
      // Nothing leaves the machine: no usage or schema reporting, no CDN-hosted landing page
      // (GraphiQL is served locally instead).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Answers are `no-store` (send.ts): the cache policy Apollo would work out of the subgraphs' hints is never used.
      ApolloServerPluginCacheControlDisabled(),
      queryCostPlugin(options.limits),
      logErrorsPlugin,
      requestIdOnUnexpectedErrors,
    ],
  });
}

// Clients get no stack traces, so the logs must have them.
const logErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          contextValue.log.warn({ err: error.originalError ?? error, operationName, path: error.path }, error.message);
        }
      },
    };
  },
};

// The reference an unexpected error quotes is the request id, which the logs of the gateway and every subgraph carry.
const requestIdOnUnexpectedErrors: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors) return;
        response.body.singleResult.errors = errors.map((error) =>
          error.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' && !error.extensions['requestId']
            ? { ...error, message: unexpectedErrorMessage, extensions: { ...error.extensions, requestId: contextValue?.requestId } }
            : error,
        );
      },
    };
  },
};
