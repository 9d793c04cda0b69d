import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context.js';
import { callerHeaders } from './caller-headers.js';
import { subgraphFetcher, subgraphSender } from './subgraph-fetcher.js';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** One pool of keep-alive connections per gateway process, shared by every subgraph's data source and the passthrough. */
export const sendToSubgraph = subgraphSender();
const fetcher = subgraphFetcher(sendToSubgraph);

/**
 * A subgraph fetcher that forwards the caller's token, address and the request
 * id (callerHeaders), so subgraphs verify the same token, rate-limit or audit
 * the real client, and their logs join the gateway's.
 */
export function subgraphDataSource(url: string, pickReplica: () => string | undefined = () => url): RemoteGraphQLDataSource<GatewayContext> {
  return new SubgraphDataSource({
    url,
    // Closes an idle connection after a few seconds, well before a subgraph does (its keep-alive is 65 s). Apollo's
    // default fetcher kept idle sockets longer than that, so a request sent just as the subgraph closed one failed
    // with "socket hang up" (seen on drop day, twice, on a pay).
    fetcher,
    willSendRequest({ request, context }) {
      // The replica for this request, among those the readiness probes route to. With none left the client gets the
      // same SERVICE_UNAVAILABLE an unanswered request gets, at once, and nothing reaches a subgraph that could only
      // half-serve it.
      const replica = pickReplica();
      if (replica === undefined) throw new GraphQLError(subgraphUnreachableMessage, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      if (request.http) request.http = { ...request.http, url: replica };
      for (const [name, value] of callerHeaders(context as Partial<GatewayContext>)) request.http?.headers.set(name, value);
    },
  });
}

/** What a client is told when a subgraph did not answer at all (restarting, crashed, unreachable). */
export const subgraphUnreachableMessage = 'This part of the store did not answer. Please try again in a moment (with the same idempotency key, if any).';

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * No response at all (connection refused or cut: the subgraph is restarting
   * or gone) is an outage, not a bug of ours: the client gets
   * SERVICE_UNAVAILABLE and retries. Apollo would pass the fetch error on
   * without a code, which the formatter masks as INTERNAL_SERVER_ERROR.
   */
  override didEncounterError(error: Error, fetchRequest: unknown, fetchResponse: unknown): never {
    if (fetchResponse === undefined && !(error instanceof GraphQLError)) {
      throw new GraphQLError(subgraphUnreachableMessage, { extensions: { code: 'SERVICE_UNAVAILABLE' }, originalError: error });
    }
    throw error;
  }

  /**
   * A subgraph answers a request it refuses as a whole (a variable that is not
   * a valid value of its scalar, a token it cannot verify) with a 4xx and a
   * GraphQL error body. Apollo's default turns that into "400: Bad Request"
   * carrying the subgraph's URL, status and body: here the subgraph's own
   * first error (message and code, which it wrote for clients) is passed on
   * instead, and nothing about the transport.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = firstGraphqlError(body);
    if (first && response.status < 500) return new GraphQLError(first.message, { extensions: first.extensions });
    // Anything else is ours to investigate: the gateway's formatter masks it (no code).
    return new GraphQLError(`subgraph answered ${response.status}`, { extensions: { response: { status: response.status, body } } });
  }
}

function firstGraphqlError(body: unknown): { message: string; extensions: Record<string, unknown> } | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return undefined;
  const [first] = body.errors as unknown[];
  if (typeof first !== 'object' || first === null) return undefined;
  const { message, extensions } = first as { message?: unknown; extensions?: unknown };
  if (typeof message !== 'string') return undefined;
  // Without a code the gateway's formatter treats it as unexpected and masks it.
  return { message, extensions: typeof extensions === 'object' && extensions !== null ? { ...extensions } : {} };
}
