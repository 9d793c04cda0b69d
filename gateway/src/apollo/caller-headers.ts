import type { GatewayContext } from './gateway-context.js';

/**
 * What a subgraph learns about the caller: its token (verified again there), its address as the gateway determined
 * it, and the request id that joins the logs. Nothing else from the client is passed on. Gateway-internal fetches
 * (health checks, schema loading) carry no caller context and send none of these.
 */
export function callerHeaders(context: Partial<GatewayContext>): [name: string, value: string][] {
  const { requestId, authorization, clientAddress } = context;
  const headers: [string, string][] = [];
  if (requestId) headers.push(['x-request-id', requestId]);
  if (authorization) headers.push(['authorization', authorization]);
  // One entry, set by us: whatever the client claimed was weighed in clientAddressOf.
  if (clientAddress) headers.push(['x-forwarded-for', clientAddress]);
  return headers;
}
