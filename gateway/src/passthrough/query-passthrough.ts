import type { ServerResponse } from 'node:http';
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../apollo/gateway-context.js';
import { operationCost } from '../apollo/query-cost.js';
import { postToSubgraph } from '../apollo/subgraph-data-source.js';
import type { QueryLimits } from '../config.js';
import type { SubgraphRouting } from '../routing/subgraph-routing.js';
import { LearnedQueries } from './learned-queries.js';
import { passableSubgraph } from './passable-subgraph.js';
import { isPlainSuccess } from './plain-success.js';

export interface QueryPassthrough {
  /** Given to ApolloGateway: remembers each query document whose plan shows one subgraph answers it whole. */
  readonly learn: Experimental_DidResolveQueryPlanCallback;
  /**
   * Answers a request whose document was learned by forwarding it, as the
   * client sent it, to that subgraph and its answer back. False when it did
   * not answer: the caller runs the request through Apollo as usual.
   */
  serve(request: PassthroughRequest, context: GatewayContext, res: ServerResponse): Promise<boolean>;
}

export interface PassthroughRequest {
  /** The parsed JSON body of a POST (after the trusted-document policy). */
  readonly body: unknown;
  /** The client's Accept header: an answer in another media type is Apollo's to negotiate. */
  readonly accept: string | undefined;
}

export interface QueryPassthroughOptions {
  readonly supergraphSdl: string;
  readonly routing: SubgraphRouting;
  readonly limits: QueryLimits;
  /** How many distinct documents to remember. */
  readonly capacity?: number;
}

/**
 * The gateway's shortcut for queries one subgraph answers whole (most of a
 * storefront's reads: a listing, a product page): once Apollo has validated
 * and planned a document, the next requests for it skip Apollo's pipeline,
 * the query plan's execution and the re-shaping of the answer, and the
 * subgraph's bytes go back to the client untouched.
 *
 * Every check Apollo makes per request is still made: the cost with these
 * variables, the variables against the supergraph's types, the caller's
 * headers and the replica the routing picks. An answer that is not a plain
 * success (errors, extensions, another status, no answer) is not passed on:
 * the request goes through Apollo, which masks, logs and shapes errors as
 * always. A query is read-only, so asking the subgraph a second time then
 * changes nothing but the time it takes.
 */
export function createQueryPassthrough(options: QueryPassthroughOptions): QueryPassthrough {
  const subgraphSchemas = subgraphSchemasOf(options.supergraphSdl);
  const learned = new LearnedQueries(options.capacity ?? 1000);
  // Apollo caches its plans, so a document it runs again brings the same plan: judged once, whatever the verdict.
  const judged = new WeakSet<object>();

  return {
    learn({ queryPlan, requestContext }) {
      if (judged.has(queryPlan)) return;
      judged.add(queryPlan);
      const { source, document, operation, schema, request } = requestContext;
      const subgraph = passableSubgraph(queryPlan, document, subgraphSchemas);
      if (subgraph) learned.remember(source, request.operationName, { subgraph, document, operation, schema });
    },

    async serve({ body, accept }, context, res) {
      const request = plainRequestOf(body);
      if (!request || !acceptsPlainJson(accept)) return false;
      const known = learned.get(request.query, request.operationName);
      if (!known) return false;
      if (operationCost(known.schema, known.document, known.operation, request.variables) > options.limits.maxCost) return false;
      if (getVariableValues(known.schema, known.operation.variableDefinitions ?? [], request.variables).errors) return false;
      const replica = options.routing.pick(known.subgraph);
      if (replica === undefined) return false;

      const answer = await askSubgraph(replica, request, context);
      if (answer === undefined) return false;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length });
      res.end(answer);
      return true;
    },
  };
}

interface PlainRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
}

function plainRequestOf(body: unknown): PlainRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  // Extensions (an APQ hash to check against the text, anything a plugin reads) are Apollo's to handle.
  if (typeof query !== 'string' || extensions !== undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, operationName: operationName ?? undefined, variables: (variables ?? {}) as Record<string, unknown> };
}

/** Apollo answers `application/json` unless the client prefers the GraphQL media type or asks for parts. */
function acceptsPlainJson(accept: string | undefined): boolean {
  return accept === undefined || !/graphql-response|multipart/i.test(accept);
}

/** The subgraph's answer as it sent it when it is a plain success (`{"data": {...}}` and nothing else); otherwise undefined. */
async function askSubgraph(url: string, request: PlainRequest, context: GatewayContext): Promise<Buffer | undefined> {
  try {
    const { response, body } = await postToSubgraph(url, request, context);
    // `complete`: the whole message arrived as its framing announced it, not a connection cut short.
    return response.statusCode === 200 && response.complete && isPlainSuccess(body) ? body : undefined;
  } catch (error) {
    context.log.debug({ err: error }, 'passthrough: no answer from the subgraph; Apollo takes the request');
    return undefined;
  }
}

function subgraphSchemasOf(supergraphSdl: string): ReadonlyMap<string, GraphQLSchema> {
  const supergraph = Supergraph.build(supergraphSdl);
  return new Map(
    supergraph
      .subgraphs()
      .values()
      .map((subgraph) => [subgraph.name, subgraph.schema.toGraphQLJSSchema()]),
  );
}
