import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context.js';
import { callerHeaders } from './caller-headers.js';
import { subgraphSender, type SubgraphAnswer } from './subgraph-sender.js';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** One pool of keep-alive connections per gateway process, shared by every subgraph's data source and the passthrough. */
const sendToSubgraph = subgraphSender();

/**
 * POSTs a GraphQL request to a subgraph replica, with the caller's token, address and request id (callerHeaders):
 * subgraphs verify the same token, rate-limit or audit the real client, and their logs join the gateway's. `headers`
 * are Apollo's own for the fetch (a trace request); health checks and schema loads have no caller.
 */
export function postToSubgraph(url: string, request: object, context: Partial<GatewayContext>, headers: Record<string, string> = {}): Promise<SubgraphAnswer> {
  const sent = { ...headers, 'content-type': 'application/json', ...Object.fromEntries(callerHeaders(context)) };
  return sendToSubgraph(url, { method: 'POST', headers: sent, body: JSON.stringify(request) });
}

/** What a client is told when a subgraph did not answer at all (restarting, crashed, unreachable). */
export const subgraphUnreachableMessage = 'This part of the store did not answer. Please try again in a moment (with the same idempotency key, if any).';

/**
 * How the gateway asks a subgraph for its part of a query plan. Apollo's RemoteGraphQLDataSource built node-fetch
 * Headers and Request objects and a WHATWG-like response for every fetch, none of which a JSON POST over a kept-alive
 * connection needs; this one sends the same request with the same headers over the gateway's pool of connections
 * (subgraphSender), and reads the answer as Apollo's would, except for the refusals and outages noted below.
 */
export function subgraphDataSource(url: string, pickReplica: () => string | undefined = () => url): GraphQLDataSource<GatewayContext> {
  return { process: (options) => askSubgraph(pickReplica, options) };
}

async function askSubgraph(pickReplica: () => string | undefined, options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
  // The replica for this request, among those the readiness probes route to. With none left the client gets the
  // same SERVICE_UNAVAILABLE an unanswered request gets, at once, and nothing reaches a subgraph that could only
  // half-serve it.
  const replica = pickReplica();
  if (replica === undefined) throw unreachable();
  const { http, ...request } = options.request;
  if (!request.query) throw new Error('Missing query');
  const apolloHeaders: Record<string, string> = {};
  for (const [name, value] of http?.headers ?? []) apolloHeaders[name.toLowerCase()] = value;
  let answer: SubgraphAnswer;
  try {
    answer = await postToSubgraph(replica, request, options.context as Partial<GatewayContext>, apolloHeaders);
  } catch (error) {
    // No response at all (connection refused or cut: the subgraph is restarting or gone) is an outage, not a bug of
    // ours: the client retries. Passed on without a code, the formatter would mask it as INTERNAL_SERVER_ERROR.
    throw unreachable(error);
  }
  const status = answer.response.statusCode ?? 0;
  if (status < 200 || status >= 300) throw refusal(status, readableBodyOf(answer));
  const body = bodyOf(answer);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
  return body as SubgraphResponse;
}

/** The answer's JSON, or its text when it is not JSON (as Apollo's data source reads it). */
function bodyOf({ response, body }: SubgraphAnswer): unknown {
  const type = response.headers['content-type'] ?? '';
  const text = body.toString('utf8');
  return type.startsWith('application/json') || type.startsWith('application/graphql-response+json') ? JSON.parse(text) : text;
}

function readableBodyOf(answer: SubgraphAnswer): unknown {
  try {
    return bodyOf(answer);
  } catch {
    return undefined;
  }
}

function unreachable(cause?: unknown): GraphQLError {
  return new GraphQLError(subgraphUnreachableMessage, {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
    ...(cause instanceof Error && { originalError: cause }),
  });
}

/**
 * A subgraph answers a request it refuses as a whole (a variable that is not a valid value of its scalar, a token it
 * cannot verify) with a 4xx and a GraphQL error body. Apollo's default turned that into "400: Bad Request" carrying
 * the subgraph's URL, status and body: here the subgraph's own first error (message and code, which it wrote for
 * clients) is passed on instead, and nothing about the transport.
 */
function refusal(status: number, body: unknown): GraphQLError {
  const first = firstGraphqlError(body);
  if (first && status < 500) return new GraphQLError(first.message, { extensions: first.extensions });
  // Anything else is ours to investigate: the gateway's formatter masks it (no code).
  return new GraphQLError(`subgraph answered ${status}`, { extensions: { response: { status, body } } });
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
