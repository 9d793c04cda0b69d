import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context.js';

/**
 * A subgraph fetcher that forwards the caller's token, address and the request
 * id, so subgraphs verify the same token, rate-limit or audit the real client,
 * and their logs join the gateway's. Nothing else from the client is passed on.
 */
export function subgraphDataSource(url: string): RemoteGraphQLDataSource<GatewayContext> {
  return new RemoteGraphQLDataSource<GatewayContext>({
    url,
    willSendRequest({ request, context }) {
      // Gateway-internal fetches (health checks, schema loading) carry no caller context.
      const { requestId, authorization, clientAddress } = context as Partial<GatewayContext>;
      if (requestId) request.http?.headers.set('x-request-id', requestId);
      if (authorization) request.http?.headers.set('authorization', authorization);
      // One entry, set by us: whatever the client claimed was weighed in clientAddressOf.
      if (clientAddress) request.http?.headers.set('x-forwarded-for', clientAddress);
    },
  });
}
