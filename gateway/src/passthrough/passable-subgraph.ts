import type { QueryPlan } from '@apollo/query-planner';
import { BREAK, OperationTypeNode, validate, visit, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Fields the gateway answers itself: a subgraph would describe its own schema instead of the supergraph's. */
const gatewayAnsweredFields = new Set(['__schema', '__type']);
/** Directives whose answer comes in parts, which only Apollo's executor assembles. */
const incrementalDirectives = new Set(['defer', 'stream']);

/**
 * The subgraph that can answer a client's query document as it stands, or
 * undefined. That holds when the gateway's own plan is a single fetch of a
 * query from that subgraph, with nothing to require, rewrite or defer, and
 * the document is valid against that subgraph's schema: the subgraph then
 * resolves exactly the fields the gateway would have asked it for, in the
 * client's shape, and its answer is the gateway's answer.
 */
export function passableSubgraph(plan: QueryPlan, document: DocumentNode, subgraphSchemas: ReadonlyMap<string, GraphQLSchema>): string | undefined {
  const fetch = plan.node;
  if (fetch?.kind !== 'Fetch' || fetch.operationKind !== OperationTypeNode.QUERY) return undefined;
  if (fetch.requires?.length || fetch.hasDefers || fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) {
    return undefined;
  }
  const schema = subgraphSchemas.get(fetch.serviceName);
  if (!schema || usesGatewayOnlyFeatures(document)) return undefined;
  return validate(schema, document).length === 0 ? fetch.serviceName : undefined;
}

function usesGatewayOnlyFeatures(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!gatewayAnsweredFields.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
    Directive(node) {
      if (!incrementalDirectives.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
