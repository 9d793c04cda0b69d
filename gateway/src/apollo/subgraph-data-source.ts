import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context.js';

/**
 * A subgraph fetcher that forwards the caller's identity and the request id, so
 * subgraphs verify the same token and their logs join the gateway's.
 */
export function subgraphDataSource(url: string): RemoteGraphQLDataSource<GatewayContext> {
  return new RemoteGraphQLDataSource<GatewayContext>({
    url,
    willSendRequest({ request, context }) {
      // Gateway-internal fetches (health checks, schema loading) carry no caller context.
      const { requestId, authorization } = context as Partial<GatewayContext>;
      if (requestId) request.http?.headers.set('x-request-id', requestId);
      if (authorization) request.http?.headers.set('authorization', authorization);
    },
  });
}
